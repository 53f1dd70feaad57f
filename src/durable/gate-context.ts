import { eq } from 'drizzle-orm';
import type { Config } from '../config';
import { AppwriteError } from '../errors/appwrite-error';
import type { ErrorType } from '../errors/error-types';
import { auditStatement, type AuditEvent, type AuditOptions } from '../store/audit-log';
import type { RequestMeta } from '../audit/request-meta';
import type { Database } from '../store/database';
import { users, type UserRow } from '../store/schema';

/**
 * What every operation of the gate works with: D1, the project settings, the object's own storage,
 * and the request it runs for (recorded in audit entries).
 */
export interface GateContext {
  db: Database;
  config: Config;
  env: Env;
  storage: DurableObjectStorage;
  request: RequestMeta;
}

/**
 * The audit entry for a change to `user`, for the batch that makes it. Logins and token exchanges
 * pass the user as actor: Appwrite records the signed-in user there, not the guest or key.
 */
export function audit(g: GateContext, event: AuditEvent, user: UserRow, options: Pick<AuditOptions, 'signedIn' | 'when'> = {}) {
  return auditStatement(g, event, user.id, { ...options, subject: eq(users.seq, user.seq) });
}

/** Rate-limit state of a throttled route, for the `X-RateLimit-*` headers. */
export interface RateLimit {
  limit: number;
  remaining: number;
  /** Unix seconds at which the window resets. */
  reset: number;
}

/**
 * RPC-safe outcome: errors cross the RPC boundary as data (thrown errors lose their type), and the
 * Worker turns them back into an `AppwriteError`.
 */
export type GateResult<T> =
  | { ok: true; value: T; rateLimit?: RateLimit }
  | { ok: false; error: ErrorType; message: string; rateLimit?: RateLimit };

/** Runs an operation; `rateLimit` reads the throttle state it recorded, if any, for either outcome. */
export async function settle<T>(work: () => Promise<T>, rateLimit?: () => RateLimit | undefined): Promise<GateResult<T>> {
  try {
    const value = await work();
    return { ok: true, value, rateLimit: rateLimit?.() };
  } catch (error) {
    if (error instanceof AppwriteError) return { ok: false, error: error.type, message: error.message, rateLimit: rateLimit?.() };
    throw error;
  }
}

export async function requireUser(g: GateContext, userId: string, missing: ErrorType = 'user_not_found'): Promise<UserRow> {
  const user = await g.db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw new AppwriteError(missing);
  return user;
}
