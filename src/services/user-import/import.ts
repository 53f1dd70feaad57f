import { AppwriteError } from '../../errors/appwrite-error';
import { argon2HashOptions, hashPassword, verifyPassword } from '../../passwords';
import { constraintViolation, nowIso } from '../../store/database';
import { findImportNeighbours, insertUsersStatements, type ImportInsert } from '../../store/user-import';
import { uniqueId } from '../../validation/ids';
import type { ServiceContext } from '../context';
import { assertNoPersonalData } from '../password-policy';
import { classifyRows, type Decision } from './classify';
import { checkRow, type ImportRow, type RowOutcome } from './rows';

/** Rows per request, as Firebase and Kratos take per call. */
export const MAX_IMPORT_ROWS = 1000;
/** Plaintext rows cost one argon2id hash each (≈0.1 s of CPU at the defaults): a request carries at most this many. */
export const MAX_PLAINTEXT_ROWS = 50;
/** Each sample costs one verification (up to ≈3 s at the caps). */
export const MAX_VERIFY_SAMPLES = 10;
/** D1 stores at most 2 MB per value; rows are sent to it as JSON parameters of at most this many characters. */
const CHUNK_CHARS = 900_000;

export interface ImportUsersInput {
  users: unknown[];
  dryRun: boolean;
  verify: Array<{ userId: string; password: string }>;
}

export interface ImportRowResult {
  index: number;
  userId: string;
  status: 'created' | 'unchanged' | 'failed';
  error?: { type: string; message: string };
}

export interface ImportUsersResult {
  committed: boolean;
  created: number;
  unchanged: number;
  failed: number;
  results: ImportRowResult[];
  verified: Array<{ userId: string; ok: boolean }>;
}

const failure = (index: number, userId: string, error: AppwriteError): ImportRowResult => ({
  index,
  userId,
  status: 'failed',
  error: { type: error.type, message: error.message },
});

/**
 * `POST /v1/users/import` (README "Bulk import"): every row is checked on its own, then against
 * the database in one read; the rows to create are written in one D1 batch (three statements per
 * ≤ 900 kB of rows). If that batch fails (a concurrent writer took an id or e-mail since the read),
 * each row is written in its own batch, so a bad row never blocks the others nor leaves a part of
 * itself behind.
 */
export async function importUsers(ctx: ServiceContext, input: ImportUsersInput): Promise<ImportUsersResult> {
  const outcomes = input.users.map(checkRow).map((o) => personalDataChecked(ctx, o));
  const rows = outcomes.flatMap((o) => (o.ok ? [o.row] : []));
  if (rows.filter((r) => r.plaintext !== null).length > MAX_PLAINTEXT_ROWS) {
    throw new AppwriteError(
      'general_argument_invalid',
      `Invalid \`users\` param: at most ${MAX_PLAINTEXT_ROWS} rows of a request may carry a plaintext \`password\`; send hashes or more requests.`,
    );
  }
  const found = await findImportNeighbours(ctx.db, {
    ids: rows.map((r) => r.id),
    emails: rows.flatMap((r) => (r.email ? [r.email] : [])),
    phones: rows.flatMap((r) => (r.phone ? [r.phone] : [])),
  });
  const decisions = await classifyRows(rows, found, ctx.config.argon2);
  const verified = await Promise.all(input.verify.map((sample) => verifySample(ctx, rows, sample)));
  const committed = !input.dryRun && verified.every((v) => v.ok);

  const results = new Map<number, ImportRowResult>();
  for (const o of outcomes) if (!o.ok) results.set(o.index, failure(o.index, o.userId, o.error));
  for (const d of decisions) results.set(d.row.index, resultOf(d));
  if (committed) {
    const toCreate = decisions.filter((d) => d.action === 'create').map((d) => d.row);
    for (const [index, error] of await writeRows(ctx, toCreate)) results.set(index, failure(index, results.get(index)!.userId, error));
  }
  const list = [...results.values()].sort((a, b) => a.index - b.index);
  const count = (status: ImportRowResult['status']) => list.filter((r) => r.status === status).length;
  return { committed, created: count('created'), unchanged: count('unchanged'), failed: count('failed'), results: list, verified };
}

