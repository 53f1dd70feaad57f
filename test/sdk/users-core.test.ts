import { ID, Query } from 'node-appwrite';
import { describe, expect, it } from 'vitest';
import { expectAppwriteError, sdk, uid } from './client';

const { users } = sdk();


describe('node-appwrite 14.2.0: users core', () => {
  it('creates, gets, lists and deletes a user', async () => {
    const id = uid();
    const created = await users.create(id, `${id}@Example.com`, '+14155550199', 'password-123', 'SDK User');
    expect(created).toMatchObject({
      $id: id,
      email: `${id}@example.com`,
      phone: '+14155550199',
      name: 'SDK User',
      hash: 'argon2',
      status: true,
      prefs: {},
    });
    expect(created.targets).toHaveLength(2);

    expect(await users.get(id)).toEqual(created);

    const list = await users.list([Query.equal('$id', [id]), Query.limit(100)]);
    expect(list.total).toBeGreaterThanOrEqual(1);
    expect(list.users.map((u) => u.$id)).toContain(id);

    await users.delete(id);
    await expectAppwriteError(users.get(id), 404, 'user_not_found');
  });

  it('creates a user with ID.unique() and no credentials', async () => {
    const user = await users.create(ID.unique());
    expect(user.$id).toMatch(/^[0-9a-f]{20}$/);
    expect(user).toMatchObject({ email: '', phone: '', password: null, targets: [] });
    await users.delete(user.$id);
  });

  it('surfaces conflicts and validation errors as AppwriteException', async () => {
    const id = uid();
    await users.create(id);
    await expectAppwriteError(users.create(id.toUpperCase()), 409, 'user_already_exists');
    const invalid = await expectAppwriteError(users.create(id, 'not-an-email'), 400, 'general_argument_invalid');
    expect(invalid.message).toBe('Invalid `email` param: Value must be a valid email address');
    await users.delete(id);
    await expectAppwriteError(users.delete(id), 404, 'user_not_found');
  });
});

describe('node-appwrite 14.2.0: authentication errors', () => {
  it('rejects a wrong key', async () => {
    await expectAppwriteError(sdk('standard_wrong').users.list(), 401, 'user_unauthorized');
  });

  it('rejects calls without a key with the guest scope message', async () => {
    const error = await expectAppwriteError(sdk(null).users.list(), 401, 'general_unauthorized_scope');
    expect(error.message).toBe('User (role: guests) missing scope (users.read)');
  });

  it('rejects an unknown project', async () => {
    await expectAppwriteError(sdk(undefined, 'nope').users.list(), 404, 'project_not_found');
  });
});
