import { z } from 'zod';
import { AppwriteError } from '../../errors/appwrite-error';
import { assertVerifiable, detectHashFormat, isHashAlgorithm } from '../../passwords';
import { optional, validateParams, type RawParams } from '../../validation/params';
import { customId, email, labels, lenientBoolean, phone, plainPassword, prefs, rule, strictBoolean, text } from '../../validation/rules';
import { resolveId } from '../../validation/ids';

/** `hash` of an import row: the stored value, its algorithm (a `hash` name) and options (`hashOptions`). */
export interface RowHash {
  algorithm?: string;
  value: string;
  options?: Record<string, unknown>;
}

const hashRule = rule(
  z
    .object({
      algorithm: z.string().min(1).max(64).optional(),
      value: z.string().min(1).max(4096),
      options: z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v)).optional(),
    })
    .strip(),
  'Value must be an object {algorithm?, value, options?}: value a string of 1 to 4096 chars, options an object',
  {
    type: 'object',
    required: ['value'],
    properties: { algorithm: { type: 'string' }, value: { type: 'string', minLength: 1, maxLength: 4096 }, options: { type: 'object' } },
  },
);

/** One row of `POST /v1/users/import`, as `validateParams` checks it (fields absent = the defaults of a new user). */
export const importRowSpec = {
  userId: optional(customId, 'unique()'),
  email: optional(email, null),
  phone: optional(phone, null),
  name: optional(text(0, 128), ''),
  emailVerification: optional(strictBoolean, false),
  phoneVerification: optional(strictBoolean, false),
  status: optional(lenientBoolean, true),
  labels: optional(labels, [] as string[]),
  prefs: optional(prefs, {} as Record<string, unknown>),
  password: optional(plainPassword, null),
  hash: optional(hashRule, null),
};

/** A row that passed every check of its own, ready to compare with the database and insert. */
export interface ImportRow {
  index: number;
  /** The id as sent, `unique()` resolved. */
  id: string;
  /** Whether the id was `unique()` (such a row matches an existing user by email or phone, not id). */
  generatedId: boolean;
  email: string | null;
  phone: string | null;
  name: string;
  emailVerification: boolean;
  phoneVerification: boolean;
  status: boolean;
  labels: string[];
  prefs: Record<string, unknown>;
  /** A plaintext to hash with the default (argon2id) before storing. */
  plaintext: string | null;
  /** The stored hash value (null: no password, or a plaintext not hashed yet). */
  password: string | null;
  hash: string;
  hashOptions: Record<string, unknown>;
}

export type RowOutcome = { ok: true; row: ImportRow } | { ok: false; index: number; userId: string; error: AppwriteError };

/**
 * A user object as Appwrite's `GET /v1/users` returns it (`$id`, `password` = the hash value,
 * `hash` = its algorithm name, `hashOptions`) becomes an import row; a row already in the import
 * shape (`hash` an object) is left as it is.
 */
export function fromAppwriteUser(raw: RawParams): RawParams {
  if (typeof raw.hash !== 'string') return raw;
  const { $id, password, hash, hashOptions, ...rest } = raw;
  return {
    ...rest,
    userId: $id ?? rest.userId,
    password: undefined,
    hash: typeof password === 'string' && password !== '' ? { algorithm: hash, value: password, options: hashOptions } : null,
    // Appwrite answers "" for no email or phone.
    email: rest.email === '' ? null : rest.email,
    phone: rest.phone === '' ? null : rest.phone,
  };
}

const invalid = (message: string) => new AppwriteError('general_argument_invalid', message);

/**
 * Checks one row on its own (shape, every field's rule, the hash's format and cost caps) without
 * touching the database. A failure is the row's error, never the request's.
 */
export function checkRow(raw: unknown, index: number): RowOutcome {
  const sentId = typeof raw === 'object' && raw !== null ? (raw as RawParams).$id ?? (raw as RawParams).userId : undefined;
  const userId = typeof sentId === 'string' ? sentId : '';
  try {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalid('Each row must be an object.');
    const p = validateParams(fromAppwriteUser(raw as RawParams), importRowSpec);
    if (p.password !== null && p.hash !== null) throw invalid('A row takes either `password` (plaintext) or `hash`, not both.');
    const id = resolveId(p.userId ?? 'unique()');
    const stored = p.hash ? storedHash(p.hash) : null;
    return {
      ok: true,
      row: {
        index,
        id,
        generatedId: id !== p.userId,
        email: p.email ? p.email.toLowerCase() : null,
        phone: p.phone ?? null,
        name: p.name ?? '',
        emailVerification: p.emailVerification ?? false,
        phoneVerification: p.phoneVerification ?? false,
        status: p.status ?? true,
        labels: p.labels ?? [],
        prefs: p.prefs ?? {},
        plaintext: p.password ?? null,
        password: stored?.value ?? null,
        hash: stored?.hash ?? 'argon2',
        hashOptions: stored?.hashOptions ?? {},
      },
    };
  } catch (error) {
    if (!(error instanceof AppwriteError)) throw error;
    return { ok: false, index, userId, error };
  }
}

/**
 * The `hash`/`hashOptions` to store: the named algorithm with its options (`type` set to the
 * algorithm, as Appwrite stores it), or the format a self-describing value names. Refuses what
 * could not be verified here (unknown algorithm, bad options, costs over the caps).
 */
function storedHash(given: RowHash): { value: string; hash: string; hashOptions: Record<string, unknown> } {
  const detected = given.algorithm ? null : detectHashFormat(given.value);
  const algorithm = given.algorithm ?? detected?.algorithm;
  if (!algorithm) {
    throw invalid('Invalid `hash` param: the value names no known format; set `algorithm` (and `options`).');
  }
  if (!isHashAlgorithm(algorithm)) throw invalid(`Invalid \`hash\` param: unknown algorithm "${algorithm}".`);
  const hashOptions = { ...(given.options ?? detected?.options ?? {}), type: algorithm };
  assertVerifiable(algorithm, given.value, hashOptions);
  return { value: given.value, hash: algorithm, hashOptions };
}
