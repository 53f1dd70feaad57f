import { spawnSync } from 'node:child_process';
import { inject } from 'vitest';
// @ts-expect-error: a plain ES module shared with the benchmarks
import { applyMigrations, bundleWorker, root, startWorker } from '../../scripts/lib/miniflare-worker.mjs';

export { root };

export interface Instance {
  endpoint: string;
  project: string;
  key: string;
  dispose(): Promise<void>;
}

/** The Worker the sdk project's global setup started (`npm run dev`). */
export const sdkInstance = (): Omit<Instance, 'dispose'> => ({ endpoint: inject('endpoint'), project: inject('projectId'), key: inject('apiKey') });

let bundle: { dir: string } | undefined;

/** Another instance of the Worker on a fresh local D1, served over HTTP by Miniflare. */
export async function startInstance(key: string): Promise<Instance> {
  bundle ??= bundleWorker();
  const { mf, url } = await startWorker(bundle, { host: '127.0.0.1', bindings: { API_KEY: key, JWT_SECRET: 'import-test-jwt', ENCRYPTION_KEY: '22'.repeat(32) } });
  await applyMigrations(await mf.getD1Database('DB'));
  return { endpoint: `${new URL(url).origin}/v1`, project: 'default', key, dispose: () => mf.dispose() };
}

export const targetArgs = (t: Omit<Instance, 'dispose'>) => ['--endpoint', t.endpoint, '--project', t.project, '--key', t.key];

/** Runs `npm run import`/`export`'s script with node; answers exit code, stdout and stderr. */
export function runScript(script: 'import' | 'export', args: string[]) {
  const result = spawnSync(process.execPath, [`${root}/scripts/${script}.mjs`, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export async function api(t: Omit<Instance, 'dispose'>, method: string, path: string, body?: unknown) {
  const res = await fetch(`${t.endpoint}${path}`, {
    method,
    headers: { 'x-appwrite-project': t.project, 'x-appwrite-key': t.key, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** Signs in with e-mail and password as an end user would (no key). */
export async function signIn(t: Omit<Instance, 'dispose'>, email: string, password: string) {
  const res = await fetch(`${t.endpoint}/account/sessions/email`, {
    method: 'POST',
    headers: { 'x-appwrite-project': t.project, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, body: (await res.json()) as any };
}
