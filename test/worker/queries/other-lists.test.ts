import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppwriteError } from '../../../src/errors/appwrite-error';
import { compileQueries, identitiesCollection, listPage, logsCollection, targetsCollection, type CompiledQueries } from '../../../src/queries';
import { createDatabase } from '../../../src/store/database';
import { identities, logs, targets } from '../../../src/store/schema';
import { uid } from '../helpers/api';
import { Q } from './helpers';

const db = createDatabase(env.DB);
const now = '2024-06-01T00:00:00.000Z';

async function rejection(run: () => unknown): Promise<{ type: string; message: string }> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppwriteError) return { type: error.type, message: error.message };
    throw error;
  }
  throw new Error('expected an AppwriteError');
}

const identityIds = (q: CompiledQueries) =>
  listPage(db, q, (p) => db.select().from(identities).where(p.where).orderBy(...p.orderBy).limit(p.limit).offset(p.offset)).then((r) => ({
    total: r.total,
    ids: r.rows.map((row) => row.id),
  }));

describe('identities list (queries.md §4, §8.4)', () => {
  const tag = uid('i');
  const only = Q.startsWith('$id', tag);
  beforeAll(async () => {
    await db.insert(identities).values([
      { id: `${tag}0`, createdAt: now, updatedAt: now, userSeq: 1, userId: 'user_a', provider: 'github', providerUid: 'GH-1001', providerEmail: `octo.${tag}@github.example`, providerAccessTokenExpiry: '2024-07-01T00:00:00.000Z' },
      { id: `${tag}1`, createdAt: now, updatedAt: now, userSeq: 2, userId: 'user_b', provider: 'google', providerUid: '55512345', providerEmail: `jane.${tag}@gmail.example` },
      { id: `${tag}2`, createdAt: now, updatedAt: now, userSeq: 2, userId: 'user_b', provider: 'GitHub', providerUid: 'gh-2002', providerEmail: `jane.${tag}@github.example` },
    ]);
  });

  it('filters on its attributes, case-insensitively', async () => {
    expect((await identityIds(compileQueries([only, Q.equal('provider', ['github'])], identitiesCollection))).ids).toEqual([`${tag}0`, `${tag}2`]);
    expect((await identityIds(compileQueries([only, Q.equal('providerUid', ['gh-1001'])], identitiesCollection))).ids).toEqual([`${tag}0`]);
    expect((await identityIds(compileQueries([only, Q.equal('userId', ['USER_B']), Q.orderDesc('')], identitiesCollection))).ids).toEqual([`${tag}2`, `${tag}1`]);
    expect((await identityIds(compileQueries([only, Q.isNull('providerAccessTokenExpiry')], identitiesCollection))).total).toBe(2);
  });

  it('rejects users attributes', async () => {
    expect(await rejection(() => compileQueries([Q.equal('name', ['x'])], identitiesCollection))).toEqual({
      type: 'general_argument_invalid',
      message: 'Invalid `queries` param: Invalid query: Attribute not found in schema: name',
    });
  });

  it('search works (Appwrite 1.6.2 answers 400): id, userId, provider, providerUid, providerEmail', async () => {
    const found = async (term: string) => (await identityIds(compileQueries([only], identitiesCollection, { search: term }))).ids;
    expect(await found('google')).toEqual([`${tag}1`]);
    expect(await found('github')).toEqual([`${tag}0`, `${tag}2`]);
    expect(await found('jane')).toEqual([`${tag}1`, `${tag}2`]);
    expect(await found('gmail')).toEqual([`${tag}1`]);
    expect(await found('12345')).toEqual([`${tag}1`]);
    expect(await found('user_a')).toEqual([`${tag}0`]);
  });

  it('unknown cursor: the identities message says "User" (sic)', async () => {
    expect(await rejection(() => identityIds(compileQueries([Q.cursorAfter('nope')], identitiesCollection)))).toEqual({
      type: 'general_cursor_not_found',
      message: "User 'nope' for the 'cursor' value not found.",
    });
  });

  it('cursor pages', async () => {
    expect((await identityIds(compileQueries([only, Q.cursorAfter(`${tag}0`)], identitiesCollection))).ids).toEqual([`${tag}1`, `${tag}2`]);
  });
});

