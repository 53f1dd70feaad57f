import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { uid } from '../helpers/api';
import { countingD1 } from '../helpers/d1-counter';
import { ids as listIds, listUsers, Q, seedUsers, setColumns } from './helpers';

let only: string;
let u: string[];
const ids = (...queries: string[]) => listIds([only, ...queries]);

/** 30 users; names repeat (ties) and some emails are NULL, so ordering and cursors are exercised. */
beforeAll(async () => {
  const seeded = await seedUsers(
    Array.from({ length: 30 }, (_, i) => ({
      name: ['b', 'A', 'c'][i % 3],
      ...(i % 5 !== 4 && { email: `${uid('p')}-${String(i).padStart(2, '0')}@example.com` }),
    })),
  );
  ({ only } = seeded);
  u = seeded.ids;
  for (const [i, id] of u.entries()) if (i % 4 === 0) await setColumns(id, { status: false });
});

/** Every row once, following `cursorAfter` from page to page. */
async function walkForward(orders: string[], size: number) {
  const seen: string[] = [];
  for (let cursor: string | undefined; ; ) {
    const page = await ids(...orders, Q.limit(size), ...(cursor ? [Q.cursorAfter(cursor)] : []));
    if (page.length === 0) return seen;
    seen.push(...page);
    cursor = page[page.length - 1];
  }
}

/** Every row before `last`, following `cursorBefore` back to the first page. */
async function walkBackward(orders: string[], size: number, last: string) {
  const seen = [last];
  for (let cursor = last; ; ) {
    const page = await ids(...orders, Q.limit(size), Q.cursorBefore(cursor));
    if (page.length === 0) return seen;
    seen.unshift(...page);
    cursor = page[0];
  }
}

describe('GET /v1/users ordering', () => {
  it('defaults to creation order, 25 per page', async () => {
    expect(await ids()).toEqual(u.slice(0, 25));
  });

  it('orderDesc("") and orderDesc("$internalId") are newest first', async () => {
    expect(await ids(Q.orderDesc(''), Q.limit(3))).toEqual([u[29], u[28], u[27]]);
    expect(await ids(Q.orderDesc('$internalId'), Q.limit(3))).toEqual([u[29], u[28], u[27]]);
  });

  it('sorts case-insensitively and breaks ties by creation order ascending, even when descending', async () => {
    const asc = await ids(Q.orderAsc('name'), Q.limit(100));
    expect(asc).toEqual([...u.filter((_, i) => i % 3 === 1), ...u.filter((_, i) => i % 3 === 0), ...u.filter((_, i) => i % 3 === 2)]);
    const desc = await ids(Q.orderDesc('name'), Q.limit(100));
    expect(desc).toEqual([...u.filter((_, i) => i % 3 === 2), ...u.filter((_, i) => i % 3 === 0), ...u.filter((_, i) => i % 3 === 1)]);
  });

  it('NULLs sort first ascending', async () => {
    const asc = await ids(Q.orderAsc('email'), Q.limit(100));
    expect(asc.slice(0, 6)).toEqual(u.filter((_, i) => i % 5 === 4));
  });

  it('applies several orders in sequence', async () => {
    const got = await ids(Q.orderAsc('status'), Q.orderDesc('name'), Q.limit(100));
    const rank = (i: number) => [i % 4 === 0 ? 0 : 1, -['A', 'b', 'c'].indexOf(['b', 'A', 'c'][i % 3]), i];
    const expected = u.map((id, i) => ({ id, r: rank(i) })).sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.r[2] - b.r[2]);
    expect(got).toEqual(expected.map((e) => e.id));
  });

  it('orders by $id without a tie-breaker', async () => {
    expect(await ids(Q.orderDesc('$id'), Q.limit(2))).toEqual([u[29], u[28]]);
  });
});

describe('GET /v1/users limit and offset', () => {
  it('limit has no upper bound and offset skips', async () => {
    expect(await ids(Q.limit(1000))).toEqual(u);
    expect(await ids(Q.offset(28))).toEqual([u[28], u[29]]);
    expect(await ids(Q.limit(2), Q.offset(5))).toEqual([u[5], u[6]]);
  });

  it('only the first limit, offset and cursor count', async () => {
    expect(await ids(Q.limit(2), Q.limit(5), Q.offset(1), Q.offset(10))).toEqual([u[1], u[2]]);
    expect(await ids(Q.cursorAfter(u[0]), Q.cursorAfter(u[10]), Q.limit(1))).toEqual([u[1]]);
  });
});

