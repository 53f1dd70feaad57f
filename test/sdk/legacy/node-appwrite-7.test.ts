import { describe, expect, it } from 'vitest';
import { createSessionFor, legacyClient, legacyId } from './scenario';

/** node-appwrite 7.0.3 sends `X-Appwrite-Response-Format: 0.15.0` and expects Appwrite 0.15's models. */
describe('node-appwrite 7.0.3 (format 0.15.0): every Users method', () => {
  it('runs the 0.15 scenario with the shapes its models declare and no warning', async () => {
    const { users, fails, report, checkAccountWithJwt } = legacyClient('node-appwrite-7');
    const tag = legacyId('na7');
    const ids = [0, 1, 2].map((i) => `${tag}x${i}`);
    for (const id of ids) {
      const user = await users('create', 'User', id, `${id}@example.com`, 'password-123', `Name ${id}`);
      expect(user).toMatchObject({ $id: id, phone: '', phoneVerification: false, status: true });
      expect(user.$createdAt).toBe(user.registration);
    }
    const unique = await users('create', 'User', 'unique()', `u${Date.now()}@example.org`, 'password-123');

    const all = await users('list', 'UserList', tag);
    expect(all.total).toBe(3);
    expect(all.users.map((u: any) => u.$id)).toEqual(ids);
    expect((await users('list', 'UserList', tag, 1, 2)).users.map((u: any) => u.$id)).toEqual([ids[2]]);
    expect((await users('list', 'UserList', tag, 1, 0, ids[0], 'after')).users.map((u: any) => u.$id)).toEqual([ids[1]]);
    expect((await users('list', 'UserList', tag, 25, 0, ids[1], 'before', 'DESC')).users.map((u: any) => u.$id)).toEqual([ids[2]]);
    expect((await users('list', 'UserList', tag, 25, 0, undefined, undefined, 'DESC')).users.map((u: any) => u.$id)).toEqual([...ids].reverse());
    const bad = await fails(400, 'list', tag, 25, 0, undefined, undefined, 'descending');
    expect(bad.response.type).toBe('general_argument_invalid');

    const id = ids[0];
    expect(await users('get', 'User', id)).toMatchObject({ $id: id });
    expect(await users('updateName', 'User', id, 'Renamed')).toMatchObject({ name: 'Renamed' });
    expect(await users('updateEmail', 'User', id, `${id}.new@example.com`)).toMatchObject({ email: `${id}.new@example.com` });
    expect(await users('updatePhone', 'User', id, '+14155550142')).toMatchObject({ phone: '+14155550142' });
    expect(await users('updatePassword', 'User', id, 'password-456')).toMatchObject({ $id: id });
    expect(await users('updatePrefs', 'Preferences', id, { lang: 'fr' })).toEqual({ lang: 'fr' });
    expect(await users('getPrefs', 'Preferences', id)).toEqual({ lang: 'fr' });
    expect(await users('updateStatus', 'User', id, false)).toMatchObject({ status: false });
    expect(await users('updateStatus', 'User', id, true)).toMatchObject({ status: true });
    expect(await users('updateEmailVerification', 'User', id, true)).toMatchObject({ emailVerification: true });
    expect(await users('updatePhoneVerification', 'User', id, true)).toMatchObject({ phoneVerification: true });
    expect(await users('getMemberships', 'MembershipList', id)).toEqual({ total: 0, memberships: [] });

    const [s1, s2] = [await createSessionFor(id), await createSessionFor(id)];
    const sessions = await users('getSessions', 'SessionList', id);
    expect(sessions.total).toBe(2);
    expect(sessions.sessions.map((s: any) => s.$id).sort()).toEqual([s1, s2].sort());
    expect(sessions.sessions[0].expire).toBeGreaterThan(sessions.sessions[0].$createdAt);
    await users('deleteSession', null, id, s2);
    expect((await users('getSessions', 'SessionList', id)).sessions.map((s: any) => s.$id)).toEqual([s1]);
    await users('deleteSessions', null, id);
    expect((await users('getSessions', 'SessionList', id)).total).toBe(0);

    const logs = await users('getLogs', 'LogList', id);
    expect(logs.total).toBeGreaterThanOrEqual(8);
    expect((await users('getLogs', 'LogList', id, 1, 1)).logs).toEqual([logs.logs[1]]);

    await checkAccountWithJwt(ids[1]);

    for (const user of [...ids, unique.$id]) await users('delete', null, user);
    const missing = await fails(404, 'get', id);
    expect(missing.response.type).toBe('user_not_found');

    const { uncalled, warnings } = report();
    expect(uncalled).toEqual([]);
    expect(warnings).toBe(0);
  });
});
