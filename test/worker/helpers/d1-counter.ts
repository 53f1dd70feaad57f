import { env } from 'cloudflare:test';

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
  const originals = new WeakMap<object, D1PreparedStatement>();
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, prop) {
        if (prop === 'bind') return (...args: unknown[]) => wrap(target.bind(...args));
        if (prop === 'first' || prop === 'all' || prop === 'run' || prop === 'raw') {
          return (...args: unknown[]) => {
            stats.roundTrips++;
            stats.statements++;
            return (target[prop] as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    originals.set(proxy, statement);
    return proxy;
  };
  const proxy = new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return (query: string) => wrap(target.prepare(query));
      if (prop === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          stats.roundTrips++;
          stats.statements += statements.length;
          return target.batch(statements.map((s) => originals.get(s) ?? s));
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: proxy, stats };
}
