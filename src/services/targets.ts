import { rowJson } from '../store/row-json';
import { and, eq, sql } from 'drizzle-orm';
import { AppwriteError } from '../errors/appwrite-error';
import { listQuery, targetsCollection } from '../queries';
import { constraintViolation, nowIso } from '../store/database';
import { insertSelect } from '../store/insert-select';
import { targets, users, type TargetRow } from '../store/schema';
import { selectUserId, userExists } from '../store/user-lookup';
import { userSeqOf } from '../store/users';
import { isValidEmail } from '../validation/email';
import { resolveId } from '../validation/ids';
import { isValidPhone } from '../validation/phone';
import { auditStatement } from '../store/audit-log';
import type { ServiceContext } from './context';

export interface NewTarget {
  targetId: string;
  providerType: string;
  identifier: string;
  /** Accepted but not stored: there are no messaging providers (docs/deviations.md). */
  providerId: string | null;
  name: string | null;
}

/** Validates an identifier for a provider type; `EMAIL` and other spellings match no type. */
function assertIdentifier(providerType: string, identifier: string) {
  if (providerType === 'email') {
    if (!isValidEmail(identifier)) throw new AppwriteError('general_invalid_email');
  } else if (providerType === 'sms') {
    if (!isValidPhone(identifier)) throw new AppwriteError('general_invalid_phone');
  } else if (providerType !== 'push') {
    throw new AppwriteError('provider_incorrect_type');
  }
}


const ownTarget = (userId: string, targetId: string) => and(eq(targets.id, targetId), eq(targets.userSeq, userSeqOf(userId)));

function mapTargetConflict(error: unknown, identifierType: 'user_target_already_exists' | 'document_already_exists') {
  const violated = constraintViolation(error);
  if (violated === 'targets.id') return new AppwriteError('user_target_already_exists');
  if (violated === 'targets.identifier') return new AppwriteError(identifierType);
  return error;
}

/** `POST /v1/users/{userId}/targets` (users-api.md §2.18): identifier checked before the user lookup. */
export async function createTarget(ctx: ServiceContext, userId: string, input: NewTarget): Promise<TargetRow> {
  assertIdentifier(input.providerType, input.identifier);
  const id = resolveId(input.targetId);
  const now = nowIso();
  const insert = insertSelect(
    ctx.db,
    targets,
    { id, createdAt: now, updatedAt: now, userSeq: sql`${users.seq}`, userId: sql`${users.id}`, providerType: input.providerType, identifier: input.identifier, name: input.name },
    sql`from ${users} where ${users.id} = ${userId}`,
  );
  try {
    const [, , [target]] = await ctx.db.batch([
      insert,
      auditStatement(ctx, 'target.create', userId, { resource: `target/${id}` }),
      ctx.db.select().from(targets).where(ownTarget(userId, id)),
    ]);
    if (!target) throw new AppwriteError('user_not_found');
    return target;
  } catch (error) {
    throw mapTargetConflict(error, 'user_target_already_exists');
  }
}

/**
 * `GET /v1/users/{userId}/targets` with the targets queries (users-api.md §2.19). One round trip;
 * a second read only tells an empty or failed list of a missing user apart (404 comes first).
 */
const targetRow = rowJson(targets);

const targetsOfUser = listQuery(
  targetsCollection,
  (db, p) => db.select({ row: targetRow.column }).from(targets).where(p.where).orderBy(...p.orderBy).limit(p.limit).offset(p.offset),
  { scope: (userId) => eq(targets.userSeq, userSeqOf(userId)) },
);

export async function listTargets(ctx: ServiceContext, userId: string, queries: string[], countTotal = true) {
  const page = await targetsOfUser.run(ctx.db, { queries, countTotal, owner: userId }).catch(async (error) => {
    if (!(await userExists(ctx.db, userId))) throw new AppwriteError('user_not_found');
    throw error;
  });
  if (page.total === 0 && page.rows.length === 0 && !(await userExists(ctx.db, userId))) throw new AppwriteError('user_not_found');
  return { total: page.total, targets: page.rows.map((r) => targetRow.parse(r.row)) };
}

/** `GET …/targets/{targetId}`: an exact (case-sensitive) id among the user's targets, as Appwrite matches it. */
export async function getTarget(ctx: ServiceContext, userId: string, targetId: string): Promise<TargetRow> {
  const [found, [target]] = await ctx.db.batch([
    selectUserId(ctx.db, userId),
    ctx.db.select().from(targets).where(and(sql`${targets.id} = ${targetId} collate binary`, eq(targets.userSeq, userSeqOf(userId)))),
  ]);
  if (found.length === 0) throw new AppwriteError('user_not_found');
  if (!target) throw new AppwriteError('user_target_not_found');
  return target;
}

export interface TargetChanges {
  identifier: string | null;
  providerId: string | null;
  name: string | null;
}

/** `PATCH …/targets/{targetId}` (users-api.md §2.21): falsy values (`"0"` too, as in PHP) are ignored. */
export async function updateTarget(ctx: ServiceContext, userId: string, targetId: string, input: TargetChanges): Promise<TargetRow> {
  const [found, [target]] = await ctx.db.batch([selectUserId(ctx.db, userId), ctx.db.select().from(targets).where(ownTarget(userId, targetId))]);
  if (found.length === 0) throw new AppwriteError('user_not_found');
  if (!target) throw new AppwriteError('user_target_not_found');
  const changes: Partial<TargetRow> = { updatedAt: nowIso() };
  if (phpTruthy(input.identifier)) {
    assertIdentifier(target.providerType, input.identifier);
    // A renamed email/sms target no longer mirrors the user's value: the unique index holds it now.
    Object.assign(changes, { identifier: input.identifier, expired: false, contact: false });
  }
  // No messaging providers exist here, so any provider id names a missing provider.
  if (phpTruthy(input.providerId)) throw new AppwriteError('provider_not_found');
  if (phpTruthy(input.name)) changes.name = input.name;
  try {
    const [, [updated]] = await ctx.db.batch([
      auditStatement(ctx, 'target.update', userId, { resource: `target/${target.id}` }),
      ctx.db.update(targets).set(changes).where(eq(targets.seq, target.seq)).returning(),
    ]);
    if (!updated) throw new AppwriteError('user_target_not_found');
    return updated;
  } catch (error) {
    // 1.6.2 lets the database error through here, hence the generic type.
    throw mapTargetConflict(error, 'document_already_exists');
  }
}

/** `DELETE …/targets/{targetId}`: the user's email/phone stay as they are (users-api.md §2.22). */
export async function deleteTarget(ctx: ServiceContext, userId: string, targetId: string): Promise<void> {
  const [found, , deleted] = await ctx.db.batch([
    selectUserId(ctx.db, userId),
    auditStatement(ctx, 'target.delete', userId, {
      resource: `target/${targetId}`,
      when: sql`exists (select 1 from ${targets} where ${targets.id} = ${targetId} and ${targets.userSeq} = ${users.seq})`,
    }),
    ctx.db.delete(targets).where(ownTarget(userId, targetId)).returning({ id: targets.id }),
  ]);
  if (found.length === 0) throw new AppwriteError('user_not_found');
  if (deleted.length === 0) throw new AppwriteError('user_target_not_found');
}

const phpTruthy = (value: string | null): value is string => value !== null && value !== '' && value !== '0';
