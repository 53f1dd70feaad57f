import { beforeAll, describe, expect, it } from 'vitest';
import { ids as listIds, listUsers, Q, seedUsers } from './helpers';

let tag: string;
let only: string;
let u: string[];
const ids = (...queries: string[]) => listIds([only, ...queries]);

beforeAll(async () => {
  const seeded = await seedUsers([
    {
      name: 'Lionel Messi', email: `lionel.messi.${Date.now()}@psg.fr`, phone: '+33600000001',
      set: { labels: ['vip'], email_verification: true, registration: '2024-01-01T10:00:00.000Z', password_update: '2024-03-01T00:00:00.000Z' },
    },
    {
      name: 'Cristiano Ronaldo', email: `cristiano.${Date.now()}@manchester-united.co.uk`, phone: '+447700900002',
      set: { labels: ['vip', 'Gold'], status: false, phone_verification: true, registration: '2024-02-01T10:00:00.000Z' },
    },
    { name: 'neymar', email: `NEYMAR.${Date.now()}@psg.fr`, set: { registration: '2024-03-01T10:00:00.000Z' } },
    { set: { registration: '2024-04-01T10:00:00.000Z' } },
    { name: 'Kylian_Mbappe%', email: `kylian.${Date.now()}@psg.fr`, phone: '+33600000005', set: { email: '', phone: '', registration: '2024-05-01T10:00:00.000Z' } },
  ]);
  ({ tag, only } = seeded);
  u = seeded.ids;
});

