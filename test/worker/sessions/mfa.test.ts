import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../../src/crypto/totp';
import { call, createUser } from '../helpers/api';
import { asJwt, asSession, currentTotp, serverSession, userWithPassword } from './helpers';

const now = () => Date.now() / 1000;

/** A user with a verified TOTP authenticator, enrolled through the Account API; returns its secret. */
async function enrolTotp(userId: string) {
  const { secret: session } = await serverSession(userId);
  const created = await call('POST', '/v1/account/mfa/authenticators/totp', asSession(session));
  expect(created.status).toBe(200);
  const verified = await call('PUT', '/v1/account/mfa/authenticators/totp', asSession(session, { body: { otp: await currentTotp(created.body.secret) } }));
  expect(verified.status).toBe(200);
  return { totpSecret: created.body.secret as string, session };
}

describe('PATCH /v1/users/{userId}/mfa', () => {
  it('sets mfa and answers the User model', async () => {
    const user = await createUser();
    const res = await call('PATCH', `/v1/users/${user.$id}/mfa`, { body: { mfa: true } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ $id: user.$id, mfa: true, hash: 'argon2' });
    expect((await call('GET', `/v1/users/${user.$id}`)).body.mfa).toBe(true);
  });

  it.each([
    [{ mfa: 'true' }, 'Invalid `mfa` param: Value must be a valid boolean'],
    [{ mfa: 1 }, 'Invalid `mfa` param: Value must be a valid boolean'],
    [{}, 'Param "mfa" is not optional.'],
  ])('rejects %j', async (body, message) => {
    const res = await call('PATCH', '/v1/users/missing-user/mfa', { body });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(message);
  });

  it('answers 404 for a missing user', async () => {
    expect((await call('PATCH', '/v1/users/missing-user/mfa', { body: { mfa: false } })).body.type).toBe('user_not_found');
  });
});

describe('GET /v1/users/{userId}/mfa/factors', () => {
  it('reports verified email and TOTP; recoveryCode is always false here', async () => {
    const user = await userWithPassword();
    await call('PATCH', `/v1/users/${user.$id}/verification`, { body: { emailVerification: true } });
    await call('PATCH', `/v1/users/${user.$id}/mfa/recovery-codes`);
    expect((await call('GET', `/v1/users/${user.$id}/mfa/factors`)).body).toEqual({ totp: false, phone: false, email: true, recoveryCode: false });
    await enrolTotp(user.$id);
    const res = await call('GET', `/v1/users/${user.$id}/mfa/factors`);
    expect(Object.keys(res.body)).toEqual(['totp', 'phone', 'email', 'recoveryCode']);
    expect(res.body).toEqual({ totp: true, phone: false, email: true, recoveryCode: false });
  });

  it('answers 404 for a missing user', async () => {
    expect((await call('GET', '/v1/users/missing-user/mfa/factors')).body.type).toBe('user_not_found');
  });
});

describe('/v1/users/{userId}/mfa/recovery-codes', () => {
  it('creates one set (200), reads it back, refuses a second set, regenerates it', async () => {
    const user = await createUser();
    expect((await call('GET', `/v1/users/${user.$id}/mfa/recovery-codes`)).body).toMatchObject({
      type: 'user_recovery_codes_not_found',
      message: 'Recovery codes could not be found on the current user.',
    });
    expect((await call('PUT', `/v1/users/${user.$id}/mfa/recovery-codes`)).body.type).toBe('user_recovery_codes_not_found');

    const created = await call('PATCH', `/v1/users/${user.$id}/mfa/recovery-codes`);
    expect(created.status).toBe(200);
    expect(created.body.recoveryCodes).toHaveLength(6);
    for (const code of created.body.recoveryCodes) expect(code).toMatch(/^[0-9a-f]{10}$/);
    expect((await call('GET', `/v1/users/${user.$id}/mfa/recovery-codes`)).body).toEqual(created.body);

    const again = await call('PATCH', `/v1/users/${user.$id}/mfa/recovery-codes`);
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('user_recovery_codes_already_exists');

    const regenerated = await call('PUT', `/v1/users/${user.$id}/mfa/recovery-codes`);
    expect(regenerated.status).toBe(200);
    expect(regenerated.body.recoveryCodes).toHaveLength(6);
    expect(regenerated.body.recoveryCodes).not.toEqual(created.body.recoveryCodes);
  });

  it('keeps the codes encrypted at rest', async () => {
    const user = await createUser();
    const { recoveryCodes } = (await call('PATCH', `/v1/users/${user.$id}/mfa/recovery-codes`)).body;
    const row = await env.DB.prepare('select mfa_recovery_codes from users where id = ?').bind(user.$id).first<{ mfa_recovery_codes: string }>();
    expect(row!.mfa_recovery_codes).toMatch(/^v1\./);
    for (const code of recoveryCodes) expect(row!.mfa_recovery_codes).not.toContain(code);
  });

  it('answers 404 for a missing user', async () => {
    for (const method of ['GET', 'PATCH', 'PUT']) {
      expect((await call(method, '/v1/users/missing-user/mfa/recovery-codes')).body.type).toBe('user_not_found');
    }
  });
});

