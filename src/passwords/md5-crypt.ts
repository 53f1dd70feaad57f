import { createHash } from 'node:crypto';
import { timingSafeEqual, toCryptBase64, utf8 } from '../crypto/encoding';
import { cryptRounds, MD5_CRYPT_ORDER, permute } from './sha-crypt';

/** `$1$salt$checksum`: salt ≤ 8 chars, 22-char checksum. */
const MD5_CRYPT = /^\$1\$([^$]{0,8})\$([./0-9A-Za-z]{22})$/;

export const isMd5Crypt = (value: string): boolean => MD5_CRYPT.test(value);

/** Poul-Henning Kamp's MD5-crypt (FreeBSD, glibc, `openssl passwd -1`): a fixed 1000 rounds. */
export function verifyMd5Crypt(password: string, stored: string): boolean {
  const match = MD5_CRYPT.exec(stored);
  if (!match) return false;
  const p = utf8(password);
  const s = utf8(match[1]);
  const alternate = createHash('md5').update(p).update(s).update(p).digest();
  const first = createHash('md5').update(p).update('$1$').update(s);
  for (let n = p.length; n > 0; n -= 16) first.update(alternate.subarray(0, Math.min(n, 16)));
  // Each bit of the length, lowest first, adds a NUL byte (set) or the password's first byte (clear).
  for (let n = p.length; n > 0; n >>= 1) first.update(n & 1 ? new Uint8Array(1) : p.subarray(0, 1));
  const digest = cryptRounds('md5', first.digest(), p, s, 1000);
  return timingSafeEqual(toCryptBase64(permute(digest, MD5_CRYPT_ORDER)), match[2]);
}
