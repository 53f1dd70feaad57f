import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { countingD1 } from '../helpers/d1-counter';
import { call, createUser, email, expectError, insertIdentity, phone, storedLogs, storedTargets, uid } from './helpers';

const EMAIL_MESSAGE = 'Invalid `email` param: Value must be a valid email address';
const PHONE_MESSAGE = "Invalid `number` param: Phone number must start with a '+' can have a maximum of fifteen digits.";

describe('PATCH /v1/users/{userId}/email', () => {
  it('lower-cases the email, renames the email target in place and resets emailVerification', async () => {
    const user = await createUser({ email: email() });
    await call('PATCH', `/v1/users/${user.$id}/verification`, { body: { emailVerification: true } });
    const next = email('NEW');
    const res = await call('PATCH', `/v1/users/${user.$id}/email`, { body: { email: next.toUpperCase() } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: next, emailVerification: false });
    expect(res.body.targets).toHaveLength(1);
    expect(res.body.targets[0]).toMatchObject({ $id: user.targets[0].$id, identifier: next, providerType: 'email' });
    expect(await storedTargets(user.$id)).toEqual([{ id: user.targets[0].$id, type: 'email', identifier: next }]);
    expect((await call('GET', `/v1/users/${user.$id}`)).body).toEqual(res.body);
  });

  it('creates an email target when the user had none', async () => {
    const user = await createUser({ phone: phone() });
    const next = email();
    const res = await call('PATCH', `/v1/users/${user.$id}/email`, { body: { email: next } });
    expect(res.body.targets.map((t: any) => [t.providerType, t.identifier])).toEqual([
      ['sms', user.phone],
      ['email', next],
    ]);
    expect(res.body.targets[1]).toMatchObject({ name: '', providerId: null, expired: false, userId: user.$id });
  });

  it('clears with "": stored as "", target removed, flag reset; then a new email gets a fresh target', async () => {
    const user = await createUser({ email: email() });
    await call('PATCH', `/v1/users/${user.$id}/verification`, { body: { emailVerification: true } });
    const cleared = await call('PATCH', `/v1/users/${user.$id}/email`, { body: { email: '' } });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ email: '', emailVerification: false, targets: [] });
    const row = await env.DB.prepare('select email from users where id = ?').bind(user.$id).first<{ email: string | null }>();
    expect(row?.email).toBe('');
    const again = await call('PATCH', `/v1/users/${user.$id}/email`, { body: { email: 'users.service@updated.com'.replace('users', uid('s')) } });
    expect(again.body.targets).toHaveLength(1);
    expect(again.body.targets[0].$id).not.toBe(user.targets[0].$id);
  });

  it('lets any number of users clear their email', async () => {
    for (let i = 0; i < 3; i++) {
      const user = await createUser({ email: email() });
      expect((await call('PATCH', `/v1/users/${user.$id}/email`, { body: { email: '' } })).status).toBe(200);
    }
  });

  it("treats re-sending the user's own current email as a no-op 200 (Appwrite answers 409)", async () => {
    const user = await createUser({ email: email() });
    await call('PATCH', `/v1/users/${user.$id}/verification`, { body: { emailVerification: true } });
    const before = (await call('GET', `/v1/users/${user.$id}`)).body;
    const logs = (await storedLogs(user.$id)).length;
    const res = await call('PATCH', `/v1/users/${user.$id}/email`, { body: { email: user.email.toUpperCase() } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(before);
    expect(await storedLogs(user.$id)).toHaveLength(logs);
  });

  it("answers 409 user_target_already_exists for another user's email (their target holds it)", async () => {
    const other = await createUser({ email: email() });
    const user = await createUser({ email: email() });
    expectError(await call('PATCH', `/v1/users/${user.$id}/email`, { body: { email: other.email } }), 409, 'user_target_already_exists');
  });

  it('answers 409 user_target_already_exists when any target (e.g. a push token) holds the address', async () => {
    const other = await createUser();
    const address = email();
    await call('POST', `/v1/users/${other.$id}/targets`, { body: { targetId: 'unique()', providerType: 'push', identifier: address } });
    const user = await createUser();
    expectError(await call('PATCH', `/v1/users/${user.$id}/email`, { body: { email: address } }), 409, 'user_target_already_exists');
  });

  it('answers 409 user_email_already_exists when another user has the email but no target for it', async () => {
    const other = await createUser({ email: email() });
    await call('DELETE', `/v1/users/${other.$id}/targets/${other.targets[0].$id}`);
    const user = await createUser({ email: email() });
    expectError(await call('PATCH', `/v1/users/${user.$id}/email`, { body: { email: other.email } }), 409, 'user_email_already_exists');
  });

  it("answers 409 user_email_already_exists for another user's identity email, before the target check", async () => {
    const other = await createUser({ email: email() });
    await insertIdentity(other.$id, { providerEmail: other.email });
    const user = await createUser();
    expectError(await call('PATCH', `/v1/users/${user.$id}/email`, { body: { email: other.email } }), 409, 'user_email_already_exists');
    const loose = email();
    await insertIdentity(other.$id, { providerEmail: loose });
    expectError(await call('PATCH', `/v1/users/${user.$id}/email`, { body: { email: loose } }), 409, 'user_email_already_exists');
  });

  it("allows the email of the user's own identity", async () => {
    const user = await createUser();
    const address = email();
    await insertIdentity(user.$id, { providerEmail: address });
    expect((await call('PATCH', `/v1/users/${user.$id}/email`, { body: { email: address } })).body.email).toBe(address);
  });

  it.each([
    [{}, 'Param "email" is not optional.'],
    [{ email: 'a@localhost' }, EMAIL_MESSAGE],
    [{ email: null }, EMAIL_MESSAGE],
    [{ email: ' a@b.com' }, EMAIL_MESSAGE],
  ])('rejects %j', async (body, message) => {
    const user = await createUser();
    expectError(await call('PATCH', `/v1/users/${user.$id}/email`, { body }), 400, 'general_argument_invalid', message);
  });

  it('answers 404 for a missing user without writing anything', async () => {
    const id = uid();
    expectError(await call('PATCH', `/v1/users/${id}/email`, { body: { email: email() } }), 404, 'user_not_found');
    expect(await storedLogs(id)).toEqual([]);
  });

  it('is one D1 batch (one round trip)', async () => {
    const user = await createUser({ email: email() });
    const { db, stats } = countingD1();
    const res = await call('PATCH', `/v1/users/${user.$id}/email`, { body: { email: email() }, env: { DB: db } });
    expect(res.status).toBe(200);
    expect(stats.roundTrips).toBe(1);
  });

  it('keeps search in step', async () => {
    const user = await createUser({ email: email() });
    const token = `fresh${Date.now()}`;
    await call('PATCH', `/v1/users/${user.$id}/email`, { body: { email: `${token}@example.com` } });
    expect((await call('GET', `/v1/users?search=${token}`)).body.users.map((u: any) => u.$id)).toEqual([user.$id]);
  });
});

