import { and, eq, sql, type SQL } from 'drizzle-orm';
import { AppwriteError } from '../errors/appwrite-error';
import { compileQueries, listPage, logsCollection } from '../queries';
import { insertAuditStatement, type AuditRecord } from '../store/audit-log';
import { nowIso } from '../store/database';
import { logs, users } from '../store/schema';
import { userExists } from '../store/user-lookup';
import { uniqueId } from '../validation/ids';
import type { ServiceContext } from './context';

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
}

/**
 * The statement recording `event` about a user, for the batch that makes the change. Entries
 * carry the request's actor (the app actor for API keys), IP, User-Agent and edge country, and
 * are listed under the user they are about (docs/deviations.md).
 */
export function auditStatement(ctx: ServiceContext, event: AuditEvent, userId: string | null, options: AuditOptions = {}) {
  const { request } = ctx;
  const subject = options.subject ?? eq(users.id, userId ?? '');
  const where = options.when ? (and(subject, options.when) as SQL) : subject;
  return insertAuditStatement(
    ctx.db,
    {
      id: uniqueId(),
      event,
      actorId: request.actor.id,
      actorEmail: request.actor.email,
      actorName: request.actor.name,
      ip: request.ip,
      userAgent: request.userAgent,
      countryCode: request.countryCode,
      time: nowIso(),
      resource: options.resource,
      data: options.data,
    },
    where,
  );
}

/**
 * Entries about the user since the last deletion of a user with that id: entries are kept when a
 * user is deleted, but a new user reusing the id does not inherit them.
 */
const entriesOfCurrentUser = (userId: string) =>
  sql`${logs.userId} = ${userId} and ${logs.seq} > coalesce((select max(${logs.seq}) from ${logs} where ${logs.userId} = ${userId} and ${logs.event} = 'user.delete'), 0)`;

/**
 * `GET /v1/users/{userId}/logs`: entries about the user, newest first, `limit`/`offset` only. One
 * round trip; an empty page costs a second read to tell a missing user (404) apart.
 */
export async function listUserLogs(ctx: ServiceContext, userId: string, queries: string[], legacySyntax = false) {
  const q = compileQueries(queries, logsCollection, { scope: entriesOfCurrentUser(userId), legacySyntax });
  const page = await listPage(ctx.db, q, (p) =>
    ctx.db.select().from(logs).where(p.where).orderBy(...p.orderBy).limit(p.limit).offset(p.offset),
  );
  if (page.total === 0 && !(await userExists(ctx.db, userId))) throw new AppwriteError('user_not_found');
  return { total: page.total, logs: page.rows };
}
