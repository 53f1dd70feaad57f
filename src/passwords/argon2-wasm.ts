/**
 * libargon2 (the reference C implementation, as PHP uses it) compiled to WebAssembly SIMD,
 * taken from @phi-ag/argon2 0.5.28 — MIT License, Copyright (c) 2024 Peter Hirn; libargon2 itself
 * is CC0 / Apache-2.0. We load only its `argon2.wasm` and call it through this wrapper instead of
 * the package's JS class, because that class passes `string.length` (UTF-16 units) as the password
 * length, which breaks every non-ASCII password.
 *
 * Workers refuse `WebAssembly.compile()` at run time; a `.wasm` import arrives precompiled.
 */
import wasm from '@phi-ag/argon2/argon2.wasm';
import { utf8 } from '../crypto/encoding';

interface Libargon2 {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  argon2_hash(
    t: number, m: number, p: number,
    pwd: number, pwdLen: number, salt: number, saltLen: number,
    hash: number, hashLen: number, encoded: number, encodedLen: number,
    type: number, version: number,
  ): number;
  argon2_verify(encoded: number, pwd: number, pwdLen: number, type: number): number;
}

export const enum Argon2Type { d = 0, i = 1, id = 2 }

const ARGON2_OK = 0;

/**
 * The linear memory of an instance only grows. Calls needing at most this much argon2 memory share
 * one cached instance (this project's default, m=19456 KiB, keeps it at ~35 MiB). A call above it
 * (verifying an Appwrite-default 64 MiB hash, say) gets a throwaway instance and the cached one is
 * released first, so the isolate holds one grown memory at a time and none stays grown. The price:
 * fresh pages fault in on every such call (≈2× the CPU of a warm run, see README.md) — paid once per
 * legacy user, who is then re-hashed at the default cost.
 */
const SHARED_INSTANCE_MAX_KIB = 32 * 1024;

let cached: Libargon2 | null = null;
let peakBytes = 0;

function createInstance(): Libargon2 {
  const exports = new WebAssembly.Instance(wasm).exports as unknown as Libargon2;
  exports._initialize();
  return exports;
}

function withInstance<T>(memoryKiB: number, run: (lib: Libargon2) => T): T {
  const shared = memoryKiB <= SHARED_INSTANCE_MAX_KIB;
  if (!shared) cached = null;
  const lib = shared ? (cached ??= createInstance()) : createInstance();
  try {
    return run(lib);
  } finally {
    peakBytes = Math.max(peakBytes, lib.memory.buffer.byteLength);
  }
}

/** Linear memory kept by the cached instance (0 when none) and the most any call grew one to. */
export const wasmMemory = (): { retainedBytes: number; peakBytes: number } =>
  ({ retainedBytes: cached?.memory.buffer.byteLength ?? 0, peakBytes });

/** Copies `bytes` (plus `zeros` NUL bytes) into fresh heap memory; the caller frees it. */
function copyIn(lib: Libargon2, bytes: Uint8Array, zeros = 0): number {
  const size = bytes.length + zeros;
  const ptr = lib.malloc(size || 1);
  if (ptr === 0) throw new Error('argon2: out of memory');
  const heap = new Uint8Array(lib.memory.buffer, ptr, size);
  heap.set(bytes);
  heap.fill(0, bytes.length);
  return ptr;
}

/** `argon2_verify` on a PHC string needing `memoryKiB`; any decoding or parameter error is a mismatch. */
export function verifyWasm(encoded: string, password: string, type: Argon2Type, memoryKiB: number): boolean {
  return withInstance(memoryKiB, (lib) => {
    const pwd = utf8(password);
    const encodedPtr = copyIn(lib, utf8(encoded), 1);
    const pwdPtr = copyIn(lib, pwd);
    try {
      return lib.argon2_verify(encodedPtr, pwdPtr, pwd.length, type) === ARGON2_OK;
    } finally {
      lib.free(pwdPtr);
      lib.free(encodedPtr);
    }
  });
}

export interface RawArgon2Params { type: Argon2Type; version: number; m: number; t: number; p: number }

/** Raw argon2 tag of `password` (UTF-8) with the given salt and parameters. */
export function hashWasm(password: string, salt: Uint8Array, params: RawArgon2Params, tagLength: number): Uint8Array {
  return withInstance(params.m, (lib) => {
    const pwd = utf8(password);
    const pwdPtr = copyIn(lib, pwd);
    const saltPtr = copyIn(lib, salt);
    const tagPtr = lib.malloc(tagLength);
    try {
      const code = lib.argon2_hash(
        params.t, params.m, params.p, pwdPtr, pwd.length, saltPtr, salt.length,
        tagPtr, tagLength, 0, 0, params.type, params.version,
      );
      if (code !== ARGON2_OK) throw new Error(`argon2: libargon2 error ${code}`);
      return new Uint8Array(lib.memory.buffer, tagPtr, tagLength).slice();
    } finally {
      lib.free(tagPtr);
      lib.free(saltPtr);
      lib.free(pwdPtr);
    }
  });
}
