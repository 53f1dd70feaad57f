import { env } from 'cloudflare:test';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { compileQueries, usersCollection } from '../../../src/queries';
import { createDatabase } from '../../../src/store/database';
import { selectUsersWithTargets } from '../../../src/store/users';

const db = createDatabase(env.DB);
const q = (method: string, attribute?: string, values?: unknown[]) => JSON.stringify({ method, attribute, values });

/**
 * Full table scans of users in the page and total statements of `GET /v1/users`: `SCAN users`
 * without an index while a condition must be checked on every row. Without any condition a walk
 * in creation order returns every row it reads, so it stops after the page (or the 5000 cap).
 */
async function fullScans(queries: string[], search?: string): Promise<string[]> {
  const c = compileQueries(queries, usersCollection, { search });
  const page = selectUsersWithTargets(db).where(c.where).orderBy(...c.orderBy).limit(c.limit).offset(c.offset);
  const total = db.select({ one: sql`1` }).from(usersCollection.table).where(c.filter).limit(5000);
  const scans: string[] = [];
  for (const [statement, condition] of [[page, c.where], [total, c.filter]] as const) {
    const { sql: text, params } = statement.toSQL();
    const rows = await env.DB.prepare(`explain query plan ${text}`).bind(...params).all<{ detail: string }>();
    const details = rows.results.map((r) => r.detail);
    if (condition) scans.push(...details.filter((d) => /^SCAN users\b/.test(d) && !/USING/.test(d)));
  }
  return scans;
}

async function planDetails(queries: string[], search?: string): Promise<string[]> {
  const c = compileQueries(queries, usersCollection, { search });
  const { sql: text, params } = selectUsersWithTargets(db).where(c.where).orderBy(...c.orderBy).limit(c.limit).toSQL();
  const rows = await env.DB.prepare(`explain query plan ${text}`).bind(...params).all<{ detail: string }>();
  return rows.results.map((r) => r.detail);
}

const values = { string: ['Lionel'], datetime: ['2024-01-01T00:00:00.000+00:00'], boolean: [true] } as const;
const filterMethods = {
  string: ['equal', 'lessThan', 'lessThanEqual', 'greaterThan', 'greaterThanEqual', 'startsWith', 'endsWith', 'contains', 'isNull'],
  datetime: ['equal', 'lessThan', 'lessThanEqual', 'greaterThan', 'greaterThanEqual', 'isNull'],
  boolean: ['equal', 'notEqual'],
} as const;

const filterCases: Array<[string, string[]]> = [];
for (const [attribute, spec] of Object.entries(usersCollection.attributes)) {
  if (spec.array) {
    filterCases.push([`contains ${attribute}`, [q('contains', attribute, ['vip'])]]);
    continue;
  }
  for (const method of filterMethods[spec.type]) {
    if (method === 'isNull' && spec.notNull) continue;
    filterCases.push([`${method} ${attribute}`, [q(method, attribute, method === 'isNull' ? undefined : [...values[spec.type]])]]);
  }
  if (spec.type !== 'boolean') {
    filterCases.push([`between ${attribute}`, [q('between', attribute, [values[spec.type][0], values[spec.type][0]])]]);
  }
}

const sortCases: Array<[string, string[]]> = [['default order', []], ['orderDesc $internalId', [q('orderDesc', '')]]];
for (const attribute of Object.keys(usersCollection.attributes)) {
  sortCases.push([`orderAsc ${attribute}`, [q('orderAsc', attribute)]], [`orderDesc ${attribute}`, [q('orderDesc', attribute)]]);
}

describe('GET /v1/users query plans: no full table scan of users', () => {
  it.each(filterCases)('filter: %s', async (_, queries) => {
    expect(await fullScans(queries)).toEqual([]);
  });

  it.each(sortCases)('sort: %s', async (_, queries) => {
    expect(await fullScans(queries)).toEqual([]);
  });

  it.each([
    ['cursorAfter', [q('cursorAfter', undefined, ['someone'])]],
    ['cursorBefore', [q('cursorBefore', undefined, ['someone'])]],
    ['orderAsc name + cursorAfter', [q('orderAsc', 'name'), q('cursorAfter', undefined, ['someone'])]],
    ['orderDesc registration + cursorBefore', [q('orderDesc', 'registration'), q('cursorBefore', undefined, ['someone'])]],
    ['filter + sort + cursor', [q('equal', 'status', [true]), q('orderAsc', 'email'), q('cursorAfter', undefined, ['someone'])]],
    ['startsWith phone, a numeric-looking prefix', [q('startsWith', 'phone', ['+4477'])]],
    ['startsWith name, digits', [q('startsWith', 'name', ['123'])]],
    ['nested or of indexed filters', [q('or', undefined, [{ method: 'equal', attribute: 'email', values: ['a@b.c'] }, { method: 'startsWith', attribute: 'name', values: ['Li'] }])]],
  ])('pagination and special values: %s', async (_, queries) => {
    expect(await fullScans(queries as string[])).toEqual([]);
  });

  it.each([
    ['word', 'Lionel'],
    ['email fragment', 'ronaldo@manch'],
    ['phone fragment', '+3361234'],
    ['one-character prefix', 'l'],
    ['phrase', '"lionel messi"'],
  ])('search: %s', async (_, term) => {
    expect(await fullScans([], term)).toEqual([]);
    expect((await planDetails([], term)).some((d) => /VIRTUAL TABLE/.test(d))).toBe(true);
  });

  it('isNull on a NOT NULL attribute is a constant: no row is read', () => {
    const c = compileQueries([q('isNull', 'name')], usersCollection);
    expect(db.select().from(usersCollection.table).where(c.where).toSQL().sql).toMatch(/where 0$/);
  });

  // Documented exceptions (README "Queries and search"): negations match most rows, so SQLite walks
  // the table in creation order and stops after one page; a 1–2 character substring cannot use
  // the trigram index; isNull on a NOT NULL attribute compiles to a constant.
  it.each([
    ['notEqual name', [q('notEqual', 'name', ['x'])]],
    ['isNotNull email', [q('isNotNull', 'email')]],
    ['contains name (2 chars)', [q('contains', 'name', ['li'])]],
  ])('known scan, bounded by the page and the 5000 total cap: %s', async (_, queries) => {
    expect(await fullScans(queries)).not.toEqual([]);
  });
});
