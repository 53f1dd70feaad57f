import { sql, type SQL } from 'drizzle-orm';
import type { Database } from './database';
import { insertSelect } from './insert-select';
import { logs, users } from './schema';

/** One audit record, minus the subject user, which the statement reads from `users`. */
export interface AuditRecord {
  id: string;
  event: string;
  actorId: string;
  actorEmail: string;
  actorName: string;
  ip: string;
  userAgent: string;
  countryCode: string;
  time: string;
  /** Defaults to `'user/' || users.id`. */
  resource?: SQL | string;
  data?: Record<string, unknown>;
}

/**
 * `insert into logs … select … from users where <subject>`: the entry is written only if the
 * subject user exists (and condition holds), and records the stored spelling of its id. This lets
 * the entry ride in the same batch as the change it records, even when that change may find no user.
 */
export function insertAuditStatement(db: Database, record: AuditRecord, subject: SQL) {
  const { resource, data, ...fields } = record;
  return insertSelect(
    db,
    logs,
    { ...fields, userId: sql`${users.id}`, resource: resource ?? sql`'user/' || ${users.id}`, data: data ?? {} },
    sql`from ${users} where ${subject}`,
  );
}
