import type { RateLimit } from '../durable/gate-context';
import { GateError, type Limited } from '../services/user-gate';
import { errorResponse } from './middleware/error-handler';

/** Appwrite's `X-RateLimit-*` headers of a throttled route. */
export function setRateLimitHeaders(headers: Headers, limit: RateLimit) {
  headers.set('X-RateLimit-Limit', String(limit.limit));
  headers.set('X-RateLimit-Remaining', String(limit.remaining));
  headers.set('X-RateLimit-Reset', String(limit.reset));
}

/** Throttled routes carry their rate-limit headers on errors too (the 429 included). */
export async function withRateLimitOnError(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof GateError) || !error.rateLimit) throw error;
    const response = errorResponse(error);
    setRateLimitHeaders(response.headers, error.rateLimit);
    return response;
  }
}

/** A throttled route: `work`'s value rendered by `render`, with the rate-limit headers either way. */
export const limitedResponse = <T>(work: () => Promise<Limited<T>>, render: (value: T) => Response) =>
  withRateLimitOnError(async () => {
    const { value, rateLimit } = await work();
    const response = render(value);
    if (rateLimit) setRateLimitHeaders(response.headers, rateLimit);
    return response;
  });
