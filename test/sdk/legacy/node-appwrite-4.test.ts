import { describe, expect, it } from 'vitest';
import { createSessionFor, legacyClient, legacyId } from './scenario';

/** node-appwrite 4.0.2 sends `X-Appwrite-Response-Format: 0.12.0` and expects Appwrite 0.12's models. */
describe('node-appwrite 4.0.2 (format 0.12.0): every Users method', () => {
  it('runs the 0.12 scenario with the shapes its models declare and no warning', async () => {
    const { users, fails, report, checkAccountWithJwt } = legacyClient('node-appwrite-4');
    const tag = legacyId('na4');
    const ids = [0, 1, 2].map((i) => `${tag}x${i}`);
    for (const id of ids) {
      const user = await users('create', 'User', id, `${id}@example.com`, 'password-123', `Name ${id}`);
      expect(user).toMatchObject({ $id: id, email: `${id}@example.com`, name: `Name ${id}`, status: true, emailVerification: false });
      expect(Math.abs(user.registration - Date.now() / 1000)).toBeLessThan(120);
    }
    const unique = await users('create', 'User', 'unique()', `u${Date.now()}@example.org`, 'password-123');
    expect(unique.$id).toMatch(/^[0-9a-f]{20}$/);

    // list(search, limit, offset, cursor, cursorDirection, orderType)
    const all = await users('list', 'UserList', tag);
    expect(all.sum).toBe(3);
    expect(all.users.map((u: any) => u.$id)).toEqual(ids);
    expect((await users('list', 'UserList', tag, 2)).users.map((u: any) => u.$id)).toEqual(ids.slice(0, 2));
    expect((await users('list', 'UserList', tag, 1, 1)).users.map((u: any) => u.$id)).toEqual([ids[1]]);
    expect((await users('list', 'UserList', tag, 25, 0, ids[0])).users.map((u: any) => u.$id)).toEqual(ids.slice(1));
    expect((await users('list', 'UserList', tag, 25, 0, ids[2], 'before')).users.map((u: any) => u.$id)).toEqual(ids.slice(0, 2));
    expect((await users('list', 'UserList', tag, 25, 0, undefined, undefined, 'DESC')).users.map((u: any) => u.$id)).toEqual([...ids].reverse());
    expect((await fails(400, 'list', tag, 101)).message).toBe('Invalid `limit` param: Value must be a valid range between 0 and 100');
    expect((await fails(400, 'list', tag, 25, 0, 'nobody')).message).toBe("User 'nobody' for the 'cursor' value not found.");

    const id = ids[0];
    expect(await users('get', 'User', id)).toMatchObject({ $id: id, name: `Name ${id}` });
    expect(await users('updateName', 'User', id, 'Renamed')).toMatchObject({ name: 'Renamed' });
    expect(await users('updateEmail', 'User', id, `${id}.new@example.com`)).toMatchObject({ email: `${id}.new@example.com` });
    const before = (await users('get', 'User', id)).passwordUpdate;
    expect((await users('updatePassword', 'User', id, 'password-456')).passwordUpdate).toBeGreaterThanOrEqual(before);
    expect(await users('updatePrefs', 'Preferences', id, { theme: 'dark', n: 1 })).toEqual({ theme: 'dark', n: 1 });
    expect(await users('getPrefs', 'Preferences', id)).toEqual({ theme: 'dark', n: 1 });
    expect(await users('updateStatus', 'User', id, false)).toMatchObject({ status: false });
    expect(await users('updateStatus', 'User', id, true)).toMatchObject({ status: true });
    expect(await users('updateVerification', 'User', id, true)).toMatchObject({ emailVerification: true });

    const [s1, s2] = [await createSessionFor(id), await createSessionFor(id)];
    const sessions = await users('getSessions', 'SessionList', id);
    expect(sessions.sum).toBe(2);
    expect(sessions.sessions.map((s: any) => s.$id).sort()).toEqual([s1, s2].sort());
    expect(sessions.sessions[0].expire).toBeGreaterThan(Date.now() / 1000);
    await users('deleteSession', null, id, s1);
    expect((await users('getSessions', 'SessionList', id)).sum).toBe(1);
    await users('deleteSessions', null, id);
    expect((await users('getSessions', 'SessionList', id)).sessions).toEqual([]);

    const logs = await users('getLogs', 'LogList', id);
    expect(logs.sum).toBeGreaterThanOrEqual(6);
    expect(Number.isInteger(logs.logs[0].time)).toBe(true);
    const page = await users('getLogs', 'LogList', id, 2, 1);
    expect(page.logs).toEqual(logs.logs.slice(1, 3));

    await checkAccountWithJwt(ids[1]);

    for (const user of [...ids, unique.$id]) await users('delete', null, user);
    const missing = await fails(404, 'get', id);
    // 0.12 error bodies carry no `type`.
    expect(missing.response).toEqual({ message: 'User with the requested ID could not be found.', code: 404, version: expect.any(String) });

    const { uncalled, warnings } = report();
    expect(uncalled).toEqual([]);
    expect(warnings).toBe(0);
  });
});
