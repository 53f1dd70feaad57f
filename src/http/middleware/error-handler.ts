import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppwriteError } from '../../errors/appwrite-error';

export const APPWRITE_VERSION = '1.6.2';

/** Statuses Appwrite lets through; anything else becomes 500 "Server Error" (errors.md §1.1). */
const PASSTHROUGH = new Set([400, 401, 402, 403, 404, 408, 409, 412, 416, 429, 451, 501, 503]);

export function errorResponse(error: AppwriteError) {
  const ok = PASSTHROUGH.has(error.status);
  const status = ok ? error.status : 500;
  const body = { message: ok ? error.message : 'Server Error', code: status, type: error.type, version: APPWRITE_VERSION };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=UTF-8',
      'Cache-Control': 'no-cache, no-store, must-revalidate',
      Expires: '0',
      Pragma: 'no-cache',
    },
  });
}

/** The single place that renders Appwrite's error envelope. */
export function handleError(error: Error, _c: Context) {
  if (error instanceof AppwriteError) return errorResponse(error);
  if (error instanceof HTTPException && error.status < 500) {
    return errorResponse(new AppwriteError('general_argument_invalid', error.message || undefined));
  }
  console.error(error);
  return errorResponse(new AppwriteError('general_unknown'));
}
