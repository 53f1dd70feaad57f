import { interceptD1 } from '../helpers/d1-intercept';

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
  const faulty = interceptD1(db, {
    trip(statements, batch) {
      trace.trips.push({ statements, batch });
      if (batch) batches++;
      if (fault && 'roundTrip' in fault && fault.roundTrip === trace.trips.length) {
        trace.fired = true;
        throw new Error(`D1_ERROR: Network connection lost (${FAULT_MESSAGE})`);
      }
    },
    batch(statements, target) {
      if (!fault || !('batch' in fault) || fault.batch !== batches) return statements;
      trace.fired = true;
      // A statement that fails when D1 runs it, in the middle of the batch.
      return statements.map((s, i) => (i === fault.statement - 1 ? target.prepare(`select json('${FAULT_MESSAGE}')`) : s));
    },
  });
  return { db: faulty, trace };
}

export const describeFault = (fault: Fault) => ('roundTrip' in fault ? `round trip ${fault.roundTrip}` : `batch ${fault.batch} statement ${fault.statement}`);
