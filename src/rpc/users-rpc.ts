import { WorkerEntrypoint } from 'cloudflare:workers';
import { loadConfig } from '../config';
import { CURRENT_FORMAT } from '../models/response-format';
import { renderUser } from '../models/user';
import type { ServiceContext } from '../services/context';
import { listUsers } from '../services/user-list';
import { createUser, deleteUser, getUser, type CreateUserInput } from '../services/users';
import { createDatabase } from '../store/database';
import { validateParams, optional } from '../http/validate-params';
import { renderSession } from '../models/session';
import { renderToken } from '../models/token';
import { createJwt, createServerSession, createToken } from '../services/sessions';
import { integerRange } from '../validation/range';
import { queriesParam } from '../queries';
import { text } from '../validation/rules';

/**
 * The RPC door for other Workers (service binding with `entrypoint = "UsersRpc"`). Callers are
 * trusted like the root key; results are the same models the HTTP API returns.
 */
export class UsersRpc extends WorkerEntrypoint<Env> {
  private context(): ServiceContext {
    return {
      db: createDatabase(this.env.DB),
      config: loadConfig(this.env),
      env: this.env,
      request: { ip: '', userAgent: 'rpc', countryCode: '--', locale: 'en', actor: { id: '', email: 'rpc', name: '' } },
    };
  }

  async createUser(input: { userId: string } & Partial<Omit<CreateUserInput, 'userId'>>) {
    const user = await createUser(this.context(), { email: null, phone: null, name: null, password: null, ...input });
    return renderUser(user, CURRENT_FORMAT);
  }

  async getUser(userId: string) {
    return renderUser(await getUser(this.context(), userId), CURRENT_FORMAT);
  }

  /** Validated like `GET /v1/users`: RPC has no URL length limit, so the caps matter even more here. */
  async listUsers(queries: string[] = [], search: string | null = null) {
    validateParams({ queries, search }, { queries: optional(queriesParam), search: optional(text(1, 256)) });
    const page = await listUsers(this.context(), { queries, search });
    return { total: page.total, users: page.users.map((u) => renderUser(u, CURRENT_FORMAT)) };
  }

  async deleteUser(userId: string): Promise<void> {
    await deleteUser(this.context(), userId);
  }

  /** Like `POST /users/{userId}/sessions`: the Session model with its usable `secret`. */
  async createSession(userId: string) {
    const { session, secret } = await createServerSession(this.context(), userId, RPC_CLIENT);
    return renderSession(session, CURRENT_FORMAT, { secret });
  }

  async createToken(userId: string, length = 6, expire = 900) {
    validateParams({ length, expire }, { length: optional(integerRange(4, 128)), expire: optional(integerRange(60, 31_536_000)) });
    const { token, secret } = await createToken(this.context(), userId, { length, expire, client: RPC_CLIENT });
    return renderToken(token, secret, CURRENT_FORMAT);
  }

  async createJWT(userId: string, sessionId = '', duration = 900) {
    validateParams({ duration }, { duration: optional(integerRange(1, 3600)) });
    return { jwt: await createJwt(this.context(), userId, { sessionId, duration }) };
  }
}

/** What sessions and tokens minted over RPC record as their client. */
const RPC_CLIENT = { ip: '', userAgent: 'rpc', countryCode: '--' };