describe('DELETE /v1/users/{userId}/mfa/authenticators/{type}', () => {
  it('deletes the TOTP authenticator (204; type is case-insensitive), then 404', async () => {
    const user = await userWithPassword();
    await enrolTotp(user.$id);
    const res = await call('DELETE', `/v1/users/${user.$id}/mfa/authenticators/TOTP`);
    expect(res.status).toBe(204);
    expect((await call('GET', `/v1/users/${user.$id}/mfa/factors`)).body.totp).toBe(false);
    const again = await call('DELETE', `/v1/users/${user.$id}/mfa/authenticators/totp`);
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ type: 'user_authenticator_not_found', message: 'Authenticator could not be found on the current user.' });
  });

  it('validates the type and answers 404 for a missing user', async () => {
    const user = await createUser();
    const bad = await call('DELETE', `/v1/users/${user.$id}/mfa/authenticators/sms`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('Invalid `type` param: Value must be one of (totp)');
    expect((await call('DELETE', '/v1/users/missing-user/mfa/authenticators/totp')).body.type).toBe('user_not_found');
  });
});

describe('Account TOTP enrolment', () => {
  it('creates an unverified authenticator with a 103-char secret and a provisioning URI', async () => {
    const user = await userWithPassword();
    const { secret } = await serverSession(user.$id);
    const res = await call('POST', '/v1/account/mfa/authenticators/totp', asSession(secret));
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['secret', 'uri']);
    expect(res.body.secret).toMatch(/^[A-Z2-7]{103}$/);
    expect(res.body.uri).toBe(
      `otpauth://totp/Default%20project%3A${encodeURIComponent(user.email)}?issuer=Default%20project&secret=${res.body.secret}`,
    );
    const row = await env.DB.prepare('select data, verified from authenticators where user_id = ?').bind(user.$id).first<any>();
    expect(row.verified).toBe(0);
    expect(row.data).not.toContain(res.body.secret);
  });

  it('replaces an unverified authenticator; refuses to replace or re-verify a verified one (409)', async () => {
    const user = await userWithPassword();
    const { session } = await enrolTotp(user.$id);
    const create = await call('POST', '/v1/account/mfa/authenticators/totp', asSession(session));
    expect(create.status).toBe(409);
    expect(create.body).toMatchObject({
      type: 'user_authenticator_already_verified',
      message: 'This authenticator is already verified on the current user.',
    });
    expect((await call('PUT', '/v1/account/mfa/authenticators/totp', asSession(session, { body: { otp: '123456' } }))).status).toBe(409);
  });

  it('verifies only the current code (401 user_invalid_token otherwise) and adds `totp` to the session', async () => {
    const user = await userWithPassword();
    const { id, secret } = await serverSession(user.$id);
    const created = (await call('POST', '/v1/account/mfa/authenticators/totp', asSession(secret))).body;
    const stale = await totpCode(created.secret, now() - 90);
    const wrong = await call('PUT', '/v1/account/mfa/authenticators/totp', asSession(secret, { body: { otp: stale } }));
    expect(wrong.status).toBe(401);
    expect(wrong.body.type).toBe('user_invalid_token');
    const ok = await call('PUT', '/v1/account/mfa/authenticators/totp', asSession(secret, { body: { otp: await currentTotp(created.secret) } }));
    expect(ok.status).toBe(200);
    expect(ok.body).not.toHaveProperty('password');
    const session = (await call('GET', `/v1/users/${user.$id}/sessions`)).body.sessions.find((s: any) => s.$id === id);
    expect(session.factors).toEqual(['server', 'totp']);
  });

  it('answers 404 when there is nothing to verify', async () => {
    const user = await createUser();
    const { secret } = await serverSession(user.$id);
    const res = await call('PUT', '/v1/account/mfa/authenticators/totp', asSession(secret, { body: { otp: '123456' } }));
    expect(res.body.type).toBe('user_authenticator_not_found');
  });
});

