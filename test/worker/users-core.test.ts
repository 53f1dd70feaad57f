import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, createUser, uid } from './helpers/api';
import { countingD1 } from './helpers/d1-counter';

const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/;

describe('POST /v1/users', () => {
  it('creates a user with every field of the User model, in order', async () => {
    const id = uid();
    const res = await call('POST', '/v1/users', {
      body: { userId: id, email: 'Cristiano.Ronaldo@Example.COM', phone: '+14155550100', password: 'password-123', name: 'Cristiano' },
    });
    expect(res.status).toBe(201);
    const user = res.body;
    expect(Object.keys(user)).toEqual([
      '$id', '$createdAt', '$updatedAt', 'name', 'password', 'hash', 'hashOptions', 'registration', 'status', 'labels',
      'passwordUpdate', 'email', 'phone', 'emailVerification', 'emailCanonical', 'emailIsFree', 'emailIsDisposable',
      'emailIsCorporate', 'emailIsCanonical', 'phoneVerification', 'mfa', 'prefs', 'targets', 'accessedAt', 'impersonator',
      'impersonatorUserId',
    ]);
    expect(user).toMatchObject({
      $id: id,
      name: 'Cristiano',
      hash: 'argon2',
      hashOptions: { type: 'argon2', memoryCost: 19456, timeCost: 2, threads: 1 },
      status: true,
      labels: [],
      email: 'cristiano.ronaldo@example.com',
      phone: '+14155550100',
      emailVerification: false,
      phoneVerification: false,
      mfa: false,
      prefs: {},
      accessedAt: '',
      emailCanonical: 'cristiano.ronaldo@example.com',
      emailIsFree: false,
      emailIsDisposable: false,
      emailIsCorporate: true,
      emailIsCanonical: true,
      impersonator: false,
      impersonatorUserId: '',
    });
    expect(user.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    for (const field of ['$createdAt', '$updatedAt', 'registration', 'passwordUpdate']) expect(user[field]).toMatch(DATE);
    expect(res.text).toContain('"prefs":{}');
    expect(user.targets.map((t: any) => [t.providerType, t.identifier])).toEqual([
      ['email', 'cristiano.ronaldo@example.com'],
      ['sms', '+14155550100'],
    ]);
    expect(Object.keys(user.targets[0])).toEqual(['$id', '$createdAt', '$updatedAt', 'name', 'userId', 'providerId', 'providerType', 'identifier', 'expired']);
    expect(user.targets[0]).toMatchObject({ name: '', userId: id, providerId: null, expired: false });
  });

  it('creates a user with nothing but an id: empty email, phone, null password, default hash options', async () => {
    const res = await call('POST', '/v1/users', { body: { userId: uid() } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: '', phone: '', password: null, passwordUpdate: '', name: '', targets: [], hash: 'argon2',
      hashOptions: { type: 'argon2', memoryCost: 19456, timeCost: 2, threads: 1 },
    });
  });

  it('generates a 20-char hex id for unique()', async () => {
    const res = await call('POST', '/v1/users', { body: { userId: 'unique()' } });
    expect(res.body.$id).toMatch(/^[0-9a-f]{20}$/);
  });

  it.each([
    [{}, 'Param "userId" is not optional.'],
    [{ userId: '_bad' }, "Invalid `userId` param: Parameter must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. Can't start with a special char"],
    [{ userId: 'a'.repeat(37) }, "Invalid `userId` param: Parameter must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. Can't start with a special char"],
    [{ userId: 'ok', email: 'a@localhost' }, 'Invalid `email` param: Value must be a valid email address'],
    [{ userId: 'ok', email: '' }, 'Invalid `email` param: Value must be a valid email address'],
    [{ userId: 'ok', phone: '12345' }, "Invalid `phone` param: Phone number must start with a '+' can have a maximum of fifteen digits."],
    [{ userId: 'ok', phone: '+2101234567' }, "Invalid `phone` param: Phone number must start with a '+' can have a maximum of fifteen digits."],
    [{ userId: 'ok', password: 'short' }, 'Invalid `password` param: Password must be between 8 and 265 characters long, and should not be one of the commonly used password.'],
    [{ userId: 'ok', password: 'é'.repeat(129) }, 'Invalid `password` param: Password must be between 8 and 265 characters long, and should not be one of the commonly used password.'],
    [{ userId: 'ok', name: '' }, 'Invalid `name` param: Value must be a valid string and at least 1 chars and no longer than 128 chars'],
    [{ userId: 'ok', name: 'x'.repeat(129) }, 'Invalid `name` param: Value must be a valid string and at least 1 chars and no longer than 128 chars'],
    [{ userId: 123 }, "Invalid `userId` param: Parameter must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. Can't start with a special char"],
  ])('rejects %j with 400 general_argument_invalid', async (body, message) => {
    const res = await call('POST', '/v1/users', { body });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: 'general_argument_invalid', message, code: 400 });
  });

  it('accepts null for optional params', async () => {
    const res = await call('POST', '/v1/users', { body: { userId: uid(), email: null, phone: null, password: null, name: null } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: '', phone: '', password: null, name: '' });
  });

  it('counts the name in code points (128 emoji are fine)', async () => {
    const res = await call('POST', '/v1/users', { body: { userId: uid(), name: '😀'.repeat(128) } });
    expect(res.status).toBe(201);
  });

  it('answers 409 user_already_exists for an id that differs only in case', async () => {
    const id = uid('Case');
    await createUser({ userId: id });
    const res = await call('POST', '/v1/users', { body: { userId: id.toUpperCase() } });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ type: 'user_already_exists', message: 'A user with the same id, email, or phone already exists in this project.' });
  });

  it('answers 409 user_already_exists for an email that differs only in case', async () => {
    const email = `${uid()}@example.com`;
    await createUser({ email });
    const res = await call('POST', '/v1/users', { body: { userId: uid(), email: email.toUpperCase() } });
    expect(res.body.type).toBe('user_already_exists');
  });

  it('answers 409 user_already_exists for a taken phone and leaves no partial user behind', async () => {
    const phone = `+1415${Math.floor(1e6 + Math.random() * 8e6)}`;
    await createUser({ phone });
    const id = uid();
    const res = await call('POST', '/v1/users', { body: { userId: id, phone, email: `${id}@example.com` } });
    expect(res.body.type).toBe('user_already_exists');
    expect((await call('GET', `/v1/users/${id}`)).status).toBe(404);
    const target = await env.DB.prepare('select count(*) as n from targets where identifier = ?').bind(`${id}@example.com`).first<{ n: number }>();
    expect(target?.n).toBe(0);
  });

  it('answers 409 user_email_already_exists when an identity uses the email, before the id check', async () => {
    const owner = await createUser();
    const email = `${uid()}@oauth.example.com`;
    await env.DB.prepare(
      "insert into identities (id, created_at, updated_at, user_seq, user_id, provider, provider_uid, provider_email) values (?, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', (select seq from users where id = ?), ?, 'github', ?, ?)",
    ).bind(uid('i'), owner.$id, owner.$id, uid(), email).run();
    const res = await call('POST', '/v1/users', { body: { userId: owner.$id, email: email.toUpperCase() } });
    expect(res.status).toBe(409);
    expect(res.body.type).toBe('user_email_already_exists');
  });

  it('skips creating a target whose identifier another target holds', async () => {
    const first = await createUser();
    const email = `${uid()}@example.com`;
    const target = await call('POST', `/v1/users/${first.$id}/targets`, { body: { targetId: uid(), providerType: 'email', identifier: email } });
    expect(target.status).toBe(201);
    const res = await call('POST', '/v1/users', { body: { userId: uid(), email } });
    expect(res.status).toBe(201);
    expect(res.body.targets).toEqual([]);
  });

  it('writes the user, its targets and its audit entry in one D1 batch', async () => {
    const { db, stats } = countingD1();
    const id = uid();
    const res = await call('POST', '/v1/users', { body: { userId: id, email: `${id}@example.com`, phone: `+1415${Math.floor(1e6 + Math.random() * 8e6)}` }, env: { DB: db } });
    expect(res.status).toBe(201);
    expect(stats).toEqual({ roundTrips: 1, statements: 4 });
  });
});

