// `npm run bench -- import`: rows/s of POST /v1/users/import with pre-hashed rows (1000 per
// request) filling a fresh local D1 to 10k and to 100k users, dry runs included, against 1,000
// single POST /v1/users/bcrypt calls as the baseline. The Worker is the real one bundled by
// wrangler and run by Miniflare directly (scripts/lib/miniflare-worker.mjs), one fresh instance
// per run. Rows come from bench/seed-users.mjs; every row carries the same bcrypt string (the
// import stores it as given, so its cost does not matter). IMPORT_BENCH_SIZES=10000 to run fewer.
// Sizes under 100k are filled three times (fresh instances) and their medians printed.
import { rmSync } from 'node:fs';
import { applyMigrations, bundleWorker, startWorker } from '../../scripts/lib/miniflare-worker.mjs';
import { progress, userAt } from '../seed-users.mjs';

const SIZES = (process.env.IMPORT_BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const BATCH = 1000;
const BASELINE_CALLS = 1000;
const FILLS = 3;
const TARGET_RATE = 2000;
const TARGET_SCALING = 0.8;
const API_KEY = 'bench-root-key';
/** bcrypt("bench-password", cost 10), made with node `bcrypt` 6.0.0. */
const HASH = '$2b$10$usYynNC.Oj/QT.ZuxT/tve56sSACMZcDex0El6Qm3B6EHAUOreLOK';

const rowAt = (i, n) => {
  const u = userAt(i, n);
  return {
    userId: u.id,
    email: u.email,
    phone: u.phone,
    name: u.name,
    labels: u.labels,
    status: u.status,
    emailVerification: u.emailVerification,
    hash: { algorithm: 'bcrypt', value: HASH },
  };
};

async function fresh(bundle) {
  const { mf } = await startWorker(bundle, { bindings: { API_KEY, JWT_SECRET: 'bench-jwt-secret', ENCRYPTION_KEY: '00'.repeat(32) } });
  await applyMigrations(await mf.getD1Database('DB'));
  const post = async (path, body) => {
    const res = await mf.dispatchFetch(`http://localhost${path}`, {
      method: 'POST',
      headers: { 'x-appwrite-project': 'default', 'x-appwrite-key': API_KEY, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = await res.json();
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  return { mf, post };
}

/** Imports users 0…n-1 in requests of BATCH rows; seconds spent in the requests only. */
async function importAll(post, n, dryRun, expect = 'created') {
  let seconds = 0;
  const started = performance.now();
  for (let from = 0; from < n; from += BATCH) {
    const users = Array.from({ length: Math.min(BATCH, n - from) }, (_, k) => rowAt(from + k, n));
    const t = performance.now();
    const answer = await post('/v1/users/import', { users, dryRun });
    seconds += (performance.now() - t) / 1000;
    if (answer[expect] !== users.length) throw new Error(`rows not ${expect}: ${JSON.stringify(answer.results.find((r) => r.status !== expect))}`);
    progress(`${dryRun ? 'dry-run' : 'import'} ${n.toLocaleString('en')}`, from + users.length, n, started);
  }
  process.stderr.write('\n');
  return seconds;
}

export default async function run() {
  console.log('Worker: src/index.ts bundled by wrangler, run by Miniflare directly; local D1.');
  const bundle = bundleWorker();
  const figures = [];
  try {
    // Baseline: one user per request, as the seven Appwrite routes take them.
    {
      const { mf, post } = await fresh(bundle);
      const started = performance.now();
      for (let i = 0; i < BASELINE_CALLS; i++) {
        const u = userAt(i, BASELINE_CALLS);
        await post('/v1/users/bcrypt', { userId: u.id, email: u.email, password: HASH, name: u.name });
        if (i % 50 === 49) progress('POST /v1/users/bcrypt', i + 1, BASELINE_CALLS, started);
      }
      process.stderr.write('\n');
      const seconds = (performance.now() - started) / 1000;
      figures.push({ name: `${BASELINE_CALLS} × POST /v1/users/bcrypt`, users: BASELINE_CALLS, seconds });
      await mf.dispose();
    }
    for (const n of SIZES) {
      // A dry run of every row on the empty table, then the real import, then a dry run against the
      // full table. Fills shorter than 100k (the 10k one lasts about a second, and this machine's
      // speed drifts from second to second) run FILLS times on fresh instances; each figure is the
      // median of its runs.
      const runs = [];
      for (let k = 0; k < (n < 100_000 ? FILLS : 1); k++) {
        const { mf, post } = await fresh(bundle);
        runs.push([await importAll(post, n, true), await importAll(post, n, false), await importAll(post, n, true, 'unchanged')]);
        await mf.dispose();
      }
      const median = (i) => runs.map((r) => r[i]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
      const of = runs.length > 1 ? `, median of ${runs.length}` : '';
      figures.push({ name: `dry-run ${n.toLocaleString('en')} (empty table${of})`, users: n, seconds: median(0) });
      figures.push({ name: `import ${n.toLocaleString('en')}${of ? ` (${of.slice(2)})` : ''}`, users: n, seconds: median(1), size: n });
      figures.push({ name: `dry-run ${n.toLocaleString('en')} again (full table: all unchanged${of})`, users: n, seconds: median(2) });
    }
  } finally {
    rmSync(bundle.dir, { recursive: true, force: true });
  }
  const rate = (f) => f.users / f.seconds;
  const baseline = rate(figures[0]);
  console.log(`\n| run | users | seconds | users/s | × baseline |`);
  console.log('|---|---|---|---|---|');
  for (const f of figures) {
    console.log(`| ${f.name} | ${f.users.toLocaleString('en')} | ${f.seconds.toFixed(2)} | ${Math.round(rate(f)).toLocaleString('en')} | ${(rate(f) / baseline).toFixed(1)} |`);
  }
  const imports = figures.filter((f) => f.size);
  for (const f of imports) {
    console.log(`import ${f.size.toLocaleString('en')}: ${Math.round(rate(f))} users/s (target ≥ ${TARGET_RATE})${rate(f) < TARGET_RATE ? ' ✗' : ''}`);
  }
  if (imports.length >= 2) {
    const scaling = rate(imports[imports.length - 1]) / rate(imports[0]);
    console.log(`rows/s ${imports[imports.length - 1].size / 1000}k / ${imports[0].size / 1000}k = ${scaling.toFixed(2)} (target ≥ ${TARGET_SCALING})${scaling < TARGET_SCALING ? ' ✗' : ''}`);
  }
}
