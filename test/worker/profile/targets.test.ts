import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { keyWith } from '../helpers/api';
import { call, createUser, DATE, email, expectError, phone, storedLogs, uid } from './helpers';

const base = (userId: string) => `/v1/users/${userId}/targets`;
const pushTarget = (userId: string, body: Record<string, unknown> = {}) =>
  call('POST', base(userId), { body: { targetId: 'unique()', providerType: 'push', identifier: uid('tok'), ...body } });


describe('POST /v1/users/{userId}/targets', () => {
  it('creates a target (201, Target model) without touching the user email/phone', async () => {
    const user = await createUser();
    const targetId = uid('t');
    const identifier = 'Mixed.Case@Example.com';
    const res = await call('POST', base(user.$id), { body: { targetId, providerType: 'email', identifier, providerId: 'someProvider', name: 'Work' } });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body)).toEqual(['$id', '$createdAt', '$updatedAt', 'name', 'userId', 'providerId', 'providerType', 'identifier', 'expired']);
    // Identifiers are stored verbatim; an unknown provider is stored as null, as Appwrite does.
    expect(res.body).toMatchObject({ $id: targetId, name: 'Work', userId: user.$id, providerId: null, providerType: 'email', identifier, expired: false });
    expect(res.body.$createdAt).toMatch(DATE);
    const after = (await call('GET', `/v1/users/${user.$id}`)).body;
    expect(after).toMatchObject({ email: '', phone: '' });
    expect(after.targets).toEqual([res.body]);
  });

  it('generates an id for unique() and stores name null (rendered "")', async () => {
    const user = await createUser();
    const res = await pushTarget(user.$id);
    expect(res.body.$id).toMatch(/^[0-9a-f]{20}$/);
    expect(res.body.name).toBe('');
  });

  it.each([
    ['email', 'not-an-email', 400, 'general_invalid_email', 'Value must be a valid email address.'],
    ['sms', '12345', 400, 'general_invalid_phone', "Value must be a valid phone number. Format this number with a leading '+' and a country code, e.g., +16175551212."],
    ['EMAIL', 'a@b.com', 400, 'provider_incorrect_type', 'Provider with the requested ID is of the incorrect type.'],
  ])('checks a %s identifier %j before the user lookup', async (providerType, identifier, status, type, message) => {
    expectError(await call('POST', base(uid()), { body: { targetId: 'unique()', providerType, identifier } }), status, type, message);
  });

  it('accepts any push identifier; 404 for a missing user after that', async () => {
    expectError(await call('POST', base(uid()), { body: { targetId: 'unique()', providerType: 'push', identifier: 'anything at all' } }), 404, 'user_not_found');
  });

  it.each([
    [{}, 'Param "targetId" is not optional.'],
    [{ targetId: '_x' }, "Invalid `targetId` param: Parameter must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. Can't start with a special char"],
    [{ targetId: 'unique()' }, 'Param "providerType" is not optional.'],
    [{ targetId: 'unique()', providerType: 'fax' }, 'Invalid `providerType` param: Value must be one of (email, sms, push)'],
    [{ targetId: 'unique()', providerType: 'push' }, 'Param "identifier" is not optional.'],
    [{ targetId: 'unique()', providerType: 'push', identifier: '' }, 'Invalid `identifier` param: Value must be a valid string and at least 1 chars and no longer than 255 chars'],
    [{ targetId: 'unique()', providerType: 'push', identifier: 'x'.repeat(256) }, 'Invalid `identifier` param: Value must be a valid string and at least 1 chars and no longer than 255 chars'],
    [{ targetId: 'unique()', providerType: 'push', identifier: 'x', providerId: '' }, "Invalid `providerId` param: UID must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, and underscore. Can't start with a leading underscore"],
    [{ targetId: 'unique()', providerType: 'push', identifier: 'x', name: '' }, 'Invalid `name` param: Value must be a valid string and at least 1 chars and no longer than 128 chars'],
  ])('rejects %j', async (body, message) => {
    const user = await createUser();
    expectError(await call('POST', base(user.$id), { body }), 400, 'general_argument_invalid', message);
  });

  it('answers 409 user_target_already_exists for a taken id (any user, any case) or identifier', async () => {
    const a = await createUser({ email: email(), phone: phone() });
    const b = await createUser();
    const targetId = uid('Dup');
    expect((await pushTarget(a.$id, { targetId })).status).toBe(201);
    expectError(await pushTarget(b.$id, { targetId: targetId.toLowerCase() }), 409, 'user_target_already_exists');
    expectError(await call('POST', base(b.$id), { body: { targetId: 'unique()', providerType: 'email', identifier: a.email.toUpperCase() } }), 409, 'user_target_already_exists');
    expectError(await call('POST', base(b.$id), { body: { targetId: 'unique()', providerType: 'sms', identifier: a.phone } }), 409, 'user_target_already_exists');
  });

  it('records target.create', async () => {
    const user = await createUser();
    const res = await pushTarget(user.$id);
    const logs = await storedLogs(user.$id);
    expect(logs.map((l) => [l.event, l.resource])).toEqual([
      ['user.create', `user/${user.$id}`],
      ['target.create', `target/${res.body.$id}`],
    ]);
  });
});

