import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, createUser, email, phone } from './helpers';

/** The D1 binding with every statement's SQL and bound values recorded as the route prepares it. */
function recordingD1() {
  const statements: Array<{ sql: string; params: unknown[] }> = [];
  const db = new Proxy(env.DB, {
    get(target, prop) {
      if (prop !== 'prepare') {
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (sql: string) => {
        const entry = { sql, params: [] as unknown[] };
        statements.push(entry);
        const statement = target.prepare(sql);
        return new Proxy(statement, {
          get(s, p) {
            if (p === 'bind') return (...params: unknown[]) => ((entry.params = params), s.bind(...params));
            const value = Reflect.get(s, p, s);
            return typeof value === 'function' ? value.bind(s) : value;
          },
        });
      };
    },
  });
  return { db, statements };
}

/** `EXPLAIN QUERY PLAN` lines of every statement a request ran that reads `table`. */
async function plansOf(path: string, table: string): Promise<string[]> {
  const { db, statements } = recordingD1();
  expect((await call('GET', path, { env: { DB: db } })).status).toBe(200);
  const details: string[] = [];
  for (const s of statements.filter((s) => new RegExp(`\\b${table}\\b`).test(s.sql))) {
    const plan = await env.DB.prepare(`explain query plan ${s.sql}`).bind(...s.params).all<{ detail: string }>();
    details.push(...plan.results.map((r) => r.detail));
  }
  return details;
}

// A user's logs and targets are found by the user's seq: the indexes on their random user_id were
// dropped (migration 0005) so that a bulk import appends to these indexes instead.
describe('per-user lists read their index on user_seq', () => {
  it('GET /v1/users/{id}/logs: page and total through logs_user, no scan', async () => {
    const user = await createUser({ email: email() });
    await call('PATCH', `/v1/users/${user.$id}/name`, { body: { name: 'n' } });
    const details = await plansOf(`/v1/users/${user.$id}/logs`, 'logs');
    expect(details.filter((d) => /^SCAN logs\b/.test(d))).toEqual([]);
    expect(details.filter((d) => /^SEARCH logs USING (COVERING )?INDEX logs_user \(user_seq=\?\)/.test(d)).length).toBeGreaterThanOrEqual(2);
  });

  it('GET /v1/users/{id}/targets: page and total through targets_user, no scan', async () => {
    const user = await createUser({ email: email(), phone: phone() });
    const details = await plansOf(`/v1/users/${user.$id}/targets`, 'targets');
    expect(details.filter((d) => /^SCAN targets\b/.test(d))).toEqual([]);
    expect(details.filter((d) => /^SEARCH targets USING (COVERING )?INDEX targets_user \(user_seq=\?\)/.test(d)).length).toBeGreaterThanOrEqual(2);
  });
});
