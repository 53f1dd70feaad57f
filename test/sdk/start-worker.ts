import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    endpoint: string;
    projectId: string;
    apiKey: string;
    /** The local D1 state directory of the started Worker (for the keys CLI). */
    persistTo: string;
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/**
 * Starts the Worker exactly as the README tells users (and as conformance runs do):
 * `npm run dev -- --port P --ip 127.0.0.1 --var PROJECT_ID:X --var API_KEY:Y`, on a fresh local D1.
 */
export default async function startWorker(project: TestProject) {
  const port = await freePort();
  const projectId = 'sdk-test';
  const apiKey = `standard_${randomBytes(24).toString('hex')}`;
  const state = mkdtempSync(join(tmpdir(), 'appwrite-users-sdk-'));
  const child: ChildProcess = spawn(
    'npm',
    ['run', 'dev', '--', '--port', String(port), '--ip', '127.0.0.1', '--var', `PROJECT_ID:${projectId}`, '--var', `API_KEY:${apiKey}`, '--persist-to', state],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const endpoint = `http://127.0.0.1:${port}/v1`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm run dev exited early:\n${output}`);
    try {
      const res = await fetch(`${endpoint}/users`, { headers: { 'x-appwrite-project': projectId, 'x-appwrite-key': apiKey } });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Worker did not start within 90 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide('endpoint', endpoint);
  project.provide('projectId', projectId);
  project.provide('apiKey', apiKey);
  project.provide('persistTo', state);
  return () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(state, { recursive: true, force: true });
  };
}
