/** Bench-only Worker: times src/passwords inside workerd, one job per request. */
import { scrypt } from '@noble/hashes/scrypt.js';
import { pbkdf2Sync } from 'node:crypto';
import { verifyPassword, type Argon2Settings, type StoredPassword } from '../../src/passwords';
import { wasmMemory } from '../../src/passwords/argon2-wasm';

export interface BenchJob {
  /**
   * `verify` goes through the public API; `noble-scrypt` times @noble/hashes' scrypt and
   * `node-pbkdf2` node:crypto's pbkdf2Sync on a Django string directly (the alternatives not taken).
   */
  kind: 'verify' | 'noble-scrypt' | 'node-pbkdf2';
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
  if (job.kind === 'node-pbkdf2') {
    const [, iterations, salt] = (job.stored.password ?? '').split('$');
    for (let i = 0; i < job.iterations; i++) pbkdf2Sync(job.password, salt, Number(iterations), 32, 'sha256');
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
