import { sha256 } from '@noble/hashes/sha2.js';
import { toHex } from './encoding';

const encoder = new TextEncoder();

/**
 * Lower-case hex SHA-256, synchronous (@noble/hashes): for the short secrets it digests this is a few
 * microseconds, where `crypto.subtle.digest` costs an asynchronous hop on every session check.
 */
export function sha256Hex(value: string): string {
  return toHex(sha256(encoder.encode(value)));
}

/** Appwrite's `Auth::tokenGenerator(n)`: `n` lower-case hex characters from ceil(n/2) random bytes. */
export function randomHex(length: number): string {
  return toHex(crypto.getRandomValues(new Uint8Array(Math.ceil(length / 2)))).slice(0, length);
}
