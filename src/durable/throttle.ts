import { AppwriteError } from '../errors/appwrite-error';
import type { RateLimit } from './gate-context';

/** Appwrite's abuse limit on login and token exchange: 10 requests per fixed hour window. */
export const ATTEMPT_LIMIT = 10;
const WINDOW_SECONDS = 3600;
const PREFIX = 'attempts:';

interface Window {
  start: number;
  count: number;
}

/**
 * Counts one attempt for `key` in the current window (windows start at multiples of an hour, as in
 * utopia-php/abuse's TimeLimit) and throws 429 once the limit is used up. Entries of past windows
 * are removed by the alarm.
 */
export async function countAttempt(storage: DurableObjectStorage, key: string, record: (limit: RateLimit) => void): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  const start = now - (now % WINDOW_SECONDS);
  const stored = await storage.get<Window>(PREFIX + key);
  const count = stored && stored.start === start ? stored.count : 0;
  const reset = start + WINDOW_SECONDS;
  if (count >= ATTEMPT_LIMIT) {
    record({ limit: ATTEMPT_LIMIT, remaining: 0, reset });
    throw new AppwriteError('general_rate_limit_exceeded');
  }
  await storage.put<Window>(PREFIX + key, { start, count: count + 1 });
  record({ limit: ATTEMPT_LIMIT, remaining: ATTEMPT_LIMIT - count - 1, reset });
  if ((await storage.getAlarm()) === null) await storage.setAlarm(reset * 1000);
}

/** Drops windows that have ended. */
export async function purgeAttempts(storage: DurableObjectStorage): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  const entries = await storage.list<Window>({ prefix: PREFIX });
  const stale = [...entries].filter(([, w]) => w.start + WINDOW_SECONDS <= now).map(([k]) => k);
  for (let i = 0; i < stale.length; i += 128) await storage.delete(stale.slice(i, i + 128));
  if (entries.size > stale.length) await storage.setAlarm((now - (now % WINDOW_SECONDS) + WINDOW_SECONDS) * 1000);
}
