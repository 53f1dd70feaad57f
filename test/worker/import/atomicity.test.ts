import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, uid } from '../helpers/api';
import { countingD1 } from '../helpers/d1-counter';

const MD5 = '144fa7eaa4904e8ee120651997f70dcc'; // md5("appwrite"), Appwrite's e2e fixture
const row = () => {
  const id = uid('atom');
  return { userId: id, email: `${id}@example.com`, hash: { algorithm: 'md5', value: MD5 } };
};
const count = async (sql: string, ...binds: unknown[]) => ((await env.DB.prepare(sql).bind(...binds).first()) as { n: number }).n;

/** A D1 binding on which another writer inserts `intruder` right after the import's first (read) batch. */
function racingD1(intruder: { id: string; email: string }) {
  let batches = 0;
  return new Proxy(env.DB, {
    get(target, prop) {
      if (prop === 'batch') {
        return async (statements: D1PreparedStatement[]) => {
          const result = await target.batch(statements);
          if (++batches === 1) {
            await target
              .prepare("insert into users (id, created_at, updated_at, email, hash_options, registration) values (?, 'x', 'x', ?, '{}', 'x')")
              .bind(intruder.id, intruder.email)
              .run();
          }
          return result;
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('POST /v1/users/import atomicity and round trips', () => {
  it('writes 1000 rows in two D1 round trips (one read, one batch)', async () => {
    const { db, stats } = countingD1();
    const rows = Array.from({ length: 1000 }, row);
    const res = await call('POST', '/v1/users/import', { body: { users: rows }, env: { DB: db } });
    expect(res.body).toMatchObject({ committed: true, created: 1000, failed: 0 });
    expect(stats.roundTrips).toBe(2);
    expect(await count("select count(*) as n from targets where user_id in (select value from json_each(?))", JSON.stringify(rows.map((r) => r.userId)))).toBe(1000);
  }, 60_000);

  it('a row another writer takes between the read and the write fails alone, leaving no part of itself', async () => {
    const rows = [row(), row(), row()];
    const intruder = { id: uid('intr'), email: rows[1].email };
    const res = await call('POST', '/v1/users/import', { body: { users: rows }, env: { DB: racingD1(intruder) } });
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['created', 'failed', 'created']);
    expect(res.body.results[1].error.type).toBe('user_already_exists');
    expect(await count('select count(*) as n from users where id = ?', rows[1].userId)).toBe(0);
    expect(await count('select count(*) as n from targets where user_id = ?', rows[1].userId)).toBe(0);
    expect(await count("select count(*) as n from logs where user_id = ? and event = 'user.create'", rows[1].userId)).toBe(0);
    for (const r of [rows[0], rows[2]]) {
      expect(await count('select count(*) as n from targets where user_id = ?', r.userId)).toBe(1);
      expect(await count("select count(*) as n from logs where user_id = ? and event = 'user.create'", r.userId)).toBe(1);
    }
  });
});
