import { toHex } from './encoding';

const encoder = new TextEncoder();

export async function sha256Hex(value: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(value))));
}

/** Appwrite's `Auth::tokenGenerator(n)`: `n` lower-case hex characters from ceil(n/2) random bytes. */
export function randomHex(length: number): string {
  return toHex(crypto.getRandomValues(new Uint8Array(Math.ceil(length / 2)))).slice(0, length);
}
