import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { AppwriteError } from '../../errors/appwrite-error';
import { authenticateKey } from '../../services/api-keys';
import { accessedAtUpdate, authenticateJwt, authenticateSession, impersonate, type Authentication } from '../../services/authentication';
import type { AppEnv, Caller } from '../app-env';
import { behaviour, missingScopeMessage } from '../../models/formats/behaviours';
import type { ResponseFormat } from '../../models/response-format';
import { sessionCredential } from '../session-cookies';

/** Guests may only create sessions; signed-in users also reach their account (Appwrite's roles). */
const GUEST: Caller = { role: 'guests', actorEmail: 'User', scopes: new Set(['sessions.write']) };
const USER_SCOPES: ReadonlySet<string> = new Set(['sessions.write', 'account']);
/** Impersonators (and requests impersonating) may also list users, to pick a target (Appwrite 1.9). */
const IMPERSONATOR_SCOPES: ReadonlySet<string> = new Set([...USER_SCOPES, 'users.read']);

/**
 * Resolves the caller (account-minimal.md §1, errors.md §4–5): an invalid `X-Appwrite-JWT` fails
 * first; a user credential (session cookie / `X-Appwrite-Session` / fallback cookies, then JWT)
 * together with `X-Appwrite-Key` is refused; otherwise the key, else the user, else a guest.
 */
export const caller = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('x-appwrite-key') ?? '';
  const auth = c.get('projectId') ? await authenticateUser(c) : null;
  if (key && auth) throw new AppwriteError('user_key_and_session_set');
  let who = GUEST;
  if (key) {
    const config = c.get('config');
    const projectId = c.get('projectId');
    // No project means Appwrite's console project, which knows none of our keys.
    if (projectId === '') throw new AppwriteError('user_unauthorized');
    const keyAuth = await authenticateKey(c.get('db'), config.apiKey, key);
    if (keyAuth.kind === 'key') {
      const host = (c.req.header('x-forwarded-host') ?? c.req.header('host') ?? new URL(c.req.url).host).replace(/:\d+$/, '');
      who = { role: 'applications', actorEmail: `app.${config.projectId}@service.${host}`, scopes: keyAuth.scopes };
    }
  } else if (auth) {
    // Appwrite prints the email attribute, or "User" when the user has none.
    const impersonating = auth.user.impersonator || auth.user.impersonatorUserId !== undefined;
    who = { role: 'users', actorEmail: auth.user.email ?? 'User', scopes: impersonating ? IMPERSONATOR_SCOPES : USER_SCOPES, userId: auth.user.id, auth };
  }
  c.set('caller', who);
  await next();
});

/**
 * A JWT naming a user replaces the session user (before 1.9: no error when both are sent; since:
 * 403 `user_jwt_and_cookie_set`). Since 1.9 an impersonator's request may run as another user.
 */
async function authenticateUser(c: Context<AppEnv>): Promise<Authentication | null> {
  const rules = behaviour(c.get('format'));
  const jwt = c.req.header('x-appwrite-jwt') ?? '';
  const credential = sessionCredential(c);
  if (jwt && credential && rules.jwtWithSessionRefused) throw new AppwriteError('user_jwt_and_cookie_set');
  const byJwt = jwt ? await authenticateJwt(c.get('db'), c.get('config').jwtSecret, jwt) : undefined;
  const auth = byJwt !== undefined ? byJwt : credential ? await authenticateSession(c.get('db'), credential) : null;
  if (!auth || !rules.impersonation) return auth;
  const param = (name: string) => {
    const value = c.req.header(`x-appwrite-impersonate-user-${name}`) ?? c.get('params')[`impersonate${name === 'id' ? 'UserId' : name[0].toUpperCase() + name.slice(1)}`];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  return impersonate(c.get('db'), auth, { id: param('id'), email: param('email'), phone: param('phone') });
}

export interface ScopeOptions {
  /** Routes of Appwrite's `mfa` group answer even when the session lacks factors. */
  mfaExempt?: boolean;
}

/**
 * Route guard: 401 `general_unauthorized_scope` with Appwrite's message when the scope is missing;
 * then, for users, the blocked / password-reset / MFA-factor gates (sessions-tokens.md §10.4).
 */
export const requireScope = (allowed: (format: ResponseFormat) => readonly string[], options: ScopeOptions = {}) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const { role, actorEmail, scopes, auth } = c.get('caller');
    // Alternative scopes (1.9.5's `sessions.*` on Users routes) are for API keys only: guests hold
    // `sessions.write` for logging in, which must not reach POST /users/{id}/sessions.
    const any = role === 'applications' ? allowed(c.get('format')) : allowed(c.get('format')).slice(0, 1);
    if (!any.some((scope) => scopes.has(scope))) {
      throw new AppwriteError('general_unauthorized_scope', missingScopeMessage(c.get('format'), actorEmail, role, any));
    }
    if (auth) {
      assertUserMayProceed(auth, options);
      // An impersonated user's accessedAt stays as it was (Appwrite 1.9).
      const touch = auth.user.impersonatorUserId === undefined ? accessedAtUpdate(c.get('db'), auth.user) : null;
      if (touch) c.executionCtx.waitUntil(touch);
    }
    await next();
  });

function assertUserMayProceed({ user, session, totpVerified }: Authentication, options: ScopeOptions) {
  if (!user.status) throw new AppwriteError('user_blocked');
  if (user.reset) throw new AppwriteError('user_password_reset_required');
  // JWT requests have no session and are never factor-checked (mfa.md §2).
  if (!session || options.mfaExempt) return;
  const hasMoreFactors = user.emailVerification || user.phoneVerification || totpVerified;
  const minimum = user.mfa && hasMoreFactors ? 2 : 1;
  if (session.factors.length < minimum) throw new AppwriteError('user_more_factors_required');
}
