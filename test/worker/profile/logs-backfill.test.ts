import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, createUser } from './helpers';

/** Migration 0005's statement that gives the entries written before it their user's seq. */
const backfill = () => {
  const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0005_'))!;
  const update = migration.queries.find((q) => /^UPDATE `logs`/m.test(q))!;
  return env.DB.prepare(update).run();
};

describe('migration 0005: logs.user_seq for entries written before it', () => {
  it('the existing user gets the entries since the last deletion of its id; the deleted user’s stay unlisted', async () => {
    const user = await createUser();
    await call('PATCH', `/v1/users/${user.$id}/name`, { body: { name: 'old' } });
    await call('DELETE', `/v1/users/${user.$id}`);
    await call('POST', '/v1/users', { body: { userId: user.$id } });
    await call('PATCH', `/v1/users/${user.$id}/name`, { body: { name: 'new' } });
    const gone = await createUser();
    await call('DELETE', `/v1/users/${gone.$id}`);
    // As a database migrated from 0004 holds them: no user_seq at all.
    await env.DB.prepare('update logs set user_seq = null where user_id in (?, ?)').bind(user.$id, gone.$id).run();

    await backfill();

    const rows = await env.DB.prepare('select user_id, event, user_seq from logs where user_id in (?, ?) order by seq')
      .bind(user.$id, gone.$id)
      .all<{ user_id: string; event: string; user_seq: number | null }>();
    const seq = (await env.DB.prepare('select seq from users where id = ?').bind(user.$id).first<{ seq: number }>())!.seq;
    expect(rows.results.map((r) => [r.user_id === user.$id ? 'user' : 'gone', r.event, r.user_seq])).toEqual([
      ['user', 'user.create', null],
      ['user', 'user.update', null],
      ['user', 'user.delete', null],
      ['user', 'user.create', seq],
      ['user', 'user.update', seq],
      ['gone', 'user.create', null],
      ['gone', 'user.delete', null],
    ]);
    const listed = (await call('GET', `/v1/users/${user.$id}/logs`)).body;
    expect(listed.logs.map((l: any) => l.event)).toEqual(['user.update', 'user.create']);
  });
});
