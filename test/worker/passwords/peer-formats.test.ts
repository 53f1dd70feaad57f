import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import appwriteFile from '../../fixtures/password-hashes.json';
import peerFile from '../../fixtures/peer-hash-vectors.json';
import { loadConfig } from '../../../src/config';
import { assertVerifiable, CAPS, detectHashFormat, verifyPassword } from '../../../src/passwords';
import { importUser } from '../../../src/services/users';
import { createDatabase } from '../../../src/store/database';
import { call, uid } from '../helpers/api';
import { login } from '../sessions/helpers';

interface PeerVector {
  id: string;
  source: string;
  algorithm: string;
  options: Record<string, unknown>;
  hash: string;
  password: string;
  valid: boolean;
  /** Whether the hash is self-describing, i.e. detectHashFormat must recognise it. */
  detect: boolean;
}

const vectors = peerFile.vectors as PeerVector[];
const settings = { memoryCost: 19456, timeCost: 2, threads: 1, implementation: 'wasm' } as const;
const verify = (v: Pick<PeerVector, 'hash' | 'algorithm' | 'options'>, password: string) =>
  verifyPassword({ password: v.hash, hash: v.algorithm, hashOptions: v.options }, password, settings);

describe('peer-format known-answer vectors (test/fixtures/peer-hash-vectors.json)', () => {
  it('cover every new algorithm, each with a non-ASCII password and a wrong password', () => {
    for (const algorithm of ['pbkdf2', 'hmac', 'shaCrypt', 'md5Crypt', 'ldap', 'bcryptSha256']) {
      const mine = vectors.filter((v) => v.algorithm === algorithm);
      expect(mine.some((v) => v.valid && /[^\x00-\x7f]/.test(v.password)), algorithm).toBe(true);
      expect(mine.some((v) => !v.valid), algorithm).toBe(true);
    }
  });

  it.each(vectors.map((v) => [v.id, v] as const))('%s', async (_id, v) => {
    expect((await verify(v, v.password)).valid).toBe(v.valid);
  });

  it('pass the import check', () => {
    for (const v of vectors) expect(() => assertVerifiable(v.algorithm, v.hash, v.options), v.id).not.toThrow();
  });
});

describe('detectHashFormat', () => {
  it.each(vectors.filter((v) => v.detect && v.valid).map((v) => [v.id, v] as const))('%s', (_id, v) => {
    expect(detectHashFormat(v.hash)).toEqual({ algorithm: v.algorithm, options: { type: v.algorithm } });
  });

  it("recognises the self-describing hashes of Appwrite's own algorithms (test/fixtures/password-hashes.json)", () => {
    const appwrite = (appwriteFile.vectors as { id: string; algo: string; hash: string; expected: unknown }[]).filter(
      (v) => v.expected === true && ['argon2', 'bcrypt', 'phpass'].includes(v.algo) && !v.hash.startsWith('$argon2d$'),
    );
    expect(appwrite.length).toBeGreaterThan(5);
    for (const v of appwrite) {
      const detected = detectHashFormat(v.hash);
      // A bcrypt string imported under argon2 or phpass is, by its syntax, bcrypt.
      const expected = v.hash.startsWith('$2') ? 'bcrypt' : v.hash.startsWith('$argon2') ? 'argon2' : 'phpass';
      expect(detected, v.id).toEqual({ algorithm: expected, options: { type: expected } });
    }
  });

  it('answers null for raw digests, argon2d and malformed strings', () => {
    for (const value of [
      '5f4dcc3b5aa765d61d8327deb882cf99',
      '$argon2d$v=19$m=16,t=2,p=1$c29tZXNhbHQ$AAAAAAAAAAAAAAAAAAAAAA',
      'pbkdf2_sha256$10000$salt$tooshort',
      '$6$salt$short',
      '{SSHA}not base64!',
      '{UNKNOWN}abcd',
      '',
    ]) {
      expect(detectHashFormat(value), value).toBeNull();
    }
  });
});

