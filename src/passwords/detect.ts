import { parseArgon2 } from './argon2';
import { bcryptCost } from './bcrypt';
import { parseBcryptSha256 } from './bcrypt-sha256';
import { isLdapHash } from './ldap';
import { isMd5Crypt } from './md5-crypt';
import { parsePbkdf2String } from './pbkdf2';
import { phpassLog2 } from './phpass';
import { parseShaCrypt } from './sha-crypt';

/** What a user row stores for an imported hash: `hash` = algorithm, `hashOptions` = options. */
export interface DetectedHashFormat {
  algorithm: string;
  options: Record<string, unknown>;
}

/**
 * Formats that carry their own parameters, tried in order. Raw digests (md5, sha, scrypt, hmac,
 * raw PBKDF2) are not self-describing — a hex string could be any of them — so they are not here.
 */
const SELF_DESCRIBING: [algorithm: string, recognises: (value: string) => boolean][] = [
  // argon2d is left out: Appwrite's verification (PHP password_verify) always answers false for it.
  ['argon2', (value) => (parseArgon2(value)?.type ?? 'argon2d') !== 'argon2d'],
  ['bcrypt', (value) => bcryptCost(value) !== null],
  ['phpass', (value) => phpassLog2(value) !== null],
  ['shaCrypt', (value) => parseShaCrypt(value) !== null],
  ['md5Crypt', isMd5Crypt],
  ['pbkdf2', (value) => parsePbkdf2String(value) !== null],
  ['bcryptSha256', (value) => parseBcryptSha256(value) !== null],
  ['ldap', isLdapHash],
];

/**
 * The algorithm and options to store for a self-describing hash (`$argon2id$…`, `$2y$…`,
 * `$P$…`, `$6$…`, `pbkdf2_sha256$…`, `{SSHA}…`, …), or null when `value` is none of them. The
 * parameters stay in the string, so `options` is just `{type}`, as Appwrite stores for argon2.
 */
export function detectHashFormat(value: string): DetectedHashFormat | null {
  const found = SELF_DESCRIBING.find(([, recognises]) => recognises(value));
  return found ? { algorithm: found[0], options: { type: found[0] } } : null;
}
