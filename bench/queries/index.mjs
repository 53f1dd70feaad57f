// `npm run bench [-- queries]`: latency of GET /v1/users at 1k, 10k and 100k users.
// The Worker is the real one (src/index.ts bundled by `wrangler deploy --dry-run`), run by
// Miniflare directly — no `wrangler dev` proxy in front — one instance per size, each on a fresh
// local D1 with the migrations applied and users seeded through Miniflare's D1 API. A figure is
// the wall time of `dispatchFetch` + reading the body (Worker + D1 + Miniflare's dispatch).
// Requests alternate between the sizes, so background load on the machine hits every size alike.
// Sizes: QUERIES_BENCH_SIZES=1000,10000 to run fewer.
import { rmSync } from 'node:fs';
import { applyMigrations, bundleWorker, startWorker } from '../../scripts/lib/miniflare-worker.mjs';
import { seedUsers } from '../seed-users.mjs';
import { scenarios } from './scenarios.mjs';

const SIZES = (process.env.QUERIES_BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const RUNS = 60;
const WARMUP = 5;
const TARGET_RATIO = 1.5;
const API_KEY = 'bench-root-key';

export default async function run() {
  console.log('Worker: src/index.ts bundled by wrangler, run by Miniflare directly (no wrangler dev proxy).');
  const bundle = bundleWorker();
  const instances = [];
  try {
    for (const n of SIZES) {
      const { mf } = await startWorker(bundle, { bindings: { API_KEY, JWT_SECRET: 'bench-jwt-secret', ENCRYPTION_KEY: '00'.repeat(32) } });
      instances.push(mf);
      const db = await mf.getD1Database('DB');
      await applyMigrations(db);
      const seconds = await seedUsers(db, n);
      console.log(`${n.toLocaleString('en')} users seeded in ${seconds.toFixed(1)} s`);
    }
    const clients = instances.map((mf) => caller(mf));
    const results = [];
    const perSize = SIZES.map((n) => scenarios(n));
    for (let s = 0; s < perSize[0].length; s++) {
      const cases = perSize.map((list) => list[s]);
      const measured = cases[0].walk ? await measureWalks(cases, clients) : await measureRequests(cases, clients);
      results.push({ name: cases[0].name, measured });
      console.log(`  ${cases[0].name}`);
      for (const [i, m] of measured.entries()) console.log(`    ${SIZES[i].toLocaleString('en').padStart(7)} users  ${fmt(m)}  ${m.note}`);
    }
    report(results);
  } finally {
    await Promise.all(instances.map((mf) => mf.dispose()));
    rmSync(bundle.dir, { recursive: true, force: true });
  }
}

const caller = (mf) => async (params) => {
  const res = await mf.dispatchFetch(`http://localhost/v1/users?${params}`, {
    headers: { 'x-appwrite-project': 'default', 'x-appwrite-key': API_KEY },
  });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(body)} for ${params}`);
  return body;
};

async function timed(fn) {
  const started = performance.now();
  const value = await fn();
  return [performance.now() - started, value];
}

/** One request per size per round, RUNS rounds. */
async function measureRequests(cases, clients) {
  const samples = cases.map(() => []);
  const totals = [];
  for (const [i, c] of cases.entries()) for (let w = 0; w < WARMUP; w++) totals[i] = (await clients[i](c.params)).total;
  for (let r = 0; r < RUNS; r++) {
    for (const [i, c] of cases.entries()) samples[i].push((await timed(() => clients[i](c.params)))[0]);
  }
  return samples.map((s, i) => ({ ...percentiles(s), note: `total ${totals[i]}` }));
}

/** Cursor walks advance one page per size per round; every page is a sample. */
async function measureWalks(cases, clients) {
  const walks = cases.map((c, i) => ({ ...c.walk, call: clients[i], cursor: undefined, pages: 0, rows: 0, done: false, samples: [] }));
  while (walks.some((w) => !w.done)) {
    for (const w of walks.filter((x) => !x.done)) {
      const [ms, body] = await timed(() => w.call(w.params(w.cursor)));
      w.samples.push(ms);
      w.pages++;
      w.rows += body.users.length;
      w.cursor = body.users.at(-1)?.$id;
      w.done = body.users.length === 0 || w.pages >= w.maxPages;
    }
  }
  return walks.map((w) => ({ ...percentiles(w.samples), note: `${w.pages} pages, ${w.rows} rows` }));
}

function percentiles(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { p50: at(0.5), p95: at(0.95) };
}

const fmt = (r) => `p50 ${r.p50.toFixed(2).padStart(6)} ms  p95 ${r.p95.toFixed(2).padStart(6)} ms`;

function report(results) {
  const first = 0;
  const last = SIZES.length - 1;
  const label = (n) => `${n / 1000}k`;
  console.log(`\nGET /v1/users latency, ms p50 / p95; ratio ${label(SIZES[last])} / ${label(SIZES[first])} (target ≤ ${TARGET_RATIO})\n`);
  console.log(`| query | ${SIZES.map((n) => `${label(n)} users`).join(' | ')} | ratio p50 | ratio p95 |`);
  console.log(`|---|${SIZES.map(() => '---|').join('')}---|---|`);
  for (const { name, measured } of results) {
    const cells = measured.map((m) => `${m.p50.toFixed(2)} / ${m.p95.toFixed(2)}`);
    const ratio = (k) => measured[last][k] / measured[first][k];
    const mark = (r) => `${r.toFixed(2)}${r > TARGET_RATIO ? ' ✗' : ''}`;
    console.log(`| ${name} | ${cells.join(' | ')} | ${mark(ratio('p50'))} | ${mark(ratio('p95'))} |`);
  }
}
