import { and, eq, gt, lt, sql, type SQL } from 'drizzle-orm';
import type { Database } from './database';
import { loginIpAttempts } from './schema';

/**
 * Reserves one attempt for `ip` in the window ending at `until`, unless `limit` are used: the row
 * comes back (with the new count) only when the attempt was counted. D1 runs statements one at a
 * time, so concurrent logins are counted exactly.
 */
export const reserveLoginFromIpStatement = (db: Database, ip: string, limit: number, until: number) =>
  db
    .insert(loginIpAttempts)
    .values({ ip, count: 1, until })
    .onConflictDoUpdate({
      target: loginIpAttempts.ip,
      set: {
        count: sql`case when ${loginIpAttempts.until} = excluded.until then ${loginIpAttempts.count} + 1 else 1 end`,
        until: sql`excluded.until`,
      },
      setWhere: sql`${loginIpAttempts.until} <> excluded.until or ${loginIpAttempts.count} < ${limit}`,
    })
    .returning({ count: loginIpAttempts.count });

/** Gives the attempt back (the login succeeded), for the batch that creates the session. */
export const refundLoginFromIpStatement = (db: Database, ip: string, until: number, when?: SQL) =>
  db
    .update(loginIpAttempts)
    .set({ count: sql`${loginIpAttempts.count} - 1` })
    .where(and(eq(loginIpAttempts.ip, ip), eq(loginIpAttempts.until, until), gt(loginIpAttempts.count, 0), when));

/** Forgets windows that have ended (rides in the reservation's batch; the index keeps it cheap). */
export const purgeLoginAttemptsStatement = (db: Database, now: number) => db.delete(loginIpAttempts).where(lt(loginIpAttempts.until, now));
