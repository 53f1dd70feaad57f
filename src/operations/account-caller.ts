import { AppwriteError } from '../errors/appwrite-error';
import type { RateLimit } from '../durable/gate-context';
import type { Limited } from '../durable/client';
import type { Authentication } from '../services/authentication';
import type { OperationContext } from './operation';

/** The signed-in user; the `account` scope guarantees one. */
export const signedIn = (ctx: OperationContext): Authentication => {
  if (!ctx.caller.auth) throw new AppwriteError('user_not_found');
  return ctx.caller.auth;
};

/** The session the request is authenticated with; JWT requests have none. */
export const currentSession = (ctx: OperationContext) => {
  const { session } = signedIn(ctx);
  if (!session) throw new AppwriteError('user_session_not_found');
  return session;
};

export const isKeyCaller = (ctx: OperationContext) => ctx.caller.role === 'applications';

/** Appwrite's `session` group: no new session while one is active. */
export const signedOutOnly = (ctx: OperationContext) => {
  if (ctx.caller.auth) throw new AppwriteError('user_session_already_exists');
};

/** Appwrite's `MFA_RECENT_DURATION`: 30 minutes, although the error message says 5. */
const RECENT_CHALLENGE_MS = 1800_000;

/**
 * `mfaProtected` routes need a challenge completed on this session in the last 30 minutes. JWT
 * requests have no session: Appwrite answers 500 there, we answer `user_challenge_required`.
 */
export const recentChallenge = (ctx: OperationContext) => {
  const updated = signedIn(ctx).session?.mfaUpdatedAt;
  if (!updated || new Date(updated).getTime() + RECENT_CHALLENGE_MS < Date.now()) throw new AppwriteError('user_challenge_required');
};

/** Throttled routes tell the client where it stands, on success as on failure. */
export function setRateLimitHeaders(headers: Headers, limit: RateLimit) {
  headers.set('X-RateLimit-Limit', String(limit.limit));
  headers.set('X-RateLimit-Remaining', String(limit.remaining));
  headers.set('X-RateLimit-Reset', String(limit.reset));
}

/** The value of a throttled call, its rate-limit state going to the answer's headers. */
export function limited<T>(ctx: OperationContext, { value, rateLimit }: Limited<T>): T {
  if (rateLimit) setRateLimitHeaders(ctx.headers, rateLimit);
  return value;
}
