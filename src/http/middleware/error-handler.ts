import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppwriteError } from '../../errors/appwrite-error';
import { toEnvelope } from '../../errors/envelope';
import { errorTypes } from '../../errors/error-types';
import { olderError } from '../../models/formats/behaviours';
import { downgradeErrorV0 } from '../../models/formats/v0';
import { CURRENT_FORMAT, type ResponseFormat } from '../../models/response-format';
import { setRateLimitHeaders } from '../../operations/account-caller';
import { GateError } from '../../durable/client';
import type { AppEnv } from '../app-env';

export function errorResponse(error: AppwriteError, format: ResponseFormat = CURRENT_FORMAT) {
  const envelope = toEnvelope(error);
  // Errors whose status or wording a later version changed, as the client's version had them.
  const older = error.message === errorTypes[error.type][1] ? olderError(format, error.type) : null;
  if (older) Object.assign(envelope, { code: older.status, message: older.message });
  const body = downgradeErrorV0(envelope, format);
  const response = new Response(JSON.stringify(body), {
    status: envelope.code,
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
export function handleError(error: Error, c: Context<AppEnv>) {
  const format = c.get('format') ?? CURRENT_FORMAT;
  if (error instanceof AppwriteError) return errorResponse(error, format);
  if (error instanceof HTTPException && error.status < 500) {
    return errorResponse(new AppwriteError('general_argument_invalid', error.message || undefined), format);
  }
  console.error(error);
  return errorResponse(new AppwriteError('general_unknown'), format);
}
