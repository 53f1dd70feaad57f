// `npm run bench -- peers`: this Worker against its two peers, over loopback HTTP —
//   bare         a Hono + D1 Worker that does nothing but the SQL (bench/peers/bare/): the floor;
//   better-auth  better-auth 1.7 + admin plugin on Node + better-sqlite3: what a team would pick instead.
// Both Workers run in Miniflare directly (bundles from `wrangler deploy --dry-run`), each target
// holds the same 10,000 users and sessions, and each (workload, concurrency) runs ROUNDS rounds
// with the targets in alternating order (A B C, C B A, …) so drift on a shared machine cancels.
// Every round starts with an unrecorded warm-up. Then: req/s, p50, p95, the per-round spread and
// the ratios against the goals, and the cold start of our Worker.
// Knobs: PEERS_BENCH_USERS (10000), PEERS_BENCH_ROUNDS (3), PEERS_BENCH_SECONDS (3, per round),
// PEERS_BENCH_WARMUP_SECONDS (0.5); PEERS_BENCH_ONLY=get,list (workloads whose name contains one of
// these) and PEERS_BENCH_TARGETS=ours,bare (the targets to start) for a quicker partial run.
import { bundleSize } from '../../scripts/lib/miniflare-worker.mjs';
import { drive, once } from './load.mjs';
import { printColdStart, printRatios, printResults, summarise } from './report.mjs';
import { API_KEY, seededId, startBare, startBetterAuth, startOurs } from './targets.mjs';
import { workloads } from './workloads.mjs';

const USERS = Number(process.env.PEERS_BENCH_USERS ?? 10_000);
const ROUNDS = Number(process.env.PEERS_BENCH_ROUNDS ?? 3);
const ROUND_MS = 1000 * Number(process.env.PEERS_BENCH_SECONDS ?? 3);
const WARMUP_MS = 1000 * Number(process.env.PEERS_BENCH_WARMUP_SECONDS ?? 0.5);
const CONCURRENCY = [1, 8];
const ONLY = process.env.PEERS_BENCH_ONLY?.split(',');
const TARGETS = process.env.PEERS_BENCH_TARGETS?.split(',');

export default async function run() {
  const began = performance.now();
  const targets = [];
  try {
    const starts = [['ours', startOurs], ['bare', startBare], ['better-auth', startBetterAuth]];
    for (const [label, start] of starts.filter(([label]) => !TARGETS || TARGETS.includes(label))) {
      process.stderr.write(`starting ${label}…\n`);
      targets.push(await start(USERS));
    }
    const chosen = workloads(USERS).filter((w) => !ONLY || ONLY.some((part) => w.name.includes(part)));
    const plan = chosen.flatMap((w) => CONCURRENCY.map((c) => ({ w, c, on: targets.filter((t) => w[t.name]) })));
    const segments = plan.reduce((sum, p) => sum + p.on.length * ROUNDS, 0);
    const eta = (segments * (ROUND_MS + WARMUP_MS)) / 1000;
    console.log(`${USERS.toLocaleString('en')} users per target; ${ROUNDS} rounds × ${ROUND_MS / 1000} s (+${WARMUP_MS / 1000} s warm-up) per target, workload and concurrency; ≈ ${Math.ceil(eta / 60)} min of load.`);

    await printAnswers(plan.filter((p) => p.c === CONCURRENCY[0] && p.w.read), targets);

    const results = [];
    let done = 0;
    for (const { w, c, on } of plan) {
      const rows = on.map((t) => ({ target: t.name, workload: w.name, read: w.read, c, rounds: [] }));
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 === 0 ? rows : [...rows].reverse();
        for (const row of order) {
          const target = targets.find((t) => t.name === row.target);
          const label = `[${++done}/${segments}] ${w.name} c=${c} round ${round + 1}/${ROUNDS} ${row.target}`;
          const onTick = (n) => process.stderr.write(`\r${label}: ${n} requests  (${elapsed(began)})`.padEnd(100));
          row.rounds.push(await drive(target.url, w[row.target](target), c, { warmupMs: WARMUP_MS, ms: ROUND_MS, onTick }));
        }
      }
      process.stderr.write('\n');
      results.push(...rows.map(summarise));
    }
    printResults(results, ROUNDS);
    printRatios(results);

    const ours = targets.find((t) => t.name === 'ours');
    const bare = targets.find((t) => t.name === 'bare');
    if (!ours || !bare) return;
    await ours.stop();
    await bare.stop();
    process.stderr.write('cold starts…\n');
    const id = seededId(0, USERS);
    const cold = async (t, spec) => {
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await t.coldStart(spec));
      return runs.sort((a, b) => a.total - b.total)[1];
    };
    printColdStart([
      { name: 'ours', size: bundleSize(ours.bundle), ...(await cold(ours, { path: `/v1/users/${id}`, headers: { 'x-appwrite-project': 'default', 'x-appwrite-key': API_KEY } })) },
      { name: 'bare', size: bundleSize(bare.bundle), ...(await cold(bare, { path: `/v1/users/${id}` })) },
    ]);
    console.log(`\nWhole run: ${elapsed(began)}.`);
  } finally {
    for (const t of targets) {
      await t.stop().catch(() => {});
      t.cleanup();
    }
  }
}

/** What each target answers to the first request of each read: the targets must do the same work. */
async function printAnswers(plan, targets) {
  console.log('\nFirst answer of each read (rows returned / total reported):');
  for (const { w, on } of plan) {
    const cells = [];
    for (const t of on) {
      const workload = w[t.name](t);
      const res = await once(t.url, workload.next());
      if (res.status !== workload.expect) throw new Error(`${t.name} ${w.name}: ${res.status} ${res.text.slice(0, 200)}`);
      const body = JSON.parse(res.text);
      const rows = body.users ?? body.sessions ?? body.targets ?? body.logs;
      cells.push(`${t.name} ${rows ? `${rows.length} / ${body.total ?? '—'}` : '1 user'}`);
    }
    console.log(`  ${w.name}: ${cells.join(', ')}`);
  }
}

const elapsed = (since) => {
  const s = Math.round((performance.now() - since) / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
};
