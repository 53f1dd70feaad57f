import { fromBase64Lenient, timingSafeEqual, toBase64, utf8 } from '../crypto/encoding';
import { deriveScrypt } from './scrypt';

/** Firebase's project-wide rounds = 8 and mem_cost = 14, which Appwrite hardcodes. */
export const FIREBASE_SCRYPT = { N: 2 ** 14, r: 8, p: 1, dkLen: 64 } as const;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Appwrite `scryptMod` (Firebase's modified scrypt): the key is scrypt over salt ‖ saltSeparator,
 * and the stored value is the signer key encrypted under its first 32 bytes with AES-256-CTR from a
 * zero counter block, in padded base64. Options are base64 decoded leniently, as PHP does.
 */
export async function verifyScryptModified(password: string, hash: string, options: Record<string, unknown>): Promise<boolean> {
  const salt = fromBase64Lenient(text(options.salt));
  const separator = fromBase64Lenient(text(options.saltSeparator));
  const signerKey = fromBase64Lenient(text(options.signerKey));
  const saltWithSeparator = new Uint8Array(salt.length + separator.length);
  saltWithSeparator.set(salt);
  saltWithSeparator.set(separator, salt.length);
  const derived = deriveScrypt(utf8(password), saltWithSeparator, FIREBASE_SCRYPT);
  const key = await crypto.subtle.importKey('raw', derived.slice(0, 32), 'AES-CTR', false, ['encrypt']);
  const cipher = await crypto.subtle.encrypt({ name: 'AES-CTR', counter: new Uint8Array(16), length: 128 }, key, signerKey);
  return timingSafeEqual(toBase64(new Uint8Array(cipher), true), hash);
}
