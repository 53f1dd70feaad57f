import { env } from 'cloudflare:test';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileQueries, listPage, usersCollection } from '../../../src/queries';
import { createDatabase } from '../../../src/store/database';
import { selectUsersWithTargets, toUserWithTargets } from '../../../src/store/users';
import { Q, seedUsers } from './helpers';

const db = createDatabase(env.DB);

/**
 * A lone membership filter (`contains` on labels, `search`) in creation order reads its page and
 * total from its indexes (`membership.ts`). Each case is compared with the plain formulation of
 * the same queries (an extra always-true scope turns the shortcut off).
 */
async function both(queries: string[], search?: string) {
  const run = async (fast: boolean) => {
    const q = compileQueries(queries, usersCollection, { search, ...(fast ? {} : { scope: sql`1` }) });
    expect(q.totalSet !== undefined).toBe(fast);
    const page = await listPage(db, q, (p) =>
      selectUsersWithTargets(db).where(p.where).orderBy(...p.orderBy).limit(p.limit).offset(p.offset),
    );
    return { ids: page.rows.map((r) => toUserWithTargets(r).id), total: page.total };
  };
  const fast = await run(true);
  expect(fast).toEqual(await run(false));
  return fast;
}

let tag: string;
let u: string[];
let a: string;
let b: string;

beforeAll(async () => {
  const seeded = await seedUsers(
    Array.from({ length: 12 }, (_, i) => ({
      name: i % 3 === 0 ? `Zebulon${i} Quintavalle` : `Person${i}`,
      set: { labels: i % 2 === 0 ? ['x'] : i % 3 === 0 ? ['y', 'x'] : ['y'] },
    })),
  );
  ({ tag } = seeded);
  u = seeded.ids;
  a = `${tag}a`;
  b = `${tag}b`;
  // Labels unique to this file: even users `a`, multiples of 3 `b`, 6 and 0 both.
  for (const [i, id] of u.entries()) {
    const labels = [...(i % 2 === 0 ? [a] : []), ...(i % 3 === 0 ? [b] : [])];
    await env.DB.prepare('update users set labels = ? where id = ?').bind(JSON.stringify(labels), id).run();
  }
});

describe('lone membership filter: page and total straight from its index', () => {
  it('one label, every paging form', async () => {
    const evens = u.filter((_, i) => i % 2 === 0);
    expect(await both([Q.contains('labels', [a])])).toEqual({ ids: evens, total: 6 });
    expect((await both([Q.contains('labels', [a]), Q.limit(2), Q.offset(3)])).ids).toEqual(evens.slice(3, 5));
    expect((await both([Q.contains('labels', [a]), Q.limit(2), Q.cursorAfter(u[2])])).ids).toEqual([u[4], u[6]]);
    expect((await both([Q.contains('labels', [a]), Q.limit(2), Q.cursorBefore(u[8])])).ids).toEqual([u[4], u[6]]);
    expect((await both([Q.contains('labels', [a]), Q.limit(2), Q.cursorAfter(u[3])])).ids).toEqual([u[4], u[6]]);
    expect((await both([Q.contains('labels', [a]), Q.orderDesc(), Q.limit(3)])).ids).toEqual([u[10], u[8], u[6]]);
    expect((await both([Q.contains('labels', [a]), Q.orderDesc(), Q.limit(2), Q.cursorAfter(u[6])])).ids).toEqual([u[4], u[2]]);
    expect((await both([Q.contains('labels', [a]), Q.orderDesc(), Q.limit(2), Q.cursorBefore(u[6])])).ids).toEqual([u[10], u[8]]);
    expect((await both([Q.contains('labels', [a]), Q.limit(Number.MAX_SAFE_INTEGER), Q.offset(5)])).ids).toEqual([u[10]]);
    expect((await both([Q.contains('labels', [a]), Q.offset(100)])).ids).toEqual([]);
  });

  it('several labels: a union without duplicates', async () => {
    const either = u.filter((_, i) => i % 2 === 0 || i % 3 === 0);
    expect(await both([Q.contains('labels', [a, b])])).toEqual({ ids: either, total: either.length });
    expect(await both([Q.contains('labels', [b, a, b])])).toEqual({ ids: either, total: either.length });
    expect((await both([Q.contains('labels', [a, b]), Q.limit(3), Q.offset(2)])).ids).toEqual(either.slice(2, 5));
    expect((await both([Q.contains('labels', [a, b]), Q.limit(3), Q.cursorBefore(u[9])])).ids).toEqual(either.slice(3, 6));
    expect((await both([Q.contains('labels', [`${tag}none`])])).total).toBe(0);
  });

  it('other orders keep the plain page but count from the index', async () => {
    const page = await both([Q.contains('labels', [a]), Q.orderDesc('name'), Q.limit(4)]);
    expect(page.total).toBe(6);
  });

  it('search: one or both FTS tables', async () => {
    const zeb = u.filter((_, i) => i % 3 === 0);
    expect(await both([], 'Quintavalle')).toEqual({ ids: zeb, total: 4 });
    expect((await both([Q.limit(2), Q.cursorAfter(zeb[0])], 'Quintavalle')).ids).toEqual(zeb.slice(1, 3));
    expect((await both([Q.orderDesc(), Q.limit(2), Q.offset(1)], 'Quintavalle')).ids).toEqual([zeb[2], zeb[1]]);
    // A 1–2 character last word reads the word index as a second arm.
    const both2 = await both([Q.limit(5)], 'Quintavalle zz');
    expect(both2.total).toBeGreaterThanOrEqual(4);
  });

  it('the total reads the index alone', async () => {
    for (const [queries, search] of [[[Q.contains('labels', ['vip'])], undefined], [[], 'Lionel zz']] as const) {
      const q = compileQueries([...queries], usersCollection, { search });
      const { sql: text, params } = db.select({ total: sql`count(*)` }).from(sql`(${q.totalSet}) as matching`).toSQL();
      const plan = await env.DB.prepare(`explain query plan ${text}`).bind(...params).all<{ detail: string }>();
      expect(plan.results.map((r) => r.detail).filter((d) => /\busers\b/.test(d))).toEqual([]);
    }
  });
});
