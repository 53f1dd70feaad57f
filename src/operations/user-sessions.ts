import { AppwriteError } from '../errors/appwrite-error';
import { behaviour } from '../models/formats/behaviours';
import { renderSession, renderSessionList } from '../models/session';
import { renderToken } from '../models/token';
import { createJwt, createServerSession, createToken, deleteSession, deleteSessions, listSessions } from '../services/sessions';
import { optional, required } from '../validation/params';
import { totalParam } from '../queries';
import { integerRange } from '../validation/range';
import { customId, uid } from '../validation/rules';
import { operation } from './operation';

const user = { userId: required(uid) };
const JWT_DURATION = integerRange(1, 3600);

/** A user's sessions, tokens and JWTs, issued by the server (sessions-tokens.md §4–9). */
export const userSessionOperations = [
  operation({
    id: 'users.createSession',
    rpc: 'createSession',
    method: 'post',
    path: '/v1/users/{userId}/sessions',
    scope: 'users.write',
    scopes: (format) => behaviour(format).sessionScopes.write,
    summary: 'Create session',
    params: { userId: required(customId) },
    response: { status: 201, model: 'session' },
    errors: ['user_not_found', 'user_blocked'],
    async run(ctx, p) {
      const { session, secret } = await createServerSession(ctx.service, p.userId, ctx.client);
      return renderSession(session, { secret });
    },
  }),
  operation({
    id: 'users.listSessions',
    rpc: 'listSessions',
    method: 'get',
    path: '/v1/users/{userId}/sessions',
    scope: 'users.read',
    scopes: (format) => behaviour(format).sessionScopes.read,
    summary: 'List user sessions',
    params: { ...user, total: totalParam },
    response: { status: 200, model: 'sessionList' },
    errors: ['user_not_found'],
    run: async (ctx, p) => renderSessionList(await listSessions(ctx.service, p.userId), undefined, p.total !== false),
  }),
  operation({
    id: 'users.deleteSessions',
    rpc: 'deleteSessions',
    method: 'delete',
    path: '/v1/users/{userId}/sessions',
    scope: 'users.write',
    scopes: (format) => behaviour(format).sessionScopes.write,
    summary: 'Delete user sessions',
    params: user,
    response: { status: 204, model: null },
    errors: ['user_not_found'],
    run: async (ctx, p) => {
      await deleteSessions(ctx.service, p.userId);
      return null;
    },
  }),
  operation({
    id: 'users.deleteSession',
    rpc: 'deleteSession',
    method: 'delete',
    path: '/v1/users/{userId}/sessions/{sessionId}',
    scope: 'users.write',
    scopes: (format) => behaviour(format).sessionScopes.write,
    summary: 'Delete user session',
    params: { ...user, sessionId: required(uid) },
    response: { status: 204, model: null },
    errors: ['user_not_found', 'user_session_not_found'],
    run: async (ctx, p) => {
      await deleteSession(ctx.service, p.userId, p.sessionId);
      return null;
    },
  }),
  operation({
    id: 'users.createToken',
    rpc: 'createToken',
    method: 'post',
    path: '/v1/users/{userId}/tokens',
    scope: 'users.write',
    summary: 'Create token',
    params: { ...user, length: optional(integerRange(4, 128), 6), expire: optional(integerRange(60, 31_536_000), 900) },
    response: { status: 201, model: 'token' },
    errors: ['user_not_found'],
    async run(ctx, p) {
      const { token, secret } = await createToken(ctx.service, p.userId, { length: p.length ?? 6, expire: p.expire ?? 900, client: ctx.client });
      return renderToken(token, secret);
    },
  }),
  operation({
    id: 'users.createJWT',
    rpc: 'createJWT',
    method: 'post',
    path: '/v1/users/{userId}/jwts',
    scope: 'users.write',
    summary: 'Create user JWT',
    params: { ...user, sessionId: optional(uid, ''), duration: optional(integerRange(0, 3600), 900) },
    response: { status: 201, model: 'jwt' },
    errors: ['user_not_found', 'user_session_not_found'],
    async run(ctx, p) {
      const duration = p.duration ?? 900;
      // Appwrite accepts 0 and then fails with 500 in its JWT library; we refuse it as a bad param.
      if (duration === 0) throw new AppwriteError('general_argument_invalid', `Invalid \`duration\` param: ${JWT_DURATION.description}`);
      return { jwt: await createJwt(ctx.service, p.userId, { sessionId: p.sessionId ?? '', duration }) };
    },
  }),
];
