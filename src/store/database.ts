import { drizzle } from 'drizzle-orm/d1';
import * as schema from './schema';

const drizzleOf = (d1: D1Database) => drizzle(d1, { schema });
export type Database = ReturnType<typeof drizzleOf>;

/** One Drizzle instance per D1 binding (per isolate), not one per request. */
const instances = new WeakMap<D1Database, Database>();

export function createDatabase(d1: D1Database): Database {
  let db = instances.get(d1);
  if (!db) instances.set(d1, (db = drizzleOf(d1)));
  return db;
}

/** Current time as stored: ISO-8601 UTC with milliseconds. */
export const nowIso = () => new Date().toISOString();

/**
 * The constraint a failed statement violated: `users.email` for a unique index, or the message
 * of a trigger's `RAISE(ABORT, …)`. D1 and Drizzle wrap the SQLite text in their own errors.
 */
export function constraintViolation(error: unknown): string | null {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const unique = /UNIQUE constraint failed: ([\w.]+)/.exec(e.message);
    if (unique) return unique[1];
    const raised = /\bRAISE:(\w+)/.exec(e.message);
    if (raised) return raised[1];
  }
  return null;
}
