import { rpcErrorEnvelope } from '../../../src/rpc/errors';
import type { UsersRpc } from '../../../src/rpc/users-rpc';

/** A second Worker, as a user would write one: the Users service reached through a service binding. */
interface CallerEnv {
  USERS: Service<UsersRpc>;
}

type Method = keyof UsersRpc;

export default {
  async fetch(request: Request, env: CallerEnv): Promise<Response> {
    const { method, params } = (await request.json()) as { method: Method; params: unknown };
    try {
      // A typed call, as the README shows it.
      if (method === 'updateEmail') {
        const { userId, email } = params as { userId: string; email: string };
        const user = await env.USERS.updateEmail({ userId, email });
        return Response.json({ value: { email: user.email } });
      }
      const users = env.USERS as unknown as Record<Method, (p: unknown) => Promise<unknown>>;
      return Response.json({ value: (await users[method](params)) ?? null });
    } catch (error) {
      return Response.json({ error: rpcErrorEnvelope(error) ?? { thrown: String(error) } });
    }
  },
};
