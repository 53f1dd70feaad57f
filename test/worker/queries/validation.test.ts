import { describe, expect, it } from 'vitest';
import { call } from '../helpers/api';
import { listUsers, Q, queriesError } from './helpers';

const RANGE_MAX = '9,223,372,036,854,775,808';

async function expectQueriesError(queries: string[], message: string) {
  const res = await listUsers(queries);
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject(queriesError(message));
}

describe('GET /v1/users: queries validation messages (queries.md §6)', () => {
  it('rejects a scalar queries param', async () => {
    const res = await call('GET', `/v1/users?queries=${encodeURIComponent(Q.limit(1))}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject(queriesError('Queries must be an array'));
  });

  it.each([
    ['not JSON', '{"method":', 'Invalid query: Invalid query: Syntax error'],
    ['empty string', '', 'Invalid query: Invalid query: Syntax error'],
    ['a number', '5', 'Invalid query: Invalid query. Must be an array, got integer'],
    ['a float', '5.5', 'Invalid query: Invalid query. Must be an array, got double'],
    ['a string', '"limit"', 'Invalid query: Invalid query. Must be an array, got string'],
    ['null', 'null', 'Invalid query: Invalid query. Must be an array, got NULL'],
    ['missing method', '{"attribute":"name"}', 'Invalid query: Invalid query method: '],
    ['unknown method', '{"method":"cursorAsc","values":["x"]}', 'Invalid query: Invalid query method: cursorAsc'],
    ['method in the wrong case', '{"method":"EQUAL","attribute":"name","values":["x"]}', 'Invalid query: Invalid query method: EQUAL'],
    ['method not a string', '{"method":5}', 'Invalid query: Invalid query method. Must be a string, got integer'],
    ['attribute not a string', '{"method":"equal","attribute":["name"],"values":["x"]}', 'Invalid query: Invalid query attribute. Must be a string, got array'],
    ['values not an array', '{"method":"equal","attribute":"name","values":"x"}', 'Invalid query: Invalid query values. Must be an array, got string'],
    ['nested query not an object', '{"method":"or","values":["x",{"method":"equal","attribute":"name","values":["y"]}]}', 'Invalid query: Invalid query. Must be an array, got string'],
  ])('parse error: %s', async (_, query, message) => {
    await expectQueriesError([query], message);
  });

  it('rejects select on users without the "Invalid query:" prefix', async () => {
    await expectQueriesError([JSON.stringify({ method: 'select', values: ['name'] })], 'Invalid query method: select');
  });

  it.each([
    ['search', 'Attribute not found in schema: search'],
    ['accessedAt', 'Attribute not found in schema: accessedAt'],
    ['mfa', 'Attribute not found in schema: mfa'],
    ['hash', 'Attribute not found in schema: hash'],
    ['prefs', 'Attribute not found in schema: prefs'],
    ['$internalId', 'Attribute not found in schema: $internalId'],
    ['constructor', 'Attribute not found in schema: constructor'],
    ['name.first', 'Cannot query nested attribute on: name'],
    ['foo.bar', 'Attribute not found in schema: foo'],
  ])('filter on a non-allowed attribute: %s', async (attribute, message) => {
    await expectQueriesError([Q.equal(attribute, ['x'])], `Invalid query: ${message}`);
  });

  it('ordering accepts $internalId but not other unknown attributes', async () => {
    expect((await listUsers([Q.orderAsc('$internalId'), Q.limit(1)])).status).toBe(200);
    await expectQueriesError([Q.orderAsc('password')], 'Invalid query: Attribute not found in schema: password');
  });

  it.each([
    [Q.raw('equal', 'name', []), 'Equal queries require at least one value.'],
    [Q.raw('equal', 'name', [[]]), 'Equal queries require at least one value.'],
    [Q.raw('contains', 'name', []), 'Contains queries require at least one value.'],
    [Q.raw('notEqual', 'name', ['a', 'b']), 'NotEqual queries require exactly one value.'],
    [Q.raw('lessThan', 'name', []), 'LessThan queries require exactly one value.'],
    [Q.raw('lessThanEqual', 'name', []), 'LessThanEqual queries require exactly one value.'],
    [Q.raw('greaterThan', 'name', []), 'GreaterThan queries require exactly one value.'],
    [Q.raw('greaterThanEqual', 'name', []), 'GreaterThanEqual queries require exactly one value.'],
    [Q.raw('startsWith', 'name', []), 'StartsWith queries require exactly one value.'],
    [Q.raw('endsWith', 'name', ['a', 'b']), 'EndsWith queries require exactly one value.'],
    [Q.raw('search', 'name', []), 'Search queries require exactly one value.'],
    [Q.raw('between', 'name', ['a']), 'Between queries require exactly two values.'],
    [Q.raw('equal', 'name', Array.from({ length: 501 }, (_, i) => `n${i}`)), 'Query on attribute has greater than 500 values: name'],
  ])('value count: %s', async (query, message) => {
    await expectQueriesError([query], `Invalid query: ${message}`);
  });

  it('accepts exactly 500 values', async () => {
    expect((await listUsers([Q.raw('equal', 'name', Array.from({ length: 500 }, (_, i) => `n${i}`))])).status).toBe(200);
  });

  it.each([
    ['name', 5],
    ['email', true],
    ['status', 'true'],
    ['status', 1],
    ['emailVerification', null],
    ['registration', 'yesterday'],
    ['registration', ''],
    ['registration', '24-01-01'],
    ['registration', 20240101],
    ['$createdAt', '2024-13-01'],
    ['labels', 5],
  ])('value type: %s = %j', async (attribute, value) => {
    await expectQueriesError([Q.equal(attribute, [value])], `Invalid query: Query value is invalid for attribute "${attribute}"`);
  });

  it.each(['2024-01-01', '2024-01-01T10:00:00.000+00:00', '2024-01-01 10:00:00', '2024-01-01T10:00:00Z', '2024-01-01T12:00:00+02:00'])(
    'accepts datetime %s',
    async (value) => {
      expect((await listUsers([Q.greaterThan('registration', value), Q.limit(1)])).status).toBe(200);
    },
  );

  it('array attribute misuse', async () => {
    await expectQueriesError([Q.equal('labels', ['vip'])], 'Invalid query: Cannot query equal on attribute "labels" because it is an array.');
    await expectQueriesError([Q.startsWith('labels', 'v')], 'Invalid query: Cannot query startsWith on attribute "labels" because it is an array.');
    await expectQueriesError([Q.contains('status', [true])], 'Invalid query: Cannot query contains on attribute "status" because it is not an array or string.');
    await expectQueriesError([Q.contains('registration', ['2024-01-01'])], 'Invalid query: Cannot query contains on attribute "registration" because it is not an array or string.');
  });

  it('logical queries', async () => {
    await expectQueriesError([Q.or(Q.equal('name', ['a']), Q.limit(1))], 'Invalid query: Or queries can only contain filter queries');
    await expectQueriesError([Q.and(Q.equal('name', ['a']), Q.orderAsc('name'))], 'Invalid query: And queries can only contain filter queries');
    await expectQueriesError([Q.or(Q.equal('name', ['a']))], 'Invalid query: Or queries require at least two queries');
    await expectQueriesError([Q.and(Q.equal('name', ['a']))], 'Invalid query: And queries require at least two queries');
    // Children are validated first, with their own messages.
    await expectQueriesError([Q.or(Q.equal('nope', ['a']), Q.equal('name', ['b']))], 'Invalid query: Attribute not found in schema: nope');
    await expectQueriesError([Q.or(JSON.stringify({ method: 'select', values: [] }), Q.equal('name', ['b']))], 'Invalid query method: select');
  });

  it.each([
    [Q.raw('limit'), 'Invalid query: Invalid limit: Value must be a valid number'],
    [Q.limit('abc'), 'Invalid query: Invalid limit: Value must be a valid number'],
    [Q.limit(true), 'Invalid query: Invalid limit: Value must be a valid number'],
    [Q.limit(0), `Invalid query: Invalid limit: Value must be a valid range between 1 and ${RANGE_MAX}`],
    [Q.limit(-1), `Invalid query: Invalid limit: Value must be a valid range between 1 and ${RANGE_MAX}`],
    [Q.limit(2.5), `Invalid query: Invalid limit: Value must be a valid range between 1 and ${RANGE_MAX}`],
    [Q.offset('x'), 'Invalid query: Invalid limit: Value must be a valid number'],
    [Q.offset(-1), `Invalid query: Invalid offset: Value must be a valid range between 0 and ${RANGE_MAX}`],
    [Q.cursorAfter('_bad'), "Invalid query: Invalid cursor: UID must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, and underscore. Can't start with a leading underscore"],
    [Q.raw('cursorBefore', undefined, [5]), "Invalid query: Invalid cursor: UID must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, and underscore. Can't start with a leading underscore"],
    [Q.cursorAfter('a'.repeat(37)), "Invalid query: Invalid cursor: UID must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, and underscore. Can't start with a leading underscore"],
  ])('pagination value: %s', async (query, message) => {
    await expectQueriesError([query], message);
  });

  it('limit and offset have no upper bound', async () => {
    expect((await listUsers([Q.limit(Number.MAX_SAFE_INTEGER), Q.offset('99999999999999999999')])).body.users).toEqual([]);
    expect((await listUsers([Q.limit('99999999999999999999'), Q.equal('$id', ['nobody'])])).status).toBe(200);
  });

  it('accepts numeric strings for limit and offset', async () => {
    const res = await listUsers([Q.limit('2'), Q.offset('0')]);
    expect(res.status).toBe(200);
    expect(res.body.users.length).toBeLessThanOrEqual(2);
  });

  it('reports the first invalid query, and validates queries that are not used', async () => {
    await expectQueriesError([Q.limit(1), Q.limit(0)], `Invalid query: Invalid limit: Value must be a valid range between 1 and ${RANGE_MAX}`);
    await expectQueriesError([Q.equal('nope', ['x']), '{'], 'Invalid query: Attribute not found in schema: nope');
    await expectQueriesError(['{', Q.equal('nope', ['x'])], 'Invalid query: Invalid query: Syntax error');
  });

  it('ignores extra keys, and null members count as missing', async () => {
    const res = await listUsers([JSON.stringify({ method: 'limit', values: [1], extra: true, attribute: null })]);
    expect(res.status).toBe(200);
  });

  it('does not cap the number of queries, nor a query at 4096 characters (Appwrite documents but does not enforce 100 × 4096)', async () => {
    const many = Array.from({ length: 150 }, (_, i) => Q.notEqual('name', `x${i}`));
    expect((await listUsers([...many, Q.contains('email', ['y'.repeat(4000), 'z'.repeat(4000)]), Q.limit(1)])).status).toBe(200);
    const values = Array.from({ length: 500 }, (_, i) => `label${i}`);
    expect((await listUsers([Q.contains('labels', values), Q.contains('name', values), Q.limit(1)])).status).toBe(200);
  });

  it('caps what a D1 statement cannot hold: 40000 characters of queries, 10 levels of nesting', async () => {
    const long = Array.from({ length: 10 }, () => Q.notEqual('name', 'x'.repeat(4050)));
    await expectQueriesError(long, 'Invalid query: Queries must not be longer than 40000 characters in total');
    let nested = Q.equal('name', ['a']);
    for (let i = 0; i < 10; i++) nested = (i % 2 ? Q.and : Q.or)(nested, Q.contains('name', ['b', 'cde']));
    expect((await listUsers([nested])).status).toBe(200);
    nested = Q.or(nested, Q.equal('name', ['b']));
    await expectQueriesError([nested], 'Invalid query: Queries must not be nested more than 10 levels deep');
  });

  it('search method on an attribute: 400 general_query_invalid', async () => {
    const res = await listUsers([Q.raw('search', 'name', ['x'])]);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: 'general_query_invalid', message: 'Searching by attribute "name" requires a fulltext index.' });
  });

  it('an explicit empty search is rejected', async () => {
    const res = await call('GET', '/v1/users?search=');
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Invalid `search` param: Value must be a valid string and at least 1 chars and no longer than 256 chars');
  });
});
