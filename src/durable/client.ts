import type { GateResult, RateLimit } from './gate-context';
import { AppwriteError } from '../errors/appwrite-error';

/** The user's gate. Ids are case-insensitive, so the name is the lower-cased id. */
export const userGate = (env: Env, userId: string) => env.USER_GATE.get(env.USER_GATE.idFromName(userId.toLowerCase()));

/** The gate that refuses logins for an email no user has (`:` never occurs in user ids). */
export const emailGate = (env: Env, email: string) => env.USER_GATE.get(env.USER_GATE.idFromName(`email:${email}`));

/** An `AppwriteError` that also carries the throttle state, so the route can send `X-RateLimit-*` headers. */
export class GateError extends AppwriteError {
  rateLimit?: RateLimit;
}

/** The value of a gate result, or its error thrown as an `AppwriteError`. */
export function unwrap<T>(result: GateResult<T>): T {
  if (result.ok) return result.value;
  const error = new GateError(result.error, result.message);
  error.rateLimit = result.rateLimit;
  throw error;
}

/** A value with the throttle state of the call that produced it. */
export interface Limited<T> {
  value: T;
  rateLimit?: RateLimit;
}

/** `unwrap` keeping the throttle state, for routes that send `X-RateLimit-*` headers. */
export const unwrapLimited = <T>(result: GateResult<T>): Limited<T> => ({ value: unwrap(result), rateLimit: result.rateLimit });