describe('PATCH /v1/users/{userId}/phone', () => {
  it('renames the sms target, resets phoneVerification and takes the `number` param', async () => {
    const user = await createUser({ phone: phone() });
    await call('PATCH', `/v1/users/${user.$id}/verification/phone`, { body: { phoneVerification: true } });
    const next = phone();
    const res = await call('PATCH', `/v1/users/${user.$id}/phone`, { body: { number: next } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ phone: next, phoneVerification: false });
    expect(res.body.targets).toEqual([expect.objectContaining({ $id: user.targets[0].$id, providerType: 'sms', identifier: next })]);
  });

  it('creates an sms target when there was none, clears with "" (target removed), any number of times', async () => {
    const user = await createUser({ email: email() });
    const next = phone();
    const set = await call('PATCH', `/v1/users/${user.$id}/phone`, { body: { number: next } });
    expect(set.body.targets.map((t: any) => t.providerType)).toEqual(['email', 'sms']);
    const cleared = await call('PATCH', `/v1/users/${user.$id}/phone`, { body: { number: '' } });
    expect(cleared.body).toMatchObject({ phone: '', phoneVerification: false });
    expect(cleared.body.targets.map((t: any) => t.providerType)).toEqual(['email']);
    const second = await createUser({ phone: phone() });
    expect((await call('PATCH', `/v1/users/${second.$id}/phone`, { body: { number: '' } })).status).toBe(200);
  });

  it("is a no-op 200 for the user's own current number", async () => {
    const user = await createUser({ phone: phone() });
    const res = await call('PATCH', `/v1/users/${user.$id}/phone`, { body: { number: user.phone } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(user);
  });

  it("answers 409 user_target_already_exists for another user's number", async () => {
    const other = await createUser({ phone: phone() });
    const user = await createUser();
    expectError(await call('PATCH', `/v1/users/${user.$id}/phone`, { body: { number: other.phone } }), 409, 'user_target_already_exists');
  });

  it('answers 409 user_phone_already_exists when another user has the number but no target for it', async () => {
    const other = await createUser({ phone: phone() });
    await call('DELETE', `/v1/users/${other.$id}/targets/${other.targets[0].$id}`);
    const user = await createUser();
    expectError(await call('PATCH', `/v1/users/${user.$id}/phone`, { body: { number: other.phone } }), 409, 'user_phone_already_exists');
  });

  it.each([
    [{}, 'Param "number" is not optional.'],
    [{ phone: '+14155550100' }, 'Param "number" is not optional.'],
    [{ number: '14155550100' }, PHONE_MESSAGE],
    [{ number: '+2101234567' }, PHONE_MESSAGE],
    [{ number: null }, PHONE_MESSAGE],
  ])('rejects %j', async (body, message) => {
    const user = await createUser();
    expectError(await call('PATCH', `/v1/users/${user.$id}/phone`, { body }), 400, 'general_argument_invalid', message);
  });

  it('answers 404 for a missing user', async () => {
    expectError(await call('PATCH', `/v1/users/${uid()}/phone`, { body: { number: phone() } }), 404, 'user_not_found');
  });
});

describe('a failing write batch', () => {
  it("leaves the user and its targets exactly as before (email held by another user's target)", async () => {
    const other = await createUser();
    const taken = email();
    await call('POST', `/v1/users/${other.$id}/targets`, { body: { targetId: 'unique()', providerType: 'email', identifier: taken } });
    const user = await createUser({ email: email(), phone: phone() });
    await call('PATCH', `/v1/users/${user.$id}/verification`, { body: { emailVerification: true } });
    const before = (await call('GET', `/v1/users/${user.$id}`)).body;
    const targetsBefore = await storedTargets(user.$id);
    const logsBefore = await storedLogs(user.$id);

    // The batch renames the target (fails) before the user row would change.
    expectError(await call('PATCH', `/v1/users/${user.$id}/email`, { body: { email: taken } }), 409, 'user_target_already_exists');

    expect((await call('GET', `/v1/users/${user.$id}`)).body).toEqual(before);
    expect(await storedTargets(user.$id)).toEqual(targetsBefore);
    expect(await storedLogs(user.$id)).toEqual(logsBefore);
  });

  it('rolls back the target rename when the user row then fails (email of a user without target)', async () => {
    const other = await createUser({ email: email() });
    await call('DELETE', `/v1/users/${other.$id}/targets/${other.targets[0].$id}`);
    const user = await createUser({ email: email() });
    const before = (await call('GET', `/v1/users/${user.$id}`)).body;
    expectError(await call('PATCH', `/v1/users/${user.$id}/email`, { body: { email: other.email } }), 409, 'user_email_already_exists');
    expect((await call('GET', `/v1/users/${user.$id}`)).body).toEqual(before);
  });
});
