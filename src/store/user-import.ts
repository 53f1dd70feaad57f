import { sql, type SQL } from 'drizzle-orm';
import type { AuditRecord } from './audit-log';
import { identifierFreeForContact } from './contact-targets';
import type { Database } from './database';
import { insertSelect } from './insert-select';
import { identities, logs, targets, users, type UserRow } from './schema';

/** `column in (the values of a JSON array)`: one bound parameter however many values (D1 allows 100 per statement). */
const inJson = (column: SQL | typeof users.id, values: readonly string[]) =>
  sql`${column} in (select value from json_each(${JSON.stringify(values)}))`;

/** What an import must check its rows against, read in one round trip. */
export interface ImportNeighbours {
  /** Users holding one of the ids, emails or phones. */
  users: UserRow[];
  /** Identity e-mails among the rows' e-mails (a user may not take another user's identity e-mail). */
  identityEmails: string[];
}

export async function findImportNeighbours(
  db: Database,
  keys: { ids: string[]; emails: string[]; phones: string[] },
): Promise<ImportNeighbours> {
  // Three index lookups, not one OR of them: SQLite answers an OR of IN-subqueries with a full scan.
  // Phones through users_phone, a NOCASE index (the same comparison for '+' and digits).
  const [byId, byEmail, byPhone, identityRows] = await db.batch([
    db.select().from(users).where(inJson(users.id, keys.ids)),
    db.select().from(users).where(sql`${inJson(sql`${users.email}`, keys.emails)} and ${users.email} <> ''`),
    db.select().from(users).where(sql`${inJson(sql`${users.phone} collate nocase`, keys.phones)} and ${users.phone} <> ''`),
    db
      .selectDistinct({ email: identities.providerEmail })
      .from(identities)
      .where(inJson(sql`${identities.providerEmail}`, keys.emails)),
  ]);
  const found = [...new Map([...byId, ...byEmail, ...byPhone].map((u) => [u.seq, u])).values()];
  return { users: found, identityEmails: identityRows.map((r) => r.email.toLowerCase()) };
}

/** A user to insert, with everything the row's statements need (ids of its target and audit entry made in advance). */
export interface ImportInsert {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  status: boolean;
  labels: string[];
  password: string | null;
  passwordHistory: string[];
  hash: string;
  hashOptions: Record<string, unknown>;
  prefs: Record<string, unknown>;
  emailVerification: boolean;
  phoneVerification: boolean;
  targets: Array<{ id: string; providerType: 'email' | 'sms'; identifier: string }>;
  logId: string;
}

/**
 * Three statements that insert many users, their email/sms targets and their `user.create` audit
 * entries, each reading the rows from ONE JSON parameter (`json_each`): the statement count stays
 * three whatever the number of users. In one D1 batch they are one transaction. A target whose
 * identifier another target holds is not created, as `insertUser` does.
 */
export function insertUsersStatements(db: Database, rows: readonly ImportInsert[], now: string, audit: Omit<AuditRecord, 'id' | 'event' | 'time'>) {
  const r = (path: string) => sql.raw(`(r.value ->> '$.${path}')`);
  const j = (path: string) => sql.raw(`(r.value -> '$.${path}')`);
  const userRows = JSON.stringify(rows.map(({ targets: _t, logId: _l, ...user }) => user));
  const insertUsers = insertSelect(
    db,
    users,
    {
      id: r('id'),
      createdAt: now,
      updatedAt: now,
      name: r('name'),
      email: r('email'),
      phone: r('phone'),
      status: r('status'),
      labels: j('labels'),
      password: r('password'),
      passwordHistory: j('passwordHistory'),
      hash: r('hash'),
      hashOptions: j('hashOptions'),
      passwordUpdate: sql`case when ${r('password')} is null then null else ${now} end`,
      prefs: j('prefs'),
      registration: now,
      emailVerification: r('emailVerification'),
      phoneVerification: r('phoneVerification'),
    },
    sql`from json_each(${userRows}) as r`,
  );
  const targetRows = JSON.stringify(rows.flatMap((row) => row.targets.map((t) => ({ ...t, userId: row.id }))));
  const insertTargets = insertSelect(
    db,
    targets,
    {
      id: r('id'),
      createdAt: now,
      updatedAt: now,
      userSeq: sql`${users.seq}`,
      userId: sql`${users.id}`,
      providerType: r('providerType'),
      identifier: r('identifier'),
      contact: true,
    },
    sql`from json_each(${targetRows}) as r join ${users} on ${users.id} = ${r('userId')} where ${identifierFreeForContact(r('identifier'))}`,
  );
  const logRows = JSON.stringify(rows.map((row) => ({ id: row.logId, userId: row.id })));
  const insertLogs = insertSelect(
    db,
    logs,
    { ...audit, id: r('id'), event: 'user.create', userId: sql`${users.id}`, userSeq: sql`${users.seq}`, resource: sql`'user/' || ${users.id}`, time: now, data: {} },
    sql`from json_each(${logRows}) as r join ${users} on ${users.id} = ${r('userId')}`,
  );
  return [insertUsers, insertTargets, insertLogs] as const;
}
