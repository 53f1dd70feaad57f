/** Bench-only Worker: runs verifications of src/passwords inside workerd on request. */
import { scrypt } from '@noble/hashes/scrypt.js';
import { verifyPassword, type Argon2Settings, type StoredPassword } from '../../src/passwords';
import { wasmMemory } from '../../src/passwords/argon2-wasm';

export interface BenchJob {
  /** `verify` goes through the public API; `noble-scrypt` times @noble/hashes' scrypt directly. */
  kind: 'noop' | 'verify' | 'noble-scrypt';
  iterations: number;
  stored: StoredPassword;
  password: string;
  settings: Argon2Settings;
}

async function runOnce(job: BenchJob): Promise<boolean> {
  if (job.kind === 'noble-scrypt') {
    const { salt, costCpu: N, costMemory: r, costParallel: p, length: dkLen } = job.stored.hashOptions as Record<string, number>;
    scrypt(job.password, String(salt), { N, r, p, dkLen });
    return true;
  }
  return (await verifyPassword(job.stored, job.password, job.settings)).valid;
}

export default {
  async fetch(request: Request): Promise<Response> {
    const job = (await request.json()) as BenchJob;
    if (job.kind === 'noop') return Response.json({ valid: true, elapsedMs: 0, ...wasmMemory() });
    let valid = true;
    const start = performance.now();
    for (let i = 0; i < job.iterations; i++) valid = (await runOnce(job)) && valid;
    const elapsedMs = performance.now() - start;
    return Response.json({ valid, elapsedMs, ...wasmMemory() });
  },
};
