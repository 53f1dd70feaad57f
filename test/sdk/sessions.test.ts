import bcrypt from 'bcryptjs';
import { Account, AuthenticationFactor, AuthenticatorType, Client } from 'node-appwrite';
import { describe, expect, inject, it } from 'vitest';
import { expectAppwriteError, sdk, uid } from './client';

const { users, client: keyClient } = sdk();

/** A client without a key, optionally signed in with a session secret or a JWT. */
function endUser(credential: { session?: string; jwt?: string } = {}) {
  const client = new Client().setEndpoint(inject('endpoint')).setProject(inject('projectId'));
  if (credential.session) client.setSession(credential.session);
  if (credential.jwt) client.setJWT(credential.jwt);
  return new Account(client);
}


describe('node-appwrite 14.2.0: sessions, JWTs and login', () => {
  it('imported bcrypt user → password login → argon2 → session → JWT → delete sessions', async () => {
    const id = uid();
    const email = `${id}@example.com`;
    const password = 'bcrypt-password-1';
    await users.createBcryptUser(id, email, bcrypt.hashSync(password, 8), 'Imported');

    // A browser-like client (no key): the session comes back without its secret.
    const guestSession = await endUser().createEmailPasswordSession(email, password);
    expect(guestSession).toMatchObject({ userId: id, provider: 'email', providerUid: email, current: true, secret: '', factors: ['password'] });

    const rehashed = await users.get(id);
    expect(rehashed.hash).toBe('argon2');
    expect(rehashed.password).toMatch(/^\$argon2id\$/);

    // Server-side rendering: a key client logs in and receives the session secret.
    const ssr = await new Account(keyClient).createEmailPasswordSession(email, password);
    expect(ssr.secret).not.toBe('');
    const me = await endUser({ session: ssr.secret }).get();
    expect(me).toMatchObject({ $id: id, email, name: 'Imported' });
    expect(me).not.toHaveProperty('password');

    const { jwt } = await endUser({ session: ssr.secret }).createJWT();
    expect((await endUser({ jwt }).get()).$id).toBe(id);

    expect((await users.listSessions(id)).total).toBe(2);
    await users.deleteSessions(id);
    expect((await users.listSessions(id)).total).toBe(0);
    const error = await expectAppwriteError(endUser({ session: ssr.secret }).get(), 401, 'general_unauthorized_scope');
    expect(error.message).toBe('User (role: guests) missing scope (account)');
    // The JWT was bound to the deleted session.
    await expectAppwriteError(endUser({ jwt }).get(), 401, 'general_unauthorized_scope');
  });

  it('rejects a wrong password and a blocked user', async () => {
    const id = uid();
    const email = `${id}@example.com`;
    await users.create(id, email, undefined, 'password-123');
    await expectAppwriteError(endUser().createEmailPasswordSession(email, 'password-999'), 401, 'user_invalid_credentials');
    await users.updateStatus(id, false);
    await expectAppwriteError(endUser().createEmailPasswordSession(email, 'password-123'), 401, 'user_blocked');
  });

  it('server sessions, tokens and user JWTs work for the Account API', async () => {
    const user = await users.create(uid());
    const session = await users.createSession(user.$id);
    expect(session).toMatchObject({ userId: user.$id, provider: 'server', factors: ['server'], current: false });
    expect((await endUser({ session: session.secret }).get()).$id).toBe(user.$id);
    await endUser({ session: session.secret }).deleteSession('current');
    await expectAppwriteError(endUser({ session: session.secret }).get(), 401, 'general_unauthorized_scope');

    const token = await users.createToken(user.$id, 8, 60);
    expect(token.secret).toMatch(/^[0-9a-f]{8}$/);
    const exchanged = await endUser().createSession(user.$id, token.secret);
    expect(exchanged).toMatchObject({ provider: 'token', factors: ['token'] });
    await expectAppwriteError(endUser().createSession(user.$id, token.secret), 401, 'user_invalid_token');

    const { jwt } = await users.createJWT(user.$id, undefined, 60);
    expect((await endUser({ jwt }).get()).$id).toBe(user.$id);

    const other = await users.create(uid());
    const theirs = await users.createSession(other.$id);
    await expectAppwriteError(users.deleteSession(user.$id, theirs.$id), 404, 'user_session_not_found');
  });

  it('MFA: recovery codes through the Users API, a recovery-code challenge on the session', async () => {
    const id = uid();
    await users.create(id, `${id}@example.com`, undefined, 'password-123');
    await users.updateEmailVerification(id, true);
    expect((await users.updateMfa(id, true)).mfa).toBe(true);
    const { recoveryCodes } = await users.createMfaRecoveryCodes(id);
    expect(recoveryCodes).toHaveLength(6);
    await expectAppwriteError(users.createMfaRecoveryCodes(id), 409, 'user_recovery_codes_already_exists');
    expect(await users.listMfaFactors(id)).toEqual({ totp: false, phone: false, email: true, recoveryCode: false });

    const { secret } = await users.createSession(id);
    const account = endUser({ session: secret });
    await expectAppwriteError(account.get(), 401, 'user_more_factors_required');
    const challenge = await account.createMfaChallenge(AuthenticationFactor.Recoverycode);
    await account.updateMfaChallenge(challenge.$id, recoveryCodes[0]);
    expect((await account.get()).$id).toBe(id);
    expect((await users.getMfaRecoveryCodes(id)).recoveryCodes).toEqual(recoveryCodes.slice(1));
    expect((await users.updateMfaRecoveryCodes(id)).recoveryCodes).toHaveLength(6);
    await expectAppwriteError(users.deleteMfaAuthenticator(id, AuthenticatorType.Totp), 404, 'user_authenticator_not_found');
  });
});
