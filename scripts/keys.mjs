#!/usr/bin/env node
// Scoped API keys, stored hashed in D1's `keys` table (the root key is the API_KEY secret).
//   npm run keys -- create --name N --scopes users.read,users.write [--expire ISO] [--remote]
//   npm run keys -- list [--remote]
//   npm run keys -- delete <keyId> [--remote]
// --persist-to DIR targets a local database kept elsewhere than .wrangler/state.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';

const SCOPES = ['users.read', 'users.write', 'targets.read', 'targets.write', 'sessions.write'];
const [command, ...rest] = process.argv.slice(2);

const flag = (name) => rest.includes(name);
const option = (name) => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : undefined;
};
const fail = (message) => {
  console.error(message);
  process.exit(1);
};
const quote = (value) => (value === null ? 'NULL' : `'${String(value).replaceAll("'", "''")}'`);

function d1(sql) {
  const target = flag('--remote') ? ['--remote'] : ['--local', ...(option('--persist-to') ? ['--persist-to', option('--persist-to')] : [])];
  const result = spawnSync('wrangler', ['d1', 'execute', 'DB', ...target, '--json', '--command', sql], {
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  if (result.status !== 0) fail(result.stderr || result.stdout);
  return JSON.parse(result.stdout)[0]?.results ?? [];
}

if (command === 'create') {
  const name = option('--name');
  const scopes = (option('--scopes') ?? '').split(',').filter(Boolean);
  const expire = option('--expire') ?? null;
  if (!name) fail('--name is required');
  const unknown = scopes.filter((s) => !SCOPES.includes(s));
  if (unknown.length) fail(`Unknown scopes: ${unknown.join(', ')}. Known: ${SCOPES.join(', ')}`);
  if (expire !== null && Number.isNaN(Date.parse(expire))) fail('--expire must be an ISO-8601 date');
  const id = randomBytes(10).toString('hex');
  const secret = `standard_${randomBytes(32).toString('hex')}`;
  const hash = createHash('sha256').update(secret).digest('hex');
  const expireIso = expire === null ? null : new Date(expire).toISOString();
  d1(
    `INSERT INTO keys (id, name, secret_hash, scopes, expire, created_at) VALUES (${quote(id)}, ${quote(name)}, ${quote(hash)}, ${quote(JSON.stringify(scopes))}, ${quote(expireIso)}, ${quote(new Date().toISOString())})`,
  );
  console.log(`Created key ${id} (${name}) with scopes: ${scopes.join(', ') || '(none)'}${expireIso ? `, expires ${expireIso}` : ''}`);
  console.log(`Secret (shown once, send it as X-Appwrite-Key):\n${secret}`);
} else if (command === 'list') {
  const rows = d1('SELECT id, name, scopes, expire, created_at AS createdAt FROM keys ORDER BY seq');
  if (!rows.length) console.log('No keys.');
  for (const row of rows) {
    console.log(`${row.id}  ${row.name}  [${JSON.parse(row.scopes).join(', ')}]  expire: ${row.expire ?? 'never'}  created: ${row.createdAt}`);
  }
} else if (command === 'delete') {
  const id = rest.find((arg, i) => !arg.startsWith('--') && !rest[i - 1]?.startsWith('--persist'));
  if (!id) fail('Usage: npm run keys -- delete <keyId>');
  const deleted = d1(`DELETE FROM keys WHERE id = ${quote(id)} RETURNING id`);
  console.log(deleted.length ? `Deleted key ${id}.` : `No key ${id}.`);
} else {
  fail('Usage: npm run keys -- create --name N --scopes a,b [--expire ISO] [--remote] | list | delete <keyId>');
}
