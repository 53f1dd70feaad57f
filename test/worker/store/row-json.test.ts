import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../../src/store/database';
import { rowJson } from '../../../src/store/row-json';
import { logs, targets, users } from '../../../src/store/schema';
import { findUserWithTargets } from '../../../src/store/users';
import { call } from '../helpers/api';

const db = createDatabase(env.DB);

/**
 * Reads decode a row from one SQLite-built JSON object (src/store/row-json.ts); it must be the very
 * row Drizzle decodes from the columns, for every column, set and unset, true and false.
 */
describe('rows read as JSON', () => {
  it('equals the Drizzle-decoded row, with every kind of value', async () => {
    const created = await call('POST', '/v1/users', {
      body: { userId: 'row-json-1', email: 'Row.Json@example.com', phone: '+14155550123', password: 'password-123', name: 'Row "JSON" \\ ü' },
    });
    expect(created.status).toBe(201);
    await call('PUT', '/v1/users/row-json-1/labels', { body: { labels: ['vip', 'beta'] } });
    await call('PATCH', '/v1/users/row-json-1/prefs', { body: { prefs: { theme: 'dark', nested: { a: [1, 2, null] }, n: 1.5 } } });
    await call('PATCH', '/v1/users/row-json-1/status', { body: { status: false } });
    await call('PATCH', '/v1/users/row-json-1/verification', { body: { emailVerification: true } });
    await call('PATCH', '/v1/users/row-json-1/mfa', { body: { mfa: true } });

    const drizzleRow = await db.select().from(users).where(eq(users.id, 'row-json-1')).get();
    const read = await findUserWithTargets(db, 'row-json-1');
    expect(read).not.toBeNull();
    const { targets, ...row } = read!;
    expect(row).toStrictEqual(drizzleRow);
    expect(row.status).toBe(false);
    expect(row.emailVerification).toBe(true);
    expect(row.phoneVerification).toBe(false);
    expect(row.labels).toEqual(['vip', 'beta']);
    expect(row.hashOptions).toMatchObject({ type: 'argon2' });
    expect(targets.map((t) => t.providerType).sort()).toEqual(['email', 'sms']);
    expect(typeof targets[0].expired).toBe('boolean');
  });

  it('equals the Drizzle-decoded row for a user with nothing set', async () => {
    expect((await call('POST', '/v1/users', { body: { userId: 'row-json-2' } })).status).toBe(201);
    const drizzleRow = await db.select().from(users).where(eq(users.id, 'row-json-2')).get();
    const { targets, ...row } = (await findUserWithTargets(db, 'row-json-2'))!;
    expect(row).toStrictEqual(drizzleRow);
    expect(row.email).toBeNull();
    expect(row.password).toBeNull();
    expect(targets).toEqual([]);
  });

  it('equals the Drizzle-decoded rows of targets and logs', async () => {
    await call('POST', '/v1/users', { body: { userId: 'row-json-3', email: 'row3@example.com', phone: '+14155550199' } });
    await call('PATCH', '/v1/users/row-json-3/name', { body: { name: 'Row Three' } });
    for (const table of [targets, logs]) {
      const row = rowJson(table);
      const viaJson = (await db.select({ row: row.column }).from(table).where(eq(table.userId, 'row-json-3')).orderBy(table.seq)).map((r) => row.parse(r.row));
      const viaDrizzle = await db.select().from(table).where(eq(table.userId, 'row-json-3')).orderBy(table.seq);
      expect(viaJson.length).toBeGreaterThan(1);
      expect(viaJson).toStrictEqual(viaDrizzle);
    }
  });
});
