// Tables of the peers bench (Markdown, so a run can be pasted into the README as it is).
import { percentile } from './load.mjs';

export const GOALS = { bareP50: 1.2, betterAuthRps: 1.0 };

/** Pools a row's rounds: req/s over all recorded seconds, latency percentiles over all requests. */
export function summarise(row) {
  const sorted = row.rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const rps = row.rounds.map((r) => r.latencies.length / r.seconds);
  const p50s = row.rounds.map((r) => percentile([...r.latencies].sort((a, b) => a - b), 0.5) ?? NaN);
  const mean = rps.reduce((a, b) => a + b, 0) / rps.length;
  return {
    ...row,
    requests: sorted.length,
    rps: sorted.length / row.rounds.reduce((sum, r) => sum + r.seconds, 0),
    p50: percentile(sorted, 0.5) ?? NaN,
    p95: percentile(sorted, 0.95) ?? NaN,
    roundRps: rps,
    roundP50: p50s,
    spread: (Math.max(...rps) - Math.min(...rps)) / 2 / mean,
  };
}

const num = (x) => (!Number.isFinite(x) ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

export function printResults(results, rounds) {
  console.log(`\n### Throughput and latency (loopback HTTP, closed loop; ${rounds} rounds pooled)\n`);
  console.log('| workload | c | target | req/s | p50 ms | p95 ms | req/s per round | spread |');
  console.log('|---|---:|---|---:|---:|---:|---|---:|');
  for (const r of results) {
    const perRound = r.roundRps.map(num).join(' / ');
    console.log(`| ${r.workload} | ${r.c} | ${r.target} | ${num(r.rps)} | ${num(r.p50)} | ${num(r.p95)} | ${perRound} | ±${(r.spread * 100).toFixed(0)}% |`);
  }
}

/** Ratio of pooled figures, and its range over the rounds (round k of each target ran back to back). */
function ratio(a, b, pooled, perRound) {
  const rounds = a[perRound].map((x, k) => x / b[perRound][k]);
  return { value: a[pooled] / b[pooled], low: Math.min(...rounds), high: Math.max(...rounds) };
}

export function printRatios(results) {
  const find = (r, target) => results.find((x) => x.workload === r.workload && x.c === r.c && x.target === target);
  const cell = (q, ok) => `${num(q.value)} ${ok ? '✓' : '✗'} (${num(q.low)}–${num(q.high)})`;
  console.log('\n### Ratios (per-round range in brackets)\n');
  console.log(`- ours / bare, p50 latency of reads: the overhead over bare Hono + D1; goal ≤ ${GOALS.bareP50}.`);
  console.log(`- ours / better-auth, req/s: goal ≥ ${GOALS.betterAuthRps}.\n`);
  console.log('| workload | c | ours / bare p50 | ours / better-auth req/s |');
  console.log('|---|---:|---|---|');
  const met = { bare: [0, 0], betterAuth: [0, 0] };
  for (const ours of results.filter((r) => r.target === 'ours')) {
    const bare = find(ours, 'bare');
    const ba = find(ours, 'better-auth');
    let bareCell = '—';
    if (bare && ours.read) {
      const q = ratio(ours, bare, 'p50', 'roundP50');
      const ok = q.value <= GOALS.bareP50;
      met.bare[0] += ok ? 1 : 0;
      met.bare[1]++;
      bareCell = cell(q, ok);
    }
    let baCell = '—';
    if (ba) {
      const q = ratio(ours, ba, 'rps', 'roundRps');
      const ok = q.value >= GOALS.betterAuthRps;
      met.betterAuth[0] += ok ? 1 : 0;
      met.betterAuth[1]++;
      baCell = cell(q, ok);
    }
    console.log(`| ${ours.workload} | ${ours.c} | ${bareCell} | ${baCell} |`);
  }
  console.log(`\nGoals met: reads p50 ≤ ${GOALS.bareP50}× bare in ${met.bare[0]}/${met.bare[1]}; req/s ≥ ${GOALS.betterAuthRps}× better-auth in ${met.betterAuth[0]}/${met.betterAuth[1]}.`);
}

export function printColdStart(rows) {
  console.log('\n### Cold start (median of 3 fresh Miniflare instances on the seeded data)\n');
  console.log('| Worker | bundle bytes | gzip bytes | modules | start → ready ms | start → first answer (GET user) ms |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.size.bytes.toLocaleString('en')} | ${r.size.gzip.toLocaleString('en')} | ${r.size.files} | ${r.ready.toFixed(0)} | ${r.total.toFixed(0)} |`);
  }
}
