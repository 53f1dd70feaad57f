import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, createUser, uid } from '../helpers/api';

/** Raw JSON bodies: `JSON.stringify` would never produce a lone surrogate escape or a second `__proto__`. */
const raw = (method: string, path: string, body: string) => call(method, path, { raw: body });

describe('a "__proto__" key in prefs is stored and returned like any other key', () => {
  it('PATCH …/prefs keeps it, GET …/prefs and GET /users/{id} return it, D1 holds it', async () => {
    const user = await createUser();
    const body = '{"prefs":{"__proto__":{"polluted":true},"theme":"dark","nested":{"__proto__":1}}}';
    const updated = await raw('PATCH', `/v1/users/${user.$id}/prefs`, body);
    expect(updated.status).toBe(200);
    const expected = '{"__proto__":{"polluted":true},"theme":"dark","nested":{"__proto__":1}}';
    expect(JSON.stringify(updated.body)).toBe(expected);
    expect(updated.text).toBe(expected);
    expect((await call('GET', `/v1/users/${user.$id}/prefs`)).text).toBe(expected);
    expect(JSON.stringify((await call('GET', `/v1/users/${user.$id}`)).body.prefs)).toBe(expected);
    const stored = await env.DB.prepare('select prefs from users where id = ?').bind(user.$id).first<{ prefs: string }>();
    expect(stored!.prefs).toBe(expected);
    // Nothing leaked into the prototype of ordinary objects.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('lone UTF-16 surrogates are refused with 400, not stored as U+FFFD', () => {
  it.each([
    ['PATCH …/name', 'PATCH', (id: string) => `/v1/users/${id}/name`, '{"name":"ab\\ud800cd"}', 'Invalid `name` param: Value must be a valid string and no longer than 128 chars'],
    ['PATCH …/name (low half)', 'PATCH', (id: string) => `/v1/users/${id}/name`, '{"name":"\\udc00"}', 'Invalid `name` param: Value must be a valid string and no longer than 128 chars'],
    [
      'PATCH …/password',
      'PATCH',
      (id: string) => `/v1/users/${id}/password`,
      '{"password":"password-\\ud83d"}',
      'Invalid `password` param: Password must be between 8 and 265 characters long, and should not be one of the commonly used password.',
    ],
    ['PUT …/labels', 'PUT', (id: string) => `/v1/users/${id}/labels`, '{"labels":["ok","\\ud800"]}', null],
  ])('%s', async (_, method, path, body, message) => {
    const user = await createUser({ name: 'before' });
    const res = await raw(method, path(user.$id), body);
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('general_argument_invalid');
    if (message) expect(res.body.message).toBe(message);
    expect((await call('GET', `/v1/users/${user.$id}`)).body.name).toBe('before');
  });

  it('POST /users refuses a lone surrogate in name', async () => {
    const id = uid();
    const res = await raw('POST', '/v1/users', `{"userId":"${id}","name":"x\\ud800"}`);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Invalid `name` param: Value must be a valid string and at least 1 chars and no longer than 128 chars');
    expect((await call('GET', `/v1/users/${id}`)).status).toBe(404);
  });

  it('accepts a surrogate pair (an emoji) and returns it intact', async () => {
    const user = await createUser();
    const res = await raw('PATCH', `/v1/users/${user.$id}/name`, '{"name":"smile \\ud83d\\ude00"}');
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('smile 😀');
  });
});
