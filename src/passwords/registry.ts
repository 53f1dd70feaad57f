import { AppwriteError } from '../errors/appwrite-error';
import { verifyArgon2, type Argon2Implementation } from './argon2';
import { verifyCrypt } from './bcrypt';
import { verifyBcryptSha256 } from './bcrypt-sha256';
import {
  assertBcryptSha256Affordable,
  assertLdapAffordable,
  assertPbkdf2Affordable,
  assertPhpassAffordable,
  assertPhpHashAffordable,
  assertScryptAffordable,
  assertShaCryptAffordable,
} from './caps';
import { hmacParams, verifyHmac } from './hmac';
import { verifyLdap } from './ldap';
import { verifyMd5 } from './md5';
import { verifyMd5Crypt } from './md5-crypt';
import { verifyPbkdf2 } from './pbkdf2';
import { verifyPhpass } from './phpass';
import { verifyScrypt } from './scrypt';
import { verifyScryptModified } from './scrypt-modified';
import { verifySha } from './sha';
import { verifyShaCrypt } from './sha-crypt';

export interface PasswordAlgorithm {
  verify(password: string, hash: string, options: Record<string, unknown>, argon2: Argon2Implementation): boolean | Promise<boolean>;
  /**
   * Throws `password_too_expensive` when verifying `hash` would not fit a Worker's limits, and
   * `HashOptionsError` for options it cannot be computed with.
   */
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

/**
 * Stored `hash` name → algorithm. The first eight are Appwrite's (`plaintext` is its alias for the
 * default, argon2); the rest verify what other stacks export (README.md, "Peer formats").
 */
const ALGORITHMS = new Map<string, PasswordAlgorithm>([
  ['argon2', phpPasswordVerify],
  ['plaintext', phpPasswordVerify],
  ['bcrypt', phpPasswordVerify],
  ['md5', { verify: verifyMd5, assertAffordable: noCost }],
  ['sha', { verify: verifySha, assertAffordable: noCost }],
  ['phpass', { verify: verifyPhpass, assertAffordable: assertPhpassAffordable }],
  ['scrypt', { verify: verifyScrypt, assertAffordable: (_hash, options) => assertScryptAffordable(options) }],
  ['scryptMod', { verify: verifyScryptModified, assertAffordable: noCost }],
  ['pbkdf2', { verify: verifyPbkdf2, assertAffordable: assertPbkdf2Affordable }],
  ['hmac', { verify: verifyHmac, assertAffordable: (_hash, options) => void hmacParams(options) }],
  ['shaCrypt', { verify: verifyShaCrypt, assertAffordable: assertShaCryptAffordable }],
  ['md5Crypt', { verify: verifyMd5Crypt, assertAffordable: noCost }],
  ['ldap', { verify: verifyLdap, assertAffordable: assertLdapAffordable }],
  ['bcryptSha256', { verify: verifyBcryptSha256, assertAffordable: assertBcryptSha256Affordable }],
]);

/** Every stored `hash` name this server verifies (what an import may name as its algorithm). */
export const isHashAlgorithm = (name: string) => ALGORITHMS.has(name);

export function algorithmFor(name: string): PasswordAlgorithm {
  const algorithm = ALGORITHMS.get(name);
  if (!algorithm) throw new AppwriteError('general_unknown', `Hashing algorithm '${name}' is not supported.`);
  return algorithm;
}
