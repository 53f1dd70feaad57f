import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { hashArgon2id } from '../../../src/passwords/argon2';
import { call, createUser, ROOT_KEY, uid } from '../helpers/api';
import { asSession, listSessions, login, PASSWORD, userWithPassword } from './helpers';

const md5Hex = async (text: string) => {
  const { md5 } = await import('@noble/hashes/legacy.js');
  return Array.from(md5(new TextEncoder().encode(text)), (b) => b.toString(16).padStart(2, '0')).join('');
};

async function importUser(algorithm: string, password: string) {
  const id = uid();
  const res = await call('POST', `/v1/users/${algorithm}`, { body: { userId: id, email: `${id}@example.com`, password } });
  if (res.status !== 201) throw new Error(`import failed: ${res.status} ${res.text}`);
  return res.body;
}

const getUser = async (id: string) => (await call('GET', `/v1/users/${id}`)).body;

describe('POST /v1/account/sessions/email', () => {
  it('creates an `email` session: 201, current, secret hidden from guests, cookies and fallback header', async () => {
    const user = await userWithPassword();
    const res = await login(user.email.toUpperCase(), PASSWORD);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      userId: user.$id,
      provider: 'email',
      providerUid: user.email,
      factors: ['password'],
      current: true,
      secret: '',
    });
    const cookies = res.headers.getSetCookie();
    expect(cookies[0]).toMatch(/^a_session_default_legacy=[^;]+; expires=.+; path=\/; httponly$/);
    expect(cookies[1]).toMatch(/^a_session_default=[^;]+; expires=.+; path=\/; httponly; samesite=None$/);
    const fallback = JSON.parse(res.headers.get('x-fallback-cookies')!);
    expect(JSON.parse(atob(fallback.a_session_default)).id).toBe(user.$id);
    const cookie = cookies[1].split(';')[0];
    const me = await call('GET', '/v1/account', { key: null, headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.body.$id).toBe(user.$id);
  });

  it('sends no fallback header to a same-site Origin', async () => {
    const user = await userWithPassword();
    const res = await login(user.email, PASSWORD, { headers: { origin: 'http://localhost:3000' } });
    expect(res.headers.get('x-fallback-cookies')).toBeNull();
  });

  it('shows the session secret to an API-key caller (SSR) and does not throttle it', async () => {
    const user = await userWithPassword();
    const res = await call('POST', '/v1/account/sessions/email', { body: { email: user.email, password: PASSWORD } });
    expect(res.status).toBe(201);
    expect((await call('GET', '/v1/account', asSession(res.body.secret))).body.$id).toBe(user.$id);
    expect(res.headers.get('x-ratelimit-limit')).toBeNull();
  });

  it('is also served on the POST /v1/account/sessions alias', async () => {
    const user = await userWithPassword();
    const res = await call('POST', '/v1/account/sessions', { key: null, body: { email: user.email, password: PASSWORD } });
    expect(res.status).toBe(201);
  });

  it('answers 401 user_invalid_credentials for a wrong password, an unknown email and a user without password', async () => {
    const user = await userWithPassword();
    const noPassword = await createUser({ email: `${uid()}@example.com` });
    for (const [email, password] of [
      [user.email, 'wrong-password'],
      [`${uid()}@nowhere.example`, PASSWORD],
      [noPassword.email, PASSWORD],
    ]) {
      const res = await login(email, password);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ type: 'user_invalid_credentials', message: 'Invalid credentials. Please check the email and password.' });
    }
  });

  it('refuses a blocked user only after a correct password', async () => {
    const user = await userWithPassword();
    await call('PATCH', `/v1/users/${user.$id}/status`, { body: { status: false } });
    expect((await login(user.email, 'wrong-password')).body.type).toBe('user_invalid_credentials');
    const res = await login(user.email, PASSWORD);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ type: 'user_blocked', message: 'The current user has been blocked.' });
    expect(await listSessions(user.$id)).toHaveLength(0);
  });

  it.each([
    [{ email: 'not-an-email', password: PASSWORD }, 'Invalid `email` param: Value must be a valid email address'],
    [{ email: 'a@example.com', password: 'short' }, 'Invalid `password` param: Password must be between 8 and 256 characters long.'],
    [{ email: 'a@example.com', password: 'é'.repeat(129) }, 'Invalid `password` param: Password must be between 8 and 256 characters long.'],
    [{ email: 'a@example.com' }, 'Param "password" is not optional.'],
  ])('validates %j', async (body, message) => {
    const res = await call('POST', '/v1/account/sessions/email', { key: null, body });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: 'general_argument_invalid', message });
  });

  it('refuses a caller who already has a session', async () => {
    const user = await userWithPassword();
    const { secret } = (await call('POST', `/v1/users/${user.$id}/sessions`)).body;
    const res = await login(user.email, PASSWORD, { headers: { 'x-appwrite-session': secret } });
    expect(res.status).toBe(401);
    expect(res.body.type).toBe('user_session_already_exists');
  });

  it('keeps at most MAX_SESSIONS sessions, removing the oldest first (server sessions included)', async () => {
    const user = await userWithPassword();
    const server = (await call('POST', `/v1/users/${user.$id}/sessions`)).body.$id;
    const created: string[] = [];
    // As an API-key caller: a guest is throttled to 10 logins an hour per email.
    for (let i = 0; i < 11; i++) created.push((await login(user.email, PASSWORD, { key: ROOT_KEY })).body.$id);
    const left = (await listSessions(user.$id)).map((s) => s.$id);
    expect(left).toEqual(created.slice(1));
    expect(left).not.toContain(server);
  });
});

