import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileQueries, listPage, listQuery, targetsCollection, usersCollection } from '../../../src/queries';
import { createDatabase } from '../../../src/store/database';
import { targets, users } from '../../../src/store/schema';
import { userSeqOf } from '../../../src/store/users';
import { call, uid } from '../helpers/api';
import { Q } from './helpers';

/** The binding with a count of the statements Drizzle prepares on it (`D1Database.prepare`). */
function countingPrepares() {
  const counts = { prepared: 0 };
  const d1 = new Proxy(env.DB, {
    get(target, prop) {
      if (prop === 'prepare') {
        return (query: string) => {
          counts.prepared++;
          return target.prepare(query);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: createDatabase(d1), counts };
}

const scope = (owner: unknown) => eq(targets.userSeq, userSeqOf(owner as string));
const targetRows = listQuery(targetsCollection, (db, p) => db.select().from(targets).where(p.where).orderBy(...p.orderBy).limit(p.limit).offset(p.offset), { scope });
const userRows = listQuery(usersCollection, (db, p) => db.select().from(users).where(p.where).orderBy(...p.orderBy).limit(p.limit).offset(p.offset));

const owners: string[] = [];

beforeAll(async () => {
  for (let i = 0; i < 2; i++) {
    const userId = uid('pl');
    owners.push(userId);
    const phone = `+1415555${String(Date.now() % 10000).padStart(4, '0')}${i}`.slice(0, 13);
    expect((await call('POST', '/v1/users', { body: { userId, email: `${userId}@example.com`, phone } })).status).toBe(201);
    for (let k = 0; k < 3; k++) {
      const res = await call('POST', `/v1/users/${userId}/targets`, {
        body: { targetId: `${userId}-push${k}`, providerType: 'push', identifier: `${userId}-device-${k}` },
      });
      expect(res.status).toBe(201);
    }
  }
});

/**
 * `listQuery` runs requests that only set limit/offset on statements prepared once per isolate; it
 * must answer exactly what compiling the same request answers, owner by owner.
 */
describe('lists prepared by shape (src/queries/list-page.ts listQuery)', () => {
  const requests = [[], [Q.limit(2)], [Q.limit(2), Q.offset(1)], [Q.offset(4)], [Q.limit(100)], [Q.offset(2), Q.limit(1), Q.limit(3)]];

  it('answers what the compiled list answers, for each owner, with and without the total', async () => {
    const { db } = countingPrepares();
    for (const owner of owners) {
      for (const queries of requests) {
        for (const countTotal of [true, false]) {
          const fast = await targetRows.run(db, { queries, countTotal, owner });
          const compiled = await listPage(db, compileQueries(queries, targetsCollection, { scope: scope(owner), countTotal }), (p) =>
            db.select().from(targets).where(p.where).orderBy(...p.orderBy).limit(p.limit).offset(p.offset),
          );
          expect(fast.rows).toEqual(compiled.rows);
          expect(fast.total).toBe(compiled.total);
          expect(fast.rows.every((row) => row.userId === owner)).toBe(true);
        }
      }
    }
    // Each owner has an e-mail, a phone and three push targets.
    expect((await targetRows.run(db, { queries: [], owner: owners[1] })).total).toBe(5);
  });

  it('prepares the statements once: later requests, other owners and other bounds prepare nothing', async () => {
    const { db, counts } = countingPrepares();
    await targetRows.run(db, { queries: [Q.limit(1)], owner: owners[0] });
    const first = counts.prepared;
    expect(first).toBeGreaterThan(0);
    await targetRows.run(db, { queries: [Q.limit(3), Q.offset(1)], owner: owners[1] });
    await targetRows.run(db, { queries: [], owner: owners[0], countTotal: false });
    expect(counts.prepared).toBe(first);
    // Any other query compiles (and prepares) its own statements.
    await targetRows.run(db, { queries: [Q.equal('providerType', ['push'])], owner: owners[0] });
    expect(counts.prepared).toBeGreaterThan(first);
  });

  it('validates like the compiled list, and compiles searches and filters', async () => {
    const { db } = countingPrepares();
    for (const bad of [[Q.limit(-1)], ['not json'], [Q.limit(1), Q.offset('x')]]) {
      const expected = (() => {
        try {
          compileQueries(bad, usersCollection);
        } catch (error) {
          return error;
        }
      })();
      expect(expected).toMatchObject({ type: expect.stringMatching(/^general_(argument|query)_invalid$/) });
      await expect(userRows.run(db, { queries: bad })).rejects.toEqual(expected);
    }
    const searched = await userRows.run(db, { queries: [Q.limit(5)], search: owners[0] });
    expect(searched.rows.map((row) => row.id)).toEqual([owners[0]]);
    const page = await userRows.run(db, { queries: [Q.limit(1)] });
    const compiled = await listPage(db, compileQueries([Q.limit(1)], usersCollection), (p) =>
      db.select().from(users).where(p.where).orderBy(...p.orderBy).limit(p.limit).offset(p.offset),
    );
    expect(page).toEqual({ rows: compiled.rows, total: compiled.total });
  });
});
