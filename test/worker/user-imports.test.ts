import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { verifyPassword } from '../../src/passwords';
import { call, uid } from './helpers/api';

/** Appwrite's e2e fixtures (users-api.md §2.3), all for the plaintext `appwrite`. */
const fixtures = {
  md5: { path: 'md5', body: { password: '144fa7eaa4904e8ee120651997f70dcc' }, hash: 'md5', hashOptions: { type: 'md5' } },
  bcrypt: {
    path: 'bcrypt',
    body: { password: '$2a$15$xX/myGbFU.ZSKHSi6EHdBOySTdYm8QxBLXmOPHrYMwV0mHRBBSBOq' },
    hash: 'bcrypt',
    hashOptions: { type: 'bcrypt' },
  },
  argon2: {
    path: 'argon2',
    body: { password: '$argon2i$v=19$m=20,t=3,p=2$YXBwd3JpdGU$A/54i238ed09ZR4NwlACU5XnkjNBZU9QeOEuhjLiexI' },
    hash: 'argon2',
    hashOptions: { type: 'argon2' },
  },
  sha512: {
    path: 'sha',
    body: {
      password: '4243da0a694e8a2f727c8060fe0507c8fa01ca68146c76d2c190805b638c20c6bf6ba04e21f11ae138785d0bff63c416e6f87badbffad37f6dee50094cc38c70',
      passwordVersion: 'sha512',
    },
    hash: 'sha',
    hashOptions: { version: 'sha512', type: 'sha' },
  },
  scrypt: {
    path: 'scrypt',
    body: {
      password: '3fdef49701bc4cfaacd551fe017283513284b4731e6945c263246ef948d3cf63b5d269c31fd697246085111a428245e24a4ddc6b64c687bc60a8910dbafc1d5b',
      passwordSalt: 'appwrite',
      passwordCpu: 16384,
      passwordMemory: 13,
      passwordParallel: 2,
      passwordLength: 64,
    },
    hash: 'scrypt',
    hashOptions: { salt: 'appwrite', costCpu: 16384, costMemory: 13, costParallel: 2, length: 64, type: 'scrypt' },
  },
  phpass: { path: 'phpass', body: { password: '$P$Br387rwferoKN7uwHZqNMu98q3U8RO.' }, hash: 'phpass', hashOptions: { type: 'phpass' } },
  scryptModified: {
    path: 'scrypt-modified',
    body: {
      password: 'UlM7JiXRcQhzAGlaonpSqNSLIz475WMddOgLjej5De9vxTy48K6WtqlEzrRFeK4t0COfMhWCb8wuMHgxOFCHFQ==',
      passwordSalt: 'UxLMreBr6tYyjQ==',
      passwordSaltSeparator: 'Bw==',
      passwordSignerKey: 'XyEKE9RcTDeLEsL/RjwPDBv/RqDl8fb3gpYEOQaPihbxf1ZAtSOHCjuAAa7Q3oHpCYhXSN9tizHgVOwn6krflQ==',
    },
    hash: 'scryptMod',
    hashOptions: {
      signerKey: 'XyEKE9RcTDeLEsL/RjwPDBv/RqDl8fb3gpYEOQaPihbxf1ZAtSOHCjuAAa7Q3oHpCYhXSN9tizHgVOwn6krflQ==',
      saltSeparator: 'Bw==',
      salt: 'UxLMreBr6tYyjQ==',
      type: 'scryptMod',
    },
  },
};

