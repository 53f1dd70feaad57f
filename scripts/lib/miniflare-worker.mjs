// Runs a Worker as it deploys: bundled by `wrangler deploy --dry-run` and run by Miniflare directly —
// no `wrangler dev` proxy in front (it adds 3–7 ms per request and changes with the wrangler
// version). Used by the benchmarks and by tests that put other Workers next to it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** Bundles the Worker of `config` (a wrangler.toml) into a fresh temporary directory. */
export function bundleWorker(config = join(root, 'wrangler.toml')) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
  execFileSync(join(root, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', dir, '--config', config], {
    cwd: root,
    stdio: 'ignore',
  });
  const files = readdirSync(dir).filter((f) => f.endsWith('.js') || f.endsWith('.wasm'));
  return { dir, config, files };
}

/** What a deploy uploads: the bundle's modules, raw and gzip-compressed (Cloudflare's size limits are on the gzip size). */
export function bundleSize(bundle) {
  let bytes = 0;
  let gzip = 0;
  for (const f of bundle.files) {
    const content = readFileSync(join(bundle.dir, f));
    bytes += statSync(join(bundle.dir, f)).size;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { bytes, gzip, files: bundle.files.length };
}

/**
 * Starts the bundle in Miniflare. `bindings` are added to the config's vars; `host`/`port` serve it
 * over HTTP (port 0 = any free port); `persist` keeps D1 and Durable Objects in that directory;
 * `inspectorPort` opens workerd's DevTools inspector (CPU profiles) on 127.0.0.1.
 */
export async function startWorker(bundle, { bindings = {}, host, port, persist, inspectorPort } = {}) {
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      ...(host === undefined ? {} : { host, port: port ?? 0 }),
      ...(persist === undefined ? {} : { resourcePersistencePath: persist }),
      ...(inspectorPort === undefined ? {} : { inspectorPort }),
      workers: [workerOptions(bundle, bindings)],
    }),
  );
  const url = await mf.ready;
  return { mf, url };
}

/**
 * The bundle as one Worker of a Miniflare 4-shaped `workers` list (wrangler still describes Workers in
 * that shape; modules are listed explicitly because Miniflare 5 cannot convert module rules).
 */
export function workerOptions(bundle, bindings = {}) {
  const { modulesRules, rootPath, ...options } = unstable_getMiniflareWorkerOptions(bundle.config).workerOptions;
  const modules = [...bundle.files]
    .sort((a) => (a === 'index.js' ? -1 : 1))
    .map((f) => ({ type: f.endsWith('.wasm') ? 'CompiledWasm' : 'ESModule', path: join(bundle.dir, f) }));
  return { ...options, modules, modulesRoot: bundle.dir, bindings: { ...options.bindings, ...bindings } };
}

/** Applies every migration in drizzle/ (as `wrangler d1 migrations apply` would) through Miniflare's D1 API. */
export async function applyMigrations(db) {
  const dir = join(root, 'drizzle');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
    for (const statement of readFileSync(join(dir, file), 'utf8').split('--> statement-breakpoint')) {
      if (statement.trim()) await db.prepare(statement).run();
    }
  }
}
