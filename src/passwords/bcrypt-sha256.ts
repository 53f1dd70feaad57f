import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { toBase64, toHex, utf8 } from '../crypto/encoding';
import { verifyCrypt } from './bcrypt';

/** Django `bcrypt_sha256$` + a bcrypt string; the bcrypt key is the hex SHA-256 of the password. */
const DJANGO = /^bcrypt_sha256\$(\$2[aby]\$\d\d\$[./A-Za-z0-9]{53})$/;
/** passlib 1.7.3+ `$bcrypt-sha256$v=2,t=2b,r=12$<salt>$<checksum>`; key = base64(HMAC-SHA256(key = salt text, password)). */
const PASSLIB_V2 = /^\$bcrypt-sha256\$v=2,t=(2b),r=(\d{1,2})\$([./A-Za-z0-9]{22})\$([./A-Za-z0-9]{31})$/;
/** passlib 1.6.2–1.7.2 `$bcrypt-sha256$2a,12$<salt>$<checksum>`; key = base64(SHA-256(password)). */
const PASSLIB_V1 = /^\$bcrypt-sha256\$(2a|2b),(\d{1,2})\$([./A-Za-z0-9]{22})\$([./A-Za-z0-9]{31})$/;

/** The bcrypt string a `bcryptSha256` value verifies against and the key derived from the password, or null. */
export function parseBcryptSha256(value: string): { bcrypt: string; key: (password: string) => string } | null {
  const django = DJANGO.exec(value);
  if (django) return { bcrypt: django[1], key: (password) => toHex(sha256(utf8(password))) };
  const passlib = PASSLIB_V2.exec(value) ?? PASSLIB_V1.exec(value);
  if (!passlib) return null;
  const [, ident, rounds, salt, checksum] = passlib;
  const bcrypt = `$${ident}$${rounds.padStart(2, '0')}$${salt}${checksum}`;
  const key = value.startsWith('$bcrypt-sha256$v=2')
    ? (password: string) => toBase64(hmac(sha256, utf8(salt), utf8(password)), true)
    : (password: string) => toBase64(sha256(utf8(password)), true);
  return { bcrypt, key };
}

/**
 * `bcryptSha256`: the password pre-hashed to an ASCII key (so neither bcrypt's 72-byte limit nor
 * a NUL byte cuts it), then bcrypt.
 */
export function verifyBcryptSha256(password: string, stored: string): boolean {
  const parsed = parseBcryptSha256(stored);
  return parsed !== null && verifyCrypt(parsed.key(password), parsed.bcrypt);
}
