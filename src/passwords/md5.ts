import { md5 } from '@noble/hashes/legacy.js';
import { timingSafeEqual, toHex, utf8 } from '../crypto/encoding';

/** Appwrite `md5`: unsalted lowercase hex MD5; uppercase hex never verifies (PHP `===`). */
export function verifyMd5(password: string, hash: string): boolean {
  return timingSafeEqual(toHex(md5(utf8(password))), hash);
}
