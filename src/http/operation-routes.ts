import type { Context, Hono } from 'hono';
import { downgrade } from '../models/formats/downgrades';
import { downgradeV0, zeroGeneration } from '../models/formats/v0';
import { allowedScopes, honoPath, type Operation, type OperationContext } from '../operations';
import { translateFlatListParams } from '../queries';
import { validateParams } from '../validation/params';
import type { AppEnv } from './app-env';
import { requireScope } from './middleware/caller';
import { input, json, serviceContext } from './respond';
import { sessionClient } from './session-client';
import { clearedSessionCookieHeaders, sessionCookieHeaders } from './session-cookies';

/** The HTTP door: every operation (and its aliases) becomes a route guarded by its scope. */
export function mountOperations(app: Hono<AppEnv>, operations: readonly Operation[]) {
  for (const op of operations) {
    const guard = requireScope((format) => allowedScopes(op, format), { mfaExempt: op.mfaExempt });
    for (const path of [op.path, ...(op.aliases ?? [])]) {
      app.on(op.method.toUpperCase(), honoPath(path), guard, async (c) => {
        const ctx = operationContext(c);
        for (const check of op.guards ?? []) check(ctx);
        // 0.x formats: flat list params become queries (request filter).
        const raw = zeroGeneration(ctx.format) === null ? input(c) : translateFlatListParams(op.id, input(c));
        const result = await op.run(ctx, validateParams(raw, op.params));
        // Rendered in the newest shape; older formats lose the fields added since (compat.md §2),
        // and 0.x formats get their 0.x shapes. Streams (NDJSON) go out as they are.
        const { model, contentType } = op.response;
        const body = contentType ? result : downgradeV0(model, downgrade(model, result, ctx.format), ctx.format);
        return respond(op.response, body, ctx.headers);
      });
    }
  }
}

function operationContext(c: Context<AppEnv>): OperationContext {
  const headers = new Headers();
  const copy = (from: Headers) => from.forEach((value, name) => headers.append(name, value));
  const service = serviceContext(c);
  let client: OperationContext['client'] | undefined;
  return {
    service,
    project: c.get('projectId'),
    format: c.get('format'),
    caller: c.get('caller'),
    get client() {
      return (client ??= sessionClient(c, service.request));
    },
    headers,
    cookies: {
      issue: (secret, expire) => copy(sessionCookieHeaders(c, secret, expire)),
      clear: () => copy(clearedSessionCookieHeaders(c)),
    },
  };
}

/** JSON (or the operation's stream) with its status, or an empty 204 as Appwrite answers deletes. */
function respond({ status, contentType }: Operation['response'], body: unknown, headers: Headers): Response {
  const response =
    status === 204
      ? new Response(null, { status })
      : contentType
        ? new Response(body as ReadableStream, { status, headers: { 'Content-Type': contentType } })
        : json(body, status);
  headers.forEach((value, name) => response.headers.append(name, value));
  return response;
}
