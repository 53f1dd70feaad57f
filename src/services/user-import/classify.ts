import { AppwriteError } from '../../errors/appwrite-error';
import { verifyPassword, type Argon2Settings } from '../../passwords';
import type { ImportNeighbours } from '../../store/user-import';
import type { UserRow } from '../../store/schema';
import type { ImportRow } from './rows';

/** What a real run does with a checked row. */
export type Decision =
  | { row: ImportRow; action: 'create' }
  | { row: ImportRow; action: 'unchanged'; userId: string }
  | { row: ImportRow; action: 'fail'; error: AppwriteError };

/** JSON with object keys sorted at every level: equal values, equal text, whatever the key order. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );

/**
 * Whether `row` describes `user` as it is stored: the same fields and the same password. A
 * pre-hashed row must carry the same value, algorithm and options (in any key order); a plaintext
 * row must verify against the stored hash (its salt differs on every hashing).
 */
async function sameUser(user: UserRow, row: ImportRow, argon2: Argon2Settings): Promise<boolean> {
  const fieldsEqual =
    lower(user.email || null) === row.email &&
    (user.phone || null) === row.phone &&
    user.name === row.name &&
    user.status === row.status &&
    user.emailVerification === row.emailVerification &&
    user.phoneVerification === row.phoneVerification &&
    canonicalJson(user.labels) === canonicalJson(row.labels) &&
    canonicalJson(user.prefs ?? {}) === canonicalJson(row.prefs);
  if (!fieldsEqual) return false;
  if (row.plaintext !== null) {
    if (!user.password) return false;
    return (await verifyPassword(user, row.plaintext, argon2).catch(() => ({ valid: false }))).valid;
  }
  if (row.password === null) return user.password === null;
  return user.password === row.password && user.hash === row.hash && canonicalJson(user.hashOptions) === canonicalJson(row.hashOptions);
}

const lower = (value: string | null) => value?.toLowerCase() ?? null;

/**
 * Decides every row against the database and the rows before it, in order, exactly as a real run
 * would: a row that describes an existing user as it is stored is `unchanged`; a row whose id,
 * e-mail or phone another user (or an earlier row) holds fails with Appwrite's error type.
 */
export async function classifyRows(rows: readonly ImportRow[], found: ImportNeighbours, argon2: Argon2Settings): Promise<Decision[]> {
  const byId = new Map<string, UserRow>();
  const byEmail = new Map<string, UserRow>();
  const byPhone = new Map<string, UserRow>();
  for (const user of found.users) {
    byId.set(user.id.toLowerCase(), user);
    if (user.email) byEmail.set(user.email.toLowerCase(), user);
    if (user.phone) byPhone.set(user.phone, user);
  }
  const identityEmails = new Set(found.identityEmails);
  // Keys the rows before this one create, and the row that creates each.
  const claimed = new Map<string, ImportRow>();
  const keysOf = (row: ImportRow) =>
    [`id:${row.id.toLowerCase()}`, row.email && `email:${row.email}`, row.phone && `phone:${row.phone}`].filter((k): k is string => !!k);

  const decisions: Decision[] = [];
  for (const row of rows) {
    const match = row.generatedId
      ? (row.email && byEmail.get(row.email)) || (row.phone && byPhone.get(row.phone)) || null
      : byId.get(row.id.toLowerCase()) ?? null;
    if (match) {
      decisions.push(
        (await sameUser(match, row, argon2))
          ? { row, action: 'unchanged', userId: match.id }
          : { row, action: 'fail', error: new AppwriteError('user_already_exists') },
      );
      continue;
    }
    const earlier = keysOf(row).map((key) => claimed.get(key)).find(Boolean);
    if (earlier) {
      const same = !row.generatedId && canonicalJson({ ...earlier, index: 0 }) === canonicalJson({ ...row, index: 0 });
      decisions.push(same ? { row, action: 'unchanged', userId: earlier.id } : { row, action: 'fail', error: new AppwriteError('user_already_exists') });
      continue;
    }
    if (row.email && identityEmails.has(row.email)) {
      decisions.push({ row, action: 'fail', error: new AppwriteError('user_email_already_exists') });
      continue;
    }
    const holder = byId.get(row.id.toLowerCase()) ?? (row.email && byEmail.get(row.email)) ?? (row.phone && byPhone.get(row.phone)) ?? null;
    if (holder) {
      decisions.push({ row, action: 'fail', error: new AppwriteError('user_already_exists') });
      continue;
    }
    for (const key of keysOf(row)) claimed.set(key, row);
    decisions.push({ row, action: 'create' });
  }
  return decisions;
}
