import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../../src/index';

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
  return { status: response.status, headers: response.headers, text, body: parsed as T };
}

let counter = 0;
/** A unique, valid id for test data (tests share one database). */
export const uid = (prefix = 'u') => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export const createUser = async (body: Record<string, unknown> = {}) => {
  const res = await call('POST', '/v1/users', { body: { userId: uid(), ...body } });
  if (res.status !== 201) throw new Error(`createUser failed: ${res.status} ${res.text}`);
  return res.body;
};
