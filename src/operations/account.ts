import type { IssuedSession } from '../durable/sessions';
import type { RateLimit } from '../durable/gate-context';
import { AppwriteError } from '../errors/appwrite-error';
import { renderAccount } from '../models/account';
import { renderSession, renderSessionList } from '../models/session';
import { loginWithPassword } from '../services/login';
import { createAccountJwt, deleteSession, deleteSessions, exchangeToken, listSessions } from '../services/sessions';
import { required } from '../validation/params';
import { customId, email, hashedPassword, text, uid } from '../validation/rules';
import { currentSession, isKeyCaller, limited, setRateLimitHeaders, signedIn, signedOutOnly } from './account-caller';
import { operation, type OperationContext } from './operation';

/** 201 with the new session (its secret only for API-key callers), cookies and rate-limit headers. */
function sessionCreated(ctx: OperationContext, { session, secret }: IssuedSession, rateLimit?: RateLimit) {
  ctx.cookies.issue(secret, session.expire);
  if (rateLimit) setRateLimitHeaders(ctx.headers, rateLimit);
  return renderSession(session, { current: true, secret: isKeyCaller(ctx) ? secret : '' });
}

const exchangeParams = { userId: required(customId), secret: required(text(1, 256)) };

/** Token exchange, served under its 1.6 name and two deprecated ones. */
function exchangeOperation(id: string, method: 'post' | 'put', path: string, summary: string) {
  return operation({
    id,
    method,
    path,
    scope: 'sessions.write',
    guards: [signedOutOnly],
    summary,
    params: exchangeParams,
    response: { status: 201, model: 'session' },
    errors: ['user_invalid_token', 'user_blocked', 'general_rate_limit_exceeded', 'user_session_already_exists'],
    async run(ctx, p) {
      const { rateLimit, ...issued } = await exchangeToken(ctx.service, p.userId, p.secret, ctx.client, !isKeyCaller(ctx));
      return sessionCreated(ctx, issued, rateLimit);
    },
  });
}

const sessionIdOf = (ctx: OperationContext, requested: string) => (requested === 'current' ? signedIn(ctx).session?.id : requested);

/** The end-user account routes we serve (account-minimal.md): HTTP only, no RPC. */
export const accountOperations = [
  operation({
    id: 'account.get',
    method: 'get',
    path: '/v1/account',
    scope: 'account',
    summary: 'Get account',
    params: {},
    response: { status: 200, model: 'account' },
    run: async (ctx) => renderAccount(signedIn(ctx).user),
  }),
  operation({
    id: 'account.createJWT',
    method: 'post',
    path: '/v1/account/jwts',
    aliases: ['/v1/account/jwt'],
    scope: 'account',
    summary: 'Create JWT',
    params: {},
    response: { status: 201, model: 'jwt' },
    errors: ['user_session_not_found', 'general_rate_limit_exceeded'],
    async run(ctx) {
      const session = currentSession(ctx);
      // A fixed 15 minutes, bound to the current session; throttled per user.
      return { jwt: limited(ctx, await createAccountJwt(ctx.service, session.userId, session.id)) };
    },
  }),
  operation({
    id: 'account.createEmailPasswordSession',
    method: 'post',
    path: '/v1/account/sessions/email',
    aliases: ['/v1/account/sessions'],
    scope: 'sessions.write',
    guards: [signedOutOnly],
    summary: 'Create email password session',
    // The login password rule (8–256 bytes) is the import routes' rule, message included.
    params: { email: required(email), password: required(hashedPassword) },
    response: { status: 201, model: 'session' },
    errors: ['user_invalid_credentials', 'user_blocked', 'general_rate_limit_exceeded', 'user_session_already_exists'],
    async run(ctx, p) {
      // No project is Appwrite's console project, which has none of these users (errors.md §4).
      if (!ctx.project) throw new AppwriteError('user_invalid_credentials');
      const { rateLimit, ...issued } = await loginWithPassword(ctx.service, {
        email: p.email,
        password: p.password,
        client: ctx.client,
        throttle: !isKeyCaller(ctx),
      });
      return sessionCreated(ctx, issued, rateLimit);
    },
  }),
  exchangeOperation('account.createSession', 'post', '/v1/account/sessions/token', 'Create session'),
  exchangeOperation('account.updateMagicURLSession', 'put', '/v1/account/sessions/magic-url', 'Update magic URL session (deprecated)'),
  exchangeOperation('account.updatePhoneSession', 'put', '/v1/account/sessions/phone', 'Update phone session (deprecated)'),
  operation({
    id: 'account.listSessions',
    method: 'get',
    path: '/v1/account/sessions',
    scope: 'account',
    summary: 'List sessions',
    params: {},
    response: { status: 200, model: 'sessionList' },
    async run(ctx) {
      const { user, session } = signedIn(ctx);
      return renderSessionList(await listSessions(ctx.service, user.id), session?.id);
    },
  }),
  operation({
    id: 'account.getSession',
    method: 'get',
    path: '/v1/account/sessions/{sessionId}',
    scope: 'account',
    summary: 'Get session',
    params: { sessionId: required(uid) },
    response: { status: 200, model: 'session' },
    errors: ['user_session_not_found'],
    async run(ctx, p) {
      const { user, session: own } = signedIn(ctx);
      const sessionId = sessionIdOf(ctx, p.sessionId)?.toLowerCase();
      const session = (await listSessions(ctx.service, user.id)).find((s) => s.id.toLowerCase() === sessionId);
      if (!session) throw new AppwriteError('user_session_not_found');
      return renderSession(session, { current: session.id === own?.id });
    },
  }),
  // In Appwrite's `mfa` group: a session may log out before completing MFA.
  operation({
    id: 'account.deleteSession',
    method: 'delete',
    path: '/v1/account/sessions/{sessionId}',
    scope: 'account',
    mfaExempt: true,
    summary: 'Delete session',
    params: { sessionId: required(uid) },
    response: { status: 204, model: null },
    errors: ['user_session_not_found'],
    async run(ctx, p) {
      const { user, session: own } = signedIn(ctx);
      const sessionId = sessionIdOf(ctx, p.sessionId);
      if (!sessionId) throw new AppwriteError('user_session_not_found');
      const deleted = await deleteSession(ctx.service, user.id, sessionId);
      if (deleted.id === own?.id) ctx.cookies.clear();
      return null;
    },
  }),
  operation({
    id: 'account.deleteSessions',
    method: 'delete',
    path: '/v1/account/sessions',
    scope: 'account',
    summary: 'Delete sessions',
    params: {},
    response: { status: 204, model: null },
    async run(ctx) {
      const { user, session: own } = signedIn(ctx);
      const deleted = await deleteSessions(ctx.service, user.id);
      if (deleted.some((s) => s.id === own?.id)) ctx.cookies.clear();
      return null;
    },
  }),
];
