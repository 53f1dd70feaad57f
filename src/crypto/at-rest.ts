import { fromBase64Lenient, toBase64 } from './encoding';

/**
 * AES-256-GCM for secrets the API must show again (recovery codes, TOTP secrets). The key is the
 * `ENCRYPTION_KEY` secret (64 hex chars). Stored form: `v1.<base64 iv>.<base64 ciphertext+tag>`.
 */
const keys = new Map<string, Promise<CryptoKey>>();

function importKey(keyHex: string): Promise<CryptoKey> {
  let key = keys.get(keyHex);
  if (!key) {
    if (!/^[0-9a-fA-F]{64}$/.test(keyHex)) throw new Error('ENCRYPTION_KEY must be 64 hexadecimal characters (a 256-bit key)');
    const bytes = Uint8Array.from(keyHex.match(/../g)!, (h) => Number.parseInt(h, 16));
    key = crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['encrypt', 'decrypt']);
    keys.set(keyHex, key);
  }
  return key;
}


export async function encryptText(plain: string, keyHex: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await importKey(keyHex), new TextEncoder().encode(plain));
  return `v1.${toBase64(iv, true)}.${toBase64(new Uint8Array(sealed), true)}`;
}

export async function decryptText(stored: string, keyHex: string): Promise<string> {
  const [version, iv, sealed] = stored.split('.');
  if (version !== 'v1' || !iv || !sealed) throw new Error('Unknown ciphertext format');
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64Lenient(iv) }, await importKey(keyHex), fromBase64Lenient(sealed));
  return new TextDecoder().decode(plain);
}

export const encryptJson = (value: unknown, keyHex: string) => encryptText(JSON.stringify(value), keyHex);

export const decryptJson = async <T>(stored: string, keyHex: string): Promise<T> => JSON.parse(await decryptText(stored, keyHex)) as T;
