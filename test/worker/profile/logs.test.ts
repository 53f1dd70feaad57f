import { describe, expect, it } from 'vitest';
import { countingD1 } from '../helpers/d1-counter';
import { call, callFromEdge, createUser, DATE, email, expectError, insertIdentity, phone, storedLogs, uid } from './helpers';

const CHROME_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const q = (...queries: object[]) => queries.map((query) => `queries[]=${encodeURIComponent(JSON.stringify(query))}`).join('&');

describe('audit entries', () => {
  it('are written for every mutation of the Users API, with the spec’s event names', async () => {
    const user = await createUser({ email: email(), phone: phone(), password: 'password-123' });
    const id = user.$id;
    const steps: Array<[string, string, unknown]> = [
      ['PATCH', `/v1/users/${id}/name`, { name: 'n' }],
      ['PATCH', `/v1/users/${id}/email`, { email: email() }],
      ['PATCH', `/v1/users/${id}/phone`, { number: phone() }],
      ['PATCH', `/v1/users/${id}/password`, { password: 'password-456' }],
      ['PATCH', `/v1/users/${id}/status`, { status: false }],
      ['PUT', `/v1/users/${id}/labels`, { labels: ['vip'] }],
      ['PATCH', `/v1/users/${id}/verification`, { emailVerification: true }],
      ['PATCH', `/v1/users/${id}/verification/phone`, { phoneVerification: true }],
      ['PATCH', `/v1/users/${id}/prefs`, { prefs: { a: 1 } }],
    ];
    for (const [method, path, body] of steps) expect((await call(method, path, { body })).status).toBe(200);
    const target = await call('POST', `/v1/users/${id}/targets`, { body: { targetId: 'unique()', providerType: 'push', identifier: uid() } });
    await call('PATCH', `/v1/users/${id}/targets/${target.body.$id}`, { body: { name: 'x' } });
    await call('DELETE', `/v1/users/${id}/targets/${target.body.$id}`);
    await call('DELETE', `/v1/users/identities/${await insertIdentity(id)}`);
    await call('DELETE', `/v1/users/${id}`);
    expect((await storedLogs(id)).map((l) => l.event)).toEqual([
      'user.create',
      ...Array(6).fill('user.update'),
      'verification.update',
      'verification.update',
      'user.update',
      'target.create',
      'target.update',
      'target.delete',
      'identity.delete',
      'user.delete',
    ]);
  });

  it('are not written by failed or read-only requests', async () => {
    const user = await createUser({ email: email() });
    await call('GET', `/v1/users/${user.$id}`);
    await call('GET', `/v1/users/${user.$id}/prefs`);
    await call('PATCH', `/v1/users/${user.$id}/name`, { body: { name: 'x'.repeat(200) } });
    await call('POST', `/v1/users`, { body: { userId: user.$id } });
    expect((await storedLogs(user.$id)).map((l) => l.event)).toEqual(['user.create']);
  });

  it('add one statement to the write batch, not a round trip', async () => {
    const user = await createUser();
    const { db, stats } = countingD1();
    await call('DELETE', `/v1/users/${user.$id}`, { env: { DB: db } });
    expect(stats.roundTrips).toBe(1);
    expect((await storedLogs(user.$id)).map((l) => l.event)).toEqual(['user.create', 'user.delete']);
  });
});

