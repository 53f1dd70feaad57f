import { fromBase64Any, fromHex, utf8 } from '../crypto/encoding';

/**
 * `hashOptions` a hash cannot be computed with. The import check turns it into a 400
 * (`general_argument_invalid`), verification at login into a 500, as Appwrite answers for an
 * invalid stored scrypt option.
 */
export class HashOptionsError extends Error {}

export type Digest = 'md5' | 'sha1' | 'sha256' | 'sha512';

export const DIGEST_BYTES: Record<Digest, number> = { md5: 16, sha1: 20, sha256: 32, sha512: 64 };

/** `digest` option: `sha256`, also written `SHA-256` or `sha-256`. */
export function digestOption(options: Record<string, unknown>, allowed: readonly Digest[], fallback?: Digest): Digest {
  const raw = options.digest ?? fallback;
  const name = typeof raw === 'string' ? raw.toLowerCase().replace('-', '') : '';
  if (!allowed.includes(name as Digest)) {
    throw new HashOptionsError(`digest must be one of ${allowed.join(', ')}`);
  }
  return name as Digest;
}

/** A positive integer option (numbers or numeric strings, as JSON imports carry them). */
export function integerOption(options: Record<string, unknown>, name: string, fallback?: number): number {
  const raw = options[name] ?? fallback;
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new HashOptionsError(`${name} must be a positive integer`);
  }
  return value;
}

const BYTE_ENCODINGS = ['utf8', 'base64', 'hex'] as const;

/**
 * A byte-string option `name` with its encoding in `<name>Encoding`: `utf8` (the default — the raw
 * text, as Appwrite's scrypt salt), `base64` (Firebase exports) or `hex`. Absent → empty.
 */
export function bytesOption(options: Record<string, unknown>, name: string): Uint8Array {
  const value = options[name] ?? '';
  const encoding = options[`${name}Encoding`] ?? 'utf8';
  if (typeof value !== 'string') throw new HashOptionsError(`${name} must be a string`);
  if (!BYTE_ENCODINGS.includes(encoding as (typeof BYTE_ENCODINGS)[number])) {
    throw new HashOptionsError(`${name}Encoding must be one of ${BYTE_ENCODINGS.join(', ')}`);
  }
  const bytes = encoding === 'utf8' ? utf8(value) : encoding === 'hex' ? fromHex(value) : fromBase64Any(value);
  if (!bytes) throw new HashOptionsError(`${name} is not valid ${encoding}`);
  return bytes;
}

/**
 * A stored digest of `length` bytes, written in hex (either case, 2·length characters) or
 * base64 (any flavour); hex wins where both would fit (only possible for length ≤ 4). Null otherwise.
 */
export function decodeDigest(stored: string, length: number): Uint8Array | null {
  const bytes = (stored.length === 2 * length && fromHex(stored)) || fromBase64Any(stored);
  return bytes && bytes.length === length ? bytes : null;
}
