import { env } from 'cloudflare:test';
import { interceptD1 } from './d1-intercept';

export interface D1Stats {
  /** Calls that reach D1: one per executed statement outside a batch, one per batch. */
  roundTrips: number;
  statements: number;
}

/**
 * Wraps the D1 binding to count round trips and statements, so tests can pin how many times a
 * route talks to the database.
 */
export function countingD1(db: D1Database = env.DB): { db: D1Database; stats: D1Stats } {
  const stats: D1Stats = { roundTrips: 0, statements: 0 };
  const counted = interceptD1(db, {
    trip(statements) {
      stats.roundTrips++;
      stats.statements += statements;
    },
  });
  return { db: counted, stats };
}