describe('POST /v1/users/{algorithm}', () => {
  for (const [label, f] of Object.entries(fixtures)) {
    it(`imports an ${label} hash verbatim, with Appwrite's hashOptions, and it verifies`, async () => {
      const id = uid();
      const res = await call('POST', `/v1/users/${f.path}`, { body: { userId: id, email: `${id}@Example.com`, name: label, ...f.body } });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ $id: id, email: `${id}@example.com`, password: f.body.password, hash: f.hash, hashOptions: f.hashOptions, phone: '' });
      expect(res.body.passwordUpdate).not.toBe('');
      expect(res.body.targets.map((t: any) => t.providerType)).toEqual(['email']);
      const settings = loadConfig(env).argon2;
      const stored = { password: res.body.password, hash: res.body.hash, hashOptions: res.body.hashOptions };
      expect(await verifyPassword(stored, 'appwrite', settings)).toMatchObject({ valid: true });
      expect((await verifyPassword(stored, 'wrong-password', settings)).valid).toBe(false);
    }, 30_000);
  }

  it('stores no version for sha without passwordVersion', async () => {
    const id = uid();
    const res = await call('POST', '/v1/users/sha', { body: { userId: id, email: `${id}@example.com`, password: 'a'.repeat(128) } });
    expect(res.body.hashOptions).toEqual({ type: 'sha' });
  });

  it('accepts sha versions case-insensitively and stores them as sent', async () => {
    const id = uid();
    const res = await call('POST', '/v1/users/sha', { body: { userId: id, email: `${id}@example.com`, password: 'a'.repeat(64), passwordVersion: 'SHA256' } });
    expect(res.status).toBe(201);
    expect(res.body.hashOptions).toEqual({ version: 'SHA256', type: 'sha' });
  });

  it('builds scrypt-modified hashOptions as real JSON even with quotes in the salt', async () => {
    const id = uid();
    const res = await call('POST', '/v1/users/scrypt-modified', {
      body: { userId: id, email: `${id}@example.com`, password: 'p'.repeat(20), passwordSalt: 'a"b\\c', passwordSaltSeparator: 'Bw==', passwordSignerKey: 'key' },
    });
    expect(res.status).toBe(201);
    expect(res.body.hashOptions.salt).toBe('a"b\\c');
  });

  it.each([
    ['md5', { email: 'x@example.com', password: 'hash-hash' }, 'Param "userId" is not optional.'],
    ['md5', { userId: 'x1', password: 'hash-hash' }, 'Param "email" is not optional.'],
    ['md5', { userId: 'x1', email: 'x@example.com', password: 'short' }, 'Invalid `password` param: Password must be between 8 and 256 characters long.'],
    ['sha', { userId: 'x1', email: 'x@example.com', password: 'hash-hash', passwordVersion: 'sha0' }, 'Invalid `passwordVersion` param: Value must be one of (sha1, sha224, sha256, sha384, sha512/224, sha512/256, sha512, sha3-224, sha3-256, sha3-384, sha3-512)'],
    ['scrypt', { userId: 'x1', email: 'x@example.com', password: 'hash-hash' }, 'Param "passwordSalt" is not optional.'],
    ['scrypt', { userId: 'x1', email: 'x@example.com', password: 'hash-hash', passwordSalt: 's', passwordCpu: '8' }, 'Invalid `passwordCpu` param: Value must be a valid integer'],
    ['scrypt', { userId: 'x1', email: 'x@example.com', password: 'hash-hash', passwordSalt: 's', passwordCpu: 8, passwordMemory: 1.5 }, 'Invalid `passwordMemory` param: Value must be a valid integer'],
    ['scrypt-modified', { userId: 'x1', email: 'x@example.com', password: 'hash-hash', passwordSalt: 's', passwordSaltSeparator: '' }, 'Invalid `passwordSaltSeparator` param: Value must be a valid string and at least 1 chars and no longer than 128 chars'],
  ])('POST /v1/users/%s rejects %j', async (path, body, message) => {
    const res = await call('POST', `/v1/users/${path}`, { body });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: 'general_argument_invalid', message });
  });

  it('refuses hashes too expensive to verify in a Worker, with 400 password_too_expensive', async () => {
    const id = uid();
    const res = await call('POST', '/v1/users/bcrypt', {
      body: { userId: id, email: `${id}@example.com`, password: '$2y$20$xX/myGbFU.ZSKHSi6EHdBOySTdYm8QxBLXmOPHrYMwV0mHRBBSBOq' },
    });
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('password_too_expensive');
    expect((await call('GET', `/v1/users/${id}`)).status).toBe(404);
  });

  it('answers 409 user_already_exists for a taken email', async () => {
    const id = uid();
    const body = { userId: id, email: `${id}@example.com`, password: '144fa7eaa4904e8ee120651997f70dcc' };
    expect((await call('POST', '/v1/users/md5', { body })).status).toBe(201);
    const again = await call('POST', '/v1/users/md5', { body: { ...body, userId: uid() } });
    expect(again.body.type).toBe('user_already_exists');
  });
});
