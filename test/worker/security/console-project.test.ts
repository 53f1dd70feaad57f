import { describe, expect, it } from 'vitest';
import { call, ROOT_KEY } from '../helpers/api';
import { asSession, freshIp, login, PASSWORD, userWithPassword } from '../sessions/helpers';

/** Without a project Appwrite answers as its console project, which has none of our users (errors.md §4). */
describe('POST /v1/account/sessions/email without X-Appwrite-Project', () => {
  it.each([
    ['no header', null],
    ['an empty header', ''],
  ])('does not sign in with %s: 401 user_invalid_credentials', async (_, project) => {
    const user = await userWithPassword();
    const res = await login(user.email, PASSWORD, { project });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ type: 'user_invalid_credentials', message: 'Invalid credentials. Please check the email and password.' });
    expect(res.headers.getSetCookie()).toEqual([]);
    expect((await call('GET', `/v1/users/${user.$id}/sessions`)).body.total).toBe(0);
    expect((await login(user.email, PASSWORD)).status).toBe(201);
  });

  it('still validates params first, and a project key without a project is 401 user_unauthorized', async () => {
    const bad = await login('not-an-email', PASSWORD, { project: null });
    expect(bad.status).toBe(400);
    const user = await userWithPassword();
    const keyed = await call('POST', '/v1/account/sessions/email', { project: null, key: ROOT_KEY, body: { email: user.email, password: PASSWORD } });
    expect(keyed.body.type).toBe('user_unauthorized');
  });

  it('a session secret without a project is no session (the guest scope error)', async () => {
    const user = await userWithPassword();
    const { headers } = await login(user.email, PASSWORD, { headers: { 'cf-connecting-ip': freshIp() } });
    const secret = JSON.parse(headers.get('x-fallback-cookies')!).a_session_default;
    const res = await call('GET', '/v1/account', asSession(secret, { project: null }));
    expect(res.status).toBe(401);
    expect(res.body.type).toBe('general_unauthorized_scope');
  });
});