describe('GET /v1/users/{userId}', () => {
  it('returns the user with its targets in one round trip', async () => {
    const created = await createUser({ email: `${uid()}@example.com` });
    const { db, stats } = countingD1();
    const res = await call('GET', `/v1/users/${created.$id}`, { env: { DB: db } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created);
    expect(stats.roundTrips).toBe(1);
  });

  it('finds the user case-insensitively and echoes the stored spelling', async () => {
    const created = await createUser({ userId: uid('MiXeD') });
    const res = await call('GET', `/v1/users/${created.$id.toLowerCase()}`);
    expect(res.body.$id).toBe(created.$id);
  });

  it('answers 404 user_not_found', async () => {
    const res = await call('GET', '/v1/users/non_existent');
    expect(res.status).toBe(404);
    expect(res.body.type).toBe('user_not_found');
  });

  it('validates the id before looking it up (400, not 404)', async () => {
    const res = await call('GET', '/v1/users/bad$id');
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(
      "Invalid `userId` param: UID must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, and underscore. Can't start with a leading underscore",
    );
  });

  it('drops targets and mfa for response formats before 1.5.0', async () => {
    const created = await createUser();
    const res = await call('GET', `/v1/users/${created.$id}`, { headers: { 'x-appwrite-response-format': '1.4.0' } });
    expect(res.body).not.toHaveProperty('targets');
    expect(res.body).not.toHaveProperty('mfa');
    const current = await call('GET', `/v1/users/${created.$id}`, { headers: { 'x-appwrite-response-format': '1.6.0' } });
    expect(current.body).toHaveProperty('targets');
    expect(current.headers.get('x-appwrite-warning')).toBeNull();
  });

  it('warns when the SDK is built for a newer server', async () => {
    const res = await call('GET', '/v1/users', { headers: { 'x-appwrite-response-format': '1.9.6' } });
    expect(res.headers.get('x-appwrite-warning')).toBe(
      'The current SDK is built for Appwrite 1.9.6. However, the current Appwrite server version is 1.9.5. Please downgrade your SDK to match the Appwrite version: https://appwrite.io/docs/sdks',
    );
    for (const format of ['1.9.5', '1.8.0', '1.4.0']) {
      const same = await call('GET', '/v1/users', { headers: { 'x-appwrite-response-format': format } });
      expect(same.headers.get('x-appwrite-warning')).toBeNull();
    }
  });
});

describe('GET /v1/users', () => {
  it('lists users with total, 25 by default, in creation order, in one round trip', async () => {
    for (let i = 0; i < 3; i++) await createUser();
    const { db, stats } = countingD1();
    const res = await call('GET', '/v1/users', { env: { DB: db } });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['total', 'users']);
    expect(res.body.total).toBeGreaterThanOrEqual(3);
    expect(res.body.users.length).toBe(Math.min(25, res.body.total));
    const created = res.body.users.map((u: any) => u.$createdAt);
    expect([...created].sort()).toEqual(created);
    expect(stats.roundTrips).toBe(1);
  });

  it('reads queries[] in PHP array syntax from the query string', async () => {
    const q = encodeURIComponent(JSON.stringify({ method: 'limit', values: [1] }));
    const res = await call('GET', `/v1/users?queries[0]=${q}`);
    expect(res.status).toBe(200);
    expect(res.body.users).toHaveLength(1);
  });

  it('rejects an empty search string', async () => {
    const res = await call('GET', '/v1/users?search=');
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Invalid `search` param: Value must be a valid string and at least 1 chars and no longer than 256 chars');
  });
});

describe('DELETE /v1/users/{userId}', () => {
  it('deletes the user and everything it owns in one batch, then answers 404', async () => {
    const user = await createUser({ email: `${uid()}@example.com`, phone: `+1415${Math.floor(1e6 + Math.random() * 8e6)}` });
    const { db, stats } = countingD1();
    const res = await call('DELETE', `/v1/users/${user.$id}`, { env: { DB: db } });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(res.headers.get('content-type')).toBeNull();
    expect(stats.roundTrips).toBe(1);
    const left = await env.DB.prepare('select count(*) as n from targets where user_id = ?').bind(user.$id).first<{ n: number }>();
    expect(left?.n).toBe(0);
    expect((await call('GET', `/v1/users/${user.$id}`)).status).toBe(404);
    expect((await call('DELETE', `/v1/users/${user.$id}`)).body.type).toBe('user_not_found');
  });

  it('frees the email and phone for a new user', async () => {
    const email = `${uid()}@example.com`;
    const user = await createUser({ email });
    await call('DELETE', `/v1/users/${user.$id}`);
    const again = await call('POST', '/v1/users', { body: { userId: uid(), email } });
    expect(again.status).toBe(201);
    expect(again.body.targets).toHaveLength(1);
  });
});
