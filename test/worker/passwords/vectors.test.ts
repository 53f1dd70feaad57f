import { describe, expect, it } from 'vitest';
import file from '../../fixtures/password-hashes.json';
import { verifyPassword, type Argon2Settings, type StoredPassword } from '../../../src/passwords';

interface Vector {
  id: string;
  algo: string;
  hashOptions: Record<string, unknown>;
  password: string;
  hash: string;
  expected: boolean | 'error';
}

const vectors = file.vectors as Vector[];
const settings = (implementation: Argon2Settings['implementation']): Argon2Settings =>
  ({ memoryCost: 19456, timeCost: 2, threads: 1, implementation });

/** Vectors that take seconds: bcrypt cost 15 (2^15 key schedules) and Appwrite's 64 MiB argon2id default. */
const slow = (v: Vector) => /^\$2.\$15\$/.test(v.hash) || v.hash.includes('m=65536');
const timeout = (v: Vector) => (slow(v) ? 120_000 : undefined);

async function check(v: Vector, implementation: Argon2Settings['implementation']) {
  const stored: StoredPassword = { password: v.hash, hash: v.algo, hashOptions: v.hashOptions };
  const result = verifyPassword(stored, v.password, settings(implementation));
  if (v.expected === 'error') await expect(result).rejects.toMatchObject({ status: 500 });
  else expect((await result).valid).toBe(v.expected);
}

describe('known-answer vectors (test/fixtures/password-hashes.json)', () => {
  it('covers every algorithm Appwrite can store', () => {
    expect(vectors).toHaveLength(file.counts.total);
    expect(new Set(vectors.map((v) => v.algo))).toEqual(
      new Set(['argon2', 'bcrypt', 'md5', 'sha', 'phpass', 'scrypt', 'scryptMod', 'plaintext']),
    );
  });

  const argon2Strings = vectors.filter((v) => v.hash.startsWith('$argon2'));
  const others = vectors.filter((v) => !v.hash.startsWith('$argon2'));

  for (const implementation of ['wasm', 'js'] as const) {
    describe(`argon2 PHC strings, ${implementation} implementation`, () => {
      for (const v of argon2Strings) {
        it(`${v.id} → ${v.expected}`, () => check(v, implementation), timeout(v));
      }
    });
  }

  describe('every other algorithm', () => {
    for (const v of others) {
      it(`${v.id} → ${v.expected}`, () => check(v, 'wasm'), timeout(v));
    }
  });
});
