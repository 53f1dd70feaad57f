import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, createUser } from '../helpers/api';
import { asJwt, asSession, listSessions, serverSession, userWithPassword } from './helpers';

const ACCOUNT_KEYS = [
  '$id', '$createdAt', '$updatedAt', 'name', 'registration', 'status', 'labels', 'passwordUpdate', 'email', 'phone',
  'emailVerification', 'emailCanonical', 'emailIsFree', 'emailIsDisposable', 'emailIsCorporate', 'emailIsCanonical',
  'phoneVerification', 'mfa', 'prefs', 'targets', 'accessedAt', 'impersonator', 'impersonatorUserId',
];

describe('GET /v1/account', () => {
  it('returns the Account model (User without password, hash, hashOptions) for X-Appwrite-Session', async () => {
    const user = await userWithPassword();
    const { secret } = await serverSession(user.$id);
    const res = await call('GET', '/v1/account', asSession(secret));
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(ACCOUNT_KEYS);
    expect(res.body).toMatchObject({ $id: user.$id, email: user.email, targets: [expect.objectContaining({ identifier: user.email })] });
  });

  it('accepts the a_session_<project> cookie (URL-encoded or raw), its _legacy twin and X-Fallback-Cookies', async () => {
    const user = await createUser();
    const { secret } = await serverSession(user.$id);
    const variants: Record<string, string>[] = [
      { cookie: `a_session_default=${encodeURIComponent(secret)}` },
      { cookie: `other=1; a_session_default=${secret}` },
      { cookie: `a_session_default_legacy=${encodeURIComponent(secret)}` },
      { 'x-fallback-cookies': JSON.stringify({ a_session_default: secret }) },
    ];
    for (const headers of variants) {
      const res = await call('GET', '/v1/account', { key: null, headers });
      expect(res.status, JSON.stringify(headers)).toBe(200);
      expect(res.body.$id).toBe(user.$id);
    }
  });

  it('treats bad, expired or foreign credentials as a guest', async () => {
    const user = await createUser();
    const { id, secret } = await serverSession(user.$id);
    const other = await createUser();
    const forged = btoa(JSON.stringify({ id: other.$id, secret: JSON.parse(atob(secret)).secret }));
    for (const credential of ['garbage', forged]) {
      const res = await call('GET', '/v1/account', asSession(credential));
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ type: 'general_unauthorized_scope', message: 'User (role: guests) missing scopes (["account"])' });
    }
    await env.DB.prepare('update sessions set expire = ? where id = ?').bind('2000-01-01T00:00:00.000Z', id).run();
    expect((await call('GET', '/v1/account', asSession(secret))).status).toBe(401);
  });

  it('refuses an API key sent with a valid session (403 user_key_and_session_set), before checking the key', async () => {
    const user = await createUser();
    const { secret } = await serverSession(user.$id);
    const res = await call('GET', '/v1/users', { key: 'standard_wrong', headers: { 'x-appwrite-session': secret } });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      type: 'user_key_and_session_set',
      message:
        'API key and session used in the same request. Use either `setSession` or `setKey`. Learn about which authentication method to use in the SSR docs: https://appwrite.io/docs/products/auth/server-side-rendering',
    });
    // An invalid session with a key is just the key.
    expect((await call('GET', '/v1/users', { headers: { 'x-appwrite-session': 'garbage' } })).status).toBe(200);
  });

  it('gives session users the `users` role without users.* scopes', async () => {
    const user = await userWithPassword();
    const { secret } = await serverSession(user.$id);
    const res = await call('GET', '/v1/users', asSession(secret));
    expect(res.status).toBe(401);
    expect(res.body.message).toBe(`${user.email} (role: users) missing scopes (["users.read"])`);
    const noEmail = await createUser();
    const other = await serverSession(noEmail.$id);
    expect((await call('DELETE', `/v1/users/${noEmail.$id}`, asSession(other.secret))).body.message).toBe(
      'User (role: users) missing scopes (["users.write"])',
    );
  });

  it('answers 412 user_password_reset_required when the reset flag is set', async () => {
    const user = await createUser();
    const { secret } = await serverSession(user.$id);
    await env.DB.prepare('update users set reset = 1 where id = ?').bind(user.$id).run();
    const res = await call('GET', '/v1/account', asSession(secret));
    expect(res.status).toBe(412);
    expect(res.body.type).toBe('user_password_reset_required');
  });

  it('refreshes accessedAt at most once a day', async () => {
    const user = await createUser();
    expect(user.accessedAt).toBe('');
    const { secret } = await serverSession(user.$id);
    const first = (await call('GET', '/v1/account', asSession(secret))).body;
    const seen = (await call('GET', `/v1/users/${user.$id}`)).body.accessedAt;
    expect(seen).not.toBe('');
    expect(first.$id).toBe(user.$id);
    await call('GET', '/v1/account', asSession(secret));
    expect((await call('GET', `/v1/users/${user.$id}`)).body.accessedAt).toBe(seen);
  });
});

