import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, createUser } from '../helpers/api';
import { freshIp, listSessions } from './helpers';

const exchange = (userId: string, secret: string, headers: Record<string, string> = {}) =>
  call('POST', '/v1/account/sessions/token', { key: null, body: { userId, secret }, headers: { 'cf-connecting-ip': freshIp(), ...headers } });

describe('POST /v1/users/{userId}/tokens', () => {
  it('creates a 6-hex-char token valid for 15 minutes by default (201, Token model)', async () => {
    const user = await createUser();
    const res = await call('POST', `/v1/users/${user.$id}/tokens`, { body: {} });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body)).toEqual(['$id', '$createdAt', 'userId', 'secret', 'expire', 'phrase']);
    expect(res.body).toMatchObject({ userId: user.$id, phrase: '' });
    expect(res.body.secret).toMatch(/^[0-9a-f]{6}$/);
    const lifetime = new Date(res.body.expire).getTime() - new Date(res.body.$createdAt).getTime();
    expect(Math.abs(lifetime - 900_000)).toBeLessThan(5000);
  });

  it('accepts length and expire, also as numeric strings', async () => {
    const user = await createUser();
    const res = await call('POST', `/v1/users/${user.$id}/tokens`, { body: { length: '128', expire: 60 } });
    expect(res.status).toBe(201);
    expect(res.body.secret).toMatch(/^[0-9a-f]{128}$/);
  });

  it('stores only the SHA-256 of the token', async () => {
    const user = await createUser();
    const res = await call('POST', `/v1/users/${user.$id}/tokens`, { body: { length: 32 } });
    const row = await env.DB.prepare('select * from tokens where id = ?').bind(res.body.$id).first<Record<string, unknown>>();
    expect(row!.type).toBe(8);
    expect(JSON.stringify(row)).not.toContain(res.body.secret);
  });

  it.each([
    [{ length: 3 }, 'Invalid `length` param: Value must be a valid range between 4 and 128'],
    [{ length: 129 }, 'Invalid `length` param: Value must be a valid range between 4 and 128'],
    [{ length: 6.5 }, 'Invalid `length` param: Value must be a valid range between 4 and 128'],
    [{ length: 'six' }, 'Invalid `length` param: Value must be a valid range between 4 and 128'],
    [{ expire: 59 }, 'Invalid `expire` param: Value must be a valid range between 60 and 31,536,000'],
    [{ expire: 31_536_001 }, 'Invalid `expire` param: Value must be a valid range between 60 and 31,536,000'],
  ])('rejects %j', async (body, message) => {
    const user = await createUser();
    const res = await call('POST', `/v1/users/${user.$id}/tokens`, { body });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: 'general_argument_invalid', message });
  });

  it('validates params before looking up the user', async () => {
    expect((await call('POST', '/v1/users/missing-user/tokens', { body: { length: 1 } })).status).toBe(400);
    expect((await call('POST', '/v1/users/missing-user/tokens', { body: {} })).body.type).toBe('user_not_found');
  });
});

