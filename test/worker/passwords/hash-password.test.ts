import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword, type Argon2Settings } from '../../../src/passwords';

/** Small costs keep the pure-JS runs quick; two lanes exercise p > 1. */
const settingsFor = (implementation: Argon2Settings['implementation']): Argon2Settings =>
  ({ memoryCost: 4096, timeCost: 2, threads: 2, implementation });

const PASSWORDS = [
  'correct horse battery staple',
  'pässwörd-ÜñÎçødé-🔑',
  'パスワードは秘密です',
  'nul\u0000inside',
];

describe('hashPassword', () => {
  for (const implementation of ['wasm', 'js'] as const) {
    const settings = settingsFor(implementation);

    it(`(${implementation}) makes an argon2id v=19 PHC string at exactly the configured cost`, async () => {
      const result = await hashPassword('correct horse battery staple', settings);
      expect(result.hash).toBe('argon2');
      expect(result.hashOptions).toEqual({ type: 'argon2', memoryCost: 4096, timeCost: 2, threads: 2 });
      expect(result.password).toMatch(/^\$argon2id\$v=19\$m=4096,t=2,p=2\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    });

    it(`(${implementation}) round-trips ASCII, non-ASCII and NUL-containing passwords`, async () => {
      for (const plain of PASSWORDS) {
        const stored = await hashPassword(plain, settings);
        expect(await verifyPassword(stored, plain, settings)).toEqual({ valid: true });
        expect((await verifyPassword(stored, `${plain}x`, settings)).valid).toBe(false);
      }
    });
  }

  it('uses a fresh salt for every hash', async () => {
    const settings = settingsFor('wasm');
    const [a, b] = await Promise.all([hashPassword('same', settings), hashPassword('same', settings)]);
    expect(a.password).not.toBe(b.password);
  });

  it('gives hashes each implementation verifies for the other (UTF-8 byte lengths, not UTF-16 units)', async () => {
    for (const plain of PASSWORDS) {
      const fromWasm = await hashPassword(plain, settingsFor('wasm'));
      const fromJs = await hashPassword(plain, settingsFor('js'));
      expect((await verifyPassword(fromWasm, plain, settingsFor('js'))).valid).toBe(true);
      expect((await verifyPassword(fromJs, plain, settingsFor('wasm'))).valid).toBe(true);
    }
  });
});

describe('verifyPassword: any algorithm', () => {
  const settings = settingsFor('wasm');
  const md5 = { password: '144fa7eaa4904e8ee120651997f70dcc', hash: 'md5', hashOptions: { type: 'md5' } };
  const appwriteDefault = {
    password: '$argon2i$v=19$m=20,t=3,p=2$YXBwd3JpdGU$A/54i238ed09ZR4NwlACU5XnkjNBZU9QeOEuhjLiexI',
    hash: 'argon2',
    hashOptions: { type: 'argon2' },
  };

  it('is false when the password is wrong', async () => {
    expect(await verifyPassword(md5, 'wrong-password', settings)).toEqual({ valid: false });
  });

  it('is true after a successful login with any other algorithm', async () => {
    expect(await verifyPassword(md5, 'appwrite', settings)).toEqual({ valid: true });
  });

  it('is true for argon2 hashes at other parameters or of another variant', async () => {
    expect(await verifyPassword(appwriteDefault, 'appwrite', settings)).toEqual({ valid: true });
    const stored = await hashPassword('appwrite', { ...settings, timeCost: 3 });
    expect(await verifyPassword(stored, 'appwrite', settings)).toEqual({ valid: true });
  });

  it('is true for an argon2id hash at the current cost stored under another algorithm name', async () => {
    const stored = await hashPassword('appwrite', settings);
    expect(await verifyPassword({ ...stored, hash: 'bcrypt' }, 'appwrite', settings)).toEqual({ valid: true });
  });

  it('is false for argon2id at exactly the configured cost', async () => {
    const stored = await hashPassword('appwrite', settings);
    expect(await verifyPassword(stored, 'appwrite', settings)).toEqual({ valid: true });
  });
});

describe('verifyPassword: users without a password', () => {
  for (const password of [null, '']) {
    it(`never verifies when the stored password is ${JSON.stringify(password)}`, async () => {
      const stored = { password, hash: 'argon2', hashOptions: { type: 'argon2' } };
      expect(await verifyPassword(stored, '', settingsFor('wasm'))).toEqual({ valid: false });
    });
  }
});

describe('verifyPassword: unknown algorithm names', () => {
  it("throws Appwrite's 'not supported' error (a 500)", async () => {
    const stored = { password: 'x', hash: 'whirlpool', hashOptions: {} };
    await expect(verifyPassword(stored, 'x', settingsFor('wasm'))).rejects.toMatchObject({
      status: 500,
      message: "Hashing algorithm 'whirlpool' is not supported.",
    });
  });
});
