import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, createUser } from '../helpers/api';
import { asSession, listSessions, serverSession, userWithPassword } from './helpers';

const SESSION_KEYS = [
  '$id', '$createdAt', '$updatedAt', 'userId', 'expire', 'provider', 'providerUid', 'providerAccessToken',
  'providerAccessTokenExpiry', 'providerRefreshToken', 'ip', 'osCode', 'osName', 'osVersion', 'clientType',
  'clientCode', 'clientName', 'clientVersion', 'clientEngine', 'clientEngineVersion', 'deviceName', 'deviceBrand',
  'deviceModel', 'countryCode', 'countryName', 'current', 'factors', 'secret', 'mfaUpdatedAt',
];

describe('POST /v1/users/{userId}/sessions', () => {
  it('creates a server session: 201, Appwrite key order, encoded secret, one-year expiry', async () => {
    const user = await createUser();
    const res = await call('POST', `/v1/users/${user.$id}/sessions`, {
      headers: {
        'cf-connecting-ip': '203.0.113.9',
        'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
      },
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body)).toEqual(SESSION_KEYS);
    expect(res.body).toMatchObject({
      userId: user.$id,
      provider: 'server',
      providerUid: '',
      ip: '203.0.113.9',
      osName: 'Windows',
      clientName: 'Chrome',
      countryCode: '--',
      countryName: 'Unknown',
      current: false,
      factors: ['server'],
      mfaUpdatedAt: '',
    });
    expect(res.body.$createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    const year = new Date(res.body.expire).getTime() - new Date(res.body.$createdAt).getTime();
    expect(Math.abs(year - 31_536_000_000)).toBeLessThan(5000);
    const decoded = JSON.parse(atob(res.body.secret));
    expect(Object.keys(decoded)).toEqual(['id', 'secret']);
    expect(decoded.id).toBe(user.$id);
    expect(decoded.secret).toMatch(/^[0-9a-f]{256}$/);
  });

  it('stores only the SHA-256 of the secret', async () => {
    const user = await createUser();
    const { id, secret } = await serverSession(user.$id);
    const raw = JSON.parse(atob(secret)).secret as string;
    const row = await env.DB.prepare('select * from sessions where id = ?').bind(id).first<Record<string, string>>();
    const digest = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(raw))), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('');
    expect(row!.secret_hash).toBe(digest);
    expect(JSON.stringify(row)).not.toContain(raw);
  });

  it('honours X-Forwarded-User-Agent from API-key callers', async () => {
    const user = await createUser();
    const res = await call('POST', `/v1/users/${user.$id}/sessions`, {
      headers: { 'x-forwarded-user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0' },
    });
    expect(res.body).toMatchObject({ clientName: 'Firefox', clientCode: 'FF', osCode: 'LIN' });
  });

  it('gives a usable session even to a blocked user, which then fails with user_blocked', async () => {
    const user = await createUser();
    await call('PATCH', `/v1/users/${user.$id}/status`, { body: { status: false } });
    const { secret } = await serverSession(user.$id);
    const res = await call('GET', '/v1/account', asSession(secret));
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ type: 'user_blocked', message: 'The current user has been blocked.' });
    // SDKs built for Appwrite before 1.9 get that version's 401 and wording.
    const old = await call('GET', '/v1/account', asSession(secret, { headers: { 'x-appwrite-response-format': '1.8.0' } }));
    expect(old.status).toBe(401);
    expect(old.body.message).toMatch(/^The current user has been blocked\. You can unblock the user/);
  });

  it('does not trim server sessions beyond MAX_SESSIONS', async () => {
    const user = await createUser();
    for (let i = 0; i < 12; i++) await serverSession(user.$id);
    expect(await listSessions(user.$id)).toHaveLength(12);
  });

  it('answers 404 user_not_found for a missing user and 400 for a bad id', async () => {
    expect((await call('POST', '/v1/users/missing-user/sessions')).body.type).toBe('user_not_found');
    expect((await call('POST', '/v1/users/unique()/sessions')).body.type).toBe('user_not_found');
    const bad = await call('POST', '/v1/users/_bad/sessions');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe(
      "Invalid `userId` param: Parameter must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. Can't start with a special char",
    );
  });

  it('needs users.write', async () => {
    const res = await call('POST', '/v1/users/x/sessions', { key: null });
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('User (role: guests) missing scopes (["users.write"])');
  });
});

