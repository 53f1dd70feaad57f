import { pbkdf2Sync } from 'node:crypto';
import { fromBase64Any, fromBase64Strict, timingSafeEqualBytes, utf8 } from '../crypto/encoding';
import { bytesOption, decodeDigest, DIGEST_BYTES, digestOption, HashOptionsError, integerOption, type Digest } from './options';

export type Pbkdf2Digest = Extract<Digest, 'sha1' | 'sha256' | 'sha512'>;

export interface Pbkdf2Params {
  digest: Pbkdf2Digest;
  iterations: number;
  salt: Uint8Array;
  /** The stored derived key; its length is the dkLen to derive. */
  expected: Uint8Array;
}

const DIGESTS: readonly Pbkdf2Digest[] = ['sha1', 'sha256', 'sha512'];

/** Django `pbkdf2_sha256$<iterations>$<salt text>$<base64>` (and `pbkdf2_sha1`). */
const DJANGO = /^pbkdf2_(sha1|sha256)\$([1-9]\d{0,9})\$([^$]*)\$([A-Za-z0-9+/]+=*)$/;
/** passlib `$pbkdf2$` (SHA-1), `$pbkdf2-sha256$`, `$pbkdf2-sha512$`: rounds, ab64 salt, ab64 key. */
const PASSLIB = /^\$pbkdf2(?:-(sha256|sha512))?\$([1-9]\d{0,9})\$([./A-Za-z0-9]*)\$([./A-Za-z0-9]+)$/;
/** Atlassian (Crowd, Jira, Confluence): base64 of a 16-byte salt and a PBKDF2-SHA1 key, 10 000 iterations. */
const ATLASSIAN = /^\{PKCS5S2\}([A-Za-z0-9+/]{64})$/;

const SELF_DESCRIBING = /^(?:pbkdf2_|\$pbkdf2[-$]|\{PKCS5S2\})/;

/** The parameters written in a Django, passlib or Atlassian PBKDF2 string; null for anything else or a malformed one. */
export function parsePbkdf2String(value: string): Pbkdf2Params | null {
  let match = DJANGO.exec(value);
  if (match) {
    const digest = match[1] as Pbkdf2Digest;
    const expected = fromBase64Strict(match[4].replace(/=+$/, ''));
    return expected && expected.length === DIGEST_BYTES[digest]
      ? { digest, iterations: Number(match[2]), salt: utf8(match[3]), expected }
      : null;
  }
  match = PASSLIB.exec(value);
  if (match) {
    const digest = (match[1] ?? 'sha1') as Pbkdf2Digest;
    const salt = fromBase64Any(match[3]);
    const expected = fromBase64Any(match[4]);
    return salt && expected && expected.length === DIGEST_BYTES[digest]
      ? { digest, iterations: Number(match[2]), salt, expected }
      : null;
  }
  match = ATLASSIAN.exec(value);
  if (match) {
    const bytes = fromBase64Strict(match[1])!;
    return { digest: 'sha1', iterations: 10_000, salt: bytes.slice(0, 16), expected: bytes.slice(16) };
  }
  return null;
}

/**
 * Raw PBKDF2 (`hashOptions` = {digest, iterations, salt, saltEncoding?, length?}) stored as the hex
 * or base64 of the derived key; `length` defaults to the digest size.
 */
export function pbkdf2OptionParams(options: Record<string, unknown>): Omit<Pbkdf2Params, 'expected'> & { length: number } {
  const digest = digestOption(options, DIGESTS) as Pbkdf2Digest;
  const iterations = integerOption(options, 'iterations');
  const length = integerOption(options, 'length', DIGEST_BYTES[digest]);
  if (length > 1024) throw new HashOptionsError('length must be at most 1024 bytes');
  return { digest, iterations, salt: bytesOption(options, 'salt'), length };
}

/** What verifying `stored` will run, for the cost check: null when it cannot verify at all. */
export function pbkdf2Cost(stored: string, options: Record<string, unknown>): { digest: Pbkdf2Digest; iterations: number; length: number } | null {
  if (SELF_DESCRIBING.test(stored)) {
    const params = parsePbkdf2String(stored);
    return params && { digest: params.digest, iterations: params.iterations, length: params.expected.length };
  }
  return pbkdf2OptionParams(options);
}

/**
 * PBKDF2 on node:crypto (`nodejs_compat`: BoringSSL in workerd). bench/passwords measured it
 * ~1.4× faster than WebCrypto's `deriveBits` inside workerd (117 vs 171 ms for Django's 10^6
 * SHA-256 iterations) and it is synchronous; @noble/hashes is 60–300× slower (README.md).
 */
const derive = (password: string, { digest, iterations, salt }: Omit<Pbkdf2Params, 'expected'>, length: number): Uint8Array =>
  pbkdf2Sync(utf8(password), salt, iterations, length, digest);

export function verifyPbkdf2(password: string, stored: string, options: Record<string, unknown>): boolean {
  if (SELF_DESCRIBING.test(stored)) {
    const params = parsePbkdf2String(stored);
    return params !== null && timingSafeEqualBytes(derive(password, params, params.expected.length), params.expected);
  }
  const params = pbkdf2OptionParams(options);
  const expected = decodeDigest(stored, params.length);
  return expected !== null && timingSafeEqualBytes(derive(password, params, params.length), expected);
}

