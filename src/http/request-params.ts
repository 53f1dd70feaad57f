import type { Context } from 'hono';
import { AppwriteError } from '../errors/appwrite-error';
import type { RawParams } from '../validation/params';

/** Largest accepted request body. Appwrite's own largest field (prefs) is 64 kB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Collects parameters as Appwrite's router does (users-api.md §1.2): the query string for GET/HEAD,
 * the body for other methods (JSON, or form fields with PHP `key[]` arrays), path params last.
 * Invalid JSON or an unknown content type yields no parameters, so the first required param fails.
 */
export async function readRequestParams(c: Context): Promise<RawParams> {
  const method = c.req.method;
  let params: RawParams = {};
  if (method === 'GET' || method === 'HEAD') {
    const query = c.req.url.indexOf('?');
    params = query < 0 ? Object.create(null) : fromSearchParams(new URLSearchParams(c.req.url.slice(query + 1).split('#')[0]));
  } else {
    const length = Number(c.req.header('content-length') ?? 0);
    if (length > MAX_BODY_BYTES) throw tooLarge();
    const body = await c.req.raw.text();
    if (new TextEncoder().encode(body).length > MAX_BODY_BYTES) throw tooLarge();
    params = parseBody(c.req.header('content-type') ?? '', body);
  }
  return params;
}

const tooLarge = () =>
  new AppwriteError('general_argument_invalid', `Request body is larger than the ${MAX_BODY_BYTES} bytes allowed.`);

function parseBody(contentType: string, body: string): RawParams {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type === 'application/json') {
    try {
      const parsed: unknown = JSON.parse(body);
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as RawParams) : {};
    } catch {
      return {};
    }
  }
  if (type === 'application/x-www-form-urlencoded') return fromSearchParams(new URLSearchParams(body));
  return {};
}

/**
 * PHP-style `key[]=a&key[1]=b` arrays; plain keys keep their last value. Keys are client text, so
 * nothing here may read or write through `Object.prototype` (`constructor[]=1`, `__proto__=x`).
 */
export function fromSearchParams(search: URLSearchParams): RawParams {
  const params: RawParams = Object.create(null);
  const indexed = new Map<string, Array<[number, string]>>();
  for (const [key, value] of search) {
    const match = /^([^[\]]+)\[(\d*)\]$/.exec(key);
    if (!match) {
      params[key] = value;
      continue;
    }
    const list = indexed.get(match[1]) ?? [];
    indexed.set(match[1], list);
    list.push([match[2] === '' ? Number.MAX_SAFE_INTEGER : Number(match[2]), value]);
  }
  for (const [key, entries] of indexed) {
    params[key] = entries.sort((a, b) => a[0] - b[0]).map(([, value]) => value);
  }
  return params;
}