describe('MFA enforcement and challenges', () => {
  async function mfaUserWithCodes() {
    const user = await userWithPassword();
    await call('PATCH', `/v1/users/${user.$id}/verification`, { body: { emailVerification: true } });
    await call('PATCH', `/v1/users/${user.$id}/mfa`, { body: { mfa: true } });
    const codes: string[] = (await call('PATCH', `/v1/users/${user.$id}/mfa/recovery-codes`)).body.recoveryCodes;
    return { user, codes };
  }

  it('locks a one-factor session out of ordinary routes until a recovery-code challenge succeeds', async () => {
    const { user, codes } = await mfaUserWithCodes();
    const { id, secret } = await serverSession(user.$id);
    const locked = await call('GET', '/v1/account', asSession(secret));
    expect(locked.status).toBe(401);
    expect(locked.body).toMatchObject({ type: 'user_more_factors_required', message: 'More factors are required to complete the sign in process.' });
    // The `mfa` group still answers.
    expect((await call('GET', '/v1/account/mfa/factors', asSession(secret))).body).toEqual({ totp: false, phone: false, email: true, recoveryCode: true });

    const challenge = await call('POST', '/v1/account/mfa/challenge', asSession(secret, { body: { factor: 'recoverycode' } }));
    expect(challenge.status).toBe(201);
    expect(Object.keys(challenge.body)).toEqual(['$id', '$createdAt', 'userId', 'expire']);
    const wrong = await call('PUT', '/v1/account/mfa/challenge', asSession(secret, { body: { challengeId: challenge.body.$id, otp: 'ffffffffff' } }));
    expect(wrong.body.type).toBe('user_invalid_token');
    const answered = await call('PUT', '/v1/account/mfa/challenge', asSession(secret, { body: { challengeId: challenge.body.$id, otp: codes[2] } }));
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ $id: id, factors: ['server', 'recoveryCode'], secret: '', current: false });
    expect(answered.body.mfaUpdatedAt).not.toBe('');

    expect((await call('GET', '/v1/account', asSession(secret))).status).toBe(200);
    const left = (await call('GET', `/v1/users/${user.$id}/mfa/recovery-codes`)).body.recoveryCodes;
    expect(left).toEqual(codes.filter((_, i) => i !== 2));
    // The challenge is single use.
    const reused = await call('PUT', '/v1/account/mfa/challenge', asSession(secret, { body: { challengeId: challenge.body.$id, otp: codes[0] } }));
    expect(reused.body.type).toBe('user_invalid_token');
  });

  it('accepts a TOTP challenge on the plural path, with any factor case', async () => {
    const user = await userWithPassword();
    const { totpSecret } = await enrolTotp(user.$id);
    await call('PATCH', `/v1/users/${user.$id}/mfa`, { body: { mfa: true } });
    const { secret } = await serverSession(user.$id);
    expect((await call('GET', '/v1/account', asSession(secret))).body.type).toBe('user_more_factors_required');
    const challenge = await call('POST', '/v1/account/mfa/challenges', asSession(secret, { body: { factor: 'TOTP' } }));
    expect(challenge.status).toBe(201);
    const answered = await call(
      'PUT',
      '/v1/account/mfa/challenges',
      asSession(secret, { body: { challengeId: challenge.body.$id, otp: await currentTotp(totpSecret) } }),
    );
    expect(answered.status).toBe(200);
    expect(answered.body.factors).toEqual(['server', 'totp']);
    expect((await call('GET', '/v1/account', asSession(secret))).status).toBe(200);
  });

  it('does not factor-check JWT requests', async () => {
    const { user } = await mfaUserWithCodes();
    const { jwt } = (await call('POST', `/v1/users/${user.$id}/jwts`, { body: {} })).body;
    expect((await call('GET', '/v1/account', asJwt(jwt))).status).toBe(200);
  });

  it("refuses another user's, expired or unknown challenges", async () => {
    const { user, codes } = await mfaUserWithCodes();
    const { secret } = await serverSession(user.$id);
    const other = await mfaUserWithCodes();
    const otherSession = await serverSession(other.user.$id);
    const theirs = (await call('POST', '/v1/account/mfa/challenge', asSession(otherSession.secret, { body: { factor: 'recoverycode' } }))).body;
    const answer = (challengeId: string, otp: string) => call('PUT', '/v1/account/mfa/challenge', asSession(secret, { body: { challengeId, otp } }));
    expect((await answer(theirs.$id, other.codes[0])).body.type).toBe('user_invalid_token');
    expect((await answer('nope', codes[0])).body.type).toBe('user_invalid_token');
    const mine = (await call('POST', '/v1/account/mfa/challenge', asSession(secret, { body: { factor: 'recoveryCode' } }))).body;
    await env.DB.prepare('update challenges set expire = ? where id = ?').bind('2000-01-01T00:00:00.000Z', mine.$id).run();
    expect((await answer(mine.$id, codes[0])).body.type).toBe('user_invalid_token');
  });

  it('answers email/phone challenges as Appwrite does without a mail or SMS provider, and validates the factor', async () => {
    const user = await userWithPassword();
    const { secret } = await serverSession(user.$id);
    const email = await call('POST', '/v1/account/mfa/challenge', asSession(secret, { body: { factor: 'email' } }));
    expect(email.status).toBe(503);
    expect(email.body).toMatchObject({ type: 'general_smtp_disabled', message: 'SMTP disabled' });
    expect((await call('POST', '/v1/account/mfa/challenge', asSession(secret, { body: { factor: 'phone' } }))).body.type).toBe('general_phone_disabled');
    const bad = await call('POST', '/v1/account/mfa/challenge', asSession(secret, { body: { factor: 'sms' } }));
    expect(bad.body.message).toBe('Invalid `factor` param: Value must be one of (email, phone, totp, recoverycode)');
  });

  it('answers 404 user_session_not_found to a JWT answering a challenge', async () => {
    const user = await createUser();
    const { jwt } = (await call('POST', `/v1/users/${user.$id}/jwts`, { body: {} })).body;
    const res = await call('PUT', '/v1/account/mfa/challenge', asJwt(jwt, { body: { challengeId: 'x', otp: 'y' } }));
    expect(res.body.type).toBe('user_session_not_found');
  });
});

