import { AppwriteError } from '../errors/appwrite-error';
import { verifyArgon2, type Argon2Implementation } from './argon2';
import { verifyCrypt } from './bcrypt';
import { assertPhpassAffordable, assertPhpHashAffordable, assertScryptAffordable } from './caps';
import { verifyMd5 } from './md5';
import { verifyPhpass } from './phpass';
import { verifyScrypt } from './scrypt';
import { verifyScryptModified } from './scrypt-modified';
import { verifySha } from './sha';

export interface PasswordAlgorithm {
  verify(password: string, hash: string, options: Record<string, unknown>, argon2: Argon2Implementation): boolean | Promise<boolean>;
  /** Throws `password_too_expensive` when verifying `hash` would not fit a Worker's limits. */
  assertAffordable(hash: string, options: Record<string, unknown>): void;
}

/**
 * PHP `password_verify`, which Appwrite uses for both `argon2` and `bcrypt`: it dispatches on the
 * stored string's prefix, so a bcrypt string stored as argon2 (or the reverse) still verifies.
 */
const phpPasswordVerify: PasswordAlgorithm = {
  verify: (password, hash, _options, argon2) =>
    hash.startsWith('$argon2') ? verifyArgon2(hash, password, argon2) : verifyCrypt(password, hash),
  assertAffordable: assertPhpHashAffordable,
};

const noCost = () => {};

/** Stored `hash` name → algorithm. `plaintext` is Appwrite's alias for the default (argon2). */
const ALGORITHMS = new Map<string, PasswordAlgorithm>([
  ['argon2', phpPasswordVerify],
  ['plaintext', phpPasswordVerify],
  ['bcrypt', phpPasswordVerify],
  ['md5', { verify: verifyMd5, assertAffordable: noCost }],
  ['sha', { verify: verifySha, assertAffordable: noCost }],
  ['phpass', { verify: verifyPhpass, assertAffordable: assertPhpassAffordable }],
  ['scrypt', { verify: verifyScrypt, assertAffordable: (_hash, options) => assertScryptAffordable(options) }],
  ['scryptMod', { verify: verifyScryptModified, assertAffordable: noCost }],
]);

export function algorithmFor(name: string): PasswordAlgorithm {
  const algorithm = ALGORITHMS.get(name);
  if (!algorithm) throw new AppwriteError('general_unknown', `Hashing algorithm '${name}' is not supported.`);
  return algorithm;
}