describe('GET /v1/users/{userId}/targets', () => {
  it("lists the user's targets in creation order with a total", async () => {
    const user = await createUser({ email: email(), phone: phone() });
    const extra = await pushTarget(user.$id);
    await pushTarget((await createUser()).$id);
    const res = await call('GET', base(user.$id));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.targets.map((t: any) => t.$id)).toEqual([...user.targets.map((t: any) => t.$id), extra.body.$id]);
    await call('DELETE', `${base(user.$id)}/${extra.body.$id}`);
    expect((await call('GET', base(user.$id))).body.total).toBe(2);
  });

  it('pages with limit and offset (total ignores them)', async () => {
    const user = await createUser({ email: email(), phone: phone() });
    const res = await call('GET', `${base(user.$id)}?queries[]=${encodeURIComponent('{"method":"limit","values":[1]}')}&queries[]=${encodeURIComponent('{"method":"offset","values":[1]}')}`);
    expect(res.body.total).toBe(2);
    expect(res.body.targets.map((t: any) => t.providerType)).toEqual(['sms']);
  });

  it('rejects bad queries; answers 404 for a missing user', async () => {
    const user = await createUser();
    expectError(await call('GET', `${base(user.$id)}?queries[]=nope`), 400, 'general_argument_invalid', 'Invalid `queries` param: Invalid query: Invalid query: Syntax error');
    expectError(await call('GET', base(uid())), 404, 'user_not_found');
  });
});

describe('GET /v1/users/{userId}/targets/{targetId}', () => {
  it('returns the target; 404 user_target_not_found for another user’s target or a wrong-case id', async () => {
    const user = await createUser();
    const other = await createUser();
    const mine = await pushTarget(user.$id, { targetId: uid('Tg') });
    const theirs = await pushTarget(other.$id);
    expect((await call('GET', `${base(user.$id)}/${mine.body.$id}`)).body).toEqual(mine.body);
    expectError(await call('GET', `${base(user.$id)}/${theirs.body.$id}`), 404, 'user_target_not_found', 'The target could not be found.');
    expectError(await call('GET', `${base(user.$id)}/${mine.body.$id.toLowerCase()}`), 404, 'user_target_not_found');
    expectError(await call('GET', `${base(uid())}/${mine.body.$id}`), 404, 'user_not_found');
  });

  it("answers 404 for the user's own id when the user has no targets (1.6.2 renders the user)", async () => {
    const user = await createUser();
    expectError(await call('GET', `${base(user.$id)}/${user.$id}`), 404, 'user_target_not_found');
  });
});

