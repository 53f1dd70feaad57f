import { sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512, sha512_224, sha512_256 } from '@noble/hashes/sha2.js';
import jsSha3 from 'js-sha3';
import { AppwriteError } from '../errors/appwrite-error';
import { timingSafeEqual, toHex, utf8 } from '../crypto/encoding';

/**
 * SHA-3 comes from js-sha3 (hex straight from a string): its Keccak on 32-bit lanes is ~4× faster
 * than @noble/hashes for password-sized inputs (measured in workerd by `npm run bench -- passwords`); workerd's
 * node:crypto has no SHA-3.
 */
const keccak = (hash: { hex(data: string): string }) => (password: string) => hash.hex(password);
const noble = (hash: (data: Uint8Array) => Uint8Array) => (password: string) => toHex(hash(utf8(password)));

/** PHP `hash()` names accepted by `POST /users/sha` (WebCrypto lacks SHA-224, SHA-512/t, SHA-3). */
const SHA_VERSIONS = new Map<string, (password: string) => string>([
  ['sha1', noble(sha1)],
  ['sha224', noble(sha224)],
  ['sha256', noble(sha256)],
  ['sha384', noble(sha384)],
  ['sha512/224', noble(sha512_224)],
  ['sha512/256', noble(sha512_256)],
  ['sha512', noble(sha512)],
  ['sha3-224', keccak(jsSha3.sha3_224)],
  ['sha3-256', keccak(jsSha3.sha3_256)],
  ['sha3-384', keccak(jsSha3.sha3_384)],
  ['sha3-512', keccak(jsSha3.sha3_512)],
]);

/** The versions `POST /users/sha` accepts, in Appwrite's order. */
export const SHA_VERSION_NAMES = [...SHA_VERSIONS.keys()];

export const SHA_DEFAULT_VERSION = 'sha3-512';

/**
 * Appwrite `sha`: lowercase hex of `hash(version, password)`, version from `hashOptions.version`
 * (absent → sha3-512; the import route omits the key when no version is given). PHP matches algorithm names case-insensitively and throws for an
 * unknown one, which Appwrite turns into a 500.
 */
export function verifySha(password: string, hash: string, options: Record<string, unknown>): boolean {
  const version = options.version === undefined ? SHA_DEFAULT_VERSION : String(options.version);
  const digest = SHA_VERSIONS.get(version.toLowerCase());
  if (!digest) throw new AppwriteError('general_unknown', `sha: unsupported hash version "${version}"`);
  return timingSafeEqual(digest(password), hash);
}
