import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, createUser, keyWith, uid } from '../helpers/api';

/** Both for the plaintext `appwrite`: bcrypt cost 8 from node `bcrypt` 6.0.0 (hashSync), md5 is Appwrite's e2e fixture (users-api.md §2.3). */
const BCRYPT = '$2b$08$zb5knRP9VgEpaUf127NNiuchatW9TPc.jC9oQYY3O7BhYmtfXwr8O';
const MD5 = '144fa7eaa4904e8ee120651997f70dcc';

const row = (over: Record<string, unknown> = {}) => {
  const id = uid('imp');
  return { userId: id, email: `${id}@example.com`, name: 'Imported', hash: { algorithm: 'md5', value: MD5 }, ...over };
};

const importRows = (users: unknown[], extra: Record<string, unknown> = {}) => call('POST', '/v1/users/import', { body: { users, ...extra } });
const count = async (table: string, where: string, ...binds: unknown[]) =>
  ((await env.DB.prepare(`select count(*) as n from ${table} where ${where}`).bind(...binds).first()) as { n: number }).n;
const signIn = (email: string, password: string) => call('POST', '/v1/account/sessions/email', { key: null, body: { email, password } });

describe('POST /v1/users/import', () => {
  it('creates every row with its targets and audit entry, and each signs in', async () => {
    const rows = [row(), row({ phone: `+1555${Date.now() % 10_000_000}`.slice(0, 12), labels: ['vip'], prefs: { a: 1 }, emailVerification: true }), row({ hash: { value: BCRYPT } })];
    const res = await importRows(rows);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ committed: true, created: 3, unchanged: 0, failed: 0, verified: [] });
    expect(res.body.results.map((r: any) => [r.index, r.userId, r.status])).toEqual(rows.map((r, i) => [i, r.userId, 'created']));
    const user = (await call('GET', `/v1/users/${rows[1].userId}`)).body;
    expect(user).toMatchObject({ hash: 'md5', hashOptions: { type: 'md5' }, password: MD5, labels: ['vip'], prefs: { a: 1 }, emailVerification: true });
    expect(user.targets.map((t: any) => t.providerType).sort()).toEqual(['email', 'sms']);
    expect((await call('GET', `/v1/users/${rows[2].userId}`)).body).toMatchObject({ hash: 'bcrypt', hashOptions: { type: 'bcrypt' } });
    expect(await count('logs', "event = 'user.create' and user_id = ?", rows[0].userId)).toBe(1);
    // Listed through the user's seq, which the import's audit insert must record.
    const logs = (await call('GET', `/v1/users/${rows[0].userId}/logs`)).body;
    expect([logs.total, logs.logs.map((l: any) => l.event)]).toEqual([1, ['user.create']]);
    for (const r of rows) expect((await signIn(r.email, 'appwrite')).status).toBe(201);
  }, 30_000);

  it('is idempotent: the same rows again are unchanged and nothing is written twice', async () => {
    const rows = [row(), row({ hash: { value: BCRYPT, algorithm: 'bcrypt', options: { type: 'bcrypt' } } }), row({ hash: undefined })];
    expect((await importRows(rows)).body.created).toBe(3);
    const logs = await count('logs', "event = 'user.create' and user_id in (?, ?, ?)", ...rows.map((r) => r.userId));
    const again = await importRows(rows);
    expect(again.body).toMatchObject({ committed: true, created: 0, unchanged: 3, failed: 0 });
    expect(await count('logs', "event = 'user.create' and user_id in (?, ?, ?)", ...rows.map((r) => r.userId))).toBe(logs);
    expect(await count('targets', 'user_id in (?, ?, ?)', ...rows.map((r) => r.userId))).toBe(3);
  });

  it('a re-sent row that differs (name, hash, options) is a collision, not an update', async () => {
    const base = row();
    await importRows([base]);
    const res = await importRows([{ ...base, name: 'Other' }, { ...base, hash: { algorithm: 'md5', value: MD5.replace('1', '2') } }, { ...base, hash: { algorithm: 'sha', value: MD5 } }]);
    expect(res.body.results.map((r: any) => r.error?.type)).toEqual(['user_already_exists', 'user_already_exists', 'user_already_exists']);
    expect((await call('GET', `/v1/users/${base.userId}`)).body.name).toBe('Imported');
  });

  it('collisions with other users fail with Appwrite error types and never block the other rows', async () => {
    const existing = await createUser({ email: `${uid()}@example.com`, phone: '+14155550' + String(Date.now() % 1000).padStart(3, '0') });
    const good = row();
    const rows = [
      row({ userId: existing.$id }),
      row({ email: existing.email.toUpperCase() }),
      row({ phone: existing.phone, email: null }),
      good,
      row({ email: good.email }),
    ];
    const res = await importRows(rows);
    expect(res.body.results.map((r: any) => r.status)).toEqual(['failed', 'failed', 'failed', 'created', 'failed']);
    expect(res.body.results[0].error).toEqual({ type: 'user_already_exists', message: 'A user with the same id, email, or phone already exists in this project.' });
    expect(res.body).toMatchObject({ created: 1, failed: 4, committed: true });
    for (const r of [rows[1], rows[2], rows[4]]) expect((await call('GET', `/v1/users/${r.userId}`)).status).toBe(404);
  });

  it('bad rows fail on their own with the param message, the rest are created', async () => {
    const rows = [
      row({ email: 'not-an-email' }),
      row({ hash: { value: 'no-format-here' } }),
      row({ hash: { algorithm: 'rot13', value: 'abcdefgh' } }),
      row({ hash: { algorithm: 'bcrypt', value: '$2y$20$xX/myGbFU.ZSKHSi6EHdBOySTdYm8QxBLXmOPHrYMwV0mHRBBSBOq' } }),
      row({ password: 'plain-password', hash: { value: BCRYPT } }),
      'not an object',
      row({ labels: ['no spaces'] }),
      row(),
    ];
    const res = await importRows(rows);
    expect(res.body.results.map((r: any) => r.error?.type ?? r.status)).toEqual([
      'general_argument_invalid',
      'general_argument_invalid',
      'general_argument_invalid',
      'password_too_expensive',
      'general_argument_invalid',
      'general_argument_invalid',
      'general_argument_invalid',
      'created',
    ]);
    expect(res.body.results[0].error.message).toBe('Invalid `email` param: Value must be a valid email address');
    for (const r of rows.slice(0, 7)) if (typeof r === 'object') expect((await call('GET', `/v1/users/${r.userId}`)).status).toBe(404);
  });

  it('dryRun reports exactly what a real run does and writes nothing', async () => {
    const taken = row();
    await importRows([taken]);
    const rows = [row(), taken, { ...taken, name: 'changed' }, row({ email: 'bad' })];
    const dry = await importRows(rows, { dryRun: true });
    expect(dry.body.committed).toBe(false);
    for (const r of [rows[0], rows[3]]) expect((await call('GET', `/v1/users/${r.userId}`)).status).toBe(404);
    const real = await importRows(rows);
    expect(real.body.committed).toBe(true);
    const { committed: _a, ...dryRest } = dry.body;
    const { committed: _b, ...realRest } = real.body;
    expect(dryRest).toEqual(realRest);
    expect(realRest).toMatchObject({ created: 1, unchanged: 1, failed: 2 });
  });

  it('verify: every sample true commits; one false writes nothing', async () => {
    const a = row();
    const b = row({ hash: { value: BCRYPT } });
    const wrong = await importRows([a, b], { verify: [{ userId: a.userId, password: 'appwrite' }, { userId: b.userId, password: 'wrong' }] });
    expect(wrong.body).toMatchObject({ committed: false, verified: [{ userId: a.userId, ok: true }, { userId: b.userId, ok: false }] });
    expect((await call('GET', `/v1/users/${a.userId}`)).status).toBe(404);
    const right = await importRows([a, b], { verify: [{ userId: a.userId, password: 'appwrite' }, { userId: b.userId, password: 'appwrite' }] });
    expect(right.body).toMatchObject({ committed: true, created: 2, verified: [{ ok: true }, { ok: true }] });
  });

  it('verify catches a wrong Firebase salt separator before anything is written', async () => {
    // Appwrite's e2e scryptMod fixture (plaintext `appwrite`) with the separator changed.
    const hash = {
      algorithm: 'scryptMod',
      value: 'UlM7JiXRcQhzAGlaonpSqNSLIz475WMddOgLjej5De9vxTy48K6WtqlEzrRFeK4t0COfMhWCb8wuMHgxOFCHFQ==',
      options: { salt: 'UxLMreBr6tYyjQ==', saltSeparator: 'Bw==', signerKey: 'XyEKE9RcTDeLEsL/RjwPDBv/RqDl8fb3gpYEOQaPihbxf1ZAtSOHCjuAAa7Q3oHpCYhXSN9tizHgVOwn6krflQ==' },
    };
    const good = row({ hash });
    const bad = row({ hash: { ...hash, options: { ...hash.options, saltSeparator: 'AA==' } } });
    expect((await importRows([bad], { verify: [{ userId: bad.userId, password: 'appwrite' }] })).body.committed).toBe(false);
    const res = await importRows([good], { verify: [{ userId: good.userId, password: 'appwrite' }] });
    expect(res.body).toMatchObject({ committed: true, created: 1 });
    expect((await call('GET', `/v1/users/${good.userId}`)).body.hashOptions).toEqual({ ...hash.options, type: 'scryptMod' });
  });

  it('plaintext rows are hashed with argon2id; re-sent they are unchanged', async () => {
    const r = row({ hash: undefined, password: 'a-plain-password' });
    expect((await importRows([r])).body.created).toBe(1);
    expect((await call('GET', `/v1/users/${r.userId}`)).body.hash).toBe('argon2');
    expect((await importRows([r])).body.unchanged).toBe(1);
    expect((await signIn(r.email, 'a-plain-password')).status).toBe(201);
  });

  it('imports a user object as Appwrite GET /v1/users returns it', async () => {
    const id = uid('aw');
    const appwriteUser = {
      $id: id, $createdAt: '2024-01-01T00:00:00.000+00:00', $updatedAt: '2024-01-01T00:00:00.000+00:00', name: 'From Appwrite',
      password: MD5, hash: 'md5', hashOptions: { type: 'md5' }, registration: '2024-01-01T00:00:00.000+00:00', status: true, labels: [],
      passwordUpdate: '', email: `${id}@example.com`, phone: '', emailVerification: false, phoneVerification: false, mfa: false, prefs: {}, targets: [], accessedAt: '',
    };
    const res = await importRows([appwriteUser]);
    expect(res.body.results[0]).toEqual({ index: 0, userId: id, status: 'created' });
    expect((await signIn(appwriteUser.email, 'appwrite')).status).toBe(201);
  });

  it('a unique() row gets an id; re-sent it matches the user by e-mail', async () => {
    const r = row({ userId: 'unique()' });
    const first = await importRows([r]);
    expect(first.body.results[0].userId).toMatch(/^[0-9a-f]{20}$/);
    const again = await importRows([r]);
    expect(again.body.results[0]).toMatchObject({ status: 'unchanged', userId: first.body.results[0].userId });
  });

  it('answers 400 for a request that is not a list of 1 to 1000 rows, and needs users.write', async () => {
    expect((await importRows([])).body.type).toBe('general_argument_invalid');
    expect((await importRows(Array.from({ length: 1001 }, () => ({})))).status).toBe(400);
    expect((await call('POST', '/v1/users/import', { body: { users: {} } })).status).toBe(400);
    const readOnly = await keyWith(['users.read']);
    expect((await call('POST', '/v1/users/import', { key: readOnly, body: { users: [row()] } })).body.type).toBe('general_unauthorized_scope');
  });
});
