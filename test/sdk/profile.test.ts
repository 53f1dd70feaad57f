import { ID, MessagingProviderType, Query } from 'node-appwrite';
import { describe, expect, it } from 'vitest';
import { expectAppwriteError, sdk, uid } from './client';

const { users } = sdk();


const phone = () => `+1415${Math.floor(1e6 + Math.random() * 8.9e6)}`;
const email = (id: string) => `${id.toLowerCase()}@example.com`;

describe('node-appwrite 14.2.0: profile updates', () => {
  it('updateName, updateStatus, updateLabels, updateEmailVerification, updatePhoneVerification', async () => {
    const id = uid();
    await users.create(id);
    expect((await users.updateName(id, 'Lionel')).name).toBe('Lionel');
    expect((await users.updateStatus(id, false)).status).toBe(false);
    expect((await users.updateLabels(id, ['vip', 'vip', 'pro'])).labels).toEqual(['vip', 'pro']);
    expect((await users.updateEmailVerification(id, true)).emailVerification).toBe(true);
    expect((await users.updatePhoneVerification(id, true)).phoneVerification).toBe(true);
    const user = await users.get(id);
    expect(user).toMatchObject({ name: 'Lionel', status: false, labels: ['vip', 'pro'], emailVerification: true, phoneVerification: true });
    await expectAppwriteError(users.updateName(uid(), 'x'), 404, 'user_not_found');
    await expectAppwriteError(users.updateLabels(id, ['invalid-label']), 400, 'general_argument_invalid');
  });

  it('updateEmail and updatePhone keep the targets in step; own value is a no-op; clearing works', async () => {
    const id = uid();
    const created = await users.create(id, email(id), phone());
    const nextEmail = email(uid('next'));
    const byEmail = await users.updateEmail(id, nextEmail.toUpperCase());
    expect(byEmail.email).toBe(nextEmail);
    expect(byEmail.targets.find((t) => t.providerType === 'email')).toMatchObject({ $id: created.targets[0].$id, identifier: nextEmail });
    expect(await users.updateEmail(id, nextEmail)).toEqual(await users.get(id));
    const nextPhone = phone();
    expect((await users.updatePhone(id, nextPhone)).targets.map((t) => t.identifier)).toEqual([nextEmail, nextPhone]);
    const cleared = await users.updateEmail(id, '');
    expect(cleared).toMatchObject({ email: '', emailVerification: false });
    expect((await users.updatePhone(id, '')).targets).toEqual([]);

    const other = uid();
    await users.create(other, email(other));
    await expectAppwriteError(users.updateEmail(id, email(other)), 409, 'user_target_already_exists');
  });

  it('updatePassword hashes with argon2 and accepts "" (stored as "")', async () => {
    const id = uid();
    await users.create(id, undefined, undefined, 'password-123');
    const updated = await users.updatePassword(id, 'password-456');
    expect(updated.password).toMatch(/^\$argon2id\$/);
    expect(updated.hash).toBe('argon2');
    expect((await users.updatePassword(id, '')).password).toBe('');
    expect((await users.get(id)).password).toBe('');
    await expectAppwriteError(users.updatePassword(id, 'short'), 400, 'general_argument_invalid');
  });

  it('getPrefs and updatePrefs replace the whole map', async () => {
    const id = uid();
    await users.create(id);
    expect(await users.getPrefs(id)).toEqual({});
    await users.updatePrefs(id, { funcKey1: 'funcValue1', funcKey2: 'funcValue2' });
    expect(await users.updatePrefs(id, { only: true })).toEqual({ only: true });
    expect(await users.getPrefs(id)).toEqual({ only: true });
    await expectAppwriteError(users.getPrefs(uid()), 404, 'user_not_found');
  });
});

describe('node-appwrite 14.2.0: targets', () => {
  it('createTarget, listTargets, getTarget, updateTarget, deleteTarget', async () => {
    const id = uid();
    await users.create(id, email(id), phone());
    const target = await users.createTarget(id, ID.unique(), MessagingProviderType.Push, `token-${id}`, undefined, 'Phone');
    expect(target).toMatchObject({ userId: id, providerType: 'push', identifier: `token-${id}`, name: 'Phone', providerId: null, expired: false });

    const list = await users.listTargets(id);
    expect(list.total).toBe(3);
    const page = await users.listTargets(id, [Query.equal('providerType', 'push')]);
    expect(page.targets.map((t) => t.$id)).toEqual([target.$id]);

    expect(await users.getTarget(id, target.$id)).toEqual(target);
    const updated = await users.updateTarget(id, target.$id, `token2-${id}`, undefined, 'Tablet');
    expect(updated).toMatchObject({ identifier: `token2-${id}`, name: 'Tablet', expired: false });
    await expectAppwriteError(users.updateTarget(id, target.$id, undefined, 'someProvider'), 404, 'provider_not_found');

    await users.deleteTarget(id, target.$id);
    expect((await users.listTargets(id)).total).toBe(2);
    await expectAppwriteError(users.getTarget(id, target.$id), 404, 'user_target_not_found');
    await expectAppwriteError(users.createTarget(id, ID.unique(), MessagingProviderType.Email, 'not-an-email'), 400, 'general_invalid_email');
  });
});

describe('node-appwrite 14.2.0: identities, memberships, logs', () => {
  it('listIdentities (with queries and search) and deleteIdentity on an unknown id', async () => {
    const list = await users.listIdentities([Query.limit(5)]);
    expect(list).toEqual({ total: expect.any(Number), identities: expect.any(Array) });
    expect(await users.listIdentities(undefined, 'nobody-has-this-identity')).toEqual({ total: 0, identities: [] });
    await expectAppwriteError(users.deleteIdentity(uid()), 404, 'user_identity_not_found');
  });

  it('listMemberships answers an empty list, and 404 for a missing user', async () => {
    const id = uid();
    await users.create(id);
    expect(await users.listMemberships(id)).toEqual({ total: 0, memberships: [] });
    await expectAppwriteError(users.listMemberships(uid()), 404, 'user_not_found');
  });

  it('listLogs lists the audit entries about the user, newest first, with limit/offset', async () => {
    const id = uid();
    await users.create(id);
    await users.updateName(id, 'Logged');
    const logs = await users.listLogs(id);
    expect(logs.total).toBe(2);
    expect(logs.logs.map((l) => l.event)).toEqual(['user.update', 'user.create']);
    // wrangler dev supplies a mock `request.cf`, so the country is whatever it says.
    expect(logs.logs[0]).toMatchObject({ ip: '127.0.0.1', countryCode: expect.stringMatching(/^([a-z]{2}|--)$/), mode: '' });
    expect(logs.logs[0].countryName).not.toBe('');
    const page = await users.listLogs(id, [Query.limit(1), Query.offset(1)]);
    expect(page.logs.map((l) => l.event)).toEqual(['user.create']);
    await expectAppwriteError(users.listLogs(id, [Query.equal('$id', 'x')]), 400, 'general_argument_invalid');
    await expectAppwriteError(users.listLogs(uid()), 404, 'user_not_found');
  });
});
