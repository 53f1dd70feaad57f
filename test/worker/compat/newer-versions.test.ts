import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { emailMetadata } from '../../../src/models/email-metadata';
import { countingD1 } from '../helpers/d1-counter';
import { call, createUser, keyWith, uid } from '../helpers/api';
import { insertMembership, insertTeam, phone } from '../profile/helpers';
import { asJwt, asSession, serverSession } from '../sessions/helpers';

const q = (method: string, attribute?: string, values?: unknown[]) => JSON.stringify({ method, attribute, values });
const format = (f: string) => ({ 'x-appwrite-response-format': f });

describe('1.8.1 total=false', () => {
  it('answers total 0 with the same page on all six lists, and leaves the count out of the batch', async () => {
    const user = await createUser({ email: `${uid('t')}@example.com` });
    await serverSession(user.$id);
    await insertMembership(user.$id, await insertTeam('T'), true);
    const lists = ['/v1/users', '/v1/users/identities', `/v1/users/${user.$id}/sessions`, `/v1/users/${user.$id}/memberships`, `/v1/users/${user.$id}/logs`, `/v1/users/${user.$id}/targets`];
    for (const path of lists) {
      const counted = await call('GET', path);
      for (const off of ['false', '0']) {
        const res = await call('GET', `${path}?total=${off}`);
        expect(res.status, path).toBe(200);
        expect(res.body.total, path).toBe(0);
        const key = Object.keys(res.body).find((k) => k !== 'total')!;
        expect(res.body[key], path).toEqual(counted.body[key]);
      }
    }
    const withCount = countingD1();
    await call('GET', '/v1/users', { env: { DB: withCount.db } });
    const without = countingD1();
    await call('GET', '/v1/users?total=false', { env: { DB: without.db } });
    expect(withCount.stats.statements - without.stats.statements).toBe(1);
    const bad = await call('GET', '/v1/users?total=maybe');
    expect(bad.body).toMatchObject({ type: 'general_argument_invalid', message: 'Invalid `total` param: Value must be a valid boolean' });
  });
});

