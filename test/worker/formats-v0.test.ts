import { beforeAll, describe, expect, it } from 'vitest';
import { call } from './helpers/api';

/** 0.x formats (node-appwrite ≤ 7): flat list params and 0.12–0.15 model shapes (compat.md §5). */
const as = (format: string) => ({ headers: { 'x-appwrite-response-format': format } });
const ids = (body: { users: Array<{ $id: string }> }) => body.users.map((u) => u.$id);
const prefix = `v0${Date.now().toString(36)}`;
const made = [0, 1, 2, 3].map((i) => `${prefix}${i}`);

beforeAll(async () => {
  for (const id of made) {
    const res = await call('POST', '/v1/users', { body: { userId: id, email: `${id}@example.com`, password: 'password-123', name: `N ${id}` } });
    expect(res.status).toBe(201);
  }
});

const search = `search=${prefix}`;

describe('0.x list params on GET /v1/users', () => {
  it('limit, offset and orderType page through creation order', async () => {
    const first = await call('GET', `/v1/users?${search}&limit=2`, as('0.15.0'));
    expect(first.status).toBe(200);
    expect(ids(first.body)).toEqual(made.slice(0, 2));
    expect(first.body.total).toBe(4);
    expect(ids((await call('GET', `/v1/users?${search}&limit=2&offset=1`, as('0.15.0'))).body)).toEqual(made.slice(1, 3));
    expect(ids((await call('GET', `/v1/users?${search}&orderType=DESC`, as('0.15.0'))).body)).toEqual([...made].reverse());
    expect(ids((await call('GET', `/v1/users?${search}&orderType=ASC&limit=1`, as('0.12.0'))).body)).toEqual(made.slice(0, 1));
  });

  it('cursor with both directions (cursorDirection is case-insensitive); an empty cursor is none', async () => {
    expect(ids((await call('GET', `/v1/users?${search}&cursor=${made[1]}`, as('0.15.0'))).body)).toEqual(made.slice(2));
    expect(ids((await call('GET', `/v1/users?${search}&cursor=${made[2]}&cursorDirection=BEFORE`, as('0.15.0'))).body)).toEqual(made.slice(0, 2));
    expect(ids((await call('GET', `/v1/users?${search}&cursor=${made[2]}&cursorDirection=before&orderType=DESC`, as('0.15.0'))).body)).toEqual([made[3]]);
    expect(ids((await call('GET', `/v1/users?${search}&cursor=`, as('0.15.0'))).body)).toEqual(made);
  });

  it.each([
    ['limit=101', 'Invalid `limit` param: Value must be a valid range between 0 and 100'],
    ['offset=5001', 'Invalid `offset` param: Value must be a valid range between 0 and 5,000'],
    ['cursor=_bad', "Invalid `cursor` param: UID must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, and underscore. Can't start with a leading underscore"],
    ['cursorDirection=sideways', 'Invalid `cursorDirection` param: Value must be one of (after, before)'],
    ['orderType=desc', 'Invalid `orderType` param: Value must be one of (ASC, DESC)'],
  ])('%s → 400', async (query, message) => {
    const res = await call('GET', `/v1/users?${query}`, as('0.15.0'));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ message, code: 400, type: 'general_argument_invalid', version: expect.any(String) });
  });

  it('an unknown cursor is 0.x message general_cursor_not_found', async () => {
    const res = await call('GET', '/v1/users?cursor=nobody', as('0.15.0'));
    expect(res.body).toMatchObject({ code: 400, type: 'general_cursor_not_found', message: "User 'nobody' for the 'cursor' value not found." });
  });

  it('1.x formats ignore the flat params, as Appwrite 1.5+ does', async () => {
    const res = await call('GET', `/v1/users?${search}&limit=1&orderType=DESC`);
    expect(ids(res.body)).toEqual(made);
  });

  it('limit and offset on GET /v1/users/{id}/logs', async () => {
    const id = made[0];
    await call('PATCH', `/v1/users/${id}/name`, { body: { name: 'renamed' } });
    const all = await call('GET', `/v1/users/${id}/logs`, as('0.15.0'));
    expect(all.body.total).toBe(2);
    const page = await call('GET', `/v1/users/${id}/logs?limit=1&offset=1`, as('0.15.0'));
    expect(page.body.logs).toEqual([all.body.logs[1]]);
    expect((await call('GET', `/v1/users/${id}/logs?limit=200`, as('0.15.0'))).status).toBe(400);
  });
});

