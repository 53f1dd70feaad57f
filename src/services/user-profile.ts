import { eq, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { AppwriteError } from '../errors/appwrite-error';
import type { UserWithTargets } from '../models/user';
import { nowIso } from '../store/database';
import { users } from '../store/schema';
import { updateUserRow, type UserChanges } from '../store/user-updates';
import { auditStatement, type AuditEvent } from '../store/audit-log';
import type { ServiceContext } from './context';

export interface ProfileUpdate {
  changes: UserChanges;
  event?: AuditEvent;
  /** Statements that must run before the row changes (target sync). */
  before?: BatchItem<'sqlite'>[];
  /** When false, nothing is written (no-op updates) and the user is returned as it is. */
  when?: SQL;
}

/**
 * Applies a change to a user with its audit entry in one batch; 404 when there is no such user.
 * `$updatedAt` is bumped on every write (users-api.md §1.6); the search index follows by trigger.
 */
export async function applyUserUpdate(ctx: ServiceContext, id: string, update: ProfileUpdate): Promise<UserWithTargets> {
  const now = nowIso();
  const audit = auditStatement(ctx, update.event ?? 'user.update', id, {
    when: update.when,
    data: { attributes: Object.keys(update.changes) },
  });
  const user = await updateUserRow(ctx.db, id, { changes: update.changes, now, when: update.when, before: [audit, ...(update.before ?? [])] });
  if (!user) throw new AppwriteError('user_not_found');
  return user;
}

export const updateName = (ctx: ServiceContext, id: string, name: string) => applyUserUpdate(ctx, id, { changes: { name } });

export const updateStatus = (ctx: ServiceContext, id: string, status: boolean) => applyUserUpdate(ctx, id, { changes: { status } });

/** `PATCH /v1/users/{userId}/impersonator` (Appwrite 1.9.0): whether the user may impersonate others. */
export const updateImpersonator = (ctx: ServiceContext, id: string, impersonator: boolean) =>
  applyUserUpdate(ctx, id, { changes: { impersonator } });

/** Labels are de-duplicated, keeping the first occurrence (users-api.md §2.11). */
export const updateLabels = (ctx: ServiceContext, id: string, labels: string[]) =>
  applyUserUpdate(ctx, id, { changes: { labels: [...new Set(labels)] } });

export const updateEmailVerification = (ctx: ServiceContext, id: string, emailVerification: boolean) =>
  applyUserUpdate(ctx, id, { changes: { emailVerification }, event: 'verification.update' });

export const updatePhoneVerification = (ctx: ServiceContext, id: string, phoneVerification: boolean) =>
  applyUserUpdate(ctx, id, { changes: { phoneVerification }, event: 'verification.update' });

export async function getPrefs(ctx: ServiceContext, id: string): Promise<Record<string, unknown>> {
  const row = await ctx.db.select({ prefs: users.prefs }).from(users).where(eq(users.id, id)).get();
  if (!row) throw new AppwriteError('user_not_found');
  return row.prefs;
}

/** Replaces the whole map (no merge). Appwrite audits nothing here; we record `user.update`. */
export async function updatePrefs(ctx: ServiceContext, id: string, prefs: Record<string, unknown>) {
  const user = await applyUserUpdate(ctx, id, { changes: { prefs } });
  return user.prefs;
}
