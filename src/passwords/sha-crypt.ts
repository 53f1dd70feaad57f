import { createHash } from 'node:crypto';
import { timingSafeEqual, toCryptBase64, utf8 } from '../crypto/encoding';

export type CryptDigest = 'md5' | 'sha256' | 'sha512';

export interface ShaCryptParams {
  digest: 'sha256' | 'sha512';
  /** Clamped to 1000..999 999 999 as glibc does; 5000 when the string has no `rounds=`. */
  rounds: number;
  salt: string;
  checksum: string;
}

/** `$5$[rounds=N$]salt$checksum` (SHA-256, 43 chars) and `$6$…` (SHA-512, 86 chars); salt ≤ 16 chars. */
const SHA_CRYPT = /^\$([56])\$(?:rounds=(\d{1,10})\$)?([^$]{0,16})\$([./0-9A-Za-z]{43}|[./0-9A-Za-z]{86})$/;

export const SHA_CRYPT_DEFAULT_ROUNDS = 5000;

export function parseShaCrypt(value: string): ShaCryptParams | null {
  const match = SHA_CRYPT.exec(value);
  if (!match) return null;
  const digest = match[1] === '5' ? 'sha256' : 'sha512';
  if (match[4].length !== (digest === 'sha256' ? 43 : 86)) return null;
  const rounds = match[2] === undefined ? SHA_CRYPT_DEFAULT_ROUNDS : Math.min(999_999_999, Math.max(1000, Number(match[2])));
  return { digest, rounds, salt: match[3], checksum: match[4] };
}

/** Output byte order of each digest, three bytes per 4 characters (the crypt specifications' transposition). */
const SHA256_ORDER = transposition(10, [[2, 1, 0], [1, 0, 2], [0, 2, 1]], [30, 31]);
const SHA512_ORDER = transposition(21, [[2, 1, 0], [0, 2, 1], [1, 0, 2]], [63]);
export const MD5_CRYPT_ORDER = [12, 6, 0, 13, 7, 1, 14, 8, 2, 15, 9, 3, 5, 10, 4, 11];

/** Group k = 0…count−1 takes bytes {k, k+count, k+2·count} (low byte first) in a rotation that cycles with k. */
function transposition(count: number, rotations: number[][], tail: number[]): number[] {
  const order: number[] = [];
  for (let k = 0; k < count; k++) {
    const bytes = [k, k + count, k + 2 * count];
    order.push(...rotations[k % 3].map((i) => bytes[i]));
  }
  return [...order, ...tail];
}

export const permute = (digest: Uint8Array, order: number[]): Uint8Array => Uint8Array.from(order, (i) => digest[i]);

const hash = (digest: CryptDigest, ...parts: Uint8Array[]): Uint8Array => {
  const h = createHash(digest);
  for (const part of parts) h.update(part);
  return h.digest();
};

/** `bytes` repeated until `length` bytes. */
const stretch = (bytes: Uint8Array, length: number): Uint8Array => Uint8Array.from({ length }, (_, i) => bytes[i % bytes.length]);

/**
 * The rounds loop MD5-crypt and SHA-crypt share: round i hashes (P or C) ‖ [S if i%3] ‖ [P if i%7]
 * ‖ (C or P). The eight message layouts are built once and only C is copied in each round, so
 * each round is one node:crypto call chain (BoringSSL in workerd) on one buffer: SHA-crypt's
 * hundreds of thousands of rounds are bound by those calls, not by the hashing.
 */
export function cryptRounds(digest: CryptDigest, start: Uint8Array, p: Uint8Array, s: Uint8Array, rounds: number): Uint8Array {
  const size = start.length;
  const layouts = Array.from({ length: 8 }, (_, key) => {
    const odd = (key & 1) === 1;
    const parts: (Uint8Array | null)[] = [odd ? p : null]; // null: where C goes
    if (key & 2) parts.push(s);
    if (key & 4) parts.push(p);
    parts.push(odd ? null : p);
    const buffer = new Uint8Array(parts.reduce((n, part) => n + (part ? part.length : size), 0));
    let offset = 0;
    let cAt = 0;
    for (const part of parts) {
      if (part) buffer.set(part, offset);
      else cAt = offset;
      offset += part ? part.length : size;
    }
    return { buffer, cAt };
  });
  let c = start;
  for (let i = 0; i < rounds; i++) {
    const { buffer, cAt } = layouts[(i & 1) | (i % 3 ? 2 : 0) | (i % 7 ? 4 : 0)];
    buffer.set(c, cAt);
    c = createHash(digest).update(buffer).digest();
  }
  return c;
}

/** Drepper's SHA-crypt (glibc `$5$`/`$6$`) on the string's own salt and rounds. */
export function shaCryptChecksum(password: string, { digest, rounds, salt }: ShaCryptParams): string {
  const p = utf8(password);
  const s = utf8(salt);
  const size = digest === 'sha256' ? 32 : 64;
  const b = hash(digest, p, s, p);
  const a: Uint8Array[] = [p, s];
  for (let n = p.length; n > 0; n -= size) a.push(b.subarray(0, Math.min(n, size)));
  for (let n = p.length; n > 0; n >>= 1) a.push(n & 1 ? b : p);
  const start = hash(digest, ...a);
  const pStretched = stretch(hash(digest, ...Array(p.length).fill(p)), p.length);
  const sStretched = stretch(hash(digest, ...Array(16 + start[0]).fill(s)), s.length);
  const c = cryptRounds(digest, start, pStretched, sStretched, rounds);
  return toCryptBase64(permute(c, digest === 'sha256' ? SHA256_ORDER : SHA512_ORDER));
}

export function verifyShaCrypt(password: string, stored: string): boolean {
  const params = parseShaCrypt(stored);
  return params !== null && timingSafeEqual(shaCryptChecksum(password, params), params.checksum);
}

