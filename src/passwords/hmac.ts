import { hmac } from '@noble/hashes/hmac.js';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { concatBytes, timingSafeEqualBytes, utf8 } from '../crypto/encoding';
import { bytesOption, decodeDigest, DIGEST_BYTES, digestOption, HashOptionsError, type Digest } from './options';

const HASHES = { md5, sha1, sha256, sha512 } as const;
const DIGESTS = Object.keys(HASHES) as Digest[];
const ORDERS = ['passwordSalt', 'saltPassword'] as const;

export interface HmacParams {
  digest: Digest;
  key: Uint8Array;
  salt: Uint8Array;
  order: (typeof ORDERS)[number];
}

/**
 * `hashOptions` of `hmac` — {digest, key, keyEncoding?, salt?, saltEncoding?, order?}: the stored
 * value is HMAC-<digest>(key, password ‖ salt), or salt ‖ password with `order: 'saltPassword'`
 * (Firebase's HMAC_* exports: base64 key and salt, either input order; PHP's
 * `hash_hmac($algo, $password, $key)`: text key, no salt).
 */
export function hmacParams(options: Record<string, unknown>): HmacParams {
  const digest = digestOption(options, DIGESTS);
  if (typeof options.key !== 'string' || options.key === '') throw new HashOptionsError('key is required');
  const order = options.order ?? 'passwordSalt';
  if (!ORDERS.includes(order as HmacParams['order'])) throw new HashOptionsError(`order must be one of ${ORDERS.join(', ')}`);
  return { digest, key: bytesOption(options, 'key'), salt: bytesOption(options, 'salt'), order: order as HmacParams['order'] };
}

/** `hmac`: the stored hex or base64 digest against HMAC of the salted password (noble: the inputs are short). */
export function verifyHmac(password: string, stored: string, options: Record<string, unknown>): boolean {
  const { digest, key, salt, order } = hmacParams(options);
  const expected = decodeDigest(stored, DIGEST_BYTES[digest]);
  if (!expected) return false;
  const message = order === 'passwordSalt' ? concatBytes(utf8(password), salt) : concatBytes(salt, utf8(password));
  return timingSafeEqualBytes(hmac(HASHES[digest], key, message), expected);
}
