import { sql } from 'drizzle-orm';
import { AppwriteError } from '../errors/appwrite-error';
import type { UserWithTargets } from '../models/user';
import { identifierFreeForContact } from '../store/contact-targets';
import { constraintViolation, nowIso } from '../store/database';
import { insertSelect } from '../store/insert-select';
import { targets, users } from '../store/schema';
import { toTargetJson } from '../store/targets';
import { deleteUserStatements, findUserWithTargets, userSeqOf } from '../store/users';
import { resolveId, uniqueId } from '../validation/ids';
import { argon2HashOptions, assertVerifiable, hashPassword } from '../passwords';
import { auditStatement } from '../store/audit-log';
import { assertNoPersonalData } from './password-policy';
import type { ServiceContext } from './context';

export interface CreateUserInput {
  /** A custom id or `unique()`. */
  userId: string;
  email: string | null;
  phone: string | null;
  name: string | null;
  /** Plaintext; `''`/null for a user without a password. */
  password: string | null;
}

/** `POST /v1/users`: the plaintext is hashed with the configured argon2id parameters. */
export async function createUser(ctx: ServiceContext, input: CreateUserInput): Promise<UserWithTargets> {
  const id = resolveId(input.userId);
  const email = input.email ? input.email.toLowerCase() : null;
  const plain = input.password ?? '';
  if (plain && ctx.config.personalDataCheck) {
    assertNoPersonalData(plain, { userId: id, email, name: input.name, phone: input.phone });
  }
  const credentials = plain
    ? await hashPassword(plain, ctx.config.argon2)
    : { password: null, hash: 'argon2', hashOptions: argon2HashOptions(ctx.config.argon2) };
  return insertUser(ctx, { id, email, phone: input.phone, name: input.name ?? '', ...credentials });
}

export interface ImportUserInput {
  userId: string;
  email: string;
  name: string | null;
  /** The already-hashed password, stored verbatim. */
  password: string;
  hash: string;
  hashOptions: Record<string, unknown>;
}

/** `POST /v1/users/{algorithm}`: stores an imported hash after checking it can be verified here. */
export async function importUser(ctx: ServiceContext, input: ImportUserInput): Promise<UserWithTargets> {
  const id = resolveId(input.userId);
  const email = input.email.toLowerCase();
  if (ctx.config.personalDataCheck) {
    assertNoPersonalData(input.password, { userId: id, email, name: input.name, phone: null });
  }
  assertVerifiable(input.hash, input.password, input.hashOptions);
  const { password, hash, hashOptions } = input;
  return insertUser(ctx, { id, email, phone: null, name: input.name ?? '', password, hash, hashOptions });
}

interface NewUser {
  id: string;
  /** Lower-cased, or null. */
  email: string | null;
  phone: string | null;
  name: string;
  /** The stored hash (argon2 of a plaintext, or an imported hash), null without a password. */
  password: string | null;
  hash: string;
  hashOptions: Record<string, unknown>;
}

/**
 * Inserts the user and its email/sms targets in one batch (users-api.md §2.2). A target whose
 * identifier another target already holds is skipped, as Appwrite does.
 */
export async function insertUser(ctx: ServiceContext, input: NewUser): Promise<UserWithTargets> {
  const { db, config } = ctx;
  const now = nowIso();
  const insertUser = db
    .insert(users)
    .values({
      id: input.id,
      createdAt: now,
      updatedAt: now,
      name: input.name,
      email: input.email,
      phone: input.phone,
      password: input.password,
      passwordHistory: input.password && config.passwordHistory > 0 ? [input.password] : [],
      hash: input.hash,
      hashOptions: input.hashOptions,
      passwordUpdate: input.password ? now : null,
      registration: now,
    })
    .returning();
  const insertTarget = (providerType: 'email' | 'sms', identifier: string) =>
    insertSelect(
      db,
      targets,
      { id: uniqueId(), createdAt: now, updatedAt: now, userSeq: userSeqOf(input.id), userId: input.id, providerType, identifier, contact: true },
      sql`where ${identifierFreeForContact(identifier)}`,
    ).returning();
  const targetInserts = [
    ...(input.email ? [insertTarget('email', input.email)] : []),
    ...(input.phone ? [insertTarget('sms', input.phone)] : []),
  ];
  try {
    const [[user], , ...inserted] = await db.batch([insertUser, auditStatement(ctx, 'user.create', input.id), ...targetInserts]);
    return { ...user, targets: inserted.flat().map(toTargetJson) };
  } catch (error) {
    throw mapUserConflict(error);
  }
}

function mapUserConflict(error: unknown): unknown {
  const violated = constraintViolation(error);
  if (violated === 'identity_email') return new AppwriteError('user_email_already_exists');
  if (violated === 'users.id' || violated === 'users.email' || violated === 'users.phone') {
    return new AppwriteError('user_already_exists');
  }
  return error;
}

export async function getUser(ctx: ServiceContext, id: string): Promise<UserWithTargets> {
  const user = await findUserWithTargets(ctx.db, id);
  if (!user) throw new AppwriteError('user_not_found');
  return user;
}

/** Deletes the user and everything it owns in one batch; 404 when there was no such user. Its audit entries stay. */
export async function deleteUser(ctx: ServiceContext, id: string): Promise<void> {
  const results = await ctx.db.batch([auditStatement(ctx, 'user.delete', id), ...deleteUserStatements(ctx.db, id)]);
  const deleted = results[results.length - 1] as Array<{ id: string }>;
  if (deleted.length === 0) throw new AppwriteError('user_not_found');
}