describe('GET /v1/users/{userId}/logs', () => {
  it('lists entries about the user, newest first, with the Log model parsed from the request', async () => {
    const id = uid();
    const created = await callFromEdge('POST', '/v1/users', { country: 'DE', ip: '203.0.113.9', userAgent: CHROME_MAC }, { userId: id });
    expect(created.status).toBe(201);
    await callFromEdge('PATCH', `/v1/users/${id}/name`, { userAgent: '' }, { name: 'x' });

    const res = await call('GET', `/v1/users/${id}/logs`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    const [update, create] = res.body.logs;
    expect(Object.keys(create)).toEqual([
      'event', 'userId', 'userEmail', 'userName', 'mode', 'userType', 'ip', 'time', 'osCode', 'osName', 'osVersion', 'clientType',
      'clientCode', 'clientName', 'clientVersion', 'clientEngine', 'clientEngineVersion', 'deviceName', 'deviceBrand',
      'deviceModel', 'countryCode', 'countryName',
    ]);
    expect(create).toMatchObject({
      event: 'user.create',
      userType: 'keyProject',
      // The actor: API-key calls are made by the project's app actor.
      userId: '',
      userEmail: 'app.default@service.localhost',
      userName: '',
      mode: '',
      ip: '203.0.113.9',
      osCode: 'MAC',
      osName: 'Mac',
      osVersion: '10.15.7',
      clientType: 'browser',
      clientCode: 'CH',
      clientName: 'Chrome',
      clientVersion: '120.0.0.0',
      clientEngine: 'Blink',
      clientEngineVersion: '120.0.0.0',
      deviceName: 'desktop',
      deviceBrand: 'Apple',
      countryCode: 'de',
      countryName: 'Germany',
    });
    expect(create.time).toMatch(DATE);
    expect(update).toMatchObject({ event: 'user.update', osName: '', clientName: '', deviceName: '', countryCode: '--', countryName: 'Unknown' });
  });

  it('pages with limit and offset; total ignores them', async () => {
    const user = await createUser();
    for (const name of ['a', 'b', 'c']) await call('PATCH', `/v1/users/${user.$id}/name`, { body: { name } });
    const res = await call('GET', `/v1/users/${user.$id}/logs?${q({ method: 'limit', values: [2] }, { method: 'offset', values: [1] })}`);
    expect(res.body.total).toBe(4);
    expect(res.body.logs.map((l: any) => l.event)).toEqual(['user.update', 'user.update']);
  });

  it('lists in one round trip', async () => {
    const user = await createUser();
    const { db, stats } = countingD1();
    expect((await call('GET', `/v1/users/${user.$id}/logs`, { env: { DB: db } })).status).toBe(200);
    expect(stats.roundTrips).toBe(1);
  });

  it.each([
    [{ method: 'equal', attribute: '$id', values: ['x'] }, 'Invalid `queries` param: Invalid query method: equal'],
    [{ method: 'orderAsc', attribute: '$id' }, 'Invalid `queries` param: Invalid query method: orderAsc'],
    [{ method: 'cursorAsc', values: ['x'] }, 'Invalid `queries` param: Invalid query: Invalid query method: cursorAsc'],
    [{ method: 'limit', values: [-1] }, 'Invalid `queries` param: Invalid query: Invalid limit: Value must be a valid range between 1 and 9,223,372,036,854,775,808'],
    [{ method: 'offset', values: [-1] }, 'Invalid `queries` param: Invalid query: Invalid offset: Value must be a valid range between 0 and 9,223,372,036,854,775,808'],
  ])('rejects %j before looking up the user', async (query, message) => {
    expectError(await call('GET', `/v1/users/${uid()}/logs?${q(query)}`), 400, 'general_argument_invalid', message);
  });

  it('answers 404 for a missing user — also once deleted, although its entries are kept', async () => {
    const user = await createUser();
    await call('DELETE', `/v1/users/${user.$id}`);
    expect((await storedLogs(user.$id)).map((l) => l.event)).toEqual(['user.create', 'user.delete']);
    expectError(await call('GET', `/v1/users/${user.$id}/logs`), 404, 'user_not_found');
    expectError(await call('GET', `/v1/users/${uid()}/logs`), 404, 'user_not_found');
  });

  it('does not hand a deleted user’s entries to a new user with the same id', async () => {
    const user = await createUser();
    await call('PATCH', `/v1/users/${user.$id}/name`, { body: { name: 'old' } });
    await call('DELETE', `/v1/users/${user.$id}`);
    await call('POST', '/v1/users', { body: { userId: user.$id } });
    const res = await call('GET', `/v1/users/${user.$id}/logs`);
    expect(res.body.total).toBe(1);
    expect(res.body.logs.map((l: any) => l.event)).toEqual(['user.create']);
  });

  it('needs users.read', async () => {
    expectError(await call('GET', `/v1/users/${uid()}/logs`, { key: null }), 401, 'general_unauthorized_scope', 'User (role: guests) missing scopes (["users.read"])');
  });
});
