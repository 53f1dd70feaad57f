import { DurableObject } from 'cloudflare:workers';

/**
 * One instance per user (`idFromName(userId)`): the only place that issues or revokes that
 * user's sessions, tokens, JWTs and MFA credentials, so per-user rules hold under concurrency.
 */
export class UserGate extends DurableObject<Env> {}
