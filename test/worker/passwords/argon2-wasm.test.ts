import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword, type Argon2Settings } from '../../../src/passwords';
import { wasmMemory } from '../../../src/passwords/argon2-wasm';

const DEFAULT: Argon2Settings = { memoryCost: 19456, timeCost: 2, threads: 1, implementation: 'wasm' };
const JS: Argon2Settings = { ...DEFAULT, implementation: 'js' };
const MiB = 2 ** 20;
const APPWRITE_DEFAULT = {
  password: '$argon2id$v=19$m=65536,t=4,p=3$TmwzTlVveVZVNzFMdXYyLw$1RiSQQIM1Xe+XWIJ4on35+XnZgnQ/WDbzPa5QM1csdo',
  hash: 'argon2',
  hashOptions: { type: 'argon2', memoryCost: 2048, timeCost: 4, threads: 3 },
};

describe('argon2 WASM path (libargon2)', () => {
  it('is what implementation "wasm" runs, and "js" does not touch it', async () => {
    await verifyPassword(APPWRITE_DEFAULT, 'appwrite-default-pw', DEFAULT); // releases the shared instance
    expect(wasmMemory().retainedBytes).toBe(0);
    const stored = await hashPassword('pässwörd', JS);
    expect((await verifyPassword(stored, 'pässwörd', JS)).valid).toBe(true);
    expect(wasmMemory().retainedBytes).toBe(0);
    expect((await verifyPassword(stored, 'pässwörd', DEFAULT)).valid).toBe(true);
    expect(wasmMemory().retainedBytes).toBeGreaterThan(0);
  }, 120_000);

  it('keeps one default-cost instance well under 128 MB, also with two concurrent verifications', async () => {
    const stored = await hashPassword('correct horse battery staple', DEFAULT);
    const results = await Promise.all([
      verifyPassword(stored, 'correct horse battery staple', DEFAULT),
      verifyPassword(stored, 'correct horse battery staple', DEFAULT),
    ]);
    expect(results.map((r) => r.valid)).toEqual([true, true]);
    expect(wasmMemory().retainedBytes).toBeLessThanOrEqual(48 * MiB);
  });

  it("does not keep memory grown after verifying Appwrite's 64 MiB default hash", async () => {
    const result = await verifyPassword(APPWRITE_DEFAULT, 'appwrite-default-pw', DEFAULT);
    expect(result).toEqual({ valid: true });
    expect(wasmMemory().retainedBytes).toBe(0);
    expect(wasmMemory().peakBytes).toBeLessThan(80 * MiB);
  }, 120_000);

  it('answers exactly as the pure-JS implementation, and faster', async () => {
    const plain = 'パスワード-🔑';
    const stored = await hashPassword(plain, DEFAULT);
    const timed = async (settings: Argon2Settings, candidate: string) => {
      const start = performance.now();
      const { valid } = await verifyPassword(stored, candidate, settings);
      return { valid, ms: performance.now() - start };
    };
    await timed(DEFAULT, plain); // warm both paths up once
    await timed(JS, plain);
    for (const candidate of [plain, `${plain}!`]) {
      const wasm = await timed(DEFAULT, candidate);
      const js = await timed(JS, candidate);
      expect(wasm.valid).toBe(js.valid);
      // Measured 6–20× apart (bench/passwords); 2× leaves room for a noisy machine.
      expect(wasm.ms * 2).toBeLessThan(js.ms);
    }
  }, 120_000);
});