describe('GET /v1/users filters (queries.md §5)', () => {
  it('equal matches any of the values, case-insensitively for strings', async () => {
    expect(await ids(Q.equal('name', ['lionel messi']))).toEqual([u[0]]);
    expect(await ids(Q.equal('name', ['NEYMAR', 'Cristiano Ronaldo']))).toEqual([u[1], u[2]]);
    expect(await ids(Q.equal('$id', [u[3].toUpperCase()]))).toEqual([u[3]]);
    expect(await ids(Q.equal('phone', ['+447700900002']))).toEqual([u[1]]);
    expect(await ids(Q.equal('status', [false]))).toEqual([u[1]]);
    expect(await ids(Q.equal('emailVerification', [true]))).toEqual([u[0]]);
    expect(await ids(Q.equal('phoneVerification', [true]))).toEqual([u[1]]);
  });

  it('equal on datetimes accepts any zone and a value copied from a response', async () => {
    expect(await ids(Q.equal('registration', ['2024-01-01T10:00:00.000+00:00']))).toEqual([u[0]]);
    expect(await ids(Q.equal('registration', ['2024-01-01T12:00:00.000+02:00']))).toEqual([u[0]]);
    expect(await ids(Q.equal('registration', ['2024-01-01 10:00:00']))).toEqual([u[0]]);
    const [first] = (await listUsers([only, Q.limit(1)])).body.users;
    expect(await ids(Q.equal('$createdAt', [first.$createdAt]))).toContain(first.$id);
  });

  it('equal "" matches cleared values, isNull only never-set ones', async () => {
    expect(await ids(Q.equal('email', ['']))).toEqual([u[4]]);
    expect(await ids(Q.isNull('email'))).toEqual([u[3]]);
    expect(await ids(Q.isNull('phone'))).toEqual([u[2], u[3]]);
    expect(await ids(Q.isNotNull('phone'))).toEqual([u[0], u[1], u[4]]);
    expect(await ids(Q.isNull('passwordUpdate'))).toEqual([u[1], u[2], u[3], u[4]]);
  });

  it('isNull on a NOT NULL attribute matches nothing, isNotNull everything', async () => {
    expect(await ids(Q.isNull('name'))).toEqual([]);
    expect(await ids(Q.isNull('labels'))).toEqual([]);
    expect(await ids(Q.isNotNull('labels'))).toEqual(u);
  });

  it('notEqual excludes NULLs (SQL semantics)', async () => {
    expect(await ids(Q.notEqual('phone', '+33600000001'))).toEqual([u[1], u[4]]);
    expect(await ids(Q.notEqual('status', true))).toEqual([u[1]]);
    expect(await ids(Q.notEqual('emailVerification', false))).toEqual([u[0]]);
    expect(await ids(Q.notEqual('name', 'NEYMAR'))).toEqual([u[0], u[1], u[3], u[4]]);
  });

  it('comparisons and between are inclusive where they say so; NULLs never match', async () => {
    expect(await ids(Q.lessThan('registration', '2024-02-01T10:00:00.000+00:00'))).toEqual([u[0]]);
    expect(await ids(Q.lessThanEqual('registration', '2024-02-01T10:00:00.000+00:00'))).toEqual([u[0], u[1]]);
    expect(await ids(Q.greaterThan('registration', '2024-04-01T10:00:00.000Z'))).toEqual([u[4]]);
    expect(await ids(Q.greaterThanEqual('registration', '2024-04-01'))).toEqual([u[3], u[4]]);
    expect(await ids(Q.between('registration', '2024-02-01T10:00:00.000Z', '2024-03-01T10:00:00.000Z'))).toEqual([u[1], u[2]]);
    expect(await ids(Q.lessThan('passwordUpdate', '2030-01-01'))).toEqual([u[0]]);
    expect(await ids(Q.greaterThan('name', 'm'))).toEqual([u[2]]);
    expect(await ids(Q.between('name', 'C', 'lionel messi'))).toEqual([u[0], u[1], u[4]]);
    expect(await ids(Q.greaterThan('status', false))).toEqual([u[0], u[2], u[3], u[4]]);
  });

  it('startsWith / endsWith: case-insensitive, % and _ literal', async () => {
    expect(await ids(Q.startsWith('name', 'lio'))).toEqual([u[0]]);
    expect(await ids(Q.startsWith('email', 'CRISTIANO.'))).toEqual([u[1]]);
    expect(await ids(Q.startsWith('phone', '+33'))).toEqual([u[0]]);
    expect(await ids(Q.startsWith('name', 'Kylian_'))).toEqual([u[4]]);
    expect(await ids(Q.startsWith('name', 'Kylian%'))).toEqual([]);
    // The value is a datetime, normalised before matching (as Appwrite does), so only a full one matches.
    expect(await ids(Q.startsWith('registration', '2024-03-01T10:00:00.000+00:00'))).toEqual([u[2]]);
    expect(await ids(Q.startsWith('registration', '2024-03-01'))).toEqual([]);
    expect(await ids(Q.endsWith('name', 'MESSI'))).toEqual([u[0]]);
    expect(await ids(Q.endsWith('name', 'pe%'))).toEqual([u[4]]);
    expect(await ids(Q.endsWith('email', '@psg.fr'))).toEqual([u[0], u[2]]);
    expect(await ids(Q.endsWith('phone', '02'))).toEqual([u[1]]);
    expect(await ids(Q.endsWith('$id', u[2].slice(-4)))).toEqual([u[2]]);
  });

  it('contains on strings is a substring match of any value, long or short', async () => {
    expect(await ids(Q.contains('name', ['ONALD']))).toEqual([u[1]]);
    expect(await ids(Q.contains('name', ['ey', 'essi']))).toEqual([u[0], u[2]]);
    expect(await ids(Q.contains('email', ['@manchester-united.']))).toEqual([u[1]]);
    expect(await ids(Q.contains('phone', ['0090']))).toEqual([u[1]]);
    expect(await ids(Q.contains('name', ['_Mb']))).toEqual([u[4]]);
    expect(await ids(Q.contains('name', ['n%m']))).toEqual([]);
    expect(await ids(Q.contains('name', ['n_m']))).toEqual([u[4]]);
    expect(await ids(Q.contains('$id', [tag]))).toEqual(u);
  });

  it('contains on labels: shares an element, exact and case-sensitive', async () => {
    expect(await ids(Q.contains('labels', ['vip']))).toEqual([u[0], u[1]]);
    expect(await ids(Q.contains('labels', ['gold']))).toEqual([]);
    expect(await ids(Q.contains('labels', ['Gold', 'nope']))).toEqual([u[1]]);
    expect(await ids(Q.contains('labels', ['vi']))).toEqual([]);
  });

  it('several filters are ANDed; or/and nest', async () => {
    expect(await ids(Q.endsWith('email', '@psg.fr'), Q.contains('labels', ['vip']))).toEqual([u[0]]);
    expect(await ids(Q.or(Q.equal('name', ['neymar']), Q.isNull('email')))).toEqual([u[2], u[3]]);
    expect(await ids(Q.or(Q.and(Q.startsWith('name', 'L'), Q.equal('status', [true])), Q.contains('labels', ['Gold'])))).toEqual([u[0], u[1]]);
    expect(await ids(Q.and(Q.equal('status', [true]), Q.or(Q.isNull('phone'), Q.equal('phone', [''])), Q.isNotNull('email')))).toEqual([u[2], u[4]]);
  });

  it('an or of more branches than a compound SELECT may hold still works', async () => {
    const many = Array.from({ length: 150 }, (_, i) => Q.equal('name', [`nobody ${i}`]));
    expect(await ids(Q.or(...many, Q.equal('name', ['neymar'])))).toEqual([u[2]]);
  });

  it('nested queries get the same datetime and array handling as top-level ones', async () => {
    expect(await ids(Q.or(Q.equal('registration', ['2024-01-01T12:00:00+02:00']), Q.contains('labels', ['Gold'])))).toEqual([u[0], u[1]]);
  });

  it('labels changed by any writer are seen by contains (trigger-maintained)', async () => {
    const { setColumns } = await import('./helpers');
    await setColumns(u[2], { labels: ['fresh'] });
    expect(await ids(Q.contains('labels', ['fresh']))).toEqual([u[2]]);
    await setColumns(u[2], { labels: [] });
    expect(await ids(Q.contains('labels', ['fresh']))).toEqual([]);
  });
});
