#!/usr/bin/env node
// `npm run dev [-- wrangler dev args]`: creates .dev.vars with random secrets on first run, applies
// the D1 migrations to the local database, prints how to call the API, then runs `wrangler dev`.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const devVars = `${root}.dev.vars`;

if (!existsSync(devVars)) {
  const secret = (bytes) => randomBytes(bytes).toString('hex');
  writeFileSync(
    devVars,
    `API_KEY=standard_${secret(32)}\nJWT_SECRET=${secret(32)}\nENCRYPTION_KEY=${secret(32)}\n`,
    { mode: 0o600 },
  );
  console.log('Created .dev.vars with a random root API key and secrets.');
}

const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const overrides = Object.fromEntries(
  args.flatMap((arg, i) => (args[i - 1] === '--var' ? [arg.split(/:(.*)/s).slice(0, 2)] : [])),
);
const fileVars = Object.fromEntries(
  readFileSync(devVars, 'utf8')
    .split('\n')
    .filter((line) => /^\w+=/.test(line))
    .map((line) => line.split(/=(.*)/s).slice(0, 2)),
);
const wranglerToml = readFileSync(`${root}wrangler.toml`, 'utf8');
const projectId = overrides.PROJECT_ID ?? /PROJECT_ID\s*=\s*"([^"]*)"/.exec(wranglerToml)?.[1] ?? 'default';
const apiKey = overrides.API_KEY ?? fileVars.API_KEY;

const persist = option('--persist-to') ? ['--persist-to', option('--persist-to')] : [];
const migrate = spawnSync('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', ...persist], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CI: 'true' },
});
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const host = option('--ip') ?? 'localhost';
const port = option('--port') ?? '8787';
console.log(`
Appwrite Users API: http://${host}:${port}/v1
  X-Appwrite-Project: ${projectId}
  X-Appwrite-Key:     ${apiKey}   (root key, every scope; from .dev.vars or --var API_KEY:…)
`);

const child = spawn('wrangler', ['dev', ...args], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
