import { DurableObject } from 'cloudflare:workers';
export class UserGate extends DurableObject {}
export default { fetch: () => new Response('ok') };
