import { createHash } from 'node:crypto';
import { isCryptString, verifyCrypt } from './bcrypt';
import { fromBase64Strict, timingSafeEqualBytes, utf8 } from '../crypto/encoding';

/** RFC 2307 / OpenLDAP `userPassword` schemes: digest and whether a salt follows it. */
const SCHEMES: Record<string, { digest: string; size: number; salted: boolean }> = {
  MD5: { digest: 'md5', size: 16, salted: false },
  SMD5: { digest: 'md5', size: 16, salted: true },
  SHA: { digest: 'sha1', size: 20, salted: false },
  SSHA: { digest: 'sha1', size: 20, salted: true },
  SHA256: { digest: 'sha256', size: 32, salted: false },
  SSHA256: { digest: 'sha256', size: 32, salted: true },
  SHA384: { digest: 'sha384', size: 48, salted: false },
  SSHA384: { digest: 'sha384', size: 48, salted: true },
  SHA512: { digest: 'sha512', size: 64, salted: false },
  SSHA512: { digest: 'sha512', size: 64, salted: true },
};

const LDAP = /^\{([A-Za-z0-9]+)\}(.*)$/s;

type Parsed = { crypt: string } | { digest: string; expected: Uint8Array; salt: Uint8Array };

/** `{SCHEME}value` with a scheme we verify and a well-formed value, or null. Scheme names are case-insensitive, as in OpenLDAP. */
function parseLdap(value: string): Parsed | null {
  const match = LDAP.exec(value);
  if (!match) return null;
  const name = match[1].toUpperCase();
  if (name === 'CRYPT') return isCryptString(match[2]) ? { crypt: match[2] } : null;
  const scheme = SCHEMES[name];
  const bytes = scheme ? fromBase64Strict(match[2].replace(/=+$/, '')) : null;
  if (!bytes || (scheme.salted ? bytes.length <= scheme.size : bytes.length !== scheme.size)) return null;
  return { digest: scheme.digest, expected: bytes.subarray(0, scheme.size), salt: bytes.subarray(scheme.size) };
}

export const isLdapHash = (value: string): boolean => parseLdap(value) !== null;

/** The crypt(3) string inside `{CRYPT}`, for the cost check. */
export function ldapCryptString(value: string): string | null {
  const parsed = parseLdap(value);
  return parsed && 'crypt' in parsed ? parsed.crypt : null;
}

/**
 * `ldap`: `{SSHA}` = base64(SHA-1(password ‖ salt) ‖ salt), the others alike; `{CRYPT}` wraps a
 * crypt(3) string (bcrypt, `$1$`, `$5$`, `$6$`).
 */
export function verifyLdap(password: string, stored: string): boolean {
  const parsed = parseLdap(stored);
  if (!parsed) return false;
  if ('crypt' in parsed) return verifyCrypt(password, parsed.crypt);
  const digest = createHash(parsed.digest).update(utf8(password)).update(parsed.salt).digest();
  return timingSafeEqualBytes(digest, parsed.expected);
}