const USER_0_12 = ['$id', 'name', 'registration', 'status', 'passwordUpdate', 'email', 'emailVerification', 'prefs'];
const USER_0_15 = ['$id', '$createdAt', '$updatedAt', 'name', 'registration', 'status', 'passwordUpdate', 'email', 'phone', 'emailVerification', 'phoneVerification', 'prefs'];

describe('0.x model shapes', () => {
  it('User: 0.12 fields, unix seconds, 0.12 lists count as sum', async () => {
    const user = (await call('GET', `/v1/users/${made[1]}`, as('0.12.0'))).body;
    expect(Object.keys(user)).toEqual(USER_0_12);
    const iso = (await call('GET', `/v1/users/${made[1]}`)).body;
    expect(user.registration).toBe(Math.floor(Date.parse(iso.registration) / 1000));
    expect(user.passwordUpdate).toBe(Math.floor(Date.parse(iso.passwordUpdate) / 1000));
    const list = (await call('GET', `/v1/users?${search}`, as('0.12.4'))).body;
    expect(Object.keys(list)).toEqual(['sum', 'users']);
    expect(list.sum).toBe(4);
  });

  it('User: 0.13 counts as total; 0.15 adds $createdAt, $updatedAt, phone, phoneVerification', async () => {
    expect(Object.keys((await call('GET', `/v1/users?${search}`, as('0.13.0'))).body)).toEqual(['total', 'users']);
    const user = (await call('GET', `/v1/users/${made[1]}`, as('0.15.0'))).body;
    expect(Object.keys(user)).toEqual(USER_0_15);
    expect(typeof user.$createdAt).toBe('number');
  });

  it('Session: providerToken in 0.12, the provider token triple after, $createdAt from 0.15', async () => {
    const id = made[2];
    expect((await call('POST', `/v1/users/${id}/sessions`, as('0.15.0'))).status).toBe(201);
    const s12 = (await call('GET', `/v1/users/${id}/sessions`, as('0.12.0'))).body;
    expect(s12.sum).toBe(1);
    expect(Object.keys(s12.sessions[0]).slice(0, 7)).toEqual(['$id', 'userId', 'expire', 'provider', 'providerUid', 'providerToken', 'ip']);
    expect(s12.sessions[0]).not.toHaveProperty('$createdAt');
    const s14 = (await call('GET', `/v1/users/${id}/sessions`, as('0.14.0'))).body.sessions[0];
    expect(s14).toMatchObject({ providerAccessToken: '', providerAccessTokenExpiry: 0, providerRefreshToken: '' });
    const s15 = (await call('GET', `/v1/users/${id}/sessions`, as('0.15.0'))).body.sessions[0];
    expect(Object.keys(s15).slice(0, 3)).toEqual(['$id', '$createdAt', 'userId']);
    expect(s15.expire).toBeGreaterThan(s15.$createdAt);
    expect(s15).not.toHaveProperty('secret');
    expect(s15).not.toHaveProperty('factors');
  });

  it('Log: time in unix seconds', async () => {
    const logs = (await call('GET', `/v1/users/${made[0]}/logs`, as('0.12.0'))).body;
    expect(Object.keys(logs)).toEqual(['sum', 'logs']);
    expect(Number.isInteger(logs.logs[0].time)).toBe(true);
  });

  it('Preferences are unchanged', async () => {
    await call('PATCH', `/v1/users/${made[3]}/prefs`, { body: { prefs: { a: 1 } } });
    expect((await call('GET', `/v1/users/${made[3]}/prefs`, as('0.12.0'))).body).toEqual({ a: 1 });
  });

  it('errors: no type for 0.12, type from 0.13 on', async () => {
    expect((await call('GET', '/v1/users/missing-user', as('0.12.0'))).body).toEqual({
      message: 'User with the requested ID could not be found.',
      code: 404,
      version: expect.any(String),
    });
    expect((await call('GET', '/v1/users/missing-user', as('0.13.0'))).body.type).toBe('user_not_found');
  });

  it('1.0.0-RC1 is a 1.x format', async () => {
    const user = (await call('GET', `/v1/users/${made[1]}`, as('1.0.0-RC1'))).body;
    expect(typeof user.$createdAt).toBe('string');
    expect(user).toHaveProperty('hash');
  });
});

describe('GET /v1/health/version', () => {
  it('is public, for any project (the CLI sends console)', async () => {
    const res = await call('GET', '/v1/health/version', { key: null, project: 'console' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
  });
});
