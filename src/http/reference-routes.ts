import type { Hono } from 'hono';
import { openApiDocument } from '../openapi/document';
import { referencePage } from '../openapi/reference';
import type { Operation } from '../operations';
import type { AppEnv } from './app-env';

/** Public: the OpenAPI document and its HTML rendering, built once per isolate from the table. */
export function mountReference(app: Hono<AppEnv>, operations: readonly Operation[]) {
  let document: Record<string, unknown> | undefined;
  let page: string | undefined;
  const doc = () => (document ??= openApiDocument(operations));
  app.get('/v1/openapi.json', () => new Response(JSON.stringify(doc()), { headers: { 'Content-Type': 'application/json; charset=UTF-8' } }));
  app.get('/v1/reference', () => {
    page ??= referencePage(doc());
    return new Response(page, {
      headers: {
        'Content-Type': 'text/html; charset=UTF-8',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
      },
    });
  });
}
