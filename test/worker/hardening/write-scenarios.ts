import { env } from 'cloudflare:test';
import { call, uid, type CallOptions } from '../helpers/api';
import { insertIdentity } from '../profile/helpers';
import { currentTotp } from '../sessions/helpers';

/** Cheap argon2id for the fixtures' passwords (the code paths do not depend on the cost). */
export const CHEAP_ARGON2 = { ARGON2_MEMORY_COST: '512', ARGON2_TIME_COST: '1' };
export const PASSWORD = 'correct-horse-42';

export interface Fixture {
  userId: string;
  email: string;
  targetId: string;
  sessionId: string;
  /** The session's secret, for account routes. */
  secret: string;
  identityId: string;
  tokenSecret: string;
  recoveryCodes: string[];
  totpSecret: string;
}

/** `challenge`: the session answered a challenge just now (routes that want a recent one). */
type Needs = 'recoveryCodes' | 'totp' | 'totpPending' | 'challenge';

/** A user with an e-mail, phone, password, a push target, a session, an identity and a token. */
export async function fixture(needs: readonly Needs[] = []): Promise<Fixture> {
  const userId = uid('flt');
  const email = `${userId.toLowerCase()}@example.com`;
  const opts = { env: CHEAP_ARGON2 };
  const created = await call('POST', '/v1/users', { ...opts, body: { userId, email, phone: `+1${Math.floor(2e9 + Math.random() * 7e9)}`, password: PASSWORD, name: 'Fault' } });
  if (created.status !== 201) throw new Error(created.text);
  const target = await call('POST', `/v1/users/${userId}/targets`, { body: { targetId: uid('t'), providerType: 'push', identifier: uid('push') } });
  const session = await call('POST', `/v1/users/${userId}/sessions`);
  const token = await call('POST', `/v1/users/${userId}/tokens`, { body: {} });
  const f: Fixture = {
    userId,
    email,
    targetId: target.body.$id,
    sessionId: session.body.$id,
    secret: session.body.secret,
    identityId: await insertIdentity(userId),
    tokenSecret: token.body.secret,
    recoveryCodes: [],
    totpSecret: '',
  };
  // The first request with the session moves `accessedAt`; done here, so the request under test does not.
  await call('GET', '/v1/account', asSession(f));
  if (needs.includes('recoveryCodes')) f.recoveryCodes = (await call('PATCH', `/v1/users/${userId}/mfa/recovery-codes`)).body.recoveryCodes;
  if (needs.includes('totp') || needs.includes('totpPending')) {
    f.totpSecret = (await call('POST', '/v1/account/mfa/authenticators/totp', asSession(f))).body.secret;
    if (needs.includes('totp')) {
      const verified = await call('PUT', '/v1/account/mfa/authenticators/totp', asSession(f, { body: { otp: await currentTotp(f.totpSecret) } }));
      if (verified.status !== 200) throw new Error(verified.text);
    }
  }
  if (needs.includes('challenge')) {
    const challenge = await call('POST', '/v1/account/mfa/challenge', asSession(f, { body: { factor: 'recoverycode' } }));
    const answered = await call('PUT', '/v1/account/mfa/challenge', asSession(f, { body: { challengeId: challenge.body.$id, otp: f.recoveryCodes.pop() } }));
    if (answered.status !== 200) throw new Error(answered.text);
  }
  return f;
}

export const asSession = (f: Fixture, options: CallOptions = {}): CallOptions => ({
  ...options,
  key: null,
  headers: { 'x-appwrite-session': f.secret, 'cf-connecting-ip': '192.0.2.10', ...options.headers },
});

export interface Request {
  method: string;
  path: string;
  options: CallOptions;
  /** A user id the request creates, whose rows belong in the dump too. */
  creates?: string;
}

export interface Scenario {
  op: string;
  needs?: readonly Needs[];
  request(f: Fixture): Request | Promise<Request>;
}

const key = (method: string, path: string, body?: unknown, creates?: string): Request => ({ method, path, options: { body }, creates });
const newUser = (extra: Record<string, unknown> = {}) => {
  const userId = uid('new');
  return { userId, email: `${userId.toLowerCase()}@example.com`, password: 'imported-hash-value', name: 'New', ...extra };
};
const imported = (path: string, extra: Record<string, unknown> = {}) => () => {
  const body = newUser(extra);
  return key('POST', `/v1/users/${path}`, body, body.userId);
};

