import { AppwriteError } from '../errors/appwrite-error';
import { parseArgon2 } from './argon2';
import { bcryptCost } from './bcrypt';
import { parseBcryptSha256 } from './bcrypt-sha256';
import { ldapCryptString } from './ldap';
import { DIGEST_BYTES } from './options';
import { pbkdf2Cost, type Pbkdf2Digest } from './pbkdf2';
import { phpassLog2 } from './phpass';
import { scryptMemory, scryptParams, type ScryptParams } from './scrypt';
import { parseShaCrypt } from './sha-crypt';

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
  /**
   * PBKDF2 iterations × output blocks, per digest (≈2.4 s for SHA-256, ≈2.6 s for SHA-512). Django
   * 5.2 writes 1 000 000 SHA-256 iterations; OWASP asks for 1 300 000 (SHA-1), 600 000 (SHA-256), 210 000 (SHA-512).
   */
  pbkdf2Work: { sha1: 20_000_000, sha256: 20_000_000, sha512: 5_000_000 } satisfies Record<Pbkdf2Digest, number>,
  /** SHA-crypt rounds (≈4.8 µs each); passlib's defaults are 535 000 (`$5$`) and 656 000 (`$6$`, 3.1 s), glibc's 5000. */
  shaCryptRounds: 700_000,
} as const;

const tooExpensive = (what: string, limit: string) =>
  new AppwriteError('password_too_expensive', `The ${what} exceeds this server's limit of ${limit}.`);

/** Cost check for strings PHP's `password_verify` handles (hash = argon2, bcrypt, plaintext), crypt(3) strings included. */
export function assertPhpHashAffordable(hash: string): void {
  assertShaCryptAffordable(hash);
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

export function assertShaCryptAffordable(hash: string): void {
  const shaCrypt = parseShaCrypt(hash);
  if (shaCrypt && shaCrypt.rounds > CAPS.shaCryptRounds) {
    throw tooExpensive(`SHA-crypt rounds (${shaCrypt.rounds})`, `${CAPS.shaCryptRounds} rounds`);
  }
}

export function assertPbkdf2Affordable(hash: string, options: Record<string, unknown>): void {
  const cost = pbkdf2Cost(hash, options);
  if (!cost) return;
  const work = cost.iterations * Math.ceil(cost.length / DIGEST_BYTES[cost.digest]);
  const cap = CAPS.pbkdf2Work[cost.digest];
  if (work > cap) throw tooExpensive(`PBKDF2-${cost.digest} work (iterations × output blocks = ${work})`, `${cap} for ${cost.digest}`);
}

export function assertBcryptSha256Affordable(hash: string): void {
  const parsed = parseBcryptSha256(hash);
  if (parsed) assertPhpHashAffordable(parsed.bcrypt);
}

export function assertLdapAffordable(hash: string): void {
  const crypt = ldapCryptString(hash);
  if (crypt) assertPhpHashAffordable(crypt);
}
