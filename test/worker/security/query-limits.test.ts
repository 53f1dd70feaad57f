import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { MAX_ORDER_QUERIES } from '../../../src/queries/compile';
import { MAX_VALUE_LENGTH } from '../../../src/queries/validate';
import { call, createUser, uid } from '../helpers/api';
import { Q } from '../queries/helpers';
import { rpcErrorEnvelope } from '../../../src/rpc/errors';

/** The three lists the probe broke, each with attributes it can order and filter by. */
const LISTS = [
  { name: '/users', path: () => '/v1/users', attribute: 'name' },
  { name: '/users/{id}/targets', path: (userId: string) => `/v1/users/${userId}/targets`, attribute: 'identifier' },
  { name: '/users/identities', path: () => '/v1/users/identities', attribute: 'provider' },
];

function list(path: string, queries: string[], search?: string) {
  const params = new URLSearchParams();
  queries.forEach((q, i) => params.append(`queries[${i}]`, q));
  if (search !== undefined) params.append('search', search);
  return call('GET', `${path}?${params}`);
}

const orders = (n: number, attribute: string) => Array.from({ length: n }, (_, i) => (i % 2 ? Q.orderDesc(attribute) : Q.orderAsc(attribute)));
const TOO_MANY_ORDERS = `Invalid \`queries\` param: Invalid query: Queries must not contain more than ${MAX_ORDER_QUERIES} order queries`;

describe.each(LISTS)('$name answers 400, never 500, for queries beyond D1 limits', ({ path, attribute }) => {
  it('100 order queries (D1: "too many terms in ORDER BY clause")', async () => {
    const user = await createUser({ email: `${uid()}@example.com` });
    const res = await list(path(user.$id), orders(100, attribute));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: 'general_argument_invalid', message: TOO_MANY_ORDERS, code: 400 });
  });

  it('46 order queries and a cursor (D1: "Expression tree is too large")', async () => {
    const user = await createUser({ email: `${uid()}@example.com` });
    const res = await list(path(user.$id), [...orders(46, attribute), Q.cursorAfter(user.$id)]);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(TOO_MANY_ORDERS);
  });

  it('a startsWith value of 33,050 characters (D1: SQLITE_TOOBIG), and the other string filters', async () => {
    const user = await createUser({ email: `${uid()}@example.com` });
    const huge = 'a'.repeat(33_050);
    for (const query of [Q.startsWith(attribute, huge), Q.endsWith(attribute, huge), Q.contains(attribute, [huge]), Q.equal(attribute, [huge])]) {
      const res = await list(path(user.$id), [query]);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        type: 'general_argument_invalid',
        message: `Invalid \`queries\` param: Invalid query: Query value on attribute is longer than ${MAX_VALUE_LENGTH} characters: ${attribute}`,
      });
    }
  });

  it(`still accepts ${MAX_ORDER_QUERIES} order queries with a cursor, and values of ${MAX_VALUE_LENGTH} characters`, async () => {
    const user = await createUser({ email: `${uid()}@example.com` });
    // The user is a cursor only in the users list.
    const cursor = path(user.$id) === '/v1/users' ? [Q.cursorAfter(user.$id)] : [];
    const ordered = await list(path(user.$id), [...orders(MAX_ORDER_QUERIES, attribute), ...cursor]);
    expect(ordered.status).toBe(200);
    const long = await list(path(user.$id), [Q.startsWith(attribute, 'a'.repeat(MAX_VALUE_LENGTH))]);
    expect(long.status).toBe(200);
    expect(long.body.total).toBe(0);
  });
});

describe('combinations the validator lets through still get a 400', () => {
  it('nine 4,096-character startsWith values of 3-byte characters exceed 100 kB of SQL: 400', async () => {
    const res = await list('/v1/users', Array.from({ length: 9 }, () => Q.startsWith('name', '€'.repeat(MAX_VALUE_LENGTH))));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      type: 'general_argument_invalid',
      message: 'Invalid `queries` param: Invalid query: Queries are too large or too complex for the database; send fewer or shorter queries',
    });
  });
});

describe('inputs that crossed other D1 limits now work', () => {
  it('contains, startsWith and endsWith with values over 50 bytes find matching users (D1 refuses longer LIKE patterns)', async () => {
    const name = `${uid('long')}-${'x'.repeat(90)}`;
    const user = await createUser({ name, email: `${uid()}@example.com` });
    for (const query of [
      Q.contains('name', [name.slice(2, 80).toUpperCase()]),
      Q.startsWith('name', name.slice(0, 80)),
      Q.endsWith('name', name.slice(-70)),
      Q.endsWith('name', name.slice(-70).replace('x', 'y')),
    ]) {
      const res = await list('/v1/users', [query]);
      expect(res.status).toBe(200);
      expect(res.body.users.map((u: { $id: string }) => u.$id)).toEqual(query.includes('"y') ? [] : [user.$id]);
    }
  });

  it('an `or` of 6 to 100 filters (D1 allows 5 compound-SELECT arms)', async () => {
    const tag = uid('or');
    const users = [];
    for (let i = 0; i < 7; i++) users.push(await createUser({ userId: `${tag}${i}`, name: `${tag}-name-${i}` }));
    for (const n of [6, 7, 100]) {
      const filters = Array.from({ length: n }, (_, i) => Q.equal('name', [`${tag}-name-${i}`]));
      const res = await list('/v1/users', [Q.or(...filters)]);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(Math.min(n, 7));
    }
  });

  it('a NUL in a contains value or a search term', async () => {
    for (const res of [await list('/v1/users', [Q.contains('name', ['a\0b\0c'])]), await list('/v1/users', [], 'ab\0\0\0cd')]) {
      expect(res.status).toBe(200);
    }
  });
});

describe('UsersRpc.listUsers applies the same caps (no URL length limit in front of it)', () => {
  const rejection = (work: () => Promise<unknown>) =>
    work().then(
      () => null,
      (e: Error) => rpcErrorEnvelope(e)?.message,
    );

  it.each([
    ['100 order queries', () => orders(100, 'name'), null, TOO_MANY_ORDERS],
    ['a 33,050-character startsWith', () => [Q.startsWith('name', 'a'.repeat(33_050))], null, `Invalid \`queries\` param: Invalid query: Query value on attribute is longer than ${MAX_VALUE_LENGTH} characters: name`],
    ['a 100,000-character search', () => [], 'a'.repeat(100_000), 'Invalid `search` param: Value must be a valid string and at least 1 chars and no longer than 256 chars'],
  ])('%s', async (_, queries, search, message) => {
    expect(await rejection(() => exports.UsersRpc.listUsers({ queries: queries(), search }))).toBe(message);
  });
});
