// The Worker as it deploys (src/index.ts bundled by `wrangler deploy --dry-run`), described for
// Miniflare directly — no `wrangler dev` proxy in front. Used by tests and benchmarks that need
// the real bundle next to other Workers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Bundles the Worker into a fresh temporary folder and returns that folder. */
export function bundleWorker() {
  const dir = mkdtempSync(join(tmpdir(), 'appwrite-users-bundle-'));
  execFileSync(join(root, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', dir], { cwd: root, stdio: 'ignore' });
  return dir;
}

/**
 * Miniflare 4-shaped options for the bundled Worker (pass through `convertV4MiniflareOptions`);
 * modules are listed explicitly because Miniflare 5 cannot convert module rules.
 */
export function workerOptions(dir, bindings = {}) {
  const { modulesRules: _rules, rootPath: _root, ...options } = unstable_getMiniflareWorkerOptions(join(root, 'wrangler.toml')).workerOptions;
  const modules = readdirSync(dir)
    .filter((f) => f.endsWith('.js') || f.endsWith('.wasm'))
    .sort((a) => (a === 'index.js' ? -1 : 1))
    .map((f) => ({ type: f.endsWith('.wasm') ? 'CompiledWasm' : 'ESModule', path: join(dir, f) }));
  return { ...options, name: 'appwrite-users', modules, modulesRoot: dir, bindings: { ...options.bindings, ...bindings } };
}

/** Applies every migration in `drizzle/` to a Miniflare D1 database. */
export async function applyMigrations(db) {
  const dir = join(root, 'drizzle');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
    for (const statement of readFileSync(join(dir, file), 'utf8').split('--> statement-breakpoint')) {
      if (statement.trim()) await db.prepare(statement).run();
    }
  }
}
