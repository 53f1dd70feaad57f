import { eq, getTableColumns, sql, type Column, type Placeholder, type SQL } from 'drizzle-orm';
import type { Database } from './database';
import { preparedRead } from './prepared';
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

/**
 * How a column's value is written into the row's JSON: booleans and JSON text become JSON values. A
 * column holds JSON when its own driver mapping turns `'{}'` into an object (the schema's `json()`).
 */
const jsonValue = (column: Column) => {
  const ref = `"users"."${column.name}"`;
  if (column.dataType === 'boolean') return `json(case when ${ref} then 'true' else 'false' end)`;
  return typeof column.mapFromDriverValue('{}') === 'object' ? `json(${ref})` : ref;
};

/**
 * The whole user row as ONE JSON object built by SQLite, so a read renders one column and decodes
 * one JSON.parse per row: Drizzle's rendering and decoding of the 25-column selection was the
 * largest share of a user list's own CPU time (`npm run profile`). Keys are the schema's, so the
 * parsed object is the row Drizzle would give.
 */
const userJson = sql.raw(
  `json_object(${Object.entries(getTableColumns(users))
    .map(([key, column]) => `'${key}', ${jsonValue(column)}`)
    .join(', ')})`,
) as SQL<string>;

const userWithTargetsColumns = { userJson, targetsJson: targetsOfUserJson };

/**
 * A user with its targets, as one statement reads them. `impersonatorUserId` is set on the user a
 * request runs as while another user impersonates it (Appwrite 1.9).
 */
export type UserWithTargets = UserRow & { targets: TargetJson[]; impersonatorUserId?: string };

type UserWithTargetsRow = { userJson: string; targetsJson: string | null };

export const toUserWithTargets = ({ userJson, targetsJson }: UserWithTargetsRow): UserWithTargets => ({
  ...(JSON.parse(userJson) as UserRow),
  targets: parseTargetsJson(targetsJson),
});

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
