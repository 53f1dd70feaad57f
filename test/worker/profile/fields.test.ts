import { describe, expect, it } from 'vitest';
import { countingD1 } from '../helpers/d1-counter';
import { call, createUser, DATE, email, expectError, storedLogs, uid } from './helpers';

const UID_MESSAGE = "Invalid `userId` param: UID must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, and underscore. Can't start with a leading underscore";
const BOOLEAN = 'Value must be a valid boolean';

/** Waits a millisecond so that `$updatedAt` can move. */
const tick = () => new Promise((r) => setTimeout(r, 2));

describe('PATCH /v1/users/{userId}/name', () => {
  it('sets the name, bumps $updatedAt, leaves targets alone and answers the User', async () => {
    const user = await createUser({ email: email() });
    await tick();
    const res = await call('PATCH', `/v1/users/${user.$id}/name`, { body: { name: 'Lionel Messi' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ $id: user.$id, name: 'Lionel Messi', targets: user.targets });
    expect(res.body.$updatedAt).toMatch(DATE);
    expect(res.body.$updatedAt > user.$updatedAt).toBe(true);
    expect((await call('GET', `/v1/users/${user.$id}`)).body).toEqual(res.body);
  });

  it('accepts "" to clear the name', async () => {
    const user = await createUser({ name: 'Someone' });
    const res = await call('PATCH', `/v1/users/${user.$id}/name`, { body: { name: '' } });
    expect(res.body.name).toBe('');
  });

  it('writes in one D1 batch', async () => {
    const user = await createUser();
    const { db, stats } = countingD1();
    const res = await call('PATCH', `/v1/users/${user.$id}/name`, { body: { name: 'x' }, env: { DB: db } });
    expect(res.status).toBe(200);
    expect(stats.roundTrips).toBe(1);
  });

  it.each([
    [{}, 'Param "name" is not optional.'],
    [{ name: 'x'.repeat(129) }, 'Invalid `name` param: Value must be a valid string and no longer than 128 chars'],
    [{ name: null }, 'Invalid `name` param: Value must be a valid string and no longer than 128 chars'],
    [{ name: 5 }, 'Invalid `name` param: Value must be a valid string and no longer than 128 chars'],
  ])('rejects %j', async (body, message) => {
    const user = await createUser();
    expectError(await call('PATCH', `/v1/users/${user.$id}/name`, { body }), 400, 'general_argument_invalid', message);
  });

  it('validates params before looking up the user, then answers 404', async () => {
    expectError(await call('PATCH', '/v1/users/missing/name', { body: { name: 'x'.repeat(129) } }), 400, 'general_argument_invalid');
    expectError(await call('PATCH', '/v1/users/_bad/name', { body: { name: 'x' } }), 400, 'general_argument_invalid', UID_MESSAGE);
    expectError(await call('PATCH', `/v1/users/${uid()}/name`, { body: { name: 'x' } }), 404, 'user_not_found');
  });

  it('needs users.write', async () => {
    const res = await call('PATCH', `/v1/users/${uid()}/name`, { body: { name: 'x' }, key: null });
    expectError(res, 401, 'general_unauthorized_scope', 'User (role: guests) missing scopes (["users.write"])');
  });

  it('is found by search afterwards', async () => {
    const user = await createUser();
    const name = `Renamed${uid()}`;
    await call('PATCH', `/v1/users/${user.$id}/name`, { body: { name } });
    const list = await call('GET', `/v1/users?search=${name}`);
    expect(list.status).toBe(200);
    expect(list.body.users.map((u: any) => u.$id)).toContain(user.$id);
  });
});

describe('PATCH /v1/users/{userId}/status', () => {
  it.each([
    [false, false],
    [true, true],
    [0, false],
    [1, true],
    ['0', false],
    ['1', true],
    ['false', false],
    ['true', true],
  ])('maps %j to status %j and persists it', async (status, expected) => {
    const user = await createUser();
    const res = await call('PATCH', `/v1/users/${user.$id}/status`, { body: { status } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe(expected);
    expect((await call('GET', `/v1/users/${user.$id}`)).body.status).toBe(expected);
  });

  it.each([['yes'], [2], [null], [[]]])('rejects %j', async (status) => {
    const user = await createUser();
    expectError(await call('PATCH', `/v1/users/${user.$id}/status`, { body: { status } }), 400, 'general_argument_invalid', `Invalid \`status\` param: ${BOOLEAN}`);
  });

  it('requires status and answers 404 for a missing user', async () => {
    const user = await createUser();
    expectError(await call('PATCH', `/v1/users/${user.$id}/status`, { body: {} }), 400, 'general_argument_invalid', 'Param "status" is not optional.');
    expectError(await call('PATCH', `/v1/users/${uid()}/status`, { body: { status: false } }), 404, 'user_not_found');
  });
});

describe('PUT /v1/users/{userId}/labels', () => {
  it.each([
    [['admin'], ['admin']],
    [['vip', 'pro'], ['vip', 'pro']],
    [[], []],
    [['vip', 'vip', 'pro', 'VIP'], ['vip', 'pro', 'VIP']],
  ])('replaces labels %j → %j', async (labels, expected) => {
    const user = await createUser();
    await call('PUT', `/v1/users/${user.$id}/labels`, { body: { labels: ['old'] } });
    const res = await call('PUT', `/v1/users/${user.$id}/labels`, { body: { labels } });
    expect(res.status).toBe(200);
    expect(res.body.labels).toEqual(expected);
    expect((await call('GET', `/v1/users/${user.$id}`)).body.labels).toEqual(expected);
  });

  it.each([[['invalid-label']], [['x'.repeat(37)]], [[['nested']]], ['vip'], [['']]])('rejects %j', async (labels) => {
    const user = await createUser();
    const res = await call('PUT', `/v1/users/${user.$id}/labels`, { body: { labels } });
    expectError(res, 400, 'general_argument_invalid');
    expect(res.body.message).toMatch(/^Invalid `labels` param: Value must a valid array no longer than 1000 items/);
  });

  it('requires labels; 404 for a missing user', async () => {
    const user = await createUser();
    expectError(await call('PUT', `/v1/users/${user.$id}/labels`, { body: {} }), 400, 'general_argument_invalid', 'Param "labels" is not optional.');
    expectError(await call('PUT', `/v1/users/${uid()}/labels`, { body: { labels: ['vip'] } }), 404, 'user_not_found');
  });

  it('makes labels searchable as label:<x>', async () => {
    const user = await createUser();
    const label = `lbl${Date.now()}`;
    await call('PUT', `/v1/users/${user.$id}/labels`, { body: { labels: [label] } });
    const list = await call('GET', `/v1/users?search=${label}`);
    expect(list.body.users.map((u: any) => u.$id)).toContain(user.$id);
  });
});

describe('PATCH /v1/users/{userId}/verification and /verification/phone', () => {
  it('sets each flag independently, even without an email or phone', async () => {
    const user = await createUser();
    const email = await call('PATCH', `/v1/users/${user.$id}/verification`, { body: { emailVerification: true } });
    expect(email.body).toMatchObject({ emailVerification: true, phoneVerification: false });
    const phone = await call('PATCH', `/v1/users/${user.$id}/verification/phone`, { body: { phoneVerification: true } });
    expect(phone.body).toMatchObject({ emailVerification: true, phoneVerification: true });
    const off = await call('PATCH', `/v1/users/${user.$id}/verification`, { body: { emailVerification: false } });
    expect(off.body).toMatchObject({ emailVerification: false, phoneVerification: true });
  });

  it.each([['true'], [1], [null]])('rejects the non-boolean %j (strict)', async (value) => {
    const user = await createUser();
    expectError(
      await call('PATCH', `/v1/users/${user.$id}/verification`, { body: { emailVerification: value } }),
      400, 'general_argument_invalid', `Invalid \`emailVerification\` param: ${BOOLEAN}`,
    );
    expectError(
      await call('PATCH', `/v1/users/${user.$id}/verification/phone`, { body: { phoneVerification: value } }),
      400, 'general_argument_invalid', `Invalid \`phoneVerification\` param: ${BOOLEAN}`,
    );
  });

  it('records verification.update', async () => {
    const user = await createUser();
    await call('PATCH', `/v1/users/${user.$id}/verification`, { body: { emailVerification: true } });
    expect((await storedLogs(user.$id)).map((l) => l.event)).toEqual(['user.create', 'verification.update']);
  });

  it('answers 404 for a missing user', async () => {
    expectError(await call('PATCH', `/v1/users/${uid()}/verification`, { body: { emailVerification: true } }), 404, 'user_not_found');
    expectError(await call('PATCH', `/v1/users/${uid()}/verification/phone`, { body: { phoneVerification: true } }), 404, 'user_not_found');
  });
});

describe('GET and PATCH /v1/users/{userId}/prefs', () => {
  it('answers {} for a new user, as an object', async () => {
    const user = await createUser();
    const res = await call('GET', `/v1/users/${user.$id}/prefs`);
    expect(res.status).toBe(200);
    expect(res.text).toBe('{}');
  });

  it('replaces the whole map (no merge) and round-trips through GET and the User', async () => {
    const user = await createUser();
    await call('PATCH', `/v1/users/${user.$id}/prefs`, { body: { prefs: { funcKey1: 'funcValue1', keep: true } } });
    const res = await call('PATCH', `/v1/users/${user.$id}/prefs`, { body: { prefs: { funcKey1: 'a', funcKey2: { nested: [1, 2] }, empty: {} } } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ funcKey1: 'a', funcKey2: { nested: [1, 2] }, empty: {} });
    expect((await call('GET', `/v1/users/${user.$id}/prefs`)).body).toEqual(res.body);
    expect((await call('GET', `/v1/users/${user.$id}`)).body.prefs).toEqual(res.body);
  });

  it('takes [] as {} and answers {} (never [])', async () => {
    const user = await createUser();
    await call('PATCH', `/v1/users/${user.$id}/prefs`, { body: { prefs: { a: 1 } } });
    const res = await call('PATCH', `/v1/users/${user.$id}/prefs`, { body: { prefs: [] } });
    expect(res.text).toBe('{}');
    expect((await call('GET', `/v1/users/${user.$id}`)).text).toContain('"prefs":{}');
  });

  it('accepts prefs whose PHP encoding is exactly 65535 bytes and rejects one byte more', async () => {
    const user = await createUser();
    const fill = (n: number) => ({ k: 'x'.repeat(n - '{"k":""}'.length) });
    expect((await call('PATCH', `/v1/users/${user.$id}/prefs`, { body: { prefs: fill(65535) } })).status).toBe(200);
    expectError(await call('PATCH', `/v1/users/${user.$id}/prefs`, { body: { prefs: fill(65536) } }), 400, 'general_argument_invalid', 'Invalid `prefs` param: Value must be a valid object.');
  });

  it('counts non-ASCII and "/" as PHP escapes them', async () => {
    const user = await createUser();
    // 10922 × "é" as \u00e9 → 65532 + 8 bytes; 32764 × "/" as \/ → 65528 + 8 bytes.
    expectError(await call('PATCH', `/v1/users/${user.$id}/prefs`, { body: { prefs: { k: 'é'.repeat(10922) } } }), 400, 'general_argument_invalid');
    expectError(await call('PATCH', `/v1/users/${user.$id}/prefs`, { body: { prefs: { k: '/'.repeat(32764) } } }), 400, 'general_argument_invalid');
  });

  it.each([['bad-string'], [5], [['a']], [{ 0: 'a', 1: 'b' }], [null]])('rejects %j', async (prefs) => {
    const user = await createUser();
    expectError(await call('PATCH', `/v1/users/${user.$id}/prefs`, { body: { prefs } }), 400, 'general_argument_invalid', 'Invalid `prefs` param: Value must be a valid object.');
  });

  it('requires prefs; 404 for a missing user on both routes', async () => {
    const user = await createUser();
    expectError(await call('PATCH', `/v1/users/${user.$id}/prefs`, { body: {} }), 400, 'general_argument_invalid', 'Param "prefs" is not optional.');
    expectError(await call('PATCH', `/v1/users/${uid()}/prefs`, { body: { prefs: {} } }), 404, 'user_not_found');
    expectError(await call('GET', `/v1/users/${uid()}/prefs`), 404, 'user_not_found');
  });

  it('GET needs users.read, PATCH users.write', async () => {
    expectError(await call('GET', `/v1/users/${uid()}/prefs`, { key: null }), 401, 'general_unauthorized_scope', 'User (role: guests) missing scopes (["users.read"])');
    expectError(await call('PATCH', `/v1/users/${uid()}/prefs`, { key: null, body: { prefs: {} } }), 401, 'general_unauthorized_scope', 'User (role: guests) missing scopes (["users.write"])');
  });
});