describe('POST /v1/account/sessions/token (token exchange)', () => {
  it('exchanges a token once for a `token` session; the secret is hidden from non-key callers', async () => {
    const user = await createUser();
    const token = (await call('POST', `/v1/users/${user.$id}/tokens`, { body: {} })).body;
    const res = await exchange(user.$id, token.secret);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ userId: user.$id, provider: 'token', factors: ['token'], current: true, secret: '' });
    expect(res.headers.get('set-cookie')).toContain('a_session_default=');
    const again = await exchange(user.$id, token.secret);
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ type: 'user_invalid_token', message: 'Invalid token passed in the request.' });
  });

  it('shows the session secret to an API-key caller (SSR)', async () => {
    const user = await createUser();
    const token = (await call('POST', `/v1/users/${user.$id}/tokens`, { body: {} })).body;
    const res = await call('POST', '/v1/account/sessions/token', { body: { userId: user.$id, secret: token.secret } });
    expect(res.status).toBe(201);
    expect(JSON.parse(atob(res.body.secret)).id).toBe(user.$id);
  });

  it('refuses wrong secrets, unknown users and expired tokens with user_invalid_token', async () => {
    const user = await createUser();
    const token = (await call('POST', `/v1/users/${user.$id}/tokens`, { body: { expire: 60 } })).body;
    expect((await exchange(user.$id, 'ffffff')).body.type).toBe('user_invalid_token');
    expect((await exchange('nobody-at-all', token.secret)).body.type).toBe('user_invalid_token');
    await env.DB.prepare('update tokens set expire = ? where id = ?').bind('2000-01-01T00:00:00.000Z', token.$id).run();
    expect((await exchange(user.$id, token.secret)).body.type).toBe('user_invalid_token');
  });

  it('refuses a blocked user with user_blocked (Appwrite would mint an unusable session)', async () => {
    const user = await createUser();
    const token = (await call('POST', `/v1/users/${user.$id}/tokens`, { body: {} })).body;
    await call('PATCH', `/v1/users/${user.$id}/status`, { body: { status: false } });
    const res = await exchange(user.$id, token.secret);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ type: 'user_blocked', message: 'The current user has been blocked.' });
    expect(await listSessions(user.$id)).toHaveLength(0);
  });

  it('validates userId and secret', async () => {
    const missing = await call('POST', '/v1/account/sessions/token', { key: null, body: { userId: 'x' } });
    expect(missing.body.message).toBe('Param "secret" is not optional.');
    const long = await call('POST', '/v1/account/sessions/token', { key: null, body: { userId: 'x', secret: 'a'.repeat(257) } });
    expect(long.body.message).toBe('Invalid `secret` param: Value must be a valid string and at least 1 chars and no longer than 256 chars');
  });

  it('is also served on the deprecated PUT magic-url and phone paths', async () => {
    const user = await createUser();
    const t1 = (await call('POST', `/v1/users/${user.$id}/tokens`, { body: {} })).body;
    const t2 = (await call('POST', `/v1/users/${user.$id}/tokens`, { body: {} })).body;
    const body = (secret: string) => ({ key: null, body: { userId: user.$id, secret } });
    expect((await call('PUT', '/v1/account/sessions/magic-url', body(t1.secret))).status).toBe(201);
    expect((await call('PUT', '/v1/account/sessions/phone', body(t2.secret))).status).toBe(201);
  });

  it('trims the oldest sessions beyond MAX_SESSIONS', async () => {
    const user = await createUser();
    const first = (await call('POST', `/v1/users/${user.$id}/sessions`)).body.$id;
    for (let i = 0; i < 10; i++) {
      const token = (await call('POST', `/v1/users/${user.$id}/tokens`, { body: {} })).body;
      expect((await exchange(user.$id, token.secret)).status).toBe(201);
    }
    const sessions = await listSessions(user.$id);
    expect(sessions).toHaveLength(10);
    expect(sessions.map((s) => s.$id)).not.toContain(first);
  });

  it('is limited to 10 attempts an hour per user and IP for non-key callers, with X-RateLimit headers', async () => {
    const user = await createUser();
    const ip = '192.0.2.77';
    for (let i = 0; i < 10; i++) {
      const res = await exchange(user.$id, 'ffffff', { 'cf-connecting-ip': ip });
      expect(res.body.type).toBe('user_invalid_token');
      expect(res.headers.get('x-ratelimit-remaining')).toBe(String(9 - i));
    }
    const limited = await exchange(user.$id, 'ffffff', { 'cf-connecting-ip': ip });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ type: 'general_rate_limit_exceeded' });
    expect(limited.headers.get('x-ratelimit-limit')).toBe('10');
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect((await exchange(user.$id, 'ffffff', { 'cf-connecting-ip': '192.0.2.78' })).status).toBe(401);
  });

  it('refuses a caller who is already signed in', async () => {
    const user = await createUser();
    const session = (await call('POST', `/v1/users/${user.$id}/sessions`)).body.secret;
    const token = (await call('POST', `/v1/users/${user.$id}/tokens`, { body: {} })).body;
    const res = await exchange(user.$id, token.secret, { 'x-appwrite-session': session });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ type: 'user_session_already_exists', message: 'Creation of a session is prohibited when a session is active.' });
  });
});