describe('1.8.1 query methods', () => {
  it('notContains, notStartsWith, notEndsWith, notBetween filter users; notSearch is refused like search', async () => {
    const tag = uid('nq');
    const a = await createUser({ name: `${tag} alpha`, email: `${tag}a@example.com` });
    const b = await createUser({ name: `${tag} beta`, email: `${tag}b@example.org` });
    await call('PUT', `/v1/users/${a.$id}/labels`, { body: { labels: ['vip'] } });
    const ids = async (...queries: string[]) => {
      const res = await call('GET', `/v1/users?${[q('startsWith', 'name', [tag]), ...queries].map((x) => `queries[]=${encodeURIComponent(x)}`).join('&')}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.users.map((u: any) => u.$id);
    };
    expect(await ids(q('notContains', 'name', ['alpha']))).toEqual([b.$id]);
    expect(await ids(q('notContains', 'labels', ['vip']))).toEqual([b.$id]);
    expect(await ids(q('notStartsWith', 'email', [`${tag}a`]))).toEqual([b.$id]);
    expect(await ids(q('notEndsWith', 'email', ['.org']))).toEqual([a.$id]);
    expect(await ids(q('notBetween', '$createdAt', ['2000-01-01', a.$createdAt]))).toEqual([b.$id]);
    const search = await call('GET', `/v1/users?queries[]=${encodeURIComponent(q('notSearch', 'name', ['x']))}`);
    expect(search.body.type).toBe('general_query_invalid');
    const one = await call('GET', `/v1/users?queries[]=${encodeURIComponent(q('notBetween', 'name', ['a']))}`);
    expect(one.body.message).toBe('Invalid `queries` param: Invalid query: NotBetween queries require exactly two values.');
  });
});

describe('1.7 memberships queries and search', () => {
  it('filters, pages, searches; without a limit 25 since 1.7 and every membership before', async () => {
    const user = await createUser();
    const teams = [];
    for (let i = 0; i < 27; i++) teams.push(await insertTeam(`team${i}`));
    for (const [i, team] of teams.entries()) await insertMembership(user.$id, team, i % 2 === 0, i === 3 ? ['owner'] : []);
    const base = `/v1/users/${user.$id}/memberships`;
    const page = await call('GET', base);
    expect(page.body.memberships).toHaveLength(25);
    expect(page.body.total).toBe(25); // Appwrite counts the page here
    expect((await call('GET', base, { headers: format('1.6.0') })).body.memberships).toHaveLength(27);
    const owners = await call('GET', `${base}?queries[]=${encodeURIComponent(q('contains', 'roles', ['owner']))}`);
    expect(owners.body.memberships.map((m: any) => m.teamId)).toEqual([teams[3]]);
    const confirmed = await call('GET', `${base}?queries[]=${encodeURIComponent(q('equal', 'confirm', [true]))}&queries[]=${encodeURIComponent(q('limit', undefined, [100]))}`);
    expect(confirmed.body.memberships).toHaveLength(14);
    const found = await call('GET', `${base}?search=${encodeURIComponent(page.body.memberships[4].$id)}`);
    expect(found.body.memberships.map((m: any) => m.$id)).toEqual([page.body.memberships[4].$id]);
    const bad = await call('GET', `${base}?queries[]=${encodeURIComponent(q('equal', 'teamName', ['x']))}`);
    expect(bad.body.message).toBe('Invalid `queries` param: Invalid query: Attribute not found in schema: teamName');
  });
});

describe('1.9 impersonation', () => {
  it('PATCH …/impersonator sets the flag; an impersonator session runs as the target, by id, email or phone', async () => {
    const admin = await createUser({ email: `${uid('adm')}@example.com` });
    const target = await createUser({ email: `${uid('tgt')}@example.com`, phone: phone() });
    const flagged = await call('PATCH', `/v1/users/${admin.$id}/impersonator`, { body: { impersonator: 'true' } });
    expect(flagged.status).toBe(200);
    expect(flagged.body).toMatchObject({ impersonator: true, impersonatorUserId: '' });
    expect((await call('PATCH', `/v1/users/${uid()}/impersonator`, { body: { impersonator: true } })).body.type).toBe('user_not_found');
    const { secret } = await serverSession(admin.$id);
    const headers: Array<Record<string, string>> = [
      { 'x-appwrite-impersonate-user-id': target.$id },
      { 'x-appwrite-impersonate-user-email': target.email.toUpperCase() },
      { 'x-appwrite-impersonate-user-phone': target.phone },
    ];
    for (const header of headers) {
      const res = await call('GET', '/v1/account', asSession(secret, { headers: header }));
      expect(res.body).toMatchObject({ $id: target.$id, impersonatorUserId: admin.$id });
    }
    // Unknown target: the impersonator itself. Impersonators may list users.
    expect((await call('GET', '/v1/account', asSession(secret, { headers: { 'x-appwrite-impersonate-user-id': 'nobody' } }))).body.$id).toBe(admin.$id);
    expect((await call('GET', '/v1/users', asSession(secret))).status).toBe(200);
    // Not honoured for formats before 1.9.0, where the field does not exist either.
    const old = await call('GET', '/v1/account', asSession(secret, { headers: { 'x-appwrite-impersonate-user-id': target.$id, ...format('1.8.0') } }));
    expect(old.body.$id).toBe(admin.$id);
    expect(old.body).not.toHaveProperty('impersonator');
    // A user without the flag cannot impersonate, and cannot list users.
    const plain = await serverSession(target.$id);
    expect((await call('GET', '/v1/account', asSession(plain.secret, { headers: { 'x-appwrite-impersonate-user-id': admin.$id } }))).body.$id).toBe(target.$id);
    expect((await call('GET', '/v1/users', asSession(plain.secret))).status).toBe(401);
    // JWTs of an impersonator impersonate too; an API key never does.
    const { jwt } = (await call('POST', `/v1/users/${admin.$id}/jwts`)).body;
    expect((await call('GET', '/v1/account', asJwt(jwt, { headers: { 'x-appwrite-impersonate-user-id': target.$id } }))).body.$id).toBe(target.$id);
    const byKey = await call('GET', `/v1/users/${admin.$id}`, { headers: { 'x-appwrite-impersonate-user-id': target.$id } });
    expect(byKey.body.$id).toBe(admin.$id);
    const listed = await call('GET', `/v1/users?queries[]=${encodeURIComponent(q('equal', 'impersonator', [true]))}`);
    expect(listed.body.users.map((u: any) => u.$id)).toContain(admin.$id);
  });
});

describe('1.9.5 user fields and per-format shapes', () => {
  it('computes the e-mail metadata from the domain lists', () => {
    expect(emailMetadata('John.Doe+news@GoogleMail.com')).toEqual({
      emailCanonical: 'johndoe@gmail.com', emailIsFree: true, emailIsDisposable: false, emailIsCorporate: false, emailIsCanonical: false,
    });
    expect(emailMetadata('a@mailinator.com')).toMatchObject({ emailIsDisposable: true, emailIsFree: false, emailIsCorporate: false });
    expect(emailMetadata('me@acme-industries.example')).toMatchObject({ emailIsCorporate: true, emailIsCanonical: true });
    expect(emailMetadata('jane-shop@yahoo.co.uk').emailCanonical).toBe('jane@yahoo.com');
    expect(emailMetadata(null)).toEqual({ emailCanonical: null, emailIsFree: null, emailIsDisposable: null, emailIsCorporate: null, emailIsCanonical: null });
  });

  it('strips per format: <1.9.0 no impersonator fields, <1.5.0 no targets/mfa; e-mail metadata stays', async () => {
    const user = await createUser({ email: `${uid('f')}@gmail.com` });
    const newest = (await call('GET', `/v1/users/${user.$id}`)).body;
    expect(newest).toMatchObject({ impersonator: false, emailIsFree: true, emailCanonical: user.email });
    const v18 = (await call('GET', `/v1/users/${user.$id}`, { headers: format('1.8.0') })).body;
    expect(Object.keys(v18)).toEqual(Object.keys(newest).filter((k) => k !== 'impersonator' && k !== 'impersonatorUserId'));
    const v14 = (await call('GET', `/v1/users?queries[]=${encodeURIComponent(q('equal', '$id', [user.$id]))}`, { headers: format('1.4.0') })).body.users[0];
    expect(v14).not.toHaveProperty('targets');
    expect(v14).toHaveProperty('emailIsFree', true);
    const member = await insertMembership(user.$id, await insertTeam('M'), true);
    const m = async (f: string) => (await call('GET', `/v1/users/${user.$id}/memberships`, { headers: format(f) })).body.memberships[0];
    expect(await m('1.9.5')).toHaveProperty('userPhone');
    expect(await m('1.9.1')).not.toHaveProperty('userPhone');
    expect((await m('1.4.0')).$id).toBe(member);
  });

  it('clearing the phone stores null since 1.9.5, "" before', async () => {
    const user = await createUser({ phone: phone() });
    await call('PATCH', `/v1/users/${user.$id}/phone`, { body: { number: '' }, headers: format('1.9.0') });
    const stored = () => env.DB.prepare('select phone from users where id = ?').bind(user.$id).first<{ phone: string | null }>();
    expect((await stored())?.phone).toBe('');
    const res = await call('PATCH', `/v1/users/${user.$id}/phone`, { body: { number: '' } });
    expect(res.body.phone).toBe('');
    expect((await stored())?.phone).toBeNull();
  });

  it('Log.userType names the actor type', async () => {
    const user = await createUser();
    const logs = (await call('GET', `/v1/users/${user.$id}/logs`)).body.logs;
    expect(logs[0].userType).toBe('keyProject');
  });

  it('session routes accept sessions.* keys since 1.9.5, not before', async () => {
    const user = await createUser();
    const key = await keyWith(['sessions.read', 'sessions.write']);
    expect((await call('POST', `/v1/users/${user.$id}/sessions`, { key })).status).toBe(201);
    expect((await call('GET', `/v1/users/${user.$id}/sessions`, { key })).body.total).toBe(1);
    const old = await call('GET', `/v1/users/${user.$id}/sessions`, { key, headers: format('1.9.0') });
    expect(old.body.message).toMatch(/missing scopes \(\["users\.read"\]\)$/);
  });
});

describe('1.8 invalidateSessions', () => {
  it('INVALIDATE_SESSIONS=true: a password change deletes the sessions; by default they stay', async () => {
    const user = await createUser();
    await serverSession(user.$id);
    await call('PATCH', `/v1/users/${user.$id}/password`, { body: { password: 'password-789' } });
    expect((await call('GET', `/v1/users/${user.$id}/sessions`)).body.total).toBe(1);
    const on = { env: { ...env, INVALIDATE_SESSIONS: 'true' } };
    await call('PATCH', `/v1/users/${user.$id}/password`, { body: { password: 'password-790' }, ...on });
    expect((await call('GET', `/v1/users/${user.$id}/sessions`)).body.total).toBe(0);
  });
});
