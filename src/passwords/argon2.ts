import { argon2i, argon2id } from '@noble/hashes/argon2.js';
import { fromBase64Strict, timingSafeEqualBytes, toBase64, utf8 } from '../crypto/encoding';
import { Argon2Type, hashWasm, verifyWasm } from './argon2-wasm';

export type Argon2Implementation = 'wasm' | 'js';

export interface Argon2Params { m: number; t: number; p: number }

/** A decoded PHC string `$argon2{i|id|d}$[v=N$]m=M,t=T,p=P$salt$tag`. */
export interface Argon2Phc extends Argon2Params {
  type: 'argon2i' | 'argon2id' | 'argon2d';
  version: number;
  salt: Uint8Array;
  tag: Uint8Array;
}

const PHC = /^\$(argon2(?:id|i|d))\$(?:v=(\d+)\$)?m=(\d+),t=(\d+),p=(\d+)\$([^$]*)\$([^$]*)$/;
const U32_MAX = 0xffffffff;
const VERSION_10 = 0x10;
const VERSION_13 = 0x13;

/**
 * Decodes as libargon2's `decode_string` + `validate_inputs` do: a missing `v=` means version 0x10
 * (0x13 was introduced after the format), unpadded canonical base64, salt ≥ 8 and tag ≥ 4 bytes,
 * m ≥ 8·p. Returns null for anything libargon2 refuses, which PHP reports as a mismatch.
 */
export function parseArgon2(encoded: string): Argon2Phc | null {
  const match = PHC.exec(encoded);
  if (!match) return null;
  const [, type, v, m, t, p, saltB64, tagB64] = match;
  const numbers = [v ?? String(VERSION_10), m, t, p].map(Number);
  if (numbers.some((n) => n > U32_MAX)) return null;
  const [version, mem, passes, lanes] = numbers;
  const salt = fromBase64Strict(saltB64);
  const tag = fromBase64Strict(tagB64);
  if (!salt || !tag || salt.length < 8 || tag.length < 4) return null;
  if (version !== VERSION_10 && version !== VERSION_13) return null;
  if (passes < 1 || lanes < 1 || lanes > 0xffffff || mem < 8 * lanes) return null;
  return { type: type as Argon2Phc['type'], version, m: mem, t: passes, p: lanes, salt, tag };
}

export function formatArgon2(phc: Argon2Phc): string {
  const salt = toBase64(phc.salt, false);
  const tag = toBase64(phc.tag, false);
  return `$${phc.type}$v=${phc.version}$m=${phc.m},t=${phc.t},p=${phc.p}$${salt}$${tag}`;
}

function tagJs(password: string, phc: Omit<Argon2Phc, 'tag'>, tagLength: number): Uint8Array {
  const run = phc.type === 'argon2i' ? argon2i : argon2id;
  return run(utf8(password), phc.salt, { m: phc.m, t: phc.t, p: phc.p, version: phc.version, dkLen: tagLength });
}

/**
 * PHP `password_verify` for an argon2 PHC string. Argon2d is answered false: PHP's password API
 * has no argon2d, so Appwrite never accepts one even when the hash is correct.
 */
export function verifyArgon2(encoded: string, password: string, implementation: Argon2Implementation): boolean {
  const phc = parseArgon2(encoded);
  if (!phc || phc.type === 'argon2d') return false;
  if (implementation === 'wasm') {
    return verifyWasm(encoded, password, phc.type === 'argon2i' ? Argon2Type.i : Argon2Type.id, phc.m);
  }
  return timingSafeEqualBytes(tagJs(password, phc, phc.tag.length), phc.tag);
}

const SALT_BYTES = 16;
const TAG_BYTES = 32;

/** A new argon2id (v=19) PHC string with a random 16-byte salt and a 32-byte tag, as PHP makes. */
export function hashArgon2id(password: string, params: Argon2Params, implementation: Argon2Implementation): string {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const phc = { type: 'argon2id' as const, version: VERSION_13, ...params, salt };
  const tag = implementation === 'wasm'
    ? hashWasm(password, salt, { type: Argon2Type.id, version: VERSION_13, ...params }, TAG_BYTES)
    : tagJs(password, phc, TAG_BYTES);
  return formatArgon2({ ...phc, tag });
}
