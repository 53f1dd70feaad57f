import { hashArgon2id, type Argon2Params } from './argon2';
import { algorithmFor } from './registry';

export interface Argon2Settings { memoryCost: number; timeCost: number; threads: number; implementation: 'wasm' | 'js' }
export interface StoredPassword { password: string | null; hash: string; hashOptions: Record<string, unknown> }

const paramsOf = (settings: Argon2Settings): Argon2Params =>
  ({ m: settings.memoryCost, t: settings.timeCost, p: settings.threads });

/** Hash a new plaintext with argon2id at `settings`; hashOptions = {type:'argon2', memoryCost, timeCost, threads} = the parameters really used. */
export async function hashPassword(
  plain: string,
  settings: Argon2Settings,
): Promise<{ password: string; hash: 'argon2'; hashOptions: Record<string, unknown> }> {
  return {
    password: hashArgon2id(plain, paramsOf(settings), settings.implementation),
    hash: 'argon2',
    hashOptions: argon2HashOptions(settings),
  };
}

/** The `hashOptions` of a new argon2id hash — also stored for users created without a password. */
export const argon2HashOptions = ({ memoryCost, timeCost, threads }: Argon2Settings): Record<string, unknown> => ({
  type: 'argon2',
  memoryCost,
  timeCost,
  threads,
});

/**
 * Verify plaintext against a stored hash of any algorithm. Whether to re-hash after a login is the
 * caller's rule (Appwrite's: by algorithm name only, password-hashes.md §5).
 */
export async function verifyPassword(stored: StoredPassword, plain: string, settings: Argon2Settings): Promise<{ valid: boolean }> {
  if (!stored.password) return { valid: false };
  const options = stored.hashOptions ?? {};
  const algorithm = algorithmFor(stored.hash);
  algorithm.assertAffordable(stored.password, options);
  const valid = await algorithm.verify(plain, stored.password, options, settings.implementation);
  return { valid };
}

/** Import-time guard rails: throw `new AppwriteError('password_too_expensive', '<clear message naming the cap>')` (import from '../errors/appwrite-error') when a hash's cost would exceed Workers' CPU/memory limits. hashName = stored hash name, password = the hash string, hashOptions as stored. */
export function assertVerifiable(hashName: string, password: string, hashOptions: Record<string, unknown>): void {
  algorithmFor(hashName).assertAffordable(password, hashOptions ?? {});
}

export { CAPS } from './caps';
