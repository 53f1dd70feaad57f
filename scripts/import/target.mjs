// Where `npm run import` / `npm run export` send their requests: --endpoint/--project/--key, or
// --local for `npm run dev` on this machine (project from wrangler.toml, root key from .dev.vars).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export function targetOf(options) {
  if (options.local) {
    const vars = existsSync(`${root}.dev.vars`) ? readFileSync(`${root}.dev.vars`, 'utf8') : '';
    const toml = readFileSync(`${root}wrangler.toml`, 'utf8');
    return {
      endpoint: options.endpoint ?? 'http://localhost:8787/v1',
      project: options.project ?? /PROJECT_ID\s*=\s*"([^"]*)"/.exec(toml)?.[1] ?? 'default',
      key: options.key ?? /^API_KEY=(.*)$/m.exec(vars)?.[1],
    };
  }
  const { endpoint, project, key } = options;
  if (!endpoint || !project || !key) throw new Error('Give --endpoint URL --project P --key K, or --local.');
  return { endpoint: endpoint.replace(/\/$/, ''), project, key };
}

export const headers = (target) => ({ 'x-appwrite-project': target.project, 'x-appwrite-key': target.key, 'content-type': 'application/json' });

/** `--name value` and `--flag` arguments; the rest are positional. Repeated options collect into arrays when `many` names them. */
export function parseArgs(argv, many = []) {
  const options = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      options._.push(arg);
      continue;
    }
    const name = arg.slice(2).replace(/-(\w)/g, (_, c) => c.toUpperCase());
    const value = argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[++i] : true;
    if (many.includes(name)) (options[name] ??= []).push(value);
    else options[name] = value;
  }
  return options;
}