describe('PATCH /v1/users/{userId}/targets/{targetId}', () => {
  it('updates identifier (resetting expired) and name; keeps the user email', async () => {
    const user = await createUser({ email: email() });
    const target = user.targets[0];
    await env.DB.prepare('update targets set expired = 1 where id = ?').bind(target.$id).run();
    const next = email();
    const res = await call('PATCH', `${base(user.$id)}/${target.$id}`, { body: { identifier: next, name: 'Inbox' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ $id: target.$id, identifier: next, name: 'Inbox', expired: false });
    expect(res.body.$updatedAt >= target.$updatedAt).toBe(true);
    expect((await call('GET', `/v1/users/${user.$id}`)).body.email).toBe(user.email);
  });

  it('ignores falsy values ("0") and validates the identifier by the target type', async () => {
    const user = await createUser({ phone: phone() });
    const target = user.targets[0];
    const same = await call('PATCH', `${base(user.$id)}/${target.$id}`, { body: { identifier: '0', name: '0' } });
    expect(same.body).toMatchObject({ identifier: user.phone, name: '' });
    expectError(await call('PATCH', `${base(user.$id)}/${target.$id}`, { body: { identifier: 'a@b.com' } }), 400, 'general_invalid_phone');
    const email = (await createUser({ email: `${uid('v')}@example.com` })).targets[0];
    expectError(await call('PATCH', `${base(email.userId)}/${email.$id}`, { body: { identifier: '+14155550100' } }), 400, 'general_invalid_email');
  });

  it('answers 404 provider_not_found for any providerId (no messaging providers exist)', async () => {
    const user = await createUser();
    const target = await pushTarget(user.$id);
    expectError(await call('PATCH', `${base(user.$id)}/${target.body.$id}`, { body: { providerId: 'fcm' } }), 404, 'provider_not_found', 'Provider with the requested ID could not be found.');
  });

  it('answers 409 document_already_exists for an identifier another target holds', async () => {
    const other = await createUser({ email: email() });
    const user = await createUser({ email: email() });
    expectError(await call('PATCH', `${base(user.$id)}/${user.targets[0].$id}`, { body: { identifier: other.email } }), 409, 'document_already_exists');
  });

  it('answers 404 for a missing user, a missing target and another user’s target; 400 for bad params', async () => {
    const user = await createUser();
    const theirs = await pushTarget((await createUser()).$id);
    expectError(await call('PATCH', `${base(uid())}/${theirs.body.$id}`, { body: { name: 'x' } }), 404, 'user_not_found');
    expectError(await call('PATCH', `${base(user.$id)}/${uid()}`, { body: { name: 'x' } }), 404, 'user_target_not_found');
    expectError(await call('PATCH', `${base(user.$id)}/${theirs.body.$id}`, { body: { name: 'x' } }), 404, 'user_target_not_found');
    expectError(await call('PATCH', `${base(user.$id)}/${theirs.body.$id}`, { body: { name: 'x'.repeat(129) } }), 400, 'general_argument_invalid');
  });

  it('records target.update', async () => {
    const user = await createUser();
    const target = await pushTarget(user.$id);
    await call('PATCH', `${base(user.$id)}/${target.body.$id}`, { body: { name: 'n' } });
    expect((await storedLogs(user.$id)).at(-1)).toMatchObject({ event: 'target.update', resource: `target/${target.body.$id}` });
  });
});

describe('DELETE /v1/users/{userId}/targets/{targetId}', () => {
  it('deletes the target (204), keeps the user email; a later email change creates a fresh target', async () => {
    const user = await createUser({ email: email() });
    const res = await call('DELETE', `${base(user.$id)}/${user.targets[0].$id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const after = (await call('GET', `/v1/users/${user.$id}`)).body;
    expect(after).toMatchObject({ email: user.email, targets: [] });
    const changed = await call('PATCH', `/v1/users/${user.$id}/email`, { body: { email: email() } });
    expect(changed.body.targets).toHaveLength(1);
    expect((await storedLogs(user.$id)).map((l) => l.event)).toContain('target.delete');
  });

  it('answers 404 for a missing user, a missing target and another user’s target, and logs nothing then', async () => {
    const user = await createUser();
    const theirs = await pushTarget((await createUser()).$id);
    const logs = (await storedLogs(user.$id)).length;
    expectError(await call('DELETE', `${base(uid())}/${theirs.body.$id}`), 404, 'user_not_found');
    expectError(await call('DELETE', `${base(user.$id)}/${uid()}`), 404, 'user_target_not_found');
    expectError(await call('DELETE', `${base(user.$id)}/${theirs.body.$id}`), 404, 'user_target_not_found');
    expect(await storedLogs(user.$id)).toHaveLength(logs);
  });
});

describe('targets scopes', () => {
  const v16 = { 'x-appwrite-response-format': '1.6.0' };

  it('need users.read / users.write since 1.9.5', async () => {
    const user = await createUser();
    const targetsOnly = await keyWith(['targets.read', 'targets.write']);
    const res = await call('GET', base(user.$id), { key: targetsOnly });
    expectError(res, 401, 'general_unauthorized_scope');
    expect(res.body.message).toMatch(/ \(role: applications\) missing scopes \(\["users\.read"\]\)$/);
    const usersOnly = await keyWith(['users.read', 'users.write']);
    expect((await call('POST', base(user.$id), { key: usersOnly, body: { targetId: 'unique()', providerType: 'push', identifier: uid() } })).status).toBe(201);
    expect((await call('GET', base(user.$id), { key: usersOnly })).body.total).toBe(1);
  });

  it('need targets.read / targets.write, not users.*, for formats before 1.9.5', async () => {
    const user = await createUser();
    const usersOnly = await keyWith(['users.read', 'users.write']);
    const res = await call('GET', base(user.$id), { key: usersOnly, headers: v16 });
    expectError(res, 401, 'general_unauthorized_scope');
    expect(res.body.message).toMatch(/ \(role: applications\) missing scope \(targets\.read\)$/);
    expectError(await call('POST', base(user.$id), { key: usersOnly, body: {}, headers: v16 }), 401, 'general_unauthorized_scope');
    const targetsOnly = await keyWith(['targets.read', 'targets.write']);
    const created = await call('POST', base(user.$id), { key: targetsOnly, headers: v16, body: { targetId: 'unique()', providerType: 'push', identifier: uid() } });
    expect(created.status).toBe(201);
    expect((await call('GET', base(user.$id), { key: targetsOnly, headers: v16 })).body.total).toBe(1);
    expectError(await call('GET', `/v1/users/${user.$id}`, { key: targetsOnly, headers: v16 }), 401, 'general_unauthorized_scope');
  });
});
