import { AppwriteError } from '../errors/appwrite-error';
import { hashArgon2id, type Argon2Params } from './argon2';
import { HashOptionsError } from './options';
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
  try {
    algorithm.assertAffordable(stored.password, options);
    return { valid: await algorithm.verify(plain, stored.password, options, settings.implementation) };
  } catch (error) {
    // Options the import check would have refused: a broken stored user, a 500 as in Appwrite.
    if (error instanceof HashOptionsError) throw new AppwriteError('general_unknown', `${stored.hash}: ${error.message}`);
    throw error;
  }
}

/** Import-time check of a hash as it will be stored: `password_too_expensive` (400, naming the cap) when verifying it would exceed a Worker's CPU or memory limits, `general_argument_invalid` (400) for `hashOptions` it cannot be computed with. */
export function assertVerifiable(hashName: string, password: string, hashOptions: Record<string, unknown>): void {
  try {
    algorithmFor(hashName).assertAffordable(password, hashOptions ?? {});
  } catch (error) {
    if (error instanceof HashOptionsError) throw new AppwriteError('general_argument_invalid', `Invalid \`hashOptions\` for ${hashName}: ${error.message}`);
    throw error;
  }
}

export { CAPS } from './caps';
export { isHashAlgorithm } from './registry';
export { detectHashFormat, type DetectedHashFormat } from './detect';
