import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, createUser, email, expectError, insertMembership, insertTeam, uid } from './helpers';

describe('GET /v1/users/{userId}/memberships', () => {
  it('lists every membership with the Membership model: current names, mfa false, creation order', async () => {
    const user = await createUser({ email: email(), name: 'Member' });
    const red = await insertTeam('Red');
    const blue = await insertTeam('Blue');
    const first = await insertMembership(user.$id, red, true, ['owner', 'dev']);
    const second = await insertMembership(user.$id, blue, false, []);
    await call('PATCH', `/v1/users/${user.$id}/name`, { body: { name: 'Renamed' } });
    await env.DB.prepare('update teams set name = ? where id = ?').bind('Crimson', red).run();

    const res = await call('GET', `/v1/users/${user.$id}/memberships`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.memberships[0]).toEqual({
      $id: first,
      $createdAt: '2024-02-01T00:00:00.000+00:00',
      $updatedAt: '2024-02-02T00:00:00.000+00:00',
      userId: user.$id,
      userName: 'Renamed',
      userEmail: user.email,
      userPhone: '',
      teamId: red,
      teamName: 'Crimson',
      invited: '2024-02-01T00:00:00.000+00:00',
      joined: '2024-02-03T00:00:00.000+00:00',
      confirm: true,
      mfa: false,
      userAccessedAt: '',
      roles: ['owner', 'dev'],
    });
    expect(res.body.memberships[1]).toMatchObject({ $id: second, teamName: 'Blue', joined: '', confirm: false, roles: [] });
  });

  it('answers an empty list, and "" for a team that no longer exists', async () => {
    const user = await createUser();
    expect((await call('GET', `/v1/users/${user.$id}/memberships`)).body).toEqual({ total: 0, memberships: [] });
    await insertMembership(user.$id, uid('gone'), true);
    expect((await call('GET', `/v1/users/${user.$id}/memberships`)).body.memberships[0].teamName).toBe('');
  });

  it('drops mfa for response formats before 1.5.0', async () => {
    const user = await createUser();
    await insertMembership(user.$id, await insertTeam('Old'), true);
    const res = await call('GET', `/v1/users/${user.$id}/memberships`, { headers: { 'x-appwrite-response-format': '1.4.0' } });
    expect(res.body.memberships[0]).not.toHaveProperty('mfa');
  });

  it('answers 404 for a missing user, 400 for a bad id, 401 without users.read', async () => {
    expectError(await call('GET', `/v1/users/${uid()}/memberships`), 404, 'user_not_found');
    expectError(await call('GET', '/v1/users/_bad/memberships'), 400, 'general_argument_invalid');
    expectError(await call('GET', `/v1/users/${uid()}/memberships`, { key: null }), 401, 'general_unauthorized_scope');
  });
});
