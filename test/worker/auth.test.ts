import { describe, expect, it } from 'vitest';
import { call, keyWith as storeKey } from './helpers/api';

describe('error envelope', () => {
  it('has exactly message, code, type, version in that order, with no-cache headers', async () => {
    const res = await call('GET', '/v1/users/doesnotexist');
    expect(res.status).toBe(404);
    expect(Object.keys(res.body)).toEqual(['message', 'code', 'type', 'version']);
    expect(res.body).toEqual({
      message: 'User with the requested ID could not be found.',
      code: 404,
      type: 'user_not_found',
      version: '1.9.5',
    });
    expect(res.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(res.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate');
  });
});

describe('project', () => {
  it('answers 404 project_not_found for another project id', async () => {
    const res = await call('GET', '/v1/users', { project: 'other' });
    expect(res.status).toBe(404);
    expect(res.body.type).toBe('project_not_found');
    expect(res.body.message).toMatch(/^Project with the requested ID could not be found/);
  });

  it('accepts the project as a `project` query parameter', async () => {
    const res = await call('GET', '/v1/users?project=default', { project: null });
    expect(res.status).toBe(200);
  });

  it('treats a missing project as the console project: a key is unauthorized there', async () => {
    const res = await call('GET', '/v1/users', { project: null });
    expect(res.status).toBe(401);
    expect(res.body.type).toBe('user_unauthorized');
  });

  it('treats a missing project without key as a guest', async () => {
    const res = await call('GET', '/v1/users', { project: null, key: null });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ type: 'general_unauthorized_scope', message: 'User (role: guests) missing scopes (["users.read"])' });
  });
});

describe('API key', () => {
  it('rejects an unknown key with 401 user_unauthorized', async () => {
    const res = await call('GET', '/v1/users', { key: 'standard_nope' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ type: 'user_unauthorized', message: 'The current user is not authorized to perform the requested action.' });
  });

  it('rejects an unknown legacy key (no underscore) with 401 user_unauthorized', async () => {
    const res = await call('GET', '/v1/users', { key: 'abcdef' });
    expect(res.body.type).toBe('user_unauthorized');
  });

  it('treats a key with an unknown prefix as no key at all', async () => {
    const res = await call('POST', '/v1/users', { key: 'weird_abc', body: {} });
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('User (role: guests) missing scopes (["users.write"])');
  });

  it('without a key answers general_unauthorized_scope for the route scope', async () => {
    const res = await call('DELETE', '/v1/users/x', { key: null });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ type: 'general_unauthorized_scope', message: 'User (role: guests) missing scopes (["users.write"])' });
  });

  it('accepts a stored key with the scope', async () => {
    const secret = await storeKey(['users.read']);
    expect((await call('GET', '/v1/users', { key: secret })).status).toBe(200);
  });

  it('refuses a stored key without the scope, naming the app actor and host', async () => {
    const secret = await storeKey(['users.read']);
    const res = await call('POST', '/v1/users', { key: secret, body: { userId: 'unique()' }, headers: { host: 'example.com:8787' } });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      type: 'general_unauthorized_scope',
      message: 'app.default@service.example.com (role: applications) missing scopes (["users.write"])',
    });
  });

  it('uses X-Forwarded-Host without port in the actor', async () => {
    const secret = await storeKey([]);
    const res = await call('GET', '/v1/users', { key: secret, headers: { 'x-forwarded-host': 'api.example.com:443' } });
    expect(res.body.message).toBe('app.default@service.api.example.com (role: applications) missing scopes (["users.read"])');
  });

  it('answers 401 project_key_expired for an expired key', async () => {
    const secret = await storeKey(['users.read'], '2020-01-01T00:00:00.000Z');
    const res = await call('GET', '/v1/users', { key: secret });
    expect(res.status).toBe(401);
    expect(res.body.type).toBe('project_key_expired');
  });

  it('accepts a key whose expiry is in the future', async () => {
    const secret = await storeKey(['users.read'], '2999-01-01T00:00:00.000Z');
    expect((await call('GET', '/v1/users', { key: secret })).status).toBe(200);
  });

  it('checks the key before validating params', async () => {
    const res = await call('GET', '/v1/users/bad$id', { key: 'standard_wrong' });
    expect(res.body.type).toBe('user_unauthorized');
  });
});

describe('routes', () => {
  it('answers 404 general_route_not_found for unknown routes, after the auth checks', async () => {
    const res = await call('GET', '/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      type: 'general_route_not_found',
      message: 'Route not found. Please ensure the endpoint is configured correctly and that the API route is valid for this SDK version. Refer to the API docs for more details.',
    });
    // Formats before 1.7.0 get the wording their server had.
    const v16 = await call('GET', '/v1/nothing-here', { headers: { 'x-appwrite-response-format': '1.6.0' } });
    expect(v16.body).toMatchObject({ code: 404, message: 'The requested route was not found. Please refer to the API docs and try again.' });
    expect((await call('GET', '/v1/nothing-here', { project: 'other' })).body.type).toBe('project_not_found');
    expect((await call('GET', '/v1/nothing-here', { key: 'standard_bad' })).body.type).toBe('user_unauthorized');
  });

  it('answers 404, never 405, for a wrong method on a known path', async () => {
    const res = await call('PUT', '/v1/users', { body: {} });
    expect(res.status).toBe(404);
    expect(res.body.type).toBe('general_route_not_found');
  });

  it('drops empty path segments and trailing slashes', async () => {
    expect((await call('GET', '//v1//users/')).status).toBe(200);
  });
});
