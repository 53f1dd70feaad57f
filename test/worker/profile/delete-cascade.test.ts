import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { countingD1 } from '../helpers/d1-counter';
import { call, createUser, email, insertIdentity, insertMembership, insertTeam, phone, storedLogs, uid } from './helpers';

const T = '2024-01-01T00:00:00.000Z';
const FAR = '2099-01-01T00:00:00.000Z';

/** Rows of every table a user owns, inserted directly (sessions, tokens and MFA are another module's). */
async function seedOwnedRows(userId: string) {
  const owned = (table: string, columns: string, values: unknown[]) =>
    env.DB.prepare(
      `insert into ${table} (id, created_at, updated_at, user_seq, user_id, ${columns})
       select ?, ?, ?, seq, id, ${values.map(() => '?').join(', ')} from users where id = ?`,
    )
      .bind(uid('row'), T, T, ...values, userId)
      .run();
  await owned('sessions', 'provider, secret_hash, expire', ['email', uid('secret'), FAR]);
  await owned('tokens', 'type, secret_hash, expire', [1, uid('secret'), FAR]);
  await owned('authenticators', 'type, data', ['totp', 'ciphertext']);
  await owned('challenges', 'type, expire', ['totp', FAR]);
  await insertIdentity(userId);
  await call('POST', `/v1/users/${userId}/targets`, { body: { targetId: 'unique()', providerType: 'push', identifier: uid('tok') } });
}

const TABLES = ['targets', 'identities', 'memberships', 'sessions', 'tokens', 'authenticators', 'challenges'] as const;

async function countsFor(userId: string) {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await env.DB.prepare(`select count(*) as n from ${table} where user_id = ?`).bind(userId).first<{ n: number }>();
    counts[table] = row!.n;
  }
  return counts;
}

describe('DELETE /v1/users/{userId} cascade', () => {
  it('removes targets, identities, memberships, sessions, tokens and MFA data in one batch, with a user.delete entry', async () => {
    const user = await createUser({ email: email(), phone: phone() });
    const other = await createUser({ email: email() });
    const confirmedTeam = await insertTeam('Confirmed', 2);
    const invitedTeam = await insertTeam('Invited', 1);
    await insertMembership(user.$id, confirmedTeam, true);
    await insertMembership(user.$id, invitedTeam, false);
    await seedOwnedRows(user.$id);
    await seedOwnedRows(other.$id);
    expect(await countsFor(user.$id)).toEqual({ targets: 3, identities: 1, memberships: 2, sessions: 1, tokens: 1, authenticators: 1, challenges: 1 });
    const othersBefore = await countsFor(other.$id);

    const { db, stats } = countingD1();
    const res = await call('DELETE', `/v1/users/${user.$id}`, { env: { DB: db } });
    expect(res.status).toBe(204);
    expect(stats.roundTrips).toBe(1);

    expect(await countsFor(user.$id)).toEqual({ targets: 0, identities: 0, memberships: 0, sessions: 0, tokens: 0, authenticators: 0, challenges: 0 });
    expect(await countsFor(other.$id)).toEqual(othersBefore);
    // Confirmed memberships count in the team total; invitations do not.
    const totals = await env.DB.prepare('select id, total from teams where id in (?, ?) order by seq').bind(confirmedTeam, invitedTeam).all<{ total: number }>();
    expect(totals.results.map((t) => t.total)).toEqual([1, 1]);
    // Audit entries are kept, as Appwrite keeps them.
    expect((await storedLogs(user.$id)).map((l) => l.event)).toEqual(['user.create', 'target.create', 'user.delete']);
    expect((await call('GET', `/v1/users/${user.$id}`)).status).toBe(404);
  });

  it('lets a new user take the deleted user’s email and phone at once', async () => {
    const user = await createUser({ email: email(), phone: phone() });
    await call('DELETE', `/v1/users/${user.$id}`);
    const res = await call('POST', '/v1/users', { body: { userId: uid(), email: user.email, phone: user.phone } });
    expect(res.status).toBe(201);
    expect(res.body.targets).toHaveLength(2);
  });

  it('writes no entry for a missing user', async () => {
    const id = uid();
    expect((await call('DELETE', `/v1/users/${id}`)).status).toBe(404);
    expect(await storedLogs(id)).toEqual([]);
  });
});
