import { describe, expect, it } from 'vitest';
import { assertVerifiable, CAPS, verifyPassword } from '../../../src/passwords';

const SALT = 'c29tZXNhbHRzb21lc2FsdA';
const TAG = 'UtDCtQzUoQjGTFLG+P9M1n17J2D5lDTOLD8xOU8Yn94';
const argon2 = (m: number, t: number, p = 1) => `$argon2id$v=19$m=${m},t=${t},p=${p}$${SALT}$${TAG}`;
const bcrypt = (cost: number) => `$2y$${String(cost).padStart(2, '0')}$PDbMtV18J1KOBI9tIYabBuyUwBrtXPGhLxCy9pWP6xkldVOKLrLKy`;
const phpass = (countChar: string) => `$P$${countChar}r387rwferoKN7uwHZqNMu98q3U8RO.`;
const scrypt = (costCpu: number, costMemory: number, costParallel = 1, length = 64) =>
  ({ salt: 'salt', costCpu, costMemory, costParallel, length, type: 'scrypt' });

const rejects = (hashName: string, password: string, options: Record<string, unknown>, cap: RegExp) => {
  let error: unknown;
  try {
    assertVerifiable(hashName, password, options);
  } catch (e) {
    error = e;
  }
  expect(error).toMatchObject({ type: 'password_too_expensive', status: 400, message: expect.stringMatching(cap) });
};

describe('assertVerifiable', () => {
  it("accepts Appwrite's own default argon2id hash (m=65536, t=4, p=3)", () => {
    expect(() => assertVerifiable('argon2', argon2(65536, 4, 3), { type: 'argon2' })).not.toThrow();
  });

  it('refuses argon2 memory above 64 MiB and work above m·t = 2^19', () => {
    rejects('argon2', argon2(CAPS.argon2MemoryKiB + 1, 1), { type: 'argon2' }, /m=65536 KiB/);
    rejects('argon2', argon2(65536, 9), { type: 'argon2' }, /m·t=524288/);
    expect(() => assertVerifiable('argon2', argon2(65536, 8), { type: 'argon2' })).not.toThrow();
  });

  it('refuses bcrypt above cost 15 under every name that reaches crypt()', () => {
    for (const name of ['bcrypt', 'argon2', 'plaintext', 'phpass']) {
      expect(() => assertVerifiable(name, bcrypt(15), { type: name })).not.toThrow();
      rejects(name, bcrypt(16), { type: name }, /cost 15/);
    }
  });

  it('checks argon2 strings stored under hash=bcrypt too (PHP dispatches on the prefix)', () => {
    rejects('bcrypt', argon2(131072, 1), { type: 'bcrypt' }, /m=65536 KiB/);
  });

  it('refuses phpass iteration counts above 2^23', () => {
    expect(() => assertVerifiable('phpass', phpass('B'), { type: 'phpass' })).not.toThrow(); // 2^13, WordPress
    expect(() => assertVerifiable('phpass', phpass('L'), { type: 'phpass' })).not.toThrow(); // 2^23
    rejects('phpass', phpass('M'), { type: 'phpass' }, /2\^23 iterations/);
  });

  it('refuses scrypt above 64 MiB (N·r·128) or N·r·p = 2^23', () => {
    expect(() => assertVerifiable('scrypt', 'x', scrypt(16384, 13, 2))).not.toThrow(); // Appwrite e2e
    rejects('scrypt', 'x', scrypt(2 ** 17, 8), /64 MiB/);
    rejects('scrypt', 'x', scrypt(2 ** 16, 8, 17), /2\^23/);
    rejects('scrypt', 'x', scrypt(1024, 8, 1, 8192), /4096 bytes/);
  });

  it('lets invalid scrypt parameters through, as Appwrite does (they fail at login)', () => {
    expect(() => assertVerifiable('scrypt', 'x', scrypt(1000, 8))).not.toThrow();
    expect(() => assertVerifiable('scrypt', 'x', scrypt(1024, 8, 1, 8))).not.toThrow();
  });

  it('never refuses md5, sha or scryptMod (fixed, cheap costs)', () => {
    expect(() => assertVerifiable('md5', 'x', { type: 'md5' })).not.toThrow();
    expect(() => assertVerifiable('sha', 'x', { type: 'sha', version: 'sha512' })).not.toThrow();
    expect(() => assertVerifiable('scryptMod', 'x', { type: 'scryptMod', salt: 'a', saltSeparator: 'Bw==', signerKey: 'a' })).not.toThrow();
  });
});

describe('verifyPassword on a stored hash above the caps', () => {
  it('refuses with password_too_expensive instead of spending the CPU or memory', async () => {
    const stored = { password: argon2(1 << 20, 1), hash: 'argon2', hashOptions: { type: 'argon2' } };
    const settings = { memoryCost: 19456, timeCost: 2, threads: 1, implementation: 'wasm' as const };
    await expect(verifyPassword(stored, 'anything', settings)).rejects.toMatchObject({ type: 'password_too_expensive' });
  });
});
