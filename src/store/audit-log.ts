import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { RequestMeta } from '../audit/request-meta';
import { uniqueId } from '../validation/ids';
import { nowIso, type Database } from './database';
import { insertSelect } from './insert-select';
import { logs, users } from './schema';

/** One audit record, minus the subject user, which the statement reads from `users`. */
export interface AuditRecord {
  id: string;
  event: string;
  actorId: string | SQL;
  actorEmail: string | SQL;
  actorName: string | SQL;
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
 * subject user exists (and condition holds), and records the stored spelling of its id and its seq. This lets
 * the entry ride in the same batch as the change it records, even when that change may find no user.
 */
export function insertAuditStatement(db: Database, record: AuditRecord, subject: SQL) {
  const { resource, data, ...fields } = record;
  return insertSelect(
    db,
    logs,
    { ...fields, userId: sql`${users.id}`, userSeq: sql`${users.seq}`, resource: resource ?? sql`'user/' || ${users.id}`, data: data ?? {} },
    sql`from ${users} where ${subject}`,
  );
}

/** Audit event names (users-api.md §1.7). */
export type AuditEvent =
  | 'user.create'
  | 'user.delete'
  | 'user.update'
  | 'verification.update'
  | 'target.create'
  | 'target.update'
  | 'target.delete'
  | 'identity.delete'
  | 'session.create'
  | 'session.delete'
  | 'tokens.create';

export interface AuditOptions {
  /** Which user the entry is about; defaults to `users.id = userId`. */
  subject?: SQL;
  /** An extra condition: no entry when false (e.g. a no-op update). */
  when?: SQL;
  resource?: AuditRecord['resource'];
  data?: AuditRecord['data'];
  /**
   * The subject user signed in (a login, a token exchange): it is the actor, as Appwrite records it,
   * read from its row — so the entry can ride in a batch that has not read the user yet.
   */
  signedIn?: boolean;
}

/**
 * The statement recording `event` about a user, for the batch that makes the change. Entries
 * carry the request's actor (the app actor for API keys), IP, User-Agent and edge country, and
 * are listed under the user they are about (docs/deviations.md).
 */
export function auditStatement(ctx: { db: Database; request: RequestMeta }, event: AuditEvent, userId: string | null, options: AuditOptions = {}) {
  const { request } = ctx;
  const subject = options.subject ?? eq(users.id, userId ?? '');
  const where = options.when ? (and(subject, options.when) as SQL) : subject;
  return insertAuditStatement(
    ctx.db,
    {
      id: uniqueId(),
      event,
      ...(options.signedIn
        ? { actorId: sql`${users.id}`, actorEmail: sql`coalesce(${users.email}, '')`, actorName: sql`${users.name}` }
        : { actorId: request.actor.id, actorEmail: request.actor.email, actorName: request.actor.name }),
      ip: request.ip,
      userAgent: request.userAgent,
      countryCode: request.countryCode,
      time: nowIso(),
      resource: options.resource,
      // Appwrite 1.9 keeps the actor type in the entry's data (`Log.userType`).
      data: { ...options.data, userType: options.signedIn ? 'user' : request.actor.type },
    },
    where,
  );
}
