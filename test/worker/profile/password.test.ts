import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { countingD1 } from '../helpers/d1-counter';
import { call, createUser, DATE, email, expectError, uid } from './helpers';

const PASSWORD_MESSAGE = 'Invalid `password` param: Password must be between 8 and 265 characters long, and should not be one of the commonly used password.';
const history = (n: number) => ({ env: { PASSWORD_HISTORY: String(n) } as Partial<Env> });

describe('PATCH /v1/users/{userId}/password', () => {
  it('hashes with argon2id, sets passwordUpdate and $updatedAt, keeps targets and verification', async () => {
    const user = await createUser({ email: email() });
    await call('PATCH', `/v1/users/${user.$id}/verification`, { body: { emailVerification: true } });
    const res = await call('PATCH', `/v1/users/${user.$id}/password`, { body: { password: 'new-password-1' } });
    expect(res.status).toBe(200);
    expect(res.body.password).toMatch(/^\$argon2id\$/);
    expect(res.body).toMatchObject({ hash: 'argon2', hashOptions: { type: 'argon2', memoryCost: 19456, timeCost: 2, threads: 1 }, emailVerification: true });
    expect(res.body.passwordUpdate).toMatch(DATE);
    expect(res.body.targets).toEqual(user.targets);
  });

  it('replaces an imported hash and its options', async () => {
    const id = uid();
    await call('POST', '/v1/users/md5', { body: { userId: id, email: email(), password: '144fa7eaa4904e8ee120651997f70dcc' } });
    const res = await call('PATCH', `/v1/users/${id}/password`, { body: { password: 'new-password-1' } });
    expect(res.body).toMatchObject({ hash: 'argon2', hashOptions: { type: 'argon2' } });
  });

  it('stores "" as "" (1.6.2 stores an argon2 hash of ""), keeping hash, options and history', async () => {
    const user = await createUser({ password: 'password-123' });
    const res = await call('PATCH', `/v1/users/${user.$id}/password`, { body: { password: '' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ password: '', hash: 'argon2', hashOptions: user.hashOptions });
    expect(res.body.passwordUpdate).toMatch(DATE);
    expect((await call('GET', `/v1/users/${user.$id}`)).body.password).toBe('');
  });

  it('rejects a password used within the last N (PASSWORD_HISTORY) and keeps only N hashes', async () => {
    const user = await createUser({ password: 'first-password' });
    // Created without history: the first hash is not remembered.
    expect((await call('PATCH', `/v1/users/${user.$id}/password`, { body: { password: 'first-password' }, ...history(2) })).status).toBe(200);
    expectError(await call('PATCH', `/v1/users/${user.$id}/password`, { body: { password: 'first-password' }, ...history(2) }), 400, 'password_recently_used');
    await call('PATCH', `/v1/users/${user.$id}/password`, { body: { password: 'second-password' }, ...history(2) });
    await call('PATCH', `/v1/users/${user.$id}/password`, { body: { password: 'third-password' }, ...history(2) });
    const row = await env.DB.prepare('select password_history as h from users where id = ?').bind(user.$id).first<{ h: string }>();
    expect(JSON.parse(row!.h)).toHaveLength(2);
    // "first-password" fell out of the last two.
    expect((await call('PATCH', `/v1/users/${user.$id}/password`, { body: { password: 'first-password' }, ...history(2) })).status).toBe(200);
  });

  it('leaves the history alone when PASSWORD_HISTORY is 0', async () => {
    const user = await createUser({ password: 'first-password' });
    await call('PATCH', `/v1/users/${user.$id}/password`, { body: { password: 'other-password' } });
    expect((await call('PATCH', `/v1/users/${user.$id}/password`, { body: { password: 'first-password' } })).status).toBe(200);
  });

  it('rejects personal data when PERSONAL_DATA_CHECK is on (and "" too, as Appwrite does)', async () => {
    const user = await createUser({ email: email('mail'), name: 'Zinedine' });
    const on = { env: { PERSONAL_DATA_CHECK: 'true' } as Partial<Env> };
    for (const password of [`x${user.$id}x`, `${user.email.split('@')[0]}99`, 'zinedine-zz', '']) {
      expectError(await call('PATCH', `/v1/users/${user.$id}/password`, { body: { password }, ...on }), 400, 'password_personal_data');
    }
    expect((await call('PATCH', `/v1/users/${user.$id}/password`, { body: { password: 'unrelated-secret' }, ...on })).status).toBe(200);
  });

  it.each([
    [{}, 'Param "password" is not optional.'],
    [{ password: 'short' }, PASSWORD_MESSAGE],
    [{ password: 'é'.repeat(129) }, PASSWORD_MESSAGE],
    [{ password: null }, PASSWORD_MESSAGE],
  ])('rejects %j', async (body, message) => {
    const user = await createUser();
    expectError(await call('PATCH', `/v1/users/${user.$id}/password`, { body }), 400, 'general_argument_invalid', message);
  });

  it('answers 404 for a missing user', async () => {
    expectError(await call('PATCH', `/v1/users/${uid()}/password`, { body: { password: 'password-123' } }), 404, 'user_not_found');
  });

  it('reads the user once, then writes in one batch', async () => {
    const user = await createUser();
    const { db, stats } = countingD1();
    expect((await call('PATCH', `/v1/users/${user.$id}/password`, { body: { password: 'password-123' }, env: { DB: db } })).status).toBe(200);
    expect(stats.roundTrips).toBe(2);
  });
});
