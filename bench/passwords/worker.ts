/** Bench-only Worker: times src/passwords inside workerd, one job per request. */
import { scrypt } from '@noble/hashes/scrypt.js';
import { verifyPassword, type Argon2Settings, type StoredPassword } from '../../src/passwords';
import { wasmMemory } from '../../src/passwords/argon2-wasm';

export interface BenchJob {
  /**
   * `verify` goes through the public API; `noble-scrypt` times @noble/hashes' scrypt and
   * `webcrypto-pbkdf2` WebCrypto's PBKDF2 on a Django string directly (the alternatives not taken).
   */
  kind: 'verify' | 'noble-scrypt' | 'webcrypto-pbkdf2';
  iterations: number;
  stored: StoredPassword;
  password: string;
  settings: Argon2Settings;
}

async function run(job: BenchJob): Promise<boolean> {
  let valid = true;
  if (job.kind === 'noble-scrypt') {
    const { salt, costCpu: N, costMemory: r, costParallel: p, length: dkLen } = job.stored.hashOptions as Record<string, number>;
    for (let i = 0; i < job.iterations; i++) scrypt(job.password, String(salt), { N, r, p, dkLen });
    return valid;
  }
  if (job.kind === 'webcrypto-pbkdf2') {
    const [, iterations, salt] = (job.stored.password ?? '').split('$');
    const encoder = new TextEncoder();
    for (let i = 0; i < job.iterations; i++) {
      const key = await crypto.subtle.importKey('raw', encoder.encode(job.password), 'PBKDF2', false, ['deriveBits']);
      await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(salt), iterations: Number(iterations) }, key, 256);
    }
    return valid;
  }
  for (let i = 0; i < job.iterations; i++) valid = (await verifyPassword(job.stored, job.password, job.settings)).valid && valid;
  return valid;
}

export default {
  async fetch(request: Request): Promise<Response> {
    const job = (await request.json()) as BenchJob;
    const start = performance.now();
    const valid = await run(job);
    const elapsedMs = performance.now() - start;
    return Response.json({ valid, elapsedMs, ...wasmMemory() });
  },
};