describe('cost caps and options of the new algorithms', () => {
  const refuses = (algorithm: string, hash: string, options: Record<string, unknown>, type: string, message: RegExp) => {
    let error: unknown;
    try {
      assertVerifiable(algorithm, hash, options);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ type, status: 400, message: expect.stringMatching(message) });
  };
  const django = (iterations: number) => `pbkdf2_sha256$${iterations}$seasalt$8xBlGd3jVgvJ+92hWPxi5ww0uuAuAnKgC45eudxro7c=`;
  const sha512Crypt = (rounds: number) =>
    `$6$rounds=${rounds}$xv49Tnf529qhszYE$dVnyQ0mohlFG/9f9Qwuqd4Rlvxey1vvCfHSX9qHBOf07Vn/B6sphcQoXBS.ugycvac6M0FoByQRYNPpeComYc/`;

  it('refuses PBKDF2 above the per-digest work cap, counting output blocks', () => {
    expect(() => assertVerifiable('pbkdf2', django(CAPS.pbkdf2Work.sha256), {})).not.toThrow();
    refuses('pbkdf2', django(CAPS.pbkdf2Work.sha256 + 1), {}, 'password_too_expensive', /PBKDF2-sha256/);
    const raw = { digest: 'sha512', iterations: CAPS.pbkdf2Work.sha512 / 2, salt: 's' };
    expect(() => assertVerifiable('pbkdf2', 'x', { ...raw, length: 128 })).not.toThrow();
    refuses('pbkdf2', 'x', { ...raw, length: 129 }, 'password_too_expensive', /PBKDF2-sha512/);
  });

  it('refuses SHA-crypt rounds above the cap under shaCrypt, ldap {CRYPT} and the PHP crypt() names', () => {
    expect(() => assertVerifiable('shaCrypt', sha512Crypt(CAPS.shaCryptRounds), {})).not.toThrow();
    for (const [name, prefix] of [['shaCrypt', ''], ['ldap', '{CRYPT}'], ['argon2', ''], ['bcrypt', '']]) {
      refuses(name, prefix + sha512Crypt(CAPS.shaCryptRounds + 1), {}, 'password_too_expensive', /SHA-crypt rounds/);
    }
  });

  it('refuses bcrypt_sha256 above bcrypt cost 15', () => {
    const passlib = (cost: number) => `$bcrypt-sha256$v=2,t=2b,r=${cost}$n79VH.0Q2TMWmt3Oqt9uku$Kq4Noyk3094Y2QlB8NdRT8SvGiI4ft2`;
    expect(() => assertVerifiable('bcryptSha256', passlib(15), {})).not.toThrow();
    refuses('bcryptSha256', passlib(16), {}, 'password_too_expensive', /cost 15/);
  });

  it('refuses raw PBKDF2 and HMAC options they cannot run with (400 general_argument_invalid)', () => {
    refuses('pbkdf2', 'x', { digest: 'md4', iterations: 1 }, 'general_argument_invalid', /digest must be one of sha1, sha256, sha512/);
    refuses('pbkdf2', 'x', { digest: 'sha256', iterations: 0 }, 'general_argument_invalid', /iterations/);
    refuses('pbkdf2', 'x', { digest: 'sha256', iterations: 1, salt: 'zz', saltEncoding: 'hex' }, 'general_argument_invalid', /salt is not valid hex/);
    refuses('hmac', 'x', { digest: 'sha256' }, 'general_argument_invalid', /key is required/);
    refuses('hmac', 'x', { digest: 'sha256', key: 'k', order: 'keyFirst' }, 'general_argument_invalid', /order/);
  });

  it('answers 500 at login for a stored user whose options are unusable, as for Appwrite scrypt', async () => {
    await expect(verify({ hash: 'x', algorithm: 'hmac', options: { digest: 'sha256' } }, 'pw')).rejects.toMatchObject({
      type: 'general_unknown',
      status: 500,
    });
  });
});

describe('login re-hashes peer-format users to argon2id', () => {
  const byId = (id: string) => vectors.find((v) => v.id === id)!;

  it.each(['django-pbkdf2-sha256-unicode', 'sha512-crypt-ascii', 'ldap-ssha-ascii', 'bcrypt-sha256-v2-unicode', 'hmac-sha256-password-salt-b64-unicode'])(
    '%s',
    async (id) => {
      const v = byId(id);
      const ctx = {
        db: createDatabase(env.DB),
        config: loadConfig(env),
        env,
        request: { ip: '127.0.0.1', userAgent: 'test', countryCode: '--', actor: { id: '', email: '', name: '', type: 'keyProject' as const } },
      };
      const userId = uid();
      const email = `${userId}@example.com`;
      await importUser(ctx, { userId, email, name: null, password: v.hash, hash: v.algorithm, hashOptions: v.options });
      const before = (await call('GET', `/v1/users/${userId}`)).body;
      expect(before).toMatchObject({ hash: v.algorithm, password: v.hash });

      expect((await login(email, 'wrong-password')).status).toBe(401);
      expect((await call('GET', `/v1/users/${userId}`)).body.password).toBe(v.hash);

      expect((await login(email, v.password)).status).toBe(201);
      const after = (await call('GET', `/v1/users/${userId}`)).body;
      expect(after.hash).toBe('argon2');
      expect(after.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(after.hashOptions).toEqual({ type: 'argon2', memoryCost: 19456, timeCost: 2, threads: 1 });
      expect((await login(email, v.password)).status).toBe(201);
    },
  );
});
