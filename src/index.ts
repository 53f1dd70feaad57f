import { app, normalizePath } from './app';

export { UserGate } from './durable/user-gate';
export { UsersRpc } from './rpc/users-rpc';

export default {
  fetch: (request, env, ctx) => app.fetch(normalizePath(request), env, ctx),
} satisfies ExportedHandler<Env>;
