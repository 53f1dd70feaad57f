import { md5 } from '@noble/hashes/legacy.js';
import { concatBytes, CRYPT_ALPHABET, timingSafeEqual, toCryptBase64, utf8 } from '../crypto/encoding';
import { verifyCrypt } from './bcrypt';

const PORTABLE = /^\$[PH]\$/;

/** log2 of the MD5 iteration count of a portable `$P$`/`$H$` hash, or null for other strings. */
export function phpassLog2(hash: string): number | null {
  if (!PORTABLE.test(hash)) return null;
  const log2 = CRYPT_ALPHABET.indexOf(hash[3]);
  return log2 >= 7 && log2 <= 30 ? log2 : null;
}

/**
 * Appwrite's phpass 0.5 port: the portable scheme for `$P$`/`$H$` (WordPress, phpBB3), and
 * `crypt()` — in practice bcrypt — for every string the portable scheme refuses.
 */
export function verifyPhpass(password: string, hash: string): boolean {
  const log2 = phpassLog2(hash);
  const salt = hash.slice(4, 12);
  if (log2 === null || salt.length !== 8) return verifyCrypt(password, hash);
  const digest = md5Chain(utf8(salt), utf8(password), 2 ** log2);
  return timingSafeEqual(hash.slice(0, 12) + toCryptBase64(digest), hash);
}

/**
 * `x = md5(salt ‖ pw)`, then `count` times `x = md5(x ‖ pw)`. WordPress hashes run 8192 rounds and
 * a generic MD5 allocates per call, so the loop keeps the padded message in one word buffer and
 * feeds the previous state straight into its first four words (MD5 is little-endian, as are the
 * typed arrays on every Workers platform): ~2 ms for 2^13 rounds in workerd, where a node:crypto
 * MD5 loop takes ~17 ms in Node (bench/passwords).
 */
function md5Chain(salt: Uint8Array, password: Uint8Array, count: number): Uint8Array {
  const first = md5(concatBytes(salt, password));
  const length = 16 + password.length;
  const blocks = Math.ceil((length + 9) / 64);
  const message = new Uint8Array(blocks * 64);
  message.set(password, 16);
  message[length] = 0x80;
  new DataView(message.buffer).setUint32(blocks * 64 - 8, length * 8, true);
  const words = new Int32Array(message.buffer);
  const state = new Int32Array(first.buffer.slice(first.byteOffset, first.byteOffset + 16));
  for (let round = 0; round < count; round++) {
    words[0] = state[0];
    words[1] = state[1];
    words[2] = state[2];
    words[3] = state[3];
    state[0] = 0x67452301;
    state[1] = 0xefcdab89 | 0;
    state[2] = 0x98badcfe | 0;
    state[3] = 0x10325476;
    for (let block = 0; block < blocks; block++) md5Compress(state, words, block * 16);
  }
  return new Uint8Array(state.buffer);
}

const K = Int32Array.from([
  0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
  0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
  0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
  0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
  0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
  0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
  0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
  0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
]);
const SHIFT = Uint8Array.from([7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21]);

/** The MD5 compression function (RFC 1321) on 16 words of `w` starting at `offset`. */
function md5Compress(state: Int32Array, w: Int32Array, offset: number): void {
  let a = state[0];
  let b = state[1];
  let c = state[2];
  let d = state[3];
  for (let i = 0; i < 64; i++) {
    let f: number;
    let g: number;
    if (i < 16) {
      f = (b & c) | (~b & d);
      g = i;
    } else if (i < 32) {
      f = (d & b) | (~d & c);
      g = (5 * i + 1) & 15;
    } else if (i < 48) {
      f = b ^ c ^ d;
      g = (3 * i + 5) & 15;
    } else {
      f = c ^ (b | ~d);
      g = (7 * i) & 15;
    }
    const s = SHIFT[((i >> 4) << 2) | (i & 3)];
    const x = (a + f + K[i] + w[offset + g]) | 0;
    a = d;
    d = c;
    c = b;
    b = (b + ((x << s) | (x >>> (32 - s)))) | 0;
  }
  state[0] = (state[0] + a) | 0;
  state[1] = (state[1] + b) | 0;
  state[2] = (state[2] + c) | 0;
  state[3] = (state[3] + d) | 0;
}
