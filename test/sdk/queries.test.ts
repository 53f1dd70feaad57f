import { AppwriteException, Client, Query, Users } from 'node-appwrite';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { sdk, uid } from './client';

const { users } = sdk();
const tag = uid('sq');
const ids = Array.from({ length: 4 }, (_, i) => `${tag}${i}`);
const only = Query.startsWith('$id', tag);
const listIds = async (queries: string[], search?: string, client = users) =>
  (await client.list(queries, search)).users.map((u) => u.$id);

beforeAll(async () => {
  await users.create(ids[0], `lionel.messi.${tag}@psg.fr`, undefined, undefined, 'Lionel Messi');
  await users.create(ids[1], `cristiano.${tag}@manchester-united.co.uk`, '+447700900111', undefined, 'Cristiano Ronaldo');
  await users.create(ids[2], undefined, '+33612340000', undefined, 'Neymar');
  await users.create(ids[3], `kylian.${tag}@psg.fr`, undefined, undefined, 'Kylian Mbappé');
});

describe('node-appwrite 14.2.0 Query.* against GET /v1/users', () => {
  it('filters with every kind of helper', async () => {
    expect(await listIds([only, Query.equal('name', ['lionel messi', 'NEYMAR'])])).toEqual([ids[0], ids[2]]);
    expect(await listIds([only, Query.notEqual('name', 'Neymar')])).toEqual([ids[0], ids[1], ids[3]]);
    expect(await listIds([only, Query.isNull('email')])).toEqual([ids[2]]);
    expect(await listIds([only, Query.isNotNull('phone')])).toEqual([ids[1], ids[2]]);
    expect(await listIds([only, Query.endsWith('email', '@psg.fr')])).toEqual([ids[0], ids[3]]);
    expect(await listIds([only, Query.contains('name', ['onald', 'bapp'])])).toEqual([ids[1], ids[3]]);
    expect(await listIds([only, Query.greaterThan('name', 'l')])).toEqual([ids[0], ids[2]]);
    expect(await listIds([only, Query.or([Query.equal('status', false), Query.startsWith('phone', '+44')])])).toEqual([ids[1]]);
    expect(await listIds([only, Query.and([Query.startsWith('name', 'K'), Query.contains('labels', ['vip'])])])).toEqual([]);
    const first = (await users.get(ids[0])).$createdAt;
    expect(await listIds([only, Query.between('$createdAt', first, '2999-01-01T00:00:00.000+00:00')])).toEqual(ids);
    expect(await listIds([only, Query.equal('$createdAt', first)])).toContain(ids[0]);
  });

  it('orders, limits and pages with cursors', async () => {
    expect(await listIds([only, Query.orderDesc('')])).toEqual([...ids].reverse());
    expect(await listIds([only, Query.orderAsc('name'), Query.limit(2)])).toEqual([ids[1], ids[3]]);
    expect(await listIds([only, Query.orderAsc('name'), Query.cursorAfter(ids[3]), Query.limit(2)])).toEqual([ids[0], ids[2]]);
    expect(await listIds([only, Query.orderAsc('name'), Query.cursorBefore(ids[0])])).toEqual([ids[1], ids[3]]);
    expect(await listIds([only, Query.offset(3)])).toEqual([ids[3]]);
    const page = await users.list([only, Query.limit(1)]);
    expect(page.total).toBe(4);
  });

  it('search', async () => {
    expect(await listIds([only], 'psg.fr')).toEqual([ids[0], ids[3]]);
    expect(await listIds([only], 'ronaldo@manch')).toEqual([ids[1]]);
    expect(await listIds([only], `cristiano.${tag}@manch`)).toContain(ids[1]);
    expect(await listIds([only], '+3361234')).toEqual([ids[2]]);
    expect(await listIds([only], 'mbappe')).toEqual([ids[3]]);
  });

  it('Appwrite errors arrive as AppwriteException', async () => {
    const error = await users.list([Query.select(['name'])]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppwriteException);
    expect(error).toMatchObject({ code: 400, type: 'general_argument_invalid', message: 'Invalid `queries` param: Invalid query method: select' });
    const cursor = await users.list([Query.cursorAfter('nobody-here')]).catch((e: unknown) => e);
    expect(cursor).toMatchObject({ code: 400, type: 'general_cursor_not_found', message: "User 'nobody-here' for the 'cursor' value not found." });
  });
});

describe('pre-1.5 query strings sent raw (node-appwrite 8–11 syntax)', () => {
  const old = new Users(
    new Client().setEndpoint(inject('endpoint')).setProject(inject('projectId')).setKey(inject('apiKey')).addHeader('X-Appwrite-Response-Format', '1.4.0'),
  );
  const rawOnly = `startsWith("$id", ["${tag}"])`;

  it.each([
    ['with the 1.4.0 response format', old],
    ['with the current response format', users],
  ])('%s', async (_, client) => {
    expect(await listIds([rawOnly, 'equal("name", ["Neymar", "Kylian Mbappé"])'], undefined, client)).toEqual([ids[2], ids[3]]);
    expect(await listIds([rawOnly, 'orderDesc("name")', 'limit(2)', `cursorAfter("${ids[2]}")`], undefined, client)).toEqual([ids[0], ids[3]]);
    expect(await listIds([rawOnly, 'isNull("phone")', 'offset(1)'], undefined, client)).toEqual([ids[3]]);
    expect(await listIds([rawOnly, `between("$createdAt", ["2000-01-01", "2999-01-01"])`], undefined, client)).toEqual(ids);
  });

  it('an unparsable old query is a 400 general_query_invalid', async () => {
    const error = await old.list(['equal("name", ["x"]']).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 400, type: 'general_query_invalid', message: 'Invalid query: equal("name", ["x"]' });
  });
});
