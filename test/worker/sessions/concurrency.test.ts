import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, createUser, ROOT_KEY } from '../helpers/api';
import { listSessions, login, PASSWORD, userWithPassword } from './helpers';

const MAX_SESSIONS = 10;

/** Samples the user's session count in D1 until `done` settles; returns the largest count seen. */
async function peakSessionCount(userId: string, done: Promise<unknown>): Promise<number> {
  let finished = false;
  done.finally(() => (finished = true));
  let peak = 0;
  while (!finished) {
    const row = await env.DB.prepare('select count(*) as n from sessions where user_id = ?').bind(userId).first<{ n: number }>();
    peak = Math.max(peak, row!.n);
    await new Promise((r) => setTimeout(r, 5));
  }
  return peak;
}

describe('the UserGate holds per-user rules under concurrency', () => {
  it(`100 parallel logins of one user never leave more than MAX_SESSIONS (${MAX_SESSIONS}) sessions`, async () => {
    const user = await userWithPassword();
    // As an API-key caller: a guest is throttled to 10 logins an hour per email.
    const logins = Promise.all(Array.from({ length: 100 }, () => login(user.email, PASSWORD, { key: ROOT_KEY })));
    const peak = await peakSessionCount(user.$id, logins);
    const results = await logins;
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(201));
    expect(peak).toBeLessThanOrEqual(MAX_SESSIONS);
    const left = await listSessions(user.$id);
    expect(left).toHaveLength(MAX_SESSIONS);
    // The survivors are the newest ones.
    const created = results.map((r) => r.body.$id as string);
    const seqs = await env.DB.prepare('select id from sessions where user_id = ? order by seq').bind(user.$id).all<{ id: string }>();
    expect(seqs.results.map((r) => r.id)).toEqual(left.map((s) => s.$id));
    for (const id of left.map((s) => s.$id)) expect(created).toContain(id);
  });

  it('50 parallel exchanges of one token give exactly one session', async () => {
    const user = await createUser();
    const token = (await call('POST', `/v1/users/${user.$id}/tokens`, { body: {} })).body;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call('POST', '/v1/account/sessions/token', {
          key: null,
          body: { userId: user.$id, secret: token.secret },
          headers: { 'cf-connecting-ip': `203.0.113.${i + 1}` },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 401)).toHaveLength(49);
    for (const r of results.filter((r) => r.status === 401)) expect(r.body.type).toBe('user_invalid_token');
    expect(await listSessions(user.$id)).toHaveLength(1);
    const tokens = await env.DB.prepare('select count(*) as n from tokens where user_id = ?').bind(user.$id).first<{ n: number }>();
    expect(tokens!.n).toBe(0);
  });

  it('parallel recovery-code creation gives one set', async () => {
    const user = await createUser();
    const results = await Promise.all(Array.from({ length: 20 }, () => call('PATCH', `/v1/users/${user.$id}/mfa/recovery-codes`)));
    const created = results.filter((r) => r.status === 200);
    expect(created).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 200)) {
      expect(r.status).toBe(409);
      expect(r.body.type).toBe('user_recovery_codes_already_exists');
    }
    expect((await call('GET', `/v1/users/${user.$id}/mfa/recovery-codes`)).body.recoveryCodes).toEqual(created[0].body.recoveryCodes);
  });

  it('parallel recovery-code challenges consume each code once', async () => {
    const user = await createUser();
    const codes: string[] = (await call('PATCH', `/v1/users/${user.$id}/mfa/recovery-codes`)).body.recoveryCodes;
    const { secret } = (await call('POST', `/v1/users/${user.$id}/sessions`)).body;
    const session = { key: null, headers: { 'x-appwrite-session': secret } };
    const challenges = await Promise.all(
      Array.from({ length: 10 }, async () => (await call('POST', '/v1/account/mfa/challenge', { ...session, body: { factor: 'recoverycode' } })).body.$id),
    );
    const answers = await Promise.all(
      challenges.map((challengeId) => call('PUT', '/v1/account/mfa/challenge', { ...session, body: { challengeId, otp: codes[0] } })),
    );
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    expect((await call('GET', `/v1/users/${user.$id}/mfa/recovery-codes`)).body.recoveryCodes).toEqual(codes.slice(1));
  });
});
