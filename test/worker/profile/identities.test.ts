import { describe, expect, it } from 'vitest';
import { call, createUser, email, expectError, insertIdentity, storedLogs, uid } from './helpers';

const q = (...queries: object[]) => queries.map((query) => `queries[]=${encodeURIComponent(JSON.stringify(query))}`).join('&');

describe('GET /v1/users/identities', () => {
  it('lists identities of all users with the full Identity model (tokens in plaintext)', async () => {
    const user = await createUser();
    const id = await insertIdentity(user.$id, { provider: 'github', providerUid: 'gh-1', providerEmail: 'octo@example.com', expiry: '2030-01-01T00:00:00.000Z' });
    const res = await call('GET', `/v1/users/identities?${q({ method: 'equal', attribute: '$id', values: [id] })}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.identities[0]).toEqual({
      $id: id,
      $createdAt: '2024-05-01T10:00:00.000+00:00',
      $updatedAt: '2024-05-01T11:00:00.000+00:00',
      userId: user.$id,
      provider: 'github',
      providerUid: 'gh-1',
      providerEmail: 'octo@example.com',
      providerAccessToken: 'access-token',
      providerAccessTokenExpiry: '2030-01-01T00:00:00.000+00:00',
      providerRefreshToken: 'refresh-token',
    });
  });

  it('renders a missing expiry as ""', async () => {
    const id = await insertIdentity((await createUser()).$id);
    const res = await call('GET', `/v1/users/identities?${q({ method: 'equal', attribute: '$id', values: [id] })}`);
    expect(res.body.identities[0].providerAccessTokenExpiry).toBe('');
  });

  it('is reached before GET /v1/users/{userId} (a user called "identities" cannot be fetched)', async () => {
    await call('POST', '/v1/users', { body: { userId: 'identities' } });
    const res = await call('GET', '/v1/users/identities');
    expect(Object.keys(res.body)).toEqual(['total', 'identities']);
    // …but DELETE /v1/users/identities deletes that user (route 13).
    expect((await call('DELETE', '/v1/users/identities')).status).toBe(204);
  });

  it('filters, orders and pages with the identities queries', async () => {
    const user = await createUser();
    const provider = `prov${Date.now()}`;
    const ids = [await insertIdentity(user.$id, { provider }), await insertIdentity(user.$id, { provider }), await insertIdentity(user.$id, { provider })];
    const filter = { method: 'equal', attribute: 'provider', values: [provider] };
    const all = await call('GET', `/v1/users/identities?${q(filter)}`);
    expect(all.body.total).toBe(3);
    expect(all.body.identities.map((i: any) => i.$id)).toEqual(ids);
    const page = await call('GET', `/v1/users/identities?${q(filter, { method: 'orderDesc', attribute: '$id' }, { method: 'limit', values: [1] }, { method: 'offset', values: [1] })}`);
    expect(page.body.total).toBe(3);
    expect(page.body.identities.map((i: any) => i.$id)).toEqual([[...ids].sort().reverse()[1]]);
    const byUser = await call('GET', `/v1/users/identities?${q({ method: 'equal', attribute: 'userId', values: [user.$id] })}`);
    expect(byUser.body.total).toBe(3);
  });

  it('searches provider email, provider uid and user id (Appwrite 1.6 answers 400)', async () => {
    const user = await createUser();
    const token = `zq${Date.now().toString(36)}`;
    const id = await insertIdentity(user.$id, { providerEmail: `${token}.person@example.org`, providerUid: `${token}uid` });
    for (const term of [`${token}.person@example.org`, token, `${token}uid`, user.$id]) {
      const res = await call('GET', `/v1/users/identities?search=${encodeURIComponent(term)}`);
      expect(res.status).toBe(200);
      expect(res.body.identities.map((i: any) => i.$id)).toContain(id);
    }
    const none = await call('GET', `/v1/users/identities?search=${encodeURIComponent('nothing-like-this-anywhere')}`);
    expect(none.body).toEqual({ total: 0, identities: [] });
  });

  it.each([
    ['search=', 'Invalid `search` param: Value must be a valid string and at least 1 chars and no longer than 256 chars'],
    [q({ method: 'equal', attribute: 'search', values: ['x'] }), 'Invalid `queries` param: Invalid query: Attribute not found in schema: search'],
    ['queries[]=nope', 'Invalid `queries` param: Invalid query: Invalid query: Syntax error'],
  ])('rejects %s', async (query, message) => {
    expectError(await call('GET', `/v1/users/identities?${query}`), 400, 'general_argument_invalid', message);
  });

  it('answers 400 general_cursor_not_found with the "User" wording for an unknown cursor', async () => {
    const res = await call('GET', `/v1/users/identities?${q({ method: 'cursorAfter', values: ['nope'] })}`);
    expectError(res, 400, 'general_cursor_not_found', "User 'nope' for the 'cursor' value not found.");
  });

  it('needs users.read', async () => {
    expectError(await call('GET', '/v1/users/identities', { key: null }), 401, 'general_unauthorized_scope', 'User (role: guests) missing scopes (["users.read"])');
  });
});

describe('DELETE /v1/users/identities/{identityId}', () => {
  it('deletes the identity only (204) and records identity.delete about its user', async () => {
    const user = await createUser({ email: email() });
    const id = await insertIdentity(user.$id);
    const res = await call('DELETE', `/v1/users/identities/${id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await call('GET', `/v1/users/identities?${q({ method: 'equal', attribute: '$id', values: [id] })}`)).body.total).toBe(0);
    expect((await call('GET', `/v1/users/${user.$id}`)).status).toBe(200);
    expect((await storedLogs(user.$id)).at(-1)).toMatchObject({ event: 'identity.delete', resource: `identity/${id}` });
  });

  it('answers 404 user_identity_not_found for an unknown or already deleted identity', async () => {
    const id = await insertIdentity((await createUser()).$id);
    await call('DELETE', `/v1/users/identities/${id}`);
    const message = 'The identity could not be found. Please sign in with OAuth provider to create identity first.';
    expectError(await call('DELETE', `/v1/users/identities/${id}`), 404, 'user_identity_not_found', message);
    expectError(await call('DELETE', `/v1/users/identities/${uid()}`), 404, 'user_identity_not_found', message);
  });

  it('validates the id and needs users.write', async () => {
    expectError(await call('DELETE', '/v1/users/identities/_bad'), 400, 'general_argument_invalid');
    expectError(await call('DELETE', `/v1/users/identities/${uid()}`, { key: null }), 401, 'general_unauthorized_scope', 'User (role: guests) missing scopes (["users.write"])');
  });
});
