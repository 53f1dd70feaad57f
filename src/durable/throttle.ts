import { AppwriteError } from '../errors/appwrite-error';
import type { RateLimit } from './gate-context';

const HOUR = 3600;

/**
 * Every throttle the gates keep: attempts per fixed hour window (windows start at multiples of an
 * hour, as in utopia-php/abuse's TimeLimit). Only non-key callers are counted, as in Appwrite.
 */
export const THROTTLES = {
  /** `POST /account/sessions/email`, per e-mail (account-minimal.md §3; Appwrite's `url,email` key). */
  login: 10,
  /**
   * Failed logins per client IP, whatever the e-mail: stops one address spraying passwords over many
   * accounts. Not in Appwrite; generous so that users behind one NAT are not locked out together.
   */
  loginFromIp: 100,
  /** `POST /account/sessions/token`, per (IP, user) (account-minimal.md §4). */
  tokenExchange: 10,
  /** `POST /account/mfa/challenge`, per user (mfa.md §6.6). */
  challengeCreate: 10,
  /** `PUT /account/mfa/challenge`, per challenge (mfa.md §6.7) … */
  challengeAnswer: 10,
  /** … and per user, so fresh challenges do not buy fresh guesses (issue 12). */
  challengeAnswerPerUser: 10,
  /** `POST /account/jwts`, per user (account-minimal.md §6). */
  accountJwt: 100,
} as const;

/** The wrong answer that deletes a challenge, after which even the right code fails. */
export const CHALLENGE_WRONG_ANSWERS = 5;

const PREFIX = 'attempts:';

/** A stored counter; it may be dropped once `until` (unix seconds) has passed. */
interface Counter {
  count: number;
  until: number;
}

export interface AttemptCheck {
  key: string;
  limit: number;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);
/** The end (unix seconds) of the hour window `now` falls in. */
export const windowEnd = (now: number) => now - (now % HOUR) + HOUR;

/**
 * Counts one attempt under each check, in order, and throws 429 `general_rate_limit_exceeded` at
 * the first whose window is used up (later checks are then not counted). `record` receives the
 * state of the tightest check, for the `X-RateLimit-*` headers, on either outcome.
 */
export async function countAttempts(storage: DurableObjectStorage, checks: AttemptCheck[], record: (limit: RateLimit) => void): Promise<void> {
  const now = nowSeconds();
  const reset = windowEnd(now);
  let tightest: RateLimit | undefined;
  for (const { key, limit } of checks) {
    const stored = await storage.get<Counter>(PREFIX + key);
    const count = stored && stored.until === reset ? stored.count : 0;
    if (count >= limit) {
      record({ limit, remaining: 0, reset });
      throw new AppwriteError('general_rate_limit_exceeded');
    }
    await storage.put<Counter>(PREFIX + key, { count: count + 1, until: reset });
    const state = { limit, remaining: limit - count - 1, reset };
    if (!tightest || state.remaining < tightest.remaining) tightest = state;
  }
  if (tightest) record(tightest);
  await scheduleCleanup(storage, reset);
}

/** Adds one to a counter that lives until `until` (not windowed) and returns the new count. */
export async function bumpCounter(storage: DurableObjectStorage, key: string, until: number): Promise<number> {
  const stored = await storage.get<Counter>(PREFIX + key);
  const count = (stored?.count ?? 0) + 1;
  await storage.put<Counter>(PREFIX + key, { count, until });
  await scheduleCleanup(storage, until);
  return count;
}

export async function dropCounter(storage: DurableObjectStorage, key: string): Promise<void> {
  await storage.delete(PREFIX + key);
}

async function scheduleCleanup(storage: DurableObjectStorage, at: number) {
  const alarm = await storage.getAlarm();
  if (alarm === null || alarm > at * 1000) await storage.setAlarm(at * 1000);
}

/** Drops counters whose time has passed; run by the gate's alarm. */
export async function purgeAttempts(storage: DurableObjectStorage): Promise<void> {
  const now = nowSeconds();
  const entries = await storage.list<Counter>({ prefix: PREFIX });
  const stale = [...entries].filter(([, c]) => !(c.until > now)).map(([k]) => k);
  for (let i = 0; i < stale.length; i += 128) await storage.delete(stale.slice(i, i + 128));
  const next = Math.min(...[...entries.values()].map((c) => c.until).filter((until) => until > now));
  if (Number.isFinite(next)) await storage.setAlarm(next * 1000);
}
