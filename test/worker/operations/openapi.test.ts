import { describe, expect, it } from 'vitest';
import { app } from '../../../src/app';
import { operations } from '../../../src/operations';
import { call } from '../helpers/api';

const honoToOpenApi = (path: string) => path.replace(/:(\w+)/g, '{$1}');

describe('GET /v1/openapi.json', () => {
  it('is public (no project, no key) and OpenAPI 3.1', async () => {
    const res = await call('GET', '/v1/openapi.json', { key: null, project: null });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(res.body.openapi).toBe('3.1.0');
  });

  it('documents exactly the routes the app serves', async () => {
    const { body } = await call('GET', '/v1/openapi.json');
    const documented = Object.entries(body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    // Each route is registered as its scope guard plus its handler: count it once. The public
    // routes outside the table (this document, its HTML, the version) are not operations.
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/v1/') && !['/v1/openapi.json', '/v1/reference', '/v1/health/version'].includes(r.path))
        .map((r) => `${r.method} ${honoToOpenApi(r.path)}`),
    );
    expect(documented).toEqual([...served].sort());
  });

  it('gives every operation its scope, params with type, constraints and description, model and errors', async () => {
    const { body } = await call('GET', '/v1/openapi.json');
    for (const op of operations) {
      const doc = body.paths[op.path][op.method];
      expect(doc.operationId).toBe(op.id);
      expect(doc['x-appwrite'].scope).toBe(op.scope);
      const bodySchema = doc.requestBody?.content['application/json'].schema;
      const documentedParams = [...doc.parameters.map((p: { name: string }) => p.name.replace('[]', '')), ...Object.keys(bodySchema?.properties ?? {})];
      expect(documentedParams.sort()).toEqual(Object.keys(op.params).sort());
      for (const schema of [...doc.parameters.map((p: { schema: object }) => p.schema), ...Object.values(bodySchema?.properties ?? {})]) {
        expect(Object.keys(schema).length).toBeGreaterThan(1);
        expect(schema).toHaveProperty('description');
      }
      const success = doc.responses[op.response.status];
      if (op.response.model) expect(success.content['application/json'].schema.$ref).toBe(`#/components/schemas/${op.response.model}`);
      for (const type of op.errors ?? []) {
        expect(Object.values(doc.responses).some((r: any) => r['x-appwrite-error-types']?.includes(type))).toBe(true);
      }
      expect(doc.responses[400]['x-appwrite-error-types']).toContain('general_argument_invalid');
    }
  });

  it('states the constraints of a param (users.create)', async () => {
    const { body } = await call('GET', '/v1/openapi.json');
    const props = body.paths['/v1/users'].post.requestBody.content['application/json'].schema.properties;
    expect(props.name).toMatchObject({ type: 'string', minLength: 1, maxLength: 128 });
    expect(props.password).toMatchObject({ type: 'string', minLength: 8, maxLength: 256 });
    expect(body.paths['/v1/users/{userId}/tokens'].post.requestBody.content['application/json'].schema.properties.length).toMatchObject({
      type: 'integer',
      minimum: 4,
      maximum: 128,
      description: 'Value must be a valid range between 4 and 128',
    });
  });
});

describe('GET /v1/reference', () => {
  it('renders every operation as HTML that loads nothing from another host', async () => {
    const res = await call('GET', '/v1/reference', { key: null, project: null });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    for (const op of operations) expect(res.text).toContain(`id="${op.id}"`);
    expect(res.text).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(res.text).not.toMatch(/(src|href)="(https?:)?\/\//i);
  });
});
