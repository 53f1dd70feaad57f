import { sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512, sha512_224, sha512_256 } from '@noble/hashes/sha2.js';
import { sha3_224, sha3_256, sha3_384, sha3_512 } from '@noble/hashes/sha3.js';
import { AppwriteError } from '../errors/appwrite-error';
import { timingSafeEqual, toHex, utf8 } from './encoding';

/** PHP `hash()` names accepted by `POST /users/sha` (WebCrypto lacks SHA-224, SHA-512/t, SHA-3). */
const SHA_VERSIONS = new Map<string, (data: Uint8Array) => Uint8Array>([
  ['sha1', sha1],
  ['sha224', sha224],
  ['sha256', sha256],
  ['sha384', sha384],
  ['sha512/224', sha512_224],
  ['sha512/256', sha512_256],
  ['sha512', sha512],
  ['sha3-224', sha3_224],
  ['sha3-256', sha3_256],
  ['sha3-384', sha3_384],
  ['sha3-512', sha3_512],
]);

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
  return timingSafeEqual(toHex(digest(utf8(password))), hash);
}
