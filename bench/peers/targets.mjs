// The three targets of the peers bench, each started, seeded with the same users and sessions, and
// served over loopback HTTP: this Worker and the bare Hono + D1 Worker (Miniflare directly, D1
// persisted on disk as `npm run dev` keeps it), and better-auth on Node + better-sqlite3.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { progress, seedUsers, userAt } from '../seed-users.mjs';
import { applyMigrations, bundleWorker, root, startWorker } from '../../scripts/lib/miniflare-worker.mjs';
import { once } from './load.mjs';

export const API_KEY = 'bench-root-key';
const SECRETS = { API_KEY, JWT_SECRET: 'bench-jwt-secret', ENCRYPTION_KEY: '00'.repeat(32) };
/** Users 0…SESSION_USERS-1 get SESSIONS_EACH sessions each, for the "a user's sessions" workload. */
export const SESSION_USERS = 100;
export const SESSIONS_EACH = 5;

const sessionsSql = `INSERT INTO sessions (id, created_at, updated_at, user_seq, user_id, provider, secret_hash, expire)
  SELECT 's' || k.value || u.id, u.updated_at, u.updated_at, u.seq, u.id, 'email', hex(randomblob(32)), '2099-01-01T00:00:00.000Z'
  FROM users u, json_each('[${Array.from({ length: SESSIONS_EACH }, (_, k) => k)}]') k WHERE u.seq <= ${SESSION_USERS}`;

/** Users 0…SESSION_USERS-1 also get an e-mail target and LOGS_EACH activity-log entries. */
const LOGS_EACH = 5;
const targetsSql = `INSERT INTO targets (id, created_at, updated_at, user_seq, user_id, provider_type, identifier)
  SELECT 't' || u.id, u.updated_at, u.updated_at, u.seq, u.id, 'email', u.email FROM users u WHERE u.seq <= ${SESSION_USERS}`;
const logsSql = `INSERT INTO logs (id, event, user_id, user_seq, actor_id, resource, ip, user_agent, time)
  SELECT 'l' || k.value || u.id, 'session.create', u.id, u.seq, u.id, 'user/' || u.id, '203.0.113.1', 'bench', u.updated_at
  FROM users u, json_each('[${Array.from({ length: LOGS_EACH }, (_, k) => k)}]') k WHERE u.seq <= ${SESSION_USERS}`;

/** The session secret of seeded user `i`'s first session (256 hex characters, as Appwrite's). */
const sessionSecret = (i) => (i + 1).toString(16).padStart(8, '0').repeat(32);

/** Seeded user `i`'s session credential, as a client sends it in `X-Appwrite-Session`. */
export const sessionCredential = (i, users) =>
  Buffer.from(JSON.stringify({ id: seededId(i, users), secret: sessionSecret(i) })).toString('base64');

/** Gives the first session of each of the first SESSION_USERS users a known secret and a password factor. */
function knownSessionsSql(users) {
  const rows = Array.from({ length: SESSION_USERS }, (_, i) => {
    const hash = createHash('sha256').update(sessionSecret(i)).digest('hex');
    return `('s0${seededId(i, users)}', '${hash}')`;
  });
  return `UPDATE sessions SET secret_hash = v.column2, factors = '["password"]' FROM (VALUES ${rows.join(', ')}) AS v WHERE sessions.id = v.column1`;
}

/** A Worker target: bundle, start on a port with D1 persisted in a temp dir, migrate, seed. */
async function workerTarget(name, config, users, bindings, extra = {}) {
  const bundle = bundleWorker(config);
  const persist = mkdtempSync(join(tmpdir(), `peers-${name}-`));
  const options = { bindings, host: '127.0.0.1', port: 0, persist, ...extra };
  const { mf, url } = await startWorker(bundle, options);
  const db = await mf.getD1Database('DB');
  await applyMigrations(db);
  await seedUsers(db, users);
  await db.batch([db.prepare(sessionsSql), db.prepare(knownSessionsSql(users)), db.prepare(targetsSql), db.prepare(logsSql)]);
  // users 0…SESSION_USERS-1 are the first rows inserted, so their seq is 1…SESSION_USERS
  const target = {
    name,
    url: url.href,
    bundle,
    async stop() {
      await mf.dispose();
    },
    /** A fresh Miniflare on the same bundle and data: ms until ready, then until the first answer to `spec`. */
    async coldStart(spec) {
      const started = performance.now();
      const fresh = await startWorker(bundle, options);
      const ready = performance.now() - started;
      const first = await once(fresh.url, spec);
      await fresh.mf.dispose();
      if (first.status !== 200) throw new Error(`${name} cold start: ${first.status} ${first.text.slice(0, 200)}`);
      return { ready, total: performance.now() - started };
    },
    cleanup() {
      rmSync(bundle.dir, { recursive: true, force: true });
      rmSync(persist, { recursive: true, force: true });
    },
  };
  return target;
}

/** `extra`: more startWorker options (the profiler opens the inspector with `inspectorPort`). */
export const startOurs = (users, extra) => workerTarget('ours', join(root, 'wrangler.toml'), users, SECRETS, extra);
export const startBare = (users, extra) => workerTarget('bare', join(root, 'bench/peers/bare/wrangler.toml'), users, {}, extra);

/**
 * better-auth in a child process running the project's Node (node_modules/.bin/node, what npm
 * scripts run: better-sqlite3 13's prebuilt binary needs Node ≥ 22.13 — it crashes on 22.12).
 */
export async function startBetterAuth(users) {
  const dir = mkdtempSync(join(tmpdir(), 'peers-better-auth-'));
  const child = spawn(process.execPath, [join(root, 'bench/peers/better-auth/server.mjs'), join(dir, 'auth.db')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const line = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`better-auth server exited with ${code} before listening`)));
  });
  const { port, cookie } = JSON.parse(line);
  const url = `http://127.0.0.1:${port}/`;
  const started = performance.now();
  const BATCH = 500;
  for (let from = 0; from < users; from += BATCH) {
    const to = Math.min(users, from + BATCH);
    const seed = { from, to, n: users, sessionUsers: SESSION_USERS, sessions: SESSIONS_EACH };
    const res = await once(url, { method: 'POST', path: '/__bench/seed', body: seed });
    if (res.status !== 204) throw new Error(`better-auth seed: ${res.status} ${res.text}`);
    progress(`seeding ${users.toLocaleString('en')} users`, to, users, started);
  }
  process.stderr.write('\n');
  return {
    name: 'better-auth',
    url,
    cookie,
    origin: url.slice(0, -1),
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The id of seeded user `i` (the same in every target). */
export const seededId = (i, users) => userAt(i, users).id;
