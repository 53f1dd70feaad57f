import { describe, expect, it } from 'vitest';
import { signJwt } from '../../../src/crypto/jwt';
import { call, createUser } from '../helpers/api';
import { asJwt, asSession, serverSession } from './helpers';

const claims = (jwt: string) => JSON.parse(atob(jwt.split('.')[1].replaceAll('-', '+').replaceAll('_', '/')));
const createJwt = (userId: string, body: Record<string, unknown> = {}) => call('POST', `/v1/users/${userId}/jwts`, { body });

describe('POST /v1/users/{userId}/jwts', () => {
  it('issues an unbound HS256 JWT valid for 900 s by default (201 {jwt})', async () => {
    const user = await createUser();
    await serverSession(user.$id);
    const res = await createJwt(user.$id);
    expect(res.status).toBe(201);
    expect(Object.keys(res.body)).toEqual(['jwt']);
    const [header] = res.body.jwt.split('.');
    expect(header).toBe('eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9');
    const payload = claims(res.body.jwt);
    expect(Object.keys(payload)).toEqual(['userId', 'sessionId', 'exp']);
    expect(payload.userId).toBe(user.$id);
    expect(payload.sessionId).toBe('');
    expect(Math.abs(payload.exp - (Date.now() / 1000 + 900))).toBeLessThan(5);
  });

  it('binds to the most recent session with `recent`, or to a named session of the user', async () => {
    const user = await createUser();
    const a = await serverSession(user.$id);
    const b = await serverSession(user.$id);
    expect(claims((await createJwt(user.$id, { sessionId: 'recent' })).body.jwt).sessionId).toBe(b.id);
    expect(claims((await createJwt(user.$id, { sessionId: a.id })).body.jwt).sessionId).toBe(a.id);
  });

  it("silently issues an unbound JWT for an unknown or another user's session id, and with no session", async () => {
    const user = await createUser();
    const other = await createUser();
    const theirs = await serverSession(other.$id);
    expect(claims((await createJwt(user.$id, { sessionId: theirs.id })).body.jwt).sessionId).toBe('');
    expect(claims((await createJwt(user.$id, { sessionId: 'current' })).body.jwt).sessionId).toBe('');
    expect(claims((await createJwt(user.$id, { sessionId: 'recent' })).body.jwt).sessionId).toBe('');
  });

  it('honours duration', async () => {
    const user = await createUser();
    const payload = claims((await createJwt(user.$id, { duration: 3600 })).body.jwt);
    expect(Math.abs(payload.exp - (Date.now() / 1000 + 3600))).toBeLessThan(5);
  });

  it.each([
    [{ sessionId: '' }, "Invalid `sessionId` param: UID must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, and underscore. Can't start with a leading underscore"],
    [{ duration: 3601 }, 'Invalid `duration` param: Value must be a valid range between 0 and 3,600'],
    [{ duration: -1 }, 'Invalid `duration` param: Value must be a valid range between 0 and 3,600'],
    [{ duration: 0 }, 'Invalid `duration` param: Value must be a valid range between 1 and 3,600'],
  ])('rejects %j with 400', async (body, message) => {
    const user = await createUser();
    const res = await createJwt(user.$id, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: 'general_argument_invalid', message });
  });

  it('answers 404 for a missing user', async () => {
    expect((await createJwt('missing-user')).body.type).toBe('user_not_found');
  });
});