function personalDataChecked(ctx: ServiceContext, outcome: RowOutcome): RowOutcome {
  if (!outcome.ok || outcome.row.plaintext === null || !ctx.config.personalDataCheck) return outcome;
  const { row } = outcome;
  try {
    assertNoPersonalData(row.plaintext!, { userId: row.id, email: row.email, name: row.name, phone: row.phone });
    return outcome;
  } catch (error) {
    return { ok: false, index: row.index, userId: row.id, error: error as AppwriteError };
  }
}

function resultOf(d: Decision): ImportRowResult {
  if (d.action === 'fail') return failure(d.row.index, d.row.id, d.error);
  return { index: d.row.index, userId: d.action === 'unchanged' ? d.userId : d.row.id, status: d.action === 'create' ? 'created' : 'unchanged' };
}

/** A sample plaintext against the hash its row would store; a sample naming no checked row is false. */
async function verifySample(ctx: ServiceContext, rows: readonly ImportRow[], sample: { userId: string; password: string }) {
  const row = rows.find((r) => r.id.toLowerCase() === sample.userId.toLowerCase());
  let ok = false;
  if (row?.plaintext != null) ok = row.plaintext === sample.password;
  else if (row?.password) {
    // Options a peer format cannot run with are a false, not a 500: that is what the sample is for.
    ok = (await verifyPassword(row, sample.password, ctx.config.argon2).catch(() => ({ valid: false }))).valid;
  }
  return { userId: sample.userId, ok };
}

/** Writes the rows; answers the ones that failed, by index. */
async function writeRows(ctx: ServiceContext, rows: ImportRow[]): Promise<Map<number, AppwriteError>> {
  const failed = new Map<number, AppwriteError>();
  if (rows.length === 0) return failed;
  const inserts = await Promise.all(rows.map((row) => toInsert(ctx, row)));
  const now = nowIso();
  const { actor, ip, userAgent, countryCode } = ctx.request;
  const audit = { actorId: actor.id, actorEmail: actor.email, actorName: actor.name, ip, userAgent, countryCode };
  const statements = chunks(inserts).flatMap((chunk) => insertUsersStatements(ctx.db, chunk, now, audit));
  try {
    await ctx.db.batch(statements as never);
    return failed;
  } catch (error) {
    // Anything but a collision (D1 unreachable, …) fails the request with nothing written.
    if (!constraintViolation(error)) throw error;
    // Someone else wrote since the read: find the rows that collide, one batch (one transaction) each.
    for (const [i, insert] of inserts.entries()) {
      try {
        await ctx.db.batch(insertUsersStatements(ctx.db, [insert], now, audit) as never);
      } catch (error) {
        failed.set(rows[i].index, rowError(error));
      }
    }
    return failed;
  }
}

function rowError(error: unknown): AppwriteError {
  const violated = constraintViolation(error);
  if (violated === 'identity_email') return new AppwriteError('user_email_already_exists');
  if (violated === 'users.id' || violated === 'users.email' || violated === 'users.phone') return new AppwriteError('user_already_exists');
  console.error(error);
  return new AppwriteError('general_unknown');
}

async function toInsert(ctx: ServiceContext, row: ImportRow): Promise<ImportInsert> {
  const stored =
    row.plaintext !== null
      ? await hashPassword(row.plaintext, ctx.config.argon2)
      : { password: row.password, hash: row.hash, hashOptions: row.password === null ? argon2HashOptions(ctx.config.argon2) : row.hashOptions };
  const targets = [
    ...(row.email ? [{ id: uniqueId(), providerType: 'email' as const, identifier: row.email }] : []),
    ...(row.phone ? [{ id: uniqueId(), providerType: 'sms' as const, identifier: row.phone }] : []),
  ];
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    status: row.status,
    labels: row.labels,
    prefs: row.prefs,
    emailVerification: row.emailVerification,
    phoneVerification: row.phoneVerification,
    ...stored,
    passwordHistory: stored.password && ctx.config.passwordHistory > 0 ? [stored.password] : [],
    targets,
    logId: uniqueId(),
  };
}

function chunks(rows: ImportInsert[]): ImportInsert[][] {
  const out: ImportInsert[][] = [];
  let size = 0;
  for (const row of rows) {
    const chars = JSON.stringify(row).length;
    if (out.length === 0 || size + chars > CHUNK_CHARS) {
      out.push([]);
      size = 0;
    }
    out[out.length - 1].push(row);
    size += chars;
  }
  return out;
}
