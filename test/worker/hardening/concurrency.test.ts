import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, createUser, uid } from '../helpers/api';
import { brokenInvariants } from './invariants';

/**
 * Races through the Worker that the UserGate does not serialise (user rows and targets are written
 * by the Worker straight to D1): uniqueness and the e-mail/phone ↔ target ↔ search-index links must
 * hold whatever the interleaving. Token exchange, recovery codes and the login and TOTP throttles
 * under 100 concurrent attempts are in test/worker/sessions/concurrency.test.ts and
 * test/worker/security/.
 */
const tally = (statuses: number[]) => Object.fromEntries([...new Set(statuses)].sort().map((s) => [s, statuses.filter((x) => x === s).length]));
const phone = () => `+1${Math.floor(2e9 + Math.random() * 7e9)}`;

describe('concurrency invariants through the Worker', () => {
  it('50 parallel creates with one e-mail: exactly one 201, the rest 409', async () => {
    const email = `${uid('race').toLowerCase()}@example.com`;
    const results = await Promise.all(Array.from({ length: 50 }, () => call('POST', '/v1/users', { body: { userId: uid(), email } })));
    const statuses = results.map((r) => r.status);
    console.log('50 parallel creates, one e-mail:', JSON.stringify(tally(statuses)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    // Appwrite's create answers one type for a taken id, e-mail or phone.
    for (const r of results.filter((r) => r.status === 409)) expect(r.body.type).toBe('user_already_exists');
    const rows = await env.DB.prepare('select count(*) as n from users where email = ?').bind(email).first<{ n: number }>();
    const targets = await env.DB.prepare('select count(*) as n from targets where identifier = ?').bind(email).first<{ n: number }>();
    expect([rows!.n, targets!.n]).toEqual([1, 1]);
  });

  it('50 parallel creates with one id: exactly one 201', async () => {
    const userId = uid('same');
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => call('POST', '/v1/users', { body: { userId, email: `${userId.toLowerCase()}.${i}@example.com` } })));
    const statuses = results.map((r) => r.status);
    console.log('50 parallel creates, one id:', JSON.stringify(tally(statuses)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 201)) expect(r.body.type).toBe('user_already_exists');
    expect(await brokenInvariants([userId])).toEqual([]);
  });

  it('parallel e-mail, phone and label updates of one user leave user, targets and indexes consistent', async () => {
    const user = await createUser({ email: `${uid('mix').toLowerCase()}@example.com`, phone: phone() });
    const path = `/v1/users/${user.$id}`;
    const updates = Array.from({ length: 20 }, (_, i) => [
      call('PATCH', `${path}/email`, { body: { email: i % 5 === 4 ? '' : `${uid('e').toLowerCase()}@example.com` } }),
      call('PATCH', `${path}/phone`, { body: { number: i % 5 === 4 ? '' : phone() } }),
      call('PUT', `${path}/labels`, { body: { labels: [`l${i}`, `shared`] } }),
    ]).flat();
    const statuses = (await Promise.all(updates)).map((r) => r.status);
    console.log('60 parallel e-mail/phone/label updates:', JSON.stringify(tally(statuses)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(await brokenInvariants([user.$id])).toEqual([]);
    const final = (await call('GET', path)).body;
    const contactTargets = final.targets.filter((t: { providerType: string }) => t.providerType !== 'push');
    // Exactly the current e-mail and phone have targets: none left behind from lost races.
    expect(contactTargets.map((t: { identifier: string }) => t.identifier).sort()).toEqual([final.email, final.phone].filter(Boolean).sort());
    const search = await call('GET', `/v1/users?search=${encodeURIComponent(`label:${final.labels.find((l: string) => l !== 'shared')}`)}`);
    expect(search.body.users.map((u: { $id: string }) => u.$id)).toContain(user.$id);
  });

  it('20 users racing for one e-mail: one wins, the others keep theirs', async () => {
    const users = await Promise.all(Array.from({ length: 20 }, () => createUser({ email: `${uid('own').toLowerCase()}@example.com` })));
    const contested = `${uid('prize').toLowerCase()}@example.com`;
    const results = await Promise.all(users.map((u) => call('PATCH', `/v1/users/${u.$id}/email`, { body: { email: contested } })));
    const statuses = results.map((r) => r.status);
    console.log('20 users racing for one e-mail:', JSON.stringify(tally(statuses)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(await brokenInvariants(users.map((u) => u.$id))).toEqual([]);
    const holders = await env.DB.prepare('select count(*) as n from targets where identifier = ?').bind(contested).first<{ n: number }>();
    expect(holders!.n).toBe(1);
  });

  it('20 parallel target creates with one identifier: exactly one 201', async () => {
    const user = await createUser();
    const identifier = uid('push');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => call('POST', `/v1/users/${user.$id}/targets`, { body: { targetId: uid('t'), providerType: 'push', identifier } })),
    );
    const statuses = results.map((r) => r.status);
    console.log('20 parallel target creates, one identifier:', JSON.stringify(tally(statuses)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 201)) expect(r.body.type).toBe('user_target_already_exists');
  });
});
