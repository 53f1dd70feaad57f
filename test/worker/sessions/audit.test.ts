import { describe, expect, it } from 'vitest';
import { call } from '../helpers/api';
import { asSession, login, PASSWORD, serverSession, userWithPassword } from './helpers';

const events = async (userId: string) => (await call('GET', `/v1/users/${userId}/logs`)).body.logs as any[];

describe('audit entries of credential changes', () => {
  it('records session.create, tokens.create, user.update and session.delete with their actors', async () => {
    const user = await userWithPassword();
    const { secret } = await serverSession(user.$id);
    await call('POST', `/v1/users/${user.$id}/tokens`, { body: {} });
    await call('PATCH', `/v1/users/${user.$id}/mfa`, { body: { mfa: false } });
    await login(user.email, PASSWORD);
    await call('DELETE', '/v1/account/sessions/current', asSession(secret));
    const logs = await events(user.$id);
    expect(logs.map((l) => l.event).slice(0, 5)).toEqual(['session.delete', 'session.create', 'user.update', 'tokens.create', 'session.create']);
    // The login is attributed to the user who signed in; API-key calls to the app actor.
    expect(logs[1]).toMatchObject({ userId: user.$id, userEmail: user.email });
    expect(logs[4].userEmail).toBe('app.default@service.localhost');
    expect(logs[0]).toMatchObject({ userId: user.$id, userEmail: user.email });
  });

  it('records nothing for a failed delete', async () => {
    const user = await userWithPassword();
    const before = (await events(user.$id)).length;
    await call('DELETE', `/v1/users/${user.$id}/sessions/nope`);
    await call('DELETE', `/v1/users/${user.$id}/mfa/authenticators/totp`);
    expect(await events(user.$id)).toHaveLength(before);
  });
});
