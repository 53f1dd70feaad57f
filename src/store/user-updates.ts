import { and, eq, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { UserWithTargets } from './users';
import type { Database } from './database';
import { users } from './schema';
import { selectUserWithTargets, toUserWithTargets } from './users';

export type UserChanges = Partial<
  Pick<
    typeof users.$inferInsert,
    'name' | 'email' | 'phone' | 'status' | 'labels' | 'password' | 'passwordHistory' | 'hash' | 'hashOptions' | 'passwordUpdate' | 'prefs' | 'emailVerification' | 'phoneVerification' | 'impersonator'
  >
>;

export interface UserUpdate {
  changes: UserChanges;
  now: string;
  /** Statements before the row update (e.g. the audit entry, target sync reading old values). */
  before?: BatchItem<'sqlite'>[];
  /** Extra condition on the row update: when false the row is left as it is. */
  when?: SQL;
}

/**
 * Updates a user and reads it back with its targets in one batch (one round trip, atomic).
 * Resolves to null when there is no such user; constraint errors reject the whole batch.
 */
export async function updateUserRow(db: Database, id: string, update: UserUpdate): Promise<UserWithTargets | null> {
  const match = update.when ? and(eq(users.id, id), update.when) : eq(users.id, id);
  const statements: BatchItem<'sqlite'>[] = [
    ...(update.before ?? []),
    db.update(users).set({ ...update.changes, updatedAt: update.now }).where(match),
    selectUserWithTargets(db, id),
  ];
  const results = (await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])) as unknown[];
  const [row] = results[results.length - 1] as Parameters<typeof toUserWithTargets>[0][];
  return row ? toUserWithTargets(row) : null;
}
