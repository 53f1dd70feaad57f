import bcryptjs from 'bcryptjs';
import { utf8 } from '../crypto/encoding';
import { isMd5Crypt, verifyMd5Crypt } from './md5-crypt';
import { parseShaCrypt, verifyShaCrypt } from './sha-crypt';

const BCRYPT = /^\$2([abxy])\$(\d\d)\$[./A-Za-z0-9]{53}$/;

/** bcrypt's cost field (log2 of the key-schedule rounds), or null when `hash` is no bcrypt string. */
export function bcryptCost(hash: string): number | null {
  const match = BCRYPT.exec(hash);
  return match ? Number(match[2]) : null;
}

/** Whether `hash` is a crypt(3) string `verifyCrypt` can check. */
export const isCryptString = (hash: string): boolean => BCRYPT.test(hash) || isMd5Crypt(hash) || parseShaCrypt(hash) !== null;

/**
 * PHP `crypt()` as `password_verify` and phpass use it for every non-argon2 string: bcrypt,
 * MD5-crypt `$1$` and SHA-crypt `$5$`/`$6$`. DES strings are answered false (Appwrite would check them).
 *
 * PHP hands the password to crypt as a C string, so it ends at the first NUL; bcryptjs does not
 * know that. `$2a$`, `$2b$` and `$2y$` are the same algorithm in PHP. `$2x$` is crypt_blowfish's
 * bug-compatible mode, which differs from `$2a$` only for password bytes ≥ 0x80: we verify it as
 * `$2a$` for ASCII passwords and answer false otherwise instead of reproducing the bug.
 */
export function verifyCrypt(password: string, hash: string): boolean {
  const cut = password.indexOf('\0');
  const key = cut < 0 ? password : password.slice(0, cut);
  if (hash.startsWith('$1$')) return verifyMd5Crypt(key, hash);
  if (hash.startsWith('$5$') || hash.startsWith('$6$')) return verifyShaCrypt(key, hash);
  const match = BCRYPT.exec(hash);
  if (!match) return false;
  let candidate = hash;
  if (match[1] === 'x') {
    if (utf8(key).some((byte) => byte >= 0x80)) return false;
    candidate = `$2a${hash.slice(3)}`;
  }
  try {
    return bcryptjs.compareSync(key, candidate);
  } catch {
    return false;
  }
}
