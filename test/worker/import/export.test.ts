import { describe, expect, it } from 'vitest';
import { call, keyWith, uid } from '../helpers/api';

const MD5 = '144fa7eaa4904e8ee120651997f70dcc';
const lines = (text: string) => text.split('\n').filter(Boolean).map((line) => JSON.parse(line));
const q = (method: string, attribute: string | undefined, values: unknown[]) =>
  encodeURIComponent(JSON.stringify(attribute === undefined ? { method, values } : { method, attribute, values }));

describe('GET /v1/users/export', () => {
  it('streams every matching user as NDJSON import rows, page after page, resumable with a cursor', async () => {
    const label = uid('lbl').replace(/[^A-Za-z0-9]/g, '');
    const rows = Array.from({ length: 1203 }, (_, i) => {
      const id = uid('exp');
      return { userId: id, email: `${id}@example.com`, labels: [label], prefs: { i }, hash: { algorithm: 'md5', value: MD5 } };
    });
    rows[0] = { ...rows[0], hash: undefined } as never;
    for (let i = 0; i < rows.length; i += 1000) await call('POST', '/v1/users/import', { body: { users: rows.slice(i, i + 1000) } });

    const res = await call('GET', `/v1/users/export?queries[]=${q('contains', 'labels', [label])}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    const all = lines(res.text);
    expect(all.map((r) => r.userId)).toEqual(rows.map((r) => r.userId));
    expect(all[1]).toEqual({
      userId: rows[1].userId, email: rows[1].email, phone: null, name: '', emailVerification: false, phoneVerification: false,
      status: true, labels: [label], prefs: { i: 1 }, hash: { algorithm: 'md5', value: MD5, options: { type: 'md5' } },
    });
    expect(all[0].hash).toBeNull();

    const resumed = lines((await call('GET', `/v1/users/export?cursor=${rows[700].userId}&queries[]=${q('contains', 'labels', [label])}`)).text);
    expect(resumed.map((r) => r.userId)).toEqual(rows.slice(701).map((r) => r.userId));

    // Re-importing the export changes nothing.
    const again = await call('POST', '/v1/users/import', { body: { users: all.slice(0, 1000) } });
    expect(again.body).toMatchObject({ unchanged: 1000, created: 0, failed: 0 });
  }, 60_000);

  it('answers 400 for its own paging queries, a bad query or an unknown cursor, and needs users.read', async () => {
    expect((await call('GET', `/v1/users/export?queries[]=${q('limit', undefined, [5])}`)).body.type).toBe('general_argument_invalid');
    expect((await call('GET', `/v1/users/export?queries[]=${q('equal', 'nope', ['x'])}`)).status).toBe(400);
    expect((await call('GET', '/v1/users/export?cursor=doesnotexist')).body.type).toBe('general_cursor_not_found');
    const writeOnly = await keyWith(['users.write']);
    expect((await call('GET', '/v1/users/export', { key: writeOnly })).body.type).toBe('general_unauthorized_scope');
  });
});
