import { randomHex } from '../crypto/secrets';

export const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,35}$/;

/** An existing id ("UID" in Appwrite): 1–36 chars of `[A-Za-z0-9._-]`, not starting with `.`, `-` or `_`. */
export const isUid = (value: string) => ID.test(value);

/** A new id ("CustomId"): a UID or the literal `unique()`. */
export const isCustomId = (value: string) => value === 'unique()' || ID.test(value);

/**
 * Appwrite's `ID::unique()`: 13 hex chars of the time in microseconds (PHP `uniqid()`: 8 hex
 * seconds + 5 hex µs) followed by 7 random hex chars — 20 chars, roughly time-ordered.
 */
export function uniqueId(now = Date.now()): string {
  const seconds = Math.floor(now / 1000);
  const micros = (now % 1000) * 1000 + Math.floor(Math.random() * 1000);
  return seconds.toString(16).padStart(8, '0') + micros.toString(16).padStart(5, '0') + randomHex(7);
}

export const resolveId = (value: string) => (value === 'unique()' ? uniqueId() : value);