describe('targets list (queries.md §4)', () => {
  const tag = uid('t');
  beforeAll(async () => {
    await db.insert(targets).values([
      { id: `${tag}0`, createdAt: now, updatedAt: now, userSeq: 900001, userId: `${tag}u`, providerType: 'email', identifier: `a.${tag}@x.example` },
      { id: `${tag}1`, createdAt: now, updatedAt: now, userSeq: 900001, userId: `${tag}u`, providerType: 'sms', identifier: `+1555${Date.now() % 1000000}` },
      { id: `${tag}2`, createdAt: now, updatedAt: now, userSeq: 900002, userId: `${tag}v`, providerType: 'email', identifier: `b.${tag}@x.example` },
    ]);
  });
  const list = (queries: string[]) =>
    listPage(db, compileQueries(queries, targetsCollection, { scope: eq(targets.userId, `${tag}u`) }), (p) =>
      db.select().from(targets).where(p.where).orderBy(...p.orderBy).limit(p.limit).offset(p.offset),
    ).then((r) => ({ total: r.total, ids: r.rows.map((row) => row.id) }));

  it('the scope (the user) is applied and counted', async () => {
    expect(await list([])).toEqual({ total: 2, ids: [`${tag}0`, `${tag}1`] });
    expect(await list([Q.equal('providerType', ['EMAIL'])])).toEqual({ total: 1, ids: [`${tag}0`] });
  });

  it('a cursor may be a target of another user', async () => {
    expect((await list([Q.cursorBefore(`${tag}2`)])).ids).toEqual([`${tag}0`, `${tag}1`]);
  });

  it('unknown cursor: the targets message', async () => {
    expect(await rejection(() => list([Q.cursorAfter('nope')]))).toEqual({
      type: 'general_cursor_not_found',
      message: "Target 'nope' for the 'cursor' value not found.",
    });
  });

  it('name and expired are not queryable', async () => {
    expect((await rejection(() => list([Q.equal('name', ['x'])]))).message).toBe('Invalid `queries` param: Invalid query: Attribute not found in schema: name');
    expect((await rejection(() => list([Q.equal('expired', [true])]))).message).toBe('Invalid `queries` param: Invalid query: Attribute not found in schema: expired');
  });
});

describe('logs list (queries.md §9)', () => {
  const user = uid('l');
  beforeAll(async () => {
    await db.insert(logs).values(Array.from({ length: 4 }, (_, i) => ({ id: `${user}${i}`, event: 'users.create', userId: user, time: now })));
  });
  const list = (queries: string[]) =>
    listPage(db, compileQueries(queries, logsCollection, { scope: eq(logs.userId, user) }), (p) =>
      db.select().from(logs).where(p.where).orderBy(...p.orderBy).limit(p.limit).offset(p.offset),
    ).then((r) => ({ total: r.total, ids: r.rows.map((row) => row.id) }));

  it('newest first, limit and offset, exact total', async () => {
    expect(await list([])).toEqual({ total: 4, ids: [`${user}3`, `${user}2`, `${user}1`, `${user}0`] });
    expect(await list([Q.limit(1), Q.offset(1)])).toEqual({ total: 4, ids: [`${user}2`] });
  });

  it.each([
    [Q.equal('$id', ['x']), 'Invalid query method: equal'],
    [Q.orderAsc('$id'), 'Invalid query method: orderAsc'],
    [Q.cursorAfter('x'), 'Invalid query method: cursorAfter'],
    [JSON.stringify({ method: 'cursorAsc', values: ['x'] }), 'Invalid query: Invalid query method: cursorAsc'],
    [Q.limit(-1), 'Invalid query: Invalid limit: Value must be a valid range between 1 and 9,223,372,036,854,775,808'],
    [Q.offset(-1), 'Invalid query: Invalid offset: Value must be a valid range between 0 and 9,223,372,036,854,775,808'],
  ])('rejects %s (e2e)', async (query, message) => {
    expect(await rejection(() => compileQueries([query], logsCollection))).toEqual({
      type: 'general_argument_invalid',
      message: `Invalid \`queries\` param: ${message}`,
    });
  });
});
