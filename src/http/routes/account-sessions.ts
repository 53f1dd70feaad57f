import type { Context } from 'hono';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { RateLimit } from '../../durable/gate-context';
import type { IssuedSession } from '../../durable/sessions';
import { AppwriteError } from '../../errors/appwrite-error';
import { renderSession, renderSessionList } from '../../models/session';
import { loginWithPassword } from '../../services/login';
import { deleteSession, deleteSessions, exchangeToken, listSessions } from '../../services/sessions';
import { customId, email, hashedPassword, text, uid } from '../../validation/rules';
import type { AppEnv } from '../app-env';
import { requireScope } from '../middleware/caller';
import { setRateLimitHeaders, withRateLimitOnError } from '../rate-limit';
import { input, json, noContent, serviceContext } from '../respond';
import { clearedSessionCookieHeaders, sessionCookieHeaders } from '../session-cookies';
import { sessionClient } from '../session-client';
import { required, validateParams } from '../validate-params';
import { signedIn } from './account';

/** `/v1/account/sessions…`: login, token exchange, listing and logout (account-minimal.md §3–4, §7–8). */
export const accountSessionsRoutes = new Hono<AppEnv>();

/** Appwrite's `session` group: no new session while one is active. */
const signedOutOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.caller.auth) throw new AppwriteError('user_session_already_exists');
  await next();
});

const isKeyCaller = (c: Context<AppEnv>) => c.var.caller.role === 'applications';

/** 201 with the new session (its secret only for API-key callers), cookies and the fallback header. */
function sessionCreated(c: Context<AppEnv>, { session, secret }: IssuedSession, rateLimit?: RateLimit) {
  const response = json(renderSession(session, c.var.format, { current: true, secret: isKeyCaller(c) ? secret : '' }), 201);
  sessionCookieHeaders(c, secret, session.expire).forEach((value, name) => response.headers.append(name, value));
  if (rateLimit) setRateLimitHeaders(response.headers, rateLimit);
  return response;
}

const loginParams = { email: required(email), password: required(hashedPassword) };

for (const path of ['/email', '/']) {
  accountSessionsRoutes.post(path, requireScope('sessions.write'), signedOutOnly, (c) =>
    withRateLimitOnError(async () => {
      // The login password rule (8–256 bytes) is the import routes' rule, message included.
      const p = validateParams(input(c), loginParams);
      // No project is Appwrite's console project, which has none of these users (errors.md §4).
      if (!c.var.projectId) throw new AppwriteError('user_invalid_credentials');
      const { rateLimit, ...issued } = await loginWithPassword(serviceContext(c), {
        email: p.email,
        password: p.password,
        client: sessionClient(c),
        throttle: !isKeyCaller(c),
      });
      return sessionCreated(c, issued, rateLimit);
    }),
  );
}

const exchangeParams = { userId: required(customId), secret: required(text(1, 256)) };
const exchange = (c: Context<AppEnv>) =>
  withRateLimitOnError(async () => {
    const p = validateParams(input(c), exchangeParams);
    const { rateLimit, ...issued } = await exchangeToken(serviceContext(c), p.userId, p.secret, sessionClient(c), !isKeyCaller(c));
    return sessionCreated(c, issued, rateLimit);
  });
accountSessionsRoutes.post('/token', requireScope('sessions.write'), signedOutOnly, exchange);
// Deprecated aliases with the same handler.
accountSessionsRoutes.put('/magic-url', requireScope('sessions.write'), signedOutOnly, exchange);
accountSessionsRoutes.put('/phone', requireScope('sessions.write'), signedOutOnly, exchange);

accountSessionsRoutes.get('/', requireScope('account'), async (c) => {
  const { user, session } = signedIn(c.var.caller);
  return json(renderSessionList(await listSessions(serviceContext(c), user.id), c.var.format, session?.id));
});

accountSessionsRoutes.get('/:sessionId', requireScope('account'), async (c) => {
  const p = validateParams(input(c), { sessionId: required(uid) });
  const { user, session: own } = signedIn(c.var.caller);
  const sessionId = p.sessionId === 'current' ? own?.id : p.sessionId;
  const session = (await listSessions(serviceContext(c), user.id)).find((s) => s.id.toLowerCase() === sessionId?.toLowerCase());
  if (!session) throw new AppwriteError('user_session_not_found');
  return json(renderSession(session, c.var.format, { current: session.id === own?.id }));
});

// In Appwrite's `mfa` group: a session may log out before completing MFA.
accountSessionsRoutes.delete('/:sessionId', requireScope('account', { mfaExempt: true }), async (c) => {
  const p = validateParams(input(c), { sessionId: required(uid) });
  const { user, session: own } = signedIn(c.var.caller);
  const sessionId = p.sessionId === 'current' ? own?.id : p.sessionId;
  if (!sessionId) throw new AppwriteError('user_session_not_found');
  const deleted = await deleteSession(serviceContext(c), user.id, sessionId);
  return deleted.id === own?.id ? new Response(null, { status: 204, headers: clearedSessionCookieHeaders(c) }) : noContent();
});

accountSessionsRoutes.delete('/', requireScope('account'), async (c) => {
  const { user, session: own } = signedIn(c.var.caller);
  const deleted = await deleteSessions(serviceContext(c), user.id);
  return deleted.some((s) => s.id === own?.id) ? new Response(null, { status: 204, headers: clearedSessionCookieHeaders(c) }) : noContent();
});
