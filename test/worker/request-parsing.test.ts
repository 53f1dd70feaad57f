import { describe, expect, it } from 'vitest';
import { call, uid } from './helpers/api';

describe('request parsing', () => {
  it('reads form-encoded bodies', async () => {
    const id = uid();
    const res = await call('POST', '/v1/users', {
      raw: new URLSearchParams({ userId: id, name: 'Form User' }).toString(),
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ $id: id, name: 'Form User' });
  });

  it('treats invalid JSON as no params (400, never 500)', async () => {
    const res = await call('POST', '/v1/users', { raw: '{"userId": ' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: 'general_argument_invalid', message: 'Param "userId" is not optional.' });
  });

  it('treats a JSON array body as no params', async () => {
    const res = await call('POST', '/v1/users', { raw: '[1,2]' });
    expect(res.body.message).toBe('Param "userId" is not optional.');
  });

  // Found by the fuzz suite: `constructor[]` and `__proto__[]` keys reached Object.prototype (500).
  it.each(['constructor[]=1', '__proto__[]=1', 'toString[0]=a', 'constructor=x&__proto__=y'])('a query-string key %s is a plain param (no 500)', async (qs) => {
    const res = await call('GET', `/v1/users?${qs}`);
    expect(res.status).toBe(200);
  });

  it('a form key __proto__[] is a plain param too', async () => {
    const id = uid();
    const res = await call('POST', '/v1/users', { raw: `userId=${id}&__proto__[]=x&constructor[]=y`, contentType: 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(201);
  });

  it('ignores unknown content types', async () => {
    const res = await call('POST', '/v1/users', { raw: 'userId=x', contentType: 'text/plain' });
    expect(res.body.message).toBe('Param "userId" is not optional.');
  });

  it('refuses oversized bodies with 400', async () => {
    const res = await call('POST', '/v1/users', { raw: JSON.stringify({ userId: 'x', name: 'y'.repeat(2_000_000) }) });
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('general_argument_invalid');
  });

  it('lets path params win over body keys', async () => {
    const res = await call('DELETE', '/v1/users/missing-user', { body: { userId: 'bad$' } });
    expect(res.body.type).toBe('user_not_found');
  });

  it('ignores the query string on POST', async () => {
    const res = await call('POST', `/v1/users?userId=${uid()}`, { body: {} });
    expect(res.body.message).toBe('Param "userId" is not optional.');
  });
});
