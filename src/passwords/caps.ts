import { AppwriteError } from '../errors/appwrite-error';
import { parseArgon2 } from './argon2';
import { bcryptCost } from './bcrypt';
import { phpassLog2 } from './phpass';
import { scryptMemory, scryptParams, type ScryptParams } from './scrypt';

/**
 * Largest costs one verification may have so that it fits a Worker: 128 MB per isolate, and CPU
 * time comparable to bcrypt cost 15 — the costliest hash Appwrite's own e2e suite imports (~3 s of
 * CPU in bcryptjs on the bench machine). Measured numbers and reasoning: README.md.
 */
export const CAPS = {
  /** KiB. Appwrite's own default hashes use 65536 (64 MiB) and must stay importable. */
  argon2MemoryKiB: 65536,
  /** m·t in KiB-passes: 2× Appwrite's default m=65536,t=4 (≈0.6 s in WASM, ≈8 s in pure JS). */
  argon2Work: 2 ** 19,
  /** bcrypt cost (log2 rounds): the Appwrite e2e suite imports a cost-15 hash. */
  bcryptCost: 15,
  /** log2 of phpass' MD5 iterations (WordPress uses 13: 2 ms); 2^23 ≈ 2 s. */
  phpassLog2: 23,
  /** Bytes of scrypt's N·r·128 array. */
  scryptMemoryBytes: 64 * 1024 * 1024,
  /** N·r·p, proportional to scrypt's CPU time; the Appwrite e2e hash (≈0.12 s) is 2^18.7, 2^23 ≈ 2.3 s. */
  scryptWork: 2 ** 23,
  /** Output bytes (the stored hex is twice as long); bounds PBKDF2's output pass. */
  scryptLength: 4096,
} as const;

const tooExpensive = (what: string, limit: string) =>
  new AppwriteError('password_too_expensive', `The ${what} exceeds this server's limit of ${limit}.`);

/** Cost check for strings PHP's `password_verify` handles (hash = argon2, bcrypt, plaintext). */
export function assertPhpHashAffordable(hash: string): void {
  const argon2 = parseArgon2(hash);
  if (argon2) {
    if (argon2.m > CAPS.argon2MemoryKiB) {
      throw tooExpensive(`argon2 memory cost (m=${argon2.m} KiB)`, `m=${CAPS.argon2MemoryKiB} KiB`);
    }
    if (argon2.m * argon2.t > CAPS.argon2Work) {
      throw tooExpensive(`argon2 work (m·t=${argon2.m * argon2.t})`, `m·t=${CAPS.argon2Work} (e.g. m=65536 KiB with t=8)`);
    }
    return;
  }
  const cost = bcryptCost(hash);
  if (cost !== null && cost > CAPS.bcryptCost) throw tooExpensive(`bcrypt cost (${cost})`, `cost ${CAPS.bcryptCost}`);
}

export function assertPhpassAffordable(hash: string): void {
  const log2 = phpassLog2(hash);
  if (log2 === null) return assertPhpHashAffordable(hash);
  if (log2 > CAPS.phpassLog2) {
    throw tooExpensive(`phpass iteration count (2^${log2})`, `2^${CAPS.phpassLog2} iterations`);
  }
}

export function assertScryptAffordable(options: Record<string, unknown>): void {
  let params: ScryptParams;
  try {
    params = scryptParams(options);
  } catch {
    return; // Appwrite accepts invalid parameters at import and fails at login; so do we.
  }
  const memory = scryptMemory(params);
  if (memory > CAPS.scryptMemoryBytes) {
    throw tooExpensive(`scrypt memory (N·r·128 = ${memory} bytes)`, `${CAPS.scryptMemoryBytes / 2 ** 20} MiB`);
  }
  const work = params.N * params.r * params.p;
  if (work > CAPS.scryptWork) throw tooExpensive(`scrypt work (N·r·p = ${work})`, `N·r·p = 2^${Math.log2(CAPS.scryptWork)}`);
  if (params.dkLen > CAPS.scryptLength) throw tooExpensive(`scrypt length (${params.dkLen})`, `${CAPS.scryptLength} bytes`);
}