describe('DELETE /v1/account/sessions/{sessionId}', () => {
  it('logs out the current session: 204, cookies cleared, the credential stops working', async () => {
    const user = await createUser();
    const { secret } = await serverSession(user.$id);
    const res = await call('DELETE', '/v1/account/sessions/current', asSession(secret));
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const cookies = res.headers.getSetCookie();
    expect(cookies).toHaveLength(2);
    expect(cookies[0]).toMatch(/^a_session_default_legacy=; expires=/);
    expect(cookies[1]).toMatch(/^a_session_default=; expires=.*samesite=None/);
    expect(res.headers.get('x-fallback-cookies')).toBe('[]');
    expect((await call('GET', '/v1/account', asSession(secret))).status).toBe(401);
  });

  it("deletes another of the caller's sessions by id, but not someone else's", async () => {
    const user = await createUser();
    const mine = await serverSession(user.$id);
    const other = await serverSession(user.$id);
    const stranger = await serverSession((await createUser()).$id);
    expect((await call('DELETE', `/v1/account/sessions/${stranger.id}`, asSession(mine.secret))).body.type).toBe('user_session_not_found');
    const res = await call('DELETE', `/v1/account/sessions/${other.id}`, asSession(mine.secret));
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect((await listSessions(user.$id)).map((s) => s.$id)).toEqual([mine.id]);
  });

  it('has no current session for JWT callers (404)', async () => {
    const user = await createUser();
    const { jwt } = (await call('POST', `/v1/users/${user.$id}/jwts`, { body: {} })).body;
    const res = await call('DELETE', '/v1/account/sessions/current', asJwt(jwt));
    expect(res.status).toBe(404);
    expect(res.body.type).toBe('user_session_not_found');
  });
});

describe('GET /v1/account/sessions and DELETE /v1/account/sessions', () => {
  it('lists the caller’s sessions marking the current one, and reads one by id or `current`', async () => {
    const user = await createUser();
    const a = await serverSession(user.$id);
    const b = await serverSession(user.$id);
    const list = await call('GET', '/v1/account/sessions', asSession(b.secret));
    expect(list.body.total).toBe(2);
    expect(list.body.sessions.map((s: any) => [s.$id, s.current, s.secret])).toEqual([
      [a.id, false, ''],
      [b.id, true, ''],
    ]);
    expect((await call('GET', '/v1/account/sessions/current', asSession(b.secret))).body).toMatchObject({ $id: b.id, current: true });
    expect((await call('GET', `/v1/account/sessions/${a.id}`, asSession(b.secret))).body).toMatchObject({ $id: a.id, current: false });
    expect((await call('GET', '/v1/account/sessions/nope', asSession(b.secret))).body.type).toBe('user_session_not_found');
  });

  it('deletes all sessions and clears the cookies', async () => {
    const user = await createUser();
    const a = await serverSession(user.$id);
    await serverSession(user.$id);
    const res = await call('DELETE', '/v1/account/sessions', asSession(a.secret));
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie()).toHaveLength(2);
    expect(await listSessions(user.$id)).toHaveLength(0);
  });
});
