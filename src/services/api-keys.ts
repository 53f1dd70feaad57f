import { eq } from 'drizzle-orm';
import { AppwriteError } from '../errors/appwrite-error';
import type { Database } from '../store/database';
import { keys } from '../store/schema';
import { timingSafeEqual } from '../crypto/encoding';
import { sha256Hex } from '../crypto/secrets';

/** Every scope this server checks. The root key (`API_KEY`) has all of them. */
export const ALL_SCOPES = ['users.read', 'users.write', 'targets.read', 'targets.write', 'sessions.read', 'sessions.write'] as const;

/** Scopes every API key gets on top of its own (Appwrite's Key.php). */
const IMPLICIT_SCOPES = ['global', 'health.read', 'graphql'];

export type KeyAuthentication = { kind: 'key'; scopes: ReadonlySet<string> } | { kind: 'anonymous' };

const ROOT_SCOPES: ReadonlySet<string> = new Set([...ALL_SCOPES, ...IMPLICIT_SCOPES]);

/** The root key's SHA-256, computed once per isolate (the secret does not change while it runs). */
let root: { key: string; digest: string } | undefined;
const rootKeyDigest = (rootKey: string) => (root?.key === rootKey ? root : (root = { key: rootKey, digest: sha256Hex(rootKey) })).digest;

/** Positive lookups are cached briefly per isolate so a read route stays one D1 round trip. */
const cache = new Map<string, { scopes: string[]; expire: string | null; cachedAt: number }>();
const CACHE_MS = 30_000;

/**
 * Resolves an `X-Appwrite-Key` value (users-api.md §1.3): the root key, or a stored key found by
 * the SHA-256 of the whole header value. A value whose prefix (before the first `_`) is neither
 * `standard` nor `dynamic` is not a key at all, as in Appwrite.
 */
export async function authenticateKey(db: Database, rootKey: string, secret: string): Promise<KeyAuthentication> {
  // Comparing SHA-256 digests is constant-time whatever the lengths; the root key's is computed once.
  const hash = sha256Hex(secret);
  const rootHash = rootKey ? rootKeyDigest(rootKey) : null;
  if (rootHash && timingSafeEqual(hash, rootHash)) return { kind: 'key', scopes: ROOT_SCOPES };
  const underscore = secret.indexOf('_');
  const prefix = underscore < 0 ? 'standard' : secret.slice(0, underscore);
  if (prefix !== 'standard' && prefix !== 'dynamic') return { kind: 'anonymous' };

  let entry = cache.get(hash);
  if (!entry || Date.now() - entry.cachedAt > CACHE_MS) {
    const row = await db.select({ scopes: keys.scopes, expire: keys.expire }).from(keys).where(eq(keys.secretHash, hash)).get();
    if (!row) {
      cache.delete(hash);
      throw new AppwriteError('user_unauthorized');
    }
    entry = { ...row, cachedAt: Date.now() };
    cache.set(hash, entry);
  }
  if (entry.expire && new Date(entry.expire).getTime() < Date.now()) throw new AppwriteError('project_key_expired');
  return { kind: 'key', scopes: new Set([...entry.scopes, ...IMPLICIT_SCOPES]) };
}
