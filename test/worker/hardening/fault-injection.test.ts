import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { operations } from '../../../src/operations';
import { call, type ApiResponse } from '../helpers/api';
import { describeFault, faultsOf, faultyD1, type D1Trace, type Fault } from './faulty-d1';
import { leaks } from './leaks';
import { dump, fixture, writeScenarios, type Fixture, type Scenario } from './write-scenarios';

/**
 * Where a fault goes: D1 as the Worker sees it, or D1 as the user's UserGate sees it. A fault in the
 * gate stands for the object being reset mid-operation: whatever it ran before the fault happened,
 * nothing after it does, and its caller gets an exception. The reset is an exception thrown at each
 * of the gate's D1 round trips in turn. `ctx.abort()` at that point was tried: under the test pool
 * the abort reaches the test itself ("Error: injected fault" failed every gate case), so the
 * object's reset cannot be observed from the Worker's side that way.
 */
type Side = 'worker' | 'gate';

// Typed loosely: the gate's RPC type is too deep for `runInDurableObject`'s generics.
const gateOf = (userId: string): any => env.USER_GATE.get(env.USER_GATE.idFromName(userId.toLowerCase()));

const enter = runInDurableObject as unknown as (stub: unknown, callback: (instance: unknown) => void) => Promise<void>;

/** Points the user's gate at `db` for the duration of `work`, then back at the real binding. */
async function withGateDb<T>(userId: string, db: D1Database, work: () => Promise<T>): Promise<T> {
  const stub = gateOf(userId);
  let original: unknown;
  await enter(stub, (gate: any) => {
    original = gate.env;
    gate.env = { ...gate.env, DB: db };
  });
  try {
    return await work();
  } finally {
    await enter(stub, (gate: any) => void (gate.env = original));
  }
}

async function run(scenario: Scenario, f: Fixture, side: Side, fault: Fault | null): Promise<{ res: ApiResponse; trace: D1Trace }> {
  const request = await scenario.request(f);
  const { db, trace } = faultyD1(env.DB, fault);
  const send = (extra: Partial<Env>) => call(request.method, request.path, { ...request.options, env: { ...request.options.env, ...extra } });
  const res = side === 'worker' ? await send({ DB: db }) : await withGateDb(f.userId, db, () => send({}));
  return { res, trace };
}

const writes = operations.filter((op) => op.method !== 'get');
const totals = { cases: 0, worker: 0, gate: 0 };

describe('fault injection: every D1 round trip and batch statement of every write fails once', () => {
  it('has a scenario for every write operation', () => {
    console.log(writes.map((op) => op.id).filter((id) => !writeScenarios.some((s) => s.op === id)));
    expect(writeScenarios.map((s) => s.op).sort()).toEqual(writes.map((op) => op.id).sort());
  });

  it.each(writeScenarios)('$op: the database is as before and the client gets a 500 envelope', async (scenario) => {
    const sides: Record<Side, D1Trace> = { worker: (await run(scenario, await fixture(scenario.needs), 'worker', null)).trace, gate: { trips: [], fired: false } };
    const clean = await run(scenario, await fixture(scenario.needs), 'gate', null);
    expect(clean.res.status, clean.res.text).toBeLessThan(300);
    sides.gate = clean.trace;
    const failures: string[] = [];
    for (const side of ['worker', 'gate'] as const) {
      for (const fault of faultsOf(sides[side])) {
        const f = await fixture(scenario.needs);
        const request = await scenario.request(f);
        const ids = [f.userId, ...(request.creates ? [request.creates] : [])];
        const before = await dump(ids);
        const { res, trace } = await run({ ...scenario, request: () => request }, f, side, fault);
        totals.cases++;
        totals[side]++;
        const where = `${side} ${describeFault(fault)}`;
        if (!trace.fired) failures.push(`${where}: not reached (the operation's round trips vary)`);
        if (res.status !== 500 || res.body?.type !== 'general_unknown' || res.body?.message !== 'Server Error') failures.push(`${where}: answered ${res.status} ${res.text.slice(0, 160)}`);
        const leak = leaks(res.text);
        if (leak) failures.push(`${where}: ${leak}`);
        const after = await dump(ids);
        for (const table of Object.keys(before)) {
          if (JSON.stringify(before[table]) !== JSON.stringify(after[table])) {
            failures.push(`${where}: ${table} changed: ${JSON.stringify(before[table]).slice(0, 200)} → ${JSON.stringify(after[table]).slice(0, 200)}`);
          }
        }
      }
    }
    for (const failure of failures.slice(0, 10)) console.log(`  ${scenario.op} ${failure}`);
    console.log(`${scenario.op}: worker ${faultsOf(sides.worker).length} faults, gate ${faultsOf(sides.gate).length} faults, ${failures.length} failures`);
    expect(failures).toEqual([]);
  });

  it('prints the totals', () => {
    console.log(`fault injection: ${totals.cases} faulted requests over ${writeScenarios.length} write operations (${totals.worker} in the Worker's D1, ${totals.gate} in the UserGate's)`);
    expect(totals.cases).toBeGreaterThan(writeScenarios.length);
  });
});
