import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../helpers/api';
import { ids as listIds, listUsers, Q, seedUsers, setColumns } from './helpers';

let only: string;
let u: string[];
/** Search restricted to this file's users (the database is shared with other test files). */
const search = (term: string, ...queries: string[]) => listIds([only, ...queries], { search: term });

beforeAll(async () => {
  const seeded = await seedUsers([
    // The user of Appwrite's e2e search tests (UsersBase.php), and others that must not match.
    { name: 'Cristiano Ronaldo', email: 'cristiano.ronaldo@manchester-united.co.uk', phone: '+910000000000' },
    { name: 'Lionel Messi', email: 'lionel.messi@psg.fr', phone: '+33612345678', set: { labels: ['vip'] } },
    { name: 'Jean-Luc Picard', email: 'jean_luc+enterprise@starfleet.org' },
    { name: 'José Mourinho', email: 'special.one@example.org', phone: '+447700900123' },
    { name: 'Lucas Hernández', email: 'lucas@example.org' },
    { name: 'Kylian Mbappé' },
  ]);
  ({ only } = seeded);
  u = seeded.ids;
});

describe('search: what Appwrite finds (queries.md §8, e2e examples)', () => {
  it.each([
    'Ronaldo',
    'cristiano.ronaldo@manchester-united.co.uk',
    'cristiano.ronaldo',
    'manchester',
    'united.co.uk',
    'man',
    '+910000000000',
  ])('%s → exactly the e2e user', async (term) => {
    expect(await search(term)).toEqual([u[0]]);
  });

  it('the user id', async () => {
    expect(await search(u[0])).toEqual([u[0]]);
  });

  it('a renamed user is found by the new name and no longer by the old one (triggers keep the index)', async () => {
    const [user] = await seedUsers([{ name: 'Before Rename', email: `rename.${Date.now()}@example.net` }]).then((s) => s.users);
    await setColumns(user.$id, { name: 'Updated name' });
    expect(await listIds([Q.equal('$id', [user.$id])], { search: 'Updated name' })).toEqual([user.$id]);
    expect(await listIds([Q.equal('$id', [user.$id])], { search: 'Before' })).toEqual([]);
    await setColumns(user.$id, { email: 'users.service@updated.com' });
    expect(await listIds([Q.equal('$id', [user.$id])], { search: '"users.service@updated.com"' })).toEqual([user.$id]);
  });

  it('a term that is only reserved characters matches nothing: ">" → total 0', async () => {
    const res = await listUsers([], { search: '>' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ total: 0, users: [] });
  });

  it('words are ORed, the last one is a prefix (Jean-Luc → jean OR luc*)', async () => {
    expect(await search('Jean-Luc')).toEqual([u[2], u[4]]);
  });

  it('exact terms shorter than 3 characters and stopwords are ignored, the prefix never is', async () => {
    expect(await search('de ronaldo')).toEqual([u[0]]);
    expect(await search('the ronaldo')).toEqual([u[0]]);
    expect(await search('ma')).toEqual([u[0]]);
  });

  it('a "phrase" matches consecutive words, across fields', async () => {
    expect(await search('"lionel messi"')).toEqual([u[1]]);
    expect(await search('"psg fr lionel"')).toEqual([u[1]]);
    expect(await search('"messi lionel"')).toEqual([]);
  });

  it('is case- and accent-insensitive', async () => {
    expect(await search('CRISTIANO')).toEqual([u[0]]);
    expect(await search('jose')).toEqual([u[3]]);
    expect(await search('Mbappe')).toEqual([u[5]]);
    expect(await search('hernandez')).toEqual([u[4]]);
  });

  it('labels are searchable as label:<label>', async () => {
    expect(await search('label:vip')).toEqual([u[1]]);
    expect(await search('vip')).toEqual([u[1]]);
  });

  it('is ANDed with the queries and counted in total', async () => {
    const res = await listUsers([only, Q.isNotNull('phone'), Q.limit(1)], { search: 'example.org' });
    expect(res.body.total).toBe(1);
    expect(res.body.users.map((x: { $id: string }) => x.$id)).toEqual([u[3]]);
  });

  it('a deleted user leaves the index', async () => {
    const [user] = await seedUsers([{ name: 'Ephemeral Zyxwv' }]).then((s) => s.users);
    expect(await listIds([], { search: 'zyxwv' })).toEqual([user.$id]);
    expect((await call('DELETE', `/v1/users/${user.$id}`)).status).toBe(204);
    expect(await listIds([], { search: 'zyxwv' })).toEqual([]);
  });
});

describe('search: what Appwrite misses and we find', () => {
  it.each([
    ['partial email', 'ronaldo@manch', [0]],
    ['email around the @', 'do@man', [0]],
    ['a domain', '@manchester-united.co', [0]],
    ['a domain with a dot', 'psg.fr', [1]],
    ['terms with _ and +', 'jean_luc+ent', [2]],
    ['an underscore fragment', '_luc', [2]],
    ['mid-word substring', 'onald', [0]],
    ['mid-word substring of a domain', 'chester-uni', [0]],
    ['phone fragment with +', '+3361', [1]],
    ['phone fragment mid-number', '12345', [1]],
    ['phone fragment inside zeros', '0000000', [0]],
    ['international phone prefix', '+44', [3]],
  ])('%s: %s', async (_, term, expected) => {
    expect(await search(term)).toEqual(expected.map((i) => u[i]));
  });

  it('1–2 character terms match words that start with them, not mid-word', async () => {
    expect(await search('ky')).toEqual([u[5]]);
    expect(await search('k')).toEqual([u[5]]);
    expect(await search('ly')).toEqual([]);
    expect(await search('ld')).toEqual([]);
  });
});