describe('X-Appwrite-JWT', () => {
  it('authenticates GET /v1/account as the user', async () => {
    const user = await createUser();
    const { jwt } = (await createJwt(user.$id)).body;
    const res = await call('GET', '/v1/account', asJwt(jwt));
    expect(res.status).toBe(200);
    expect(res.body.$id).toBe(user.$id);
  });

  it('keeps an unbound JWT valid after all sessions are deleted; a bound one becomes anonymous', async () => {
    const user = await createUser();
    await serverSession(user.$id);
    const unbound = (await createJwt(user.$id)).body.jwt;
    const bound = (await createJwt(user.$id, { sessionId: 'recent' })).body.jwt;
    expect((await call('GET', '/v1/account', asJwt(bound))).status).toBe(200);
    await call('DELETE', `/v1/users/${user.$id}/sessions`);
    expect((await call('GET', '/v1/account', asJwt(unbound))).status).toBe(200);
    const res = await call('GET', '/v1/account', asJwt(bound));
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('User (role: guests) missing scopes (["account"])');
  });

  it('answers 401 user_jwt_invalid with the library reason, on any route', async () => {
    const user = await createUser();
    const expired = await signJwt({ userId: user.$id, sessionId: '', exp: Math.floor(Date.now() / 1000) - 1 }, 'test-jwt-secret');
    const res = await call('GET', '/v1/account', asJwt(expired));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ type: 'user_jwt_invalid', message: 'Failed to verify JWT. Invalid token: Expired' });
    const forged = await signJwt({ userId: user.$id, sessionId: '', exp: Math.floor(Date.now() / 1000) + 60 }, 'another-secret');
    expect((await call('GET', '/v1/nothing-here', asJwt(forged))).body.message).toBe('Failed to verify JWT. Invalid token: Signature failed');
    expect((await call('GET', '/v1/users', { headers: { 'x-appwrite-jwt': 'abc' } })).body.message).toBe(
      'Failed to verify JWT. Invalid token: Incomplete segments',
    );
  });

  it('refuses an API key together with a valid JWT (403 user_key_and_session_set)', async () => {
    const user = await createUser();
    const { jwt } = (await createJwt(user.$id)).body;
    const res = await call('GET', '/v1/users', { headers: { 'x-appwrite-jwt': jwt } });
    expect(res.status).toBe(403);
    expect(res.body.type).toBe('user_key_and_session_set');
  });

  it('is blocked with the user (401 user_blocked)', async () => {
    const user = await createUser();
    const { jwt } = (await createJwt(user.$id)).body;
    await call('PATCH', `/v1/users/${user.$id}/status`, { body: { status: false } });
    expect((await call('GET', '/v1/account', asJwt(jwt))).body.type).toBe('user_blocked');
  });

  it('with a session credential: 403 user_jwt_and_cookie_set since 1.9.0; before, the JWT wins', async () => {
    const alice = await createUser();
    const bob = await createUser();
    const { secret } = await serverSession(alice.$id);
    const { jwt } = (await createJwt(bob.$id)).body;
    const res = await call('GET', '/v1/account', asJwt(jwt, { headers: { 'x-appwrite-session': secret } }));
    expect(res.status).toBe(403);
    expect(res.body.type).toBe('user_jwt_and_cookie_set');
    const old = await call('GET', '/v1/account', asJwt(jwt, { headers: { 'x-appwrite-session': secret, 'x-appwrite-response-format': '1.8.0' } }));
    expect(old.body.$id).toBe(bob.$id);
  });
});

describe('POST /v1/account/jwts', () => {
  it('mints a 15-minute JWT bound to the current session, also on the /jwt alias', async () => {
    const user = await createUser();
    const session = await serverSession(user.$id);
    for (const path of ['/v1/account/jwts', '/v1/account/jwt']) {
      const res = await call('POST', path, asSession(session.secret));
      expect(res.status).toBe(201);
      const payload = claims(res.body.jwt);
      expect(payload.sessionId).toBe(session.id);
      expect(Math.abs(payload.exp - (Date.now() / 1000 + 900))).toBeLessThan(5);
      expect((await call('GET', '/v1/account', asJwt(res.body.jwt))).status).toBe(200);
    }
  });

  it('answers 404 user_session_not_found for JWT callers and 401 for guests', async () => {
    const user = await createUser();
    const { jwt } = (await createJwt(user.$id)).body;
    expect((await call('POST', '/v1/account/jwts', asJwt(jwt))).body.type).toBe('user_session_not_found');
    expect((await call('POST', '/v1/account/jwts', { key: null })).body.message).toBe('User (role: guests) missing scopes (["account"])');
  });
});
