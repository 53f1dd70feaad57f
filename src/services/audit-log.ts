import { and, eq, type SQL } from 'drizzle-orm';
import { AppwriteError } from '../errors/appwrite-error';
import { auditPageStatements, insertAuditStatement, type AuditRecord } from '../store/audit-log';
import { nowIso } from '../store/database';
import { users } from '../store/schema';
import { uniqueId } from '../validation/ids';
import type { ServiceContext } from './context';
import { parsePageQueries } from './page-queries';

/** Audit event names (users-api.md §1.7). */
export type AuditEvent =
  | 'user.create'
  | 'user.delete'
  | 'user.update'
  | 'verification.update'
  | 'target.create'
  | 'target.update'
  | 'target.delete'
  | 'identity.delete';

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


/** `GET /v1/users/{userId}/logs`: entries about the user, newest first, in one round trip. */
export async function listUserLogs(ctx: ServiceContext, userId: string, queries: string[]) {
  const { limit, offset } = parsePageQueries(queries);
  const [found, page, [{ total }]] = await ctx.db.batch([
    ctx.db.select({ id: users.id }).from(users).where(eq(users.id, userId)),
    ...auditPageStatements(ctx.db, userId, limit, offset),
  ]);
  if (found.length === 0) throw new AppwriteError('user_not_found');
  return { total, logs: page };
}