describe('login re-hashes imported passwords', () => {
  it('moves a bcrypt user to argon2id on the first login; the second login still works', async () => {
    const user = await importUser('bcrypt', bcrypt.hashSync(PASSWORD, 4));
    expect(user.hash).toBe('bcrypt');
    expect((await login(user.email, PASSWORD)).status).toBe(201);
    const after = await getUser(user.$id);
    expect(after.hash).toBe('argon2');
    expect(after.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(after.hashOptions).toEqual({ type: 'argon2', memoryCost: 19456, timeCost: 2, threads: 1 });
    expect(after.passwordUpdate).toBe(user.passwordUpdate);
    expect((await login(user.email, PASSWORD)).status).toBe(201);
    expect((await login(user.email, 'wrong-password')).status).toBe(401);
  });

  it('moves an md5 user to argon2id', async () => {
    const user = await importUser('md5', await md5Hex(PASSWORD));
    expect((await login(user.email, PASSWORD)).status).toBe(201);
    expect((await getUser(user.$id)).hash).toBe('argon2');
  });

  it('does not re-hash on a failed login', async () => {
    const user = await importUser('bcrypt', bcrypt.hashSync(PASSWORD, 4));
    await login(user.email, 'wrong-password');
    expect((await getUser(user.$id)).password).toBe(user.password);
  });

  it('leaves argon2 users alone whatever their parameters, as Appwrite does', async () => {
    const hash = hashArgon2id(PASSWORD, { m: 1024, t: 1, p: 1 }, 'js');
    const user = await importUser('argon2', hash);
    expect((await login(user.email, PASSWORD)).status).toBe(201);
    expect((await getUser(user.$id)).password).toBe(hash);
  });
});

describe('login throttling (10 an hour per email, not for API keys)', () => {
  it('answers 429 with X-RateLimit headers on the 11th attempt, whatever the password or IP', async () => {
    const user = await userWithPassword();
    const headers = { 'cf-connecting-ip': '192.0.2.10' };
    for (let i = 0; i < 10; i++) {
      const res = await login(user.email, i === 9 ? PASSWORD : 'wrong-password', { headers });
      expect(res.status).toBe(i === 9 ? 201 : 401);
      expect(res.headers.get('x-ratelimit-limit')).toBe('10');
      expect(res.headers.get('x-ratelimit-remaining')).toBe(String(9 - i));
    }
    const limited = await login(user.email, PASSWORD, { headers });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({
      type: 'general_rate_limit_exceeded',
      message: 'Rate limit for the current endpoint has been exceeded. Please try again after some time.',
    });
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await login(user.email, PASSWORD, { headers: { 'cf-connecting-ip': '192.0.2.11' } })).status).toBe(429);
  });

  it('throttles unknown emails too', async () => {
    const email = `${uid()}@nowhere.example`;
    const headers = { 'cf-connecting-ip': '192.0.2.12' };
    for (let i = 0; i < 10; i++) expect((await login(email, PASSWORD, { headers })).status).toBe(401);
    expect((await login(email, PASSWORD, { headers })).status).toBe(429);
  });
});