describe('PATCH /v1/account/mfa', () => {
  it('enabling grants the current session the factors the user has, so it is not locked out', async () => {
    const user = await userWithPassword();
    await call('PATCH', `/v1/users/${user.$id}/verification`, { body: { emailVerification: true } });
    const { id, secret } = await serverSession(user.$id);
    const res = await call('PATCH', '/v1/account/mfa', asSession(secret, { body: { mfa: true } }));
    expect(res.status).toBe(200);
    expect(res.body.mfa).toBe(true);
    expect(res.body).not.toHaveProperty('hash');
    expect((await call('GET', '/v1/account', asSession(secret))).status).toBe(200);
    const session = (await call('GET', `/v1/users/${user.$id}/sessions`)).body.sessions.find((s: any) => s.$id === id);
    expect(session.factors).toEqual(['server', 'email']);
    const other = await serverSession(user.$id);
    expect((await call('GET', '/v1/account', asSession(other.secret))).body.type).toBe('user_more_factors_required');
  });
});

describe('Account recovery codes (recent challenge required to read or regenerate)', () => {
  it('creates with 201; reading needs a challenge in the last 30 minutes', async () => {
    const user = await createUser();
    const { id, secret } = await serverSession(user.$id);
    const created = await call('POST', '/v1/account/mfa/recovery-codes', asSession(secret));
    expect(created.status).toBe(201);
    expect((await call('POST', '/v1/account/mfa/recovery-codes', asSession(secret))).status).toBe(409);
    const denied = await call('GET', '/v1/account/mfa/recovery-codes', asSession(secret));
    expect(denied.status).toBe(401);
    expect(denied.body).toMatchObject({
      type: 'user_challenge_required',
      message: 'A recently successful challenge is required to complete this action. A challenge is considered recent for 5 minutes.',
    });
    const challenge = (await call('POST', '/v1/account/mfa/challenge', asSession(secret, { body: { factor: 'recoverycode' } }))).body;
    await call('PUT', '/v1/account/mfa/challenge', asSession(secret, { body: { challengeId: challenge.$id, otp: created.body.recoveryCodes[0] } }));
    expect((await call('GET', '/v1/account/mfa/recovery-codes', asSession(secret))).body.recoveryCodes).toHaveLength(5);
    expect((await call('PATCH', '/v1/account/mfa/recovery-codes', asSession(secret))).body.recoveryCodes).toHaveLength(6);
    await env.DB.prepare('update sessions set mfa_updated_at = ? where id = ?').bind(new Date(Date.now() - 1801_000).toISOString(), id).run();
    expect((await call('GET', '/v1/account/mfa/recovery-codes', asSession(secret))).body.type).toBe('user_challenge_required');
  });
});
