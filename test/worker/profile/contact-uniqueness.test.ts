import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { uid } from './helpers';

/** A users row written straight to D1, as any writer (route, RPC, Durable Object, a manual statement) does. */
const insert = (email: string | null, phone: string | null) =>
  env.DB.prepare(`insert into users (id, created_at, updated_at, email, phone, hash_options, registration) values (?, 'x', 'x', ?, ?, '{}', 'x')`)
    .bind(uid('u'), email, phone)
    .run();
const failure = (p: Promise<unknown>) => p.then(() => 'written', (e: Error) => /UNIQUE constraint failed: users\.\w+/.exec(e.message)?.[0] ?? e.message);

// Migration 0006: the rule the partial unique indexes stated, now enforced by triggers over the query indexes.
describe('users: a non-empty email or phone belongs to one user', () => {
  it('refuses a taken email (any case) or phone on insert and on update, as the unique index did', async () => {
    const mail = `${uid('m').toLowerCase()}@example.com`;
    const number = `+1${Date.now() % 1e10}`;
    expect(await failure(insert(mail, number))).toBe('written');
    expect(await failure(insert(mail.toUpperCase(), null))).toBe('UNIQUE constraint failed: users.email');
    expect(await failure(insert(null, number))).toBe('UNIQUE constraint failed: users.phone');
    expect(await failure(insert(`b${mail}`, `${number}1`))).toBe('written');
    const update = (column: string, value: string) => failure(env.DB.prepare(`update users set ${column} = ? where email = ?`).bind(value, `b${mail}`).run());
    expect(await update('email', mail)).toBe('UNIQUE constraint failed: users.email');
    expect(await update('phone', number)).toBe('UNIQUE constraint failed: users.phone');
    // Re-writing a user's own value is not a collision.
    expect(await update('email', `b${mail}`)).toBe('written');
    expect(await update('phone', `${number}1`)).toBe('written');
  });

  it('lets any number of users hold "" or null', async () => {
    for (let i = 0; i < 3; i++) expect(await failure(insert('', ''))).toBe('written');
    for (let i = 0; i < 3; i++) expect(await failure(insert(null, null))).toBe('written');
  });
});
