import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, createUser, email, expectError, phone, uid } from './helpers';

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

// Migration 0008: a user's email/sms targets (contact = 1) are unique through the user's email and
// phone; the unique index holds only the other targets, triggers keep the rule across both kinds.
describe('targets: an identifier belongs to one target, contact or not', () => {
  const contactOf = async (userId: string) =>
    (await env.DB.prepare('select identifier, contact from targets where user_id = ? order by seq').bind(userId).all<{ identifier: string; contact: number }>())
      .results;
  const targetFailure = (p: Promise<unknown>) => p.then(() => 'written', (e: Error) => /UNIQUE constraint failed: targets\.identifier/.exec(e.message)?.[0] ?? e.message);
  const rawTarget = (userId: string, identifier: string, contact: 0 | 1) =>
    env.DB.prepare(
      `insert into targets (id, created_at, updated_at, user_seq, user_id, provider_type, identifier, contact)
       select ?, 'x', 'x', seq, id, 'email', ?, ? from users where id = ?`,
    ).bind(uid('t'), identifier, contact, userId);

  it('marks the targets made from the email and phone, not the ones made through the targets routes', async () => {
    const user = await createUser({ email: email(), phone: phone() });
    const manual = email('m');
    expect((await call('POST', `/v1/users/${user.$id}/targets`, { body: { targetId: 'unique()', providerType: 'email', identifier: manual } })).status).toBe(201);
    expect(await contactOf(user.$id)).toEqual([
      { identifier: user.email, contact: 1 },
      { identifier: user.phone, contact: 1 },
      { identifier: manual, contact: 0 },
    ]);
    const imported = { userId: uid('i'), email: email('i'), phone: phone() };
    expect((await call('POST', '/v1/users/import', { body: { users: [imported] } })).body.created).toBe(1);
    expect(await contactOf(imported.userId)).toEqual([
      { identifier: imported.email, contact: 1 },
      { identifier: imported.phone, contact: 1 },
    ]);
  });

  it('refuses a contact identifier for any other target (any case), and an indexed one for a contact target', async () => {
    const a = await createUser({ email: email() });
    const b = await createUser();
    expect(await targetFailure(rawTarget(b.$id, a.email.toUpperCase(), 0).run())).toBe('UNIQUE constraint failed: targets.identifier');
    expect(await targetFailure(rawTarget(b.$id, a.email, 1).run())).toBe('UNIQUE constraint failed: targets.identifier');
    const manual = email('m');
    expect(await targetFailure(rawTarget(b.$id, manual, 0).run())).toBe('written');
    expect(await targetFailure(rawTarget(a.$id, manual, 1).run())).toBe('UNIQUE constraint failed: targets.identifier');
    // Renames: onto the other kind's identifier fails; onto its own identifier is not a collision.
    const rename = (from: string, to: string) => targetFailure(env.DB.prepare('update targets set identifier = ? where identifier = ?').bind(to, from).run());
    expect(await rename(manual, a.email)).toBe('UNIQUE constraint failed: targets.identifier');
    expect(await rename(a.email, manual)).toBe('UNIQUE constraint failed: targets.identifier');
    expect(await rename(a.email, a.email)).toBe('written');
    expect(await rename(manual, manual)).toBe('written');
  });

  it('a contact target renamed through PATCH …/targets/{id} leaves the contact kind, and frees the value it had', async () => {
    const a = await createUser({ email: email() });
    const b = await createUser();
    const renamed = email('r');
    expect((await call('PATCH', `/v1/users/${a.$id}/targets/${a.targets[0].$id}`, { body: { identifier: renamed } })).status).toBe(200);
    expect(await contactOf(a.$id)).toEqual([{ identifier: renamed, contact: 0 }]);
    expectError(await call('POST', `/v1/users/${b.$id}/targets`, { body: { targetId: 'unique()', providerType: 'email', identifier: renamed } }), 409, 'user_target_already_exists');
    expect((await call('POST', `/v1/users/${b.$id}/targets`, { body: { targetId: 'unique()', providerType: 'email', identifier: a.email } })).status).toBe(201);
  });

  it('an email change onto another target’s identifier answers 409 user_target_already_exists, as the full index made it', async () => {
    const a = await createUser({ email: email() });
    const b = await createUser({ email: email() });
    const manual = email('m');
    await call('POST', `/v1/users/${a.$id}/targets`, { body: { targetId: 'unique()', providerType: 'email', identifier: manual } });
    expectError(await call('PATCH', `/v1/users/${b.$id}/email`, { body: { email: manual } }), 409, 'user_target_already_exists');
    expectError(await call('PATCH', `/v1/users/${b.$id}/email`, { body: { email: a.email } }), 409, 'user_target_already_exists');
    expect(await contactOf(b.$id)).toEqual([{ identifier: b.email, contact: 1 }]);
  });

  it('the migration marks the targets that mirror their user’s email or phone', async () => {
    const user = await createUser({ email: email(), phone: phone() });
    const other = await createUser({ email: email() });
    await call('POST', `/v1/users/${other.$id}/targets`, { body: { targetId: 'unique()', providerType: 'email', identifier: email('m') } });
    await call('PATCH', `/v1/users/${other.$id}/targets/${other.targets[0].$id}`, { body: { identifier: email('r') } });
    // As a database migrated to 0007 holds them: no contact column set.
    await env.DB.prepare('update targets set contact = 0 where user_id in (?, ?)').bind(user.$id, other.$id).run();
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0008_'))!;
    await env.DB.prepare(migration.queries.find((q) => /^UPDATE `targets`/m.test(q))!).run();
    expect((await contactOf(user.$id)).map((t) => t.contact)).toEqual([1, 1]);
    expect((await contactOf(other.$id)).map((t) => t.contact)).toEqual([0, 0]);
  });
});
