import { describe, expect, it } from 'vitest';
import { convertLegacyQuery } from '../../../src/queries/legacy-syntax';
import { ids as listIds, listUsers, seedUsers } from './helpers';

describe('pre-1.5 query syntax conversion (compat.md §4)', () => {
  it.each([
    ['equal("name", ["Lionel Messi"])', { method: 'equal', attribute: 'name', values: ['Lionel Messi'] }],
    ['equal("name", "x")', { method: 'equal', attribute: 'name', values: ['x'] }],
    ["equal('name', ['a', 'b'])", { method: 'equal', attribute: 'name', values: ['a', 'b'] }],
    ['notEqual("status", [true])', { method: 'notEqual', attribute: 'status', values: [true] }],
    ['lessThan("registration", ["2024-01-01T00:00:00.000+00:00"])', { method: 'lessThan', attribute: 'registration', values: ['2024-01-01T00:00:00.000+00:00'] }],
    ['greaterThan("n", [1.5, -2, 3e2])', { method: 'greaterThan', attribute: 'n', values: [1.5, -2, 300] }],
    ['equal("n", [null, false, "true", "12"])', { method: 'equal', attribute: 'n', values: [null, false, 'true', '12'] }],
    ['search("name", ["x"])', { method: 'search', attribute: 'name', values: ['x'] }],
    ['isNull("email")', { method: 'isNull', attribute: 'email' }],
    ['isNotNull("phone")', { method: 'isNotNull', attribute: 'phone' }],
    ['between("registration", "2024-01-01", "2024-02-01")', { method: 'between', attribute: 'registration', values: ['2024-01-01', '2024-02-01'] }],
    ['between("registration", ["2024-01-01", "2024-02-01"])', { method: 'between', attribute: 'registration', values: ['2024-01-01', '2024-02-01'] }],
    ['startsWith("name", ["Li"])', { method: 'startsWith', attribute: 'name', values: ['Li'] }],
    ['select(["name","email"])', { method: 'select', values: ['name', 'email'] }],
    ['orderAsc("name")', { method: 'orderAsc', attribute: 'name' }],
    ['orderDesc("")', { method: 'orderDesc' }],
    ['orderDesc()', { method: 'orderDesc' }],
    ['cursorAfter("user1")', { method: 'cursorAfter', values: ['user1'] }],
    ['limit(25)', { method: 'limit', values: [25] }],
    ['offset(0)', { method: 'offset', values: [0] }],
    ['equal("name", ["a\\"b", "c\\,d", "e\\[f\\]", "g\\h"])', { method: 'equal', attribute: 'name', values: ['a"b', 'c,d', 'e[f]', 'g\\h'] }],
    ['equal( "name" , [ "with spaces " ] )', { method: 'equal', attribute: 'name', values: ['with spaces '] }],
    ['equal("0", ["x"])', { method: 'equal', values: ['x'] }],
    ['cursorAsc("x")', { method: 'cursorAsc' }],
  ])('%s', (text, expected) => {
    expect(convertLegacyQuery(text)).toEqual(expected);
  });

  it.each(['limit', 'name.equal("x")', 'equal("name", ["x"', 'equal("name", "x)', 'equal("a", x])'])('cannot parse %s', (text) => {
    expect(convertLegacyQuery(text)).toBeNull();
  });
});

describe('GET /v1/users with pre-1.5 queries', () => {
  const old = { headers: { 'x-appwrite-response-format': '1.4.0' } };

  it('filters, orders and pages like the JSON form, with or without an old response format', async () => {
    const { ids, tag } = await seedUsers([{ name: 'Old Syntax A' }, { name: 'Old Syntax B' }, { name: 'Old Syntax C' }]);
    const queries = [`startsWith("$id", ["${tag}"])`, 'orderDesc("")', 'limit(2)', `cursorAfter("${ids[2]}")`];
    expect(await listIds(queries, old)).toEqual([ids[1], ids[0]]);
    expect(await listIds(queries)).toEqual([ids[1], ids[0]]);
    expect(await listIds([`startsWith("$id", ["${tag}"])`, 'between("name", ["old syntax b", "old syntax c"])'], old)).toEqual([ids[1], ids[2]]);
    expect(await listIds([`startsWith("$id", ["${tag}"])`, 'equal("name", ["Old Syntax A", "Old Syntax C"])', 'offset(1)'])).toEqual([ids[2]]);
  });

  it('JSON queries still work with an old response format', async () => {
    expect((await listUsers(['{"method":"limit","values":[1]}'], old)).status).toBe(200);
  });

  it('unparsable old syntax: 400 general_query_invalid naming the query', async () => {
    for (const [query, options] of [['equal("name", ["x"]', old], ['limit', old], ['equal("name", [x"]', {}]] as const) {
      const res = await listUsers([query], options);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ type: 'general_query_invalid', message: `Invalid query: ${query}` });
    }
  });

  it('converted queries get the normal validation messages', async () => {
    const cases: Array<[string, string]> = [
      ['limit(0)', 'Invalid query: Invalid limit: Value must be a valid range between 1 and 9,223,372,036,854,775,808'],
      ['cursorAsc("x")', 'Invalid query: Invalid query method: cursorAsc'],
      ['select(["name"])', 'Invalid query method: select'],
      ['equal("password", ["x"])', 'Invalid query: Attribute not found in schema: password'],
      ['equal("status", ["true"])', 'Invalid query: Query value is invalid for attribute "status"'],
    ];
    for (const [query, message] of cases) {
      const res = await listUsers([query], old);
      expect(res.body).toMatchObject({ type: 'general_argument_invalid', message: `Invalid \`queries\` param: ${message}` });
    }
  });
});
