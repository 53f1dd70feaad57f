/**
 * A D1 binding that records each round trip (a statement outside a batch, or one batch) and can
 * make one of them fail: the k-th round trip as a whole (the connection drops before it runs), or
 * the i-th statement of the j-th batch (it fails inside D1, which then rolls the batch back).
 */

export type Fault = { roundTrip: number } | { batch: number; statement: number };

export interface D1Trace {
  /** Per round trip: its number of statements, and whether it was a batch. */
  trips: Array<{ statements: number; batch: boolean }>;
  /** Set once the planned fault has been injected. */
  fired: boolean;
}

export const FAULT_MESSAGE = 'injected fault';

/** Every fault a run with this trace can be given: each round trip, then each statement of each batch. */
export function faultsOf(trace: D1Trace): Fault[] {
  const faults: Fault[] = trace.trips.map((_, i) => ({ roundTrip: i + 1 }));
  let batches = 0;
  for (const trip of trace.trips) {
    if (!trip.batch) continue;
    batches++;
    for (let s = 1; s <= trip.statements; s++) faults.push({ batch: batches, statement: s });
  }
  return faults;
}

export function faultyD1(db: D1Database, fault: Fault | null = null): { db: D1Database; trace: D1Trace } {
  const trace: D1Trace = { trips: [], fired: false };
  let batches = 0;
  const originals = new WeakMap<object, D1PreparedStatement>();
  /** Counts a round trip and throws if it is the one to fail. */
  const trip = (statements: number, batch: boolean) => {
    trace.trips.push({ statements, batch });
    if (fault && 'roundTrip' in fault && fault.roundTrip === trace.trips.length) {
      trace.fired = true;
      throw new Error(`D1_ERROR: Network connection lost (${FAULT_MESSAGE})`);
    }
  };
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, prop) {
        if (prop === 'bind') return (...args: unknown[]) => wrap(target.bind(...args));
        if (prop === 'first' || prop === 'all' || prop === 'run' || prop === 'raw') {
          return async (...args: unknown[]) => {
            trip(1, false);
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
        return async (statements: D1PreparedStatement[]) => {
          trip(statements.length, true);
          batches++;
          const real = statements.map((s) => originals.get(s) ?? s);
          if (fault && 'batch' in fault && fault.batch === batches) {
            trace.fired = true;
            // A statement that fails when D1 runs it, in the middle of the batch.
            real[fault.statement - 1] = target.prepare(`select json('${FAULT_MESSAGE}')`);
          }
          return target.batch(real);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: proxy, trace };
}

export const describeFault = (fault: Fault) => ('roundTrip' in fault ? `round trip ${fault.roundTrip}` : `batch ${fault.batch} statement ${fault.statement}`);