/** One succeeding request per write operation of the table. */
export const writeScenarios: Scenario[] = [
  { op: 'users.createArgon2User', request: imported('argon2', { password: '$argon2id$v=19$m=512,t=1,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA' }) },
  { op: 'users.createBcryptUser', request: imported('bcrypt') },
  { op: 'users.createMD5User', request: imported('md5') },
  { op: 'users.createPHPassUser', request: imported('phpass') },
  { op: 'users.createSHAUser', request: imported('sha', { passwordVersion: 'sha256' }) },
  { op: 'users.createScryptUser', request: imported('scrypt', { passwordSalt: 'salt', passwordCpu: 16, passwordMemory: 8, passwordParallel: 1, passwordLength: 32 }) },
  { op: 'users.createScryptModifiedUser', request: imported('scrypt-modified', { passwordSalt: 'c2FsdA==', passwordSaltSeparator: 'Bw==', passwordSignerKey: 'a2V5' }) },
  {
    op: 'users.create',
    request: () => {
      const body = { ...newUser({ password: PASSWORD }), phone: `+1${Math.floor(2e9 + Math.random() * 7e9)}` };
      return { ...key('POST', '/v1/users', body, body.userId), options: { body, env: CHEAP_ARGON2 } };
    },
  },
  { op: 'users.deleteIdentity', request: (f) => key('DELETE', `/v1/users/identities/${f.identityId}`) },
  { op: 'users.delete', request: (f) => key('DELETE', `/v1/users/${f.userId}`) },
  { op: 'users.updateName', request: (f) => key('PATCH', `/v1/users/${f.userId}/name`, { name: 'Renamed' }) },
  { op: 'users.updateEmail', request: (f) => key('PATCH', `/v1/users/${f.userId}/email`, { email: `${uid('m').toLowerCase()}@example.org` }) },
  { op: 'users.updatePhone', request: (f) => key('PATCH', `/v1/users/${f.userId}/phone`, { number: `+1${Math.floor(2e9 + Math.random() * 7e9)}` }) },
  { op: 'users.updatePassword', request: (f) => ({ ...key('PATCH', `/v1/users/${f.userId}/password`), options: { body: { password: 'another-horse-43' }, env: CHEAP_ARGON2 } }) },
  { op: 'users.updateStatus', request: (f) => key('PATCH', `/v1/users/${f.userId}/status`, { status: false }) },
  { op: 'users.updateLabels', request: (f) => key('PUT', `/v1/users/${f.userId}/labels`, { labels: ['vip', 'beta'] }) },
  { op: 'users.updateEmailVerification', request: (f) => key('PATCH', `/v1/users/${f.userId}/verification`, { emailVerification: true }) },
  { op: 'users.updatePhoneVerification', request: (f) => key('PATCH', `/v1/users/${f.userId}/verification/phone`, { phoneVerification: true }) },
  { op: 'users.updatePrefs', request: (f) => key('PATCH', `/v1/users/${f.userId}/prefs`, { prefs: { theme: 'dark' } }) },
  { op: 'users.updateImpersonator', request: (f) => key('PATCH', `/v1/users/${f.userId}/impersonator`, { impersonator: true }) },
  {
    op: 'users.import',
    request: () => {
      const row = { userId: uid('imp'), email: `${uid('imp').toLowerCase()}@example.com`, name: 'Imported', hash: { algorithm: 'md5', value: '1a1dc91c907325c69271ddf0c944bc72' } };
      return key('POST', '/v1/users/import', { users: [row] }, row.userId);
    },
  },
  {
    op: 'users.createTarget',
    request: (f) => key('POST', `/v1/users/${f.userId}/targets`, { targetId: uid('t'), providerType: 'email', identifier: `${uid('tg').toLowerCase()}@example.net` }),
  },
  { op: 'users.updateTarget', request: (f) => key('PATCH', `/v1/users/${f.userId}/targets/${f.targetId}`, { identifier: uid('push'), name: 'Phone' }) },
  { op: 'users.deleteTarget', request: (f) => key('DELETE', `/v1/users/${f.userId}/targets/${f.targetId}`) },
  { op: 'users.createSession', request: (f) => key('POST', `/v1/users/${f.userId}/sessions`) },
  { op: 'users.deleteSessions', request: (f) => key('DELETE', `/v1/users/${f.userId}/sessions`) },
  { op: 'users.deleteSession', request: (f) => key('DELETE', `/v1/users/${f.userId}/sessions/${f.sessionId}`) },
  { op: 'users.createToken', request: (f) => key('POST', `/v1/users/${f.userId}/tokens`, {}) },
  { op: 'users.createJWT', request: (f) => key('POST', `/v1/users/${f.userId}/jwts`, { sessionId: f.sessionId }) },
  { op: 'users.updateMfa', request: (f) => key('PATCH', `/v1/users/${f.userId}/mfa`, { mfa: true }) },
  { op: 'users.createMfaRecoveryCodes', request: (f) => key('PATCH', `/v1/users/${f.userId}/mfa/recovery-codes`) },
  { op: 'users.updateMfaRecoveryCodes', needs: ['recoveryCodes'], request: (f) => key('PUT', `/v1/users/${f.userId}/mfa/recovery-codes`) },
  { op: 'users.deleteMfaAuthenticator', needs: ['totp'], request: (f) => key('DELETE', `/v1/users/${f.userId}/mfa/authenticators/totp`) },
  { op: 'account.createJWT', request: (f) => ({ method: 'POST', path: '/v1/account/jwts', options: asSession(f) }) },
  {
    op: 'account.createEmailPasswordSession',
    request: (f) => ({ method: 'POST', path: '/v1/account/sessions/email', options: { key: null, body: { email: f.email, password: PASSWORD }, headers: { 'cf-connecting-ip': '192.0.2.11' } } }),
  },
  ...(['token', 'magic-url', 'phone'] as const).map((kind) => ({
    op: { token: 'account.createSession', 'magic-url': 'account.updateMagicURLSession', phone: 'account.updatePhoneSession' }[kind],
    request: (f: Fixture) => ({
      method: kind === 'token' ? 'POST' : 'PUT',
      path: `/v1/account/sessions/${kind}`,
      options: { key: null, body: { userId: f.userId, secret: f.tokenSecret }, headers: { 'cf-connecting-ip': '192.0.2.12' } },
    }),
  })),
  { op: 'account.deleteSession', request: (f) => ({ method: 'DELETE', path: '/v1/account/sessions/current', options: asSession(f) }) },
  { op: 'account.deleteSessions', request: (f) => ({ method: 'DELETE', path: '/v1/account/sessions', options: asSession(f) }) },
  { op: 'account.updateMFA', request: (f) => ({ method: 'PATCH', path: '/v1/account/mfa', options: asSession(f, { body: { mfa: true } }) }) },
  { op: 'account.createMfaAuthenticator', request: (f) => ({ method: 'POST', path: '/v1/account/mfa/authenticators/totp', options: asSession(f) }) },
  {
    op: 'account.updateMfaAuthenticator',
    needs: ['totpPending'],
    request: async (f) => ({ method: 'PUT', path: '/v1/account/mfa/authenticators/totp', options: asSession(f, { body: { otp: await currentTotp(f.totpSecret) } }) }),
  },
  { op: 'account.deleteMfaAuthenticator', needs: ['totp', 'recoveryCodes', 'challenge'], request: (f) => ({ method: 'DELETE', path: '/v1/account/mfa/authenticators/totp', options: asSession(f) }) },
  { op: 'account.createMfaRecoveryCodes', request: (f) => ({ method: 'POST', path: '/v1/account/mfa/recovery-codes', options: asSession(f) }) },
  { op: 'account.updateMfaRecoveryCodes', needs: ['recoveryCodes', 'challenge'], request: (f) => ({ method: 'PATCH', path: '/v1/account/mfa/recovery-codes', options: asSession(f) }) },
  { op: 'account.createMfaChallenge', needs: ['recoveryCodes'], request: (f) => ({ method: 'POST', path: '/v1/account/mfa/challenge', options: asSession(f, { body: { factor: 'recoverycode' } }) }) },
  {
    op: 'account.updateMfaChallenge',
    needs: ['recoveryCodes'],
    request: async (f) => {
      const challenge = await call('POST', '/v1/account/mfa/challenge', asSession(f, { body: { factor: 'recoverycode' } }));
      return { method: 'PUT', path: '/v1/account/mfa/challenge', options: asSession(f, { body: { challengeId: challenge.body.$id, otp: f.recoveryCodes[0] } }) };
    },
  },
];

