import { eq, sql, type Placeholder } from 'drizzle-orm';
import type { Database } from './database';
import { preparedRead } from './prepared';
import { rowJson } from './row-json';
import {
  authenticators,
  challenges,
  identities,
  memberships,
  sessions,
  targets,
  teams,
  tokens,
  users,
  type UserRow,
} from './schema';
import { parseTargetsJson, targetsOfUserJson, type TargetJson } from './targets';

/** Appwrite counts list totals up to this many documents. */
export const TOTAL_CAP = 5000;

const userRow = rowJson(users);

export const userWithTargetsColumns = { userJson: userRow.column, targetsJson: targetsOfUserJson };

/**
 * A user with its targets, as one statement reads them. `impersonatorUserId` is set on the user a
 * request runs as while another user impersonates it (Appwrite 1.9).
 */
export type UserWithTargets = UserRow & { targets: TargetJson[]; impersonatorUserId?: string };

type UserWithTargetsRow = { userJson: string; targetsJson: string | null };

export const toUserWithTargets = ({ userJson, targetsJson }: UserWithTargetsRow): UserWithTargets =>
  // Assigned, not spread: copying every parsed row was a third of a list page's decoding.
  Object.assign(userRow.parse(userJson), { targets: parseTargetsJson(targetsJson) });

const userWithTargetsById = preparedRead((db) =>
  db.select(userWithTargetsColumns).from(users).where(eq(users.id, sql.placeholder('id'))),
);

/** One statement: the user (case-insensitive id) with its targets (a `db.batch` item). */
export const selectUserWithTargets = (db: Database, id: string) => userWithTargetsById.bound(db, { id });

export async function findUserWithTargets(db: Database, id: string): Promise<UserWithTargets | null> {
  const row = await userWithTargetsById.get(db, { id });
  return row ? toUserWithTargets(row) : null;
}

/** The user with the given e-mail (stored lower-case) or phone, with its targets. */
export async function findUserWithTargetsByContact(db: Database, field: 'email' | 'phone', value: string): Promise<UserWithTargets | null> {
  const row = await db.select(userWithTargetsColumns).from(users).where(eq(users[field], value)).get();
  return row ? toUserWithTargets(row) : null;
}

/** Users with their targets, for list pages (the query engine adds where/order/limit). */
export const selectUsersWithTargets = (db: Database) => db.select(userWithTargetsColumns).from(users);

/** `(select seq from users where id = ?)`: lets later statements of a batch refer to a user by id. */
export const userSeqOf = (id: string | Placeholder) => sql`(select ${users.seq} from ${users} where ${users.id} = ${id})`;

/**
 * Statements that delete a user and everything it owns (users-api.md §2.5; authenticators and
 * challenges too, which Appwrite forgets). The last one returns the deleted id, or nothing.
 */
export function deleteUserStatements(db: Database, id: string) {
  const seq = userSeqOf(id);
  return [
    db
      .update(teams)
      .set({ total: sql`max(${teams.total} - 1, 0)` })
      .where(sql`${teams.id} in (select ${memberships.teamId} from ${memberships} where ${memberships.userSeq} = ${seq} and ${memberships.confirm} = 1)`),
    db.delete(memberships).where(eq(memberships.userSeq, seq)),
    db.delete(targets).where(eq(targets.userSeq, seq)),
    db.delete(identities).where(eq(identities.userSeq, seq)),
    db.delete(sessions).where(eq(sessions.userSeq, seq)),
    db.delete(tokens).where(eq(tokens.userSeq, seq)),
    db.delete(authenticators).where(eq(authenticators.userSeq, seq)),
    db.delete(challenges).where(eq(challenges.userSeq, seq)),
    db.delete(users).where(eq(users.id, id)).returning({ id: users.id }),
  ] as const;
}