describe('GET /v1/users/{userId}/sessions', () => {
  it('lists all sessions in creation order, current false, secret never shown', async () => {
    const user = await createUser();
    const a = await serverSession(user.$id);
    const b = await serverSession(user.$id);
    const res = await call('GET', `/v1/users/${user.$id}/sessions`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['total', 'sessions']);
    expect(res.body.total).toBe(2);
    expect(res.body.sessions.map((s: any) => s.$id)).toEqual([a.id, b.id]);
    for (const s of res.body.sessions) expect(s).toMatchObject({ secret: '', current: false });
  });

  it('answers 404 for a missing user, and needs users.read', async () => {
    expect((await call('GET', '/v1/users/nobody-here/sessions')).body.type).toBe('user_not_found');
    expect((await call('GET', '/v1/users/x/sessions', { key: null })).body.message).toBe('User (role: guests) missing scopes (["users.read"])');
  });

  it('drops factors and secret for response formats before 1.5.0', async () => {
    const user = await createUser();
    await serverSession(user.$id);
    const res = await call('GET', `/v1/users/${user.$id}/sessions`, { headers: { 'x-appwrite-response-format': '1.4.0' } });
    expect(res.body.sessions[0]).not.toHaveProperty('factors');
    expect(res.body.sessions[0]).not.toHaveProperty('secret');
    expect(res.body.sessions[0]).toHaveProperty('mfaUpdatedAt');
  });
});

describe('DELETE /v1/users/{userId}/sessions/{sessionId}', () => {
  it('deletes one session (204, empty body); the credential stops working', async () => {
    const user = await createUser();
    const a = await serverSession(user.$id);
    const b = await serverSession(user.$id);
    const res = await call('DELETE', `/v1/users/${user.$id}/sessions/${a.id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await listSessions(user.$id)).map((s) => s.$id)).toEqual([b.id]);
    expect((await call('GET', '/v1/account', asSession(a.secret))).body.message).toBe('User (role: guests) missing scopes (["account"])');
    expect((await call('GET', '/v1/account', asSession(b.secret))).status).toBe(200);
  });

  it("answers 404 user_session_not_found for another user's session and leaves it alone", async () => {
    const alice = await createUser();
    const bob = await createUser();
    const bobs = await serverSession(bob.$id);
    const res = await call('DELETE', `/v1/users/${alice.$id}/sessions/${bobs.id}`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ type: 'user_session_not_found', message: 'The current user session could not be found.' });
    expect(await listSessions(bob.$id)).toHaveLength(1);
  });

  it('answers 404 user_not_found / user_session_not_found and 400 for a bad session id', async () => {
    const user = await createUser();
    expect((await call('DELETE', `/v1/users/missing-user/sessions/abc`)).body.type).toBe('user_not_found');
    expect((await call('DELETE', `/v1/users/${user.$id}/sessions/abc`)).body.type).toBe('user_session_not_found');
    const bad = await call('DELETE', `/v1/users/${user.$id}/sessions/-x`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^Invalid `sessionId` param: UID must contain at most 36 chars/);
  });
});

describe('DELETE /v1/users/{userId}/sessions', () => {
  it('deletes every session of the user (204), none of other users', async () => {
    const user = await createUser();
    const other = await createUser();
    await serverSession(user.$id);
    await serverSession(user.$id);
    await serverSession(other.$id);
    const res = await call('DELETE', `/v1/users/${user.$id}/sessions`);
    expect(res.status).toBe(204);
    expect(await listSessions(user.$id)).toHaveLength(0);
    expect(await listSessions(other.$id)).toHaveLength(1);
    expect((await call('DELETE', `/v1/users/${user.$id}/sessions`)).status).toBe(204);
  });

  it('answers 404 for a missing user', async () => {
    expect((await call('DELETE', '/v1/users/missing-user/sessions')).body.type).toBe('user_not_found');
  });
});

describe('user deletion', () => {
  it("removes the user's sessions: the credential becomes anonymous", async () => {
    const user = await userWithPassword();
    const { secret } = await serverSession(user.$id);
    await call('DELETE', `/v1/users/${user.$id}`);
    expect((await call('GET', '/v1/account', asSession(secret))).status).toBe(401);
  });
});
