import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from './database';
import { insertSelect } from './insert-select';
import { targets, users } from './schema';
import { userSeqOf } from './users';

export interface ContactChange {
  userId: string;
  /** `email` or `phone`; its target type is `email` or `sms`. */
  field: 'email' | 'phone';
  /** The new value; `''` clears it. */
  value: string;
  /** Id for a target that has to be created. */
  newTargetId: string;
  now: string;
}

const providerTypes = { email: 'email', phone: 'sms' } as const;

/**
 * No other kind of target holds `identifier`: the condition under which a new user's email/sms
 * target is created (a user created or imported keeps its value without it otherwise, as before).
 * Its twin among contact targets cannot exist, the user's email/phone being unique.
 */
export const identifierFreeForContact = (identifier: SQL | string) =>
  sql`not exists (select 1 from ${targets} where ${targets.contact} = 0 and ${targets.identifier} = ${identifier})`;

/**
 * Statements keeping the user's email/sms target in step with its email/phone (users-api.md §2.7
 * step 5), to run in a batch *before* the user row changes: they read the old value from it. The
 * target whose identifier is the old value is renamed, or deleted when the value is cleared; with
 * no such target a new one is created. Nothing happens when the value is unchanged.
 */
export function contactTargetStatements(db: Database, change: ContactChange) {
  const { userId, value, now } = change;
  const column = users[change.field];
  const old = sql`(select ${column} from ${users} where ${users.id} = ${userId})`;
  const ownTargetOfOldValue = and(eq(targets.userSeq, userSeqOf(userId)), sql`${targets.identifier} = ${old}`);
  if (value === '') return [db.delete(targets).where(ownTargetOfOldValue)];
  const changed = sql`exists (select 1 from ${users} where ${users.id} = ${userId} and ${column} is not ${value})`;
  // Inserted first, so that a user's *other* target already holding the value still conflicts.
  const create = insertSelect(
    db,
    targets,
    { id: change.newTargetId, createdAt: now, updatedAt: now, userSeq: sql`${users.seq}`, userId: sql`${users.id}`, providerType: providerTypes[change.field], identifier: value, contact: true },
    sql`from ${users} where ${users.id} = ${userId} and ${column} is not ${value}
      and not exists (select 1 from ${targets} where ${targets.userSeq} = ${users.seq} and ${targets.identifier} = ${column})`,
  );
  const rename = db.update(targets).set({ identifier: value, updatedAt: now }).where(and(ownTargetOfOldValue, changed));
  return [create, rename];
}
