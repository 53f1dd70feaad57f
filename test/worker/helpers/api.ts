import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../../src/index';
import { modelSchemas } from '../../../src/models/schemas';
import { operations, type Operation } from '../../../src/operations';

export const ROOT_KEY = 'test-root-key';
export const PROJECT = 'default';

export interface CallOptions {
  body?: unknown;
  /** Raw body text (sent as-is with `contentType`). */
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** API key; `null` sends none. Defaults to the root key. */
  key?: string | null;
  project?: string | null;
  env?: Partial<Env>;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

/** Calls the Worker's fetch handler in-process, as a request from an SDK would arrive. */
export async function call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  const project = options.project === undefined ? PROJECT : options.project;
  if (project !== null) headers['x-appwrite-project'] = project;
  const key = options.key === undefined ? ROOT_KEY : options.key;
  if (key !== null) headers['x-appwrite-key'] = key;
  let body: string | undefined;
  if (options.raw !== undefined) {
    body = options.raw;
    headers['content-type'] = options.contentType ?? 'application/json';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const request = new Request(`http://localhost${path}`, { method, headers, body });
  const ctx = createExecutionContext();
  const response = await worker.fetch(request as Request<unknown, IncomingRequestCfProperties>, { ...env, ...options.env } as Env, ctx);
  await waitOnExecutionContext(ctx);
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  const result = { status: response.status, headers: response.headers, text, body: parsed as T };
  // The path the router saw: the URL parser resolves `.`/`..` segments and escapes.
  if (!options.headers?.['x-appwrite-response-format']) assertDocumentedResponse(method, new URL(request.url).pathname, result);
  return result;
}

const routes = operations.flatMap((op: Operation) =>
  [op.path, ...(op.aliases ?? [])].map((p) => ({ op, pattern: new RegExp(`^${p.replace(/\{\w+\}/g, '[^/]+')}/?$`) })),
);

/** The operation a request reaches (first match, as the router picks), if any. */
export const operationOf = (method: string, path: string) =>
  routes.find((r) => r.op.method === method.toLowerCase() && r.pattern.test(path.split('?')[0].replace(/\/{2,}/g, '/')))?.op;

/**
 * Every successful answer any test sees must have the documented status and match its model's
 * schema exactly (strict: no extra or missing keys), so the OpenAPI document cannot drift from
 * what the Worker sends.
 */
function assertDocumentedResponse(method: string, path: string, response: ApiResponse) {
  if (response.status >= 300) return;
  const op = operationOf(method, path);
  if (!op) return;
  if (response.status !== op.response.status) throw new Error(`${op.id} answered ${response.status}, documented ${op.response.status}`);
  if (op.response.lineModel) {
    const lines = response.text.split('\n').filter((line) => line !== '');
    for (const line of lines) {
      const check = modelSchemas[op.response.lineModel].safeParse(JSON.parse(line));
      if (!check.success) throw new Error(`${op.id}: a line does not match model ${op.response.lineModel}: ${check.error.message}`);
    }
  }
  if (!op.response.model) return;
  const check = modelSchemas[op.response.model].safeParse(response.body);
  if (!check.success) throw new Error(`${op.id}: response does not match model ${op.response.model}: ${check.error.message}`);
}

let counter = 0;
/** A unique, valid id for test data (tests share one database). */
export const uid = (prefix = 'u') => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A scoped API key stored the way `npm run keys` stores it (SHA-256 of the secret). */
export async function keyWith(scopes: readonly string[], expire: string | null = null) {
  const secret = `standard_${uid('k')}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  await env.DB.prepare('insert into keys (id, name, secret_hash, scopes, expire, created_at) values (?, ?, ?, ?, ?, ?)')
    .bind(uid('key'), 'test', hex, JSON.stringify(scopes), expire, new Date().toISOString())
    .run();
  return secret;
}

export const createUser = async (body: Record<string, unknown> = {}) => {
  const res = await call('POST', '/v1/users', { body: { userId: uid(), ...body } });
  if (res.status !== 201) throw new Error(`createUser failed: ${res.status} ${res.text}`);
  return res.body;
};