describe('GET /v1/users cursors', () => {
  it('without orders: after → later rows ascending; before → the rows just before, ascending (e2e)', async () => {
    expect(await ids(Q.cursorAfter(u[0]), Q.limit(100))).toEqual(u.slice(1));
    expect(await ids(Q.cursorBefore(u[1]))).toEqual([u[0]]);
    expect(await ids(Q.cursorBefore(u[10]), Q.limit(3))).toEqual([u[7], u[8], u[9]]);
    expect(await ids(Q.cursorAfter(u[29]))).toEqual([]);
  });

  it('the cursor id is case-insensitive', async () => {
    expect(await ids(Q.cursorAfter(u[27].toUpperCase()))).toEqual([u[28], u[29]]);
  });

  it('offset applies after the cursor', async () => {
    expect(await ids(Q.cursorAfter(u[0]), Q.offset(2), Q.limit(2))).toEqual([u[3], u[4]]);
  });

  it.each([
    ['no order', []],
    ['orderAsc name (ties)', [Q.orderAsc('name')]],
    ['orderDesc name (ties)', [Q.orderDesc('name')]],
    ['orderAsc status, orderDesc name (ties across several orders)', [Q.orderAsc('status'), Q.orderDesc('name')]],
    ['orderDesc $createdAt', [Q.orderDesc('$createdAt')]],
    ['orderDesc $id', [Q.orderDesc('$id')]],
  ])('paging with cursorAfter and cursorBefore visits every row once, in order: %s', async (_, orders) => {
    const all = await ids(...orders, Q.limit(100));
    expect(await walkForward(orders, 7)).toEqual(all);
    expect(await walkBackward(orders, 4, all[all.length - 1])).toEqual(all);
  });

  it('the cursor may be any user, not only a filtered one', async () => {
    const other = (await listUsers([Q.limit(1)])).body.users[0].$id;
    expect((await listUsers([only, Q.cursorAfter(other)])).status).toBe(200);
  });

  it('an unknown cursor: 400 general_cursor_not_found with the users message', async () => {
    const res = await listUsers([Q.cursorAfter('unknown')]);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: 'general_cursor_not_found', code: 400, message: "User 'unknown' for the 'cursor' value not found." });
  });

  it('the cursor is checked before a search-on-attribute error', async () => {
    const res = await listUsers([Q.raw('search', 'name', ['x']), Q.cursorBefore('unknown')]);
    expect(res.body).toMatchObject({ type: 'general_cursor_not_found', message: "User 'unknown' for the 'cursor' value not found." });
  });

  it('a NULL first-order value on the cursor: 400 database_query_order_null', async () => {
    const res = await listUsers([only, Q.orderAsc('email'), Q.cursorAfter(u[4])]);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      type: 'database_query_order_null',
      message: "The order attribute 'email' had a null value. Cursor pagination requires all documents order attribute values are non-null.",
    });
  });
});

describe('GET /v1/users total', () => {
  it('counts the filters, ignoring limit, offset and cursor', async () => {
    const res = await listUsers([only, Q.equal('status', [false]), Q.limit(1), Q.offset(1), Q.cursorAfter(u[0])]);
    expect(res.body.total).toBe(8);
    expect(res.body.users.map((x: { $id: string }) => x.$id)).toEqual([u[8]]);
  });

  it('is capped at 5000', async () => {
    const tag = uid('cap');
    await env.DB.prepare(
      `with recursive n(i) as (select 1 union all select i + 1 from n where i < 5001)
       insert into users (id, created_at, updated_at, hash_options, registration)
       select ?1 || i, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', '{}', '2024-01-01T00:00:00.000Z' from n`,
    ).bind(tag).run();
    const res = await listUsers([Q.startsWith('$id', tag), Q.limit(2)]);
    expect(res.body.total).toBe(5000);
    expect(res.body.users).toHaveLength(2);
    expect((await listUsers([Q.startsWith('$id', tag), Q.offset(5000)])).body.users.map((x: { $id: string }) => x.$id)).toEqual([`${tag}5001`]);
  });
});

describe('GET /v1/users D1 round trips', () => {
  it.each([
    ['no queries', [] as string[]],
    ['filters and order', [Q.equal('status', [true]), Q.orderDesc('name')]],
    ['a cursor', [Q.cursorAfter('@first')]],
    ['search', ['search']],
  ])('one round trip: %s', async (_, queries) => {
    const { db, stats } = countingD1();
    const cursorFixed = queries.map((q) => (q.includes('@first') ? Q.cursorAfter(u[0]) : q)).filter((q) => q !== 'search');
    const res = await listUsers([only, ...cursorFixed], { env: { DB: db }, ...(queries.includes('search') && { search: 'example' }) });
    expect(res.status).toBe(200);
    expect(stats.roundTrips).toBe(1);
  });
});
