// Where the import's time goes as the table grows (README "Benchmark: npm run bench -- import").
// Runs the exact statements of one import request (the neighbour read + the three inserts of
// src/store/user-import.ts) for 1000 bench rows at a time up to N users, and prints, per 10k users:
//   MODE=d1     each statement's SQLite time as local D1 reports it (meta.duration) and the wall
//               time of the one-transaction batch (the commit included);
//   MODE=pages  the same statements on node:sqlite (WAL, cache CACHE, default -2000 = 2 MB as D1):
//               time per statement, commit time, and pages written to the WAL per commit — the
//               number of distinct pages the batch dirtied, which needs no quiet machine.
// EXTRA="drop index users_name;;drop trigger users_search_insert" runs extra SQL after the migrations
// (not users_email/users_phone: the uniqueness triggers of drizzle/0006 would then scan users per row).
// Pages per commit do not depend on CACHE (2 MB and 500 MB give the same count): distinct pages, not spills.
// Run (bundled next to this file so the relative imports hold):
//   npx esbuild bench/import/profile.ts --bundle --platform=node --format=esm --packages=external \
//     '--external:*.mjs' --outfile=bench/import/.profile.mjs && MODE=pages N=100000 npx node bench/import/.profile.mjs
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/d1';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import * as schema from '../../src/store/schema';
import { findImportNeighbours, insertUsersStatements, type ImportInsert } from '../../src/store/user-import';
// @ts-expect-error: a plain ES module shared with the benchmarks
import { applyMigrations, root } from '../../scripts/lib/miniflare-worker.mjs';
// @ts-expect-error: a plain ES module shared with the benchmarks
import { userAt } from '../seed-users.mjs';

const MODE = process.env.MODE ?? 'd1';
const N = Number(process.env.N ?? 100000);
const BATCH = 1000;
const HASH = '$2b$10$usYynNC.Oj/QT.ZuxT/tve56sSACMZcDex0El6Qm3B6EHAUOreLOK';
const EXTRA = (process.env.EXTRA ?? '').split(';;').filter((s) => s.trim());
const NAMES = ['read.id', 'read.email', 'read.phone', 'read.identity', 'users', 'targets', 'logs'];
const audit = { actorId: 'a', actorEmail: '', actorName: '', ip: '127.0.0.1', userAgent: 'profile', countryCode: '--' };
let serial = 0;
const nextId = () => `p${(serial++).toString(16).padStart(19, '0')}`;

type Statement = { name: string; sql: string; params: unknown[] };
/** Drizzle over a fake D1 that records the statements instead of running them. */
function recorder(into: Statement[]) {
  const d1 = {
    prepare: (sql: string) => ({ bind: (...params: unknown[]) => ({ sql, params }) }),
    batch: async (list: Array<{ sql: string; params: unknown[] }>) => {
      list.forEach((s, k) => into.push({ name: NAMES[k], ...s }));
      return list.map(() => ({ results: [] }));
    },
  };
  return drizzle(d1 as unknown as D1Database, { schema });
}

async function statementsFor(from: number): Promise<Statement[]> {
  const rows: ImportInsert[] = [];
  for (let i = from; i < from + BATCH; i++) {
    const u = userAt(i, N);
    const targets = [
      { id: nextId(), providerType: 'email' as const, identifier: u.email },
      { id: nextId(), providerType: 'sms' as const, identifier: u.phone },
    ];
    rows.push({ ...u, password: HASH, passwordHistory: [], hash: 'bcrypt', hashOptions: { type: 'bcrypt' }, prefs: {}, targets, logId: nextId() });
  }
  const out: Statement[] = [];
  const db = recorder(out);
  await findImportNeighbours(db, { ids: rows.map((r) => r.id), emails: rows.map((r) => r.email!), phones: rows.map((r) => r.phone!) }).catch(() => {});
  insertUsersStatements(db, rows, new Date().toISOString(), audit).forEach((s, k) => out.push({ name: NAMES[4 + k], ...s.toSQL() }));
  return out;
}

const totals: Record<string, number> = {};
const add = (name: string, value: number) => (totals[name] = (totals[name] ?? 0) + value);

if (MODE === 'd1') {
  const mf = new Miniflare(convertV4MiniflareOptions({ workers: [{ modules: true, script: 'export default { fetch() { return new Response("") } }', d1Databases: ['DB'], compatibilityDate: '2025-01-01' }] }));
  const d1 = await mf.getD1Database('DB');
  await applyMigrations(d1);
  for (const s of EXTRA) await d1.prepare(s).run();
  for (let from = 0; from < N; from += BATCH) {
    const statements = await statementsFor(from);
    const started = performance.now();
    const results = await d1.batch(statements.map((s) => d1.prepare(s.sql).bind(...s.params)));
    add('batch wall', performance.now() - started);
    results.forEach((r: D1Result, k: number) => add(statements[k].name, r.meta.duration));
    report(from + BATCH);
  }
  await mf.dispose();
} else {
  const { DatabaseSync } = await import('node:sqlite');
  const file = join(tmpdir(), `import-profile-${process.pid}.db`);
  const db = new DatabaseSync(file);
  db.exec(`pragma journal_mode = wal; pragma wal_autocheckpoint = 0; pragma cache_size = ${process.env.CACHE ?? '-2000'}`);
  for (const f of readdirSync(join(root, 'drizzle')).filter((f) => f.endsWith('.sql')).sort()) {
    for (const s of readFileSync(join(root, 'drizzle', f), 'utf8').split('--> statement-breakpoint')) if (s.trim()) db.exec(s);
  }
  for (const s of EXTRA) db.exec(s);
  for (let from = 0; from < N; from += BATCH) {
    const statements = await statementsFor(from);
    const started = performance.now();
    db.exec('begin');
    for (const s of statements) {
      const t = performance.now();
      const prepared = db.prepare(s.sql);
      const params = s.params as Array<string | number | null>;
      if (s.name.startsWith('read')) prepared.all(...params);
      else prepared.run(...params);
      add(s.name, performance.now() - t);
    }
    const t = performance.now();
    db.exec('commit');
    add('commit', performance.now() - t);
    add('batch wall', performance.now() - started);
    add('WAL pages', statSync(`${file}-wal`).size / (4096 + 24));
    db.exec('pragma wal_checkpoint(truncate)');
    report(from + BATCH);
  }
  db.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

/** Per-batch averages over the last 10k users. */
function report(done: number) {
  if (done % 10_000) return;
  const per = (v: number) => (v / 10).toFixed(1);
  console.log(`${done / 1000}k: ${Object.entries(totals).map(([k, v]) => `${k} ${per(v)}${k === 'WAL pages' ? '' : ' ms'}`).join(' · ')}`);
  for (const k of Object.keys(totals)) delete totals[k];
}