/** The rows a write can touch for these users, in a stable order, to compare before and after. */
export async function dump(userIds: string[]): Promise<Record<string, unknown[]>> {
  const ids = userIds.map((id) => id.toLowerCase());
  const marks = ids.map((_, i) => `?${i + 1}`).join(', ');
  const out: Record<string, unknown[]> = {};
  const seqs = `(select seq from users where id in (${marks}))`;
  const queries: Record<string, string> = {
    users: `select * from users where id in (${marks})`,
    ...Object.fromEntries(
      ['targets', 'sessions', 'tokens', 'identities', 'memberships', 'authenticators', 'challenges'].map((t) => [t, `select * from ${t} where user_id in (${marks}) or user_seq in ${seqs}`]),
    ),
    logs: `select * from logs where user_id in (${marks})`,
    user_labels: `select * from user_labels where user_seq in ${seqs}`,
    users_search_grams: `select rowid, * from users_search_grams where rowid in ${seqs}`,
    users_search_words: `select rowid, * from users_search_words where rowid in ${seqs}`,
    identities_search_words: `select rowid, * from identities_search_words where rowid in (select seq from identities where user_id in (${marks}))`,
  };
  for (const [table, sql] of Object.entries(queries)) {
    out[table] = (await env.DB.prepare(`${sql} order by 1`).bind(...ids).all()).results;
  }
  return out;
}
