import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppwriteError } from '../../errors/appwrite-error';
import { toEnvelope } from '../../errors/envelope';
import { setRateLimitHeaders } from '../../operations/account-caller';
import { GateError } from '../../durable/client';

export function errorResponse(error: AppwriteError) {
  const body = toEnvelope(error);
  const response = new Response(JSON.stringify(body), {
    status: body.code,
    headers: {
      'Content-Type': 'application/json; charset=UTF-8',
      'Cache-Control': 'no-cache, no-store, must-revalidate',
      Expires: '0',
      Pragma: 'no-cache',
    },
  });
  // Throttled operations carry their rate-limit state on errors too.
  if (error instanceof GateError && error.rateLimit) setRateLimitHeaders(response.headers, error.rateLimit);
  return response;
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
