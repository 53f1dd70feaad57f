import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, root, runScript, sdkInstance, signIn, startInstance, targetArgs, type Instance } from './import-helpers';

/**
 * One user per algorithm: the first verifying vector of each of Appwrite's seven
 * (test/fixtures/password-hashes.json) and of each peer format (test/fixtures/peer-hash-vectors.json),
 * with a password the login route accepts (8–256 bytes).
 */
function vectorUsers(prefix: string) {
  const appwrite = JSON.parse(readFileSync(`${root}/test/fixtures/password-hashes.json`, 'utf8')).vectors
    .filter((v: any) => v.expected === true && v.algo !== 'plaintext')
    .map((v: any) => ({ algorithm: v.algo, value: v.hash, options: v.hashOptions, password: v.password }));
  const peers = JSON.parse(readFileSync(`${root}/test/fixtures/peer-hash-vectors.json`, 'utf8')).vectors
    .filter((v: any) => v.valid === true)
    .map((v: any) => ({ algorithm: v.algorithm, value: v.hash, options: v.options, password: v.password }));
  const seen = new Set<string>();
  const fits = (p: string) => Buffer.byteLength(p) >= 8 && Buffer.byteLength(p) <= 256;
  const cheap = (v: any) => !/^\$2[aby]\$1[3-9]/.test(v.value);
  return [...appwrite, ...peers]
    .filter((v) => fits(v.password) && cheap(v) && !seen.has(v.algorithm) && seen.add(v.algorithm))
    .map((v, i) => ({ row: { userId: `${prefix}${i}`, email: `${prefix}${i}@vectors.example`, name: v.algorithm, hash: { algorithm: v.algorithm, value: v.value, options: v.options } }, password: v.password as string }));
}

let source: Instance;
let fresh: Instance;
const work = mkdtempSync(join(tmpdir(), 'import-migration-'));

beforeAll(async () => {
  source = await startInstance('source-key');
  fresh = await startInstance('fresh-key');
}, 180_000);
afterAll(async () => {
  await source?.dispose();
  await fresh?.dispose();
});

describe('moving users between instances, every algorithm', () => {
  it('covers every algorithm this server verifies', () => {
    const algorithms = vectorUsers('x').map((u) => u.row.hash.algorithm).sort();
    expect(algorithms).toEqual(['argon2', 'bcrypt', 'bcryptSha256', 'hmac', 'ldap', 'md5', 'md5Crypt', 'pbkdf2', 'phpass', 'scrypt', 'scryptMod', 'sha', 'shaCrypt']);
  });

  it('live migration: npm run import -- --from appwrite pages through the source with node-appwrite; everyone signs in on the target', async () => {
    const prefix = `live${Date.now().toString(36)}`;
    const users = vectorUsers(prefix);
    // More than one page of the source's GET /v1/users (100 per page).
    const filler = Array.from({ length: 150 }, (_, i) => ({ userId: `${prefix}f${i}`, email: `${prefix}f${i}@filler.example`, labels: ['filler'], prefs: { i } }));
    expect((await api(source, 'POST', '/users/import', { users: [...users.map((u) => u.row), ...filler] })).body).toMatchObject({ created: users.length + 150 });
    const target = sdkInstance();
    const run = runScript('import', [
      '--from', 'appwrite', '--source-endpoint', source.endpoint, '--source-project', source.project, '--source-key', source.key,
      ...targetArgs(target), '--checkpoint', join(work, 'live.checkpoint.json'), '--report', join(work, 'live.report.ndjson'),
    ]);
    expect(run.stdout, run.stderr).toContain(`Imported: ${users.length + 150} created, 0 unchanged, 0 failed`);
    const copied = (await api(target, 'GET', `/users/${prefix}f149`)).body;
    expect(copied).toMatchObject({ labels: ['filler'], prefs: { i: 149 }, email: `${prefix}f149@filler.example` });
    for (const { row, password } of users) {
      const user = (await api(target, 'GET', `/users/${row.userId}`)).body;
      expect(user.hash, row.userId).toBe(row.hash.algorithm);
      expect((await signIn(target, row.email, password)).status, `${row.hash.algorithm} on the target`).toBe(201);
    }
  }, 180_000);

  it('round trip: npm run export from one instance, npm run import --from ndjson into a fresh one; everyone signs in there', async () => {
    const prefix = `rt${Date.now().toString(36)}`;
    const users = vectorUsers(prefix);
    expect((await api(source, 'POST', '/users/import', { users: users.map((u) => u.row) })).body.created).toBe(users.length);
    const exported = runScript('export', [...targetArgs(source), '--queries', JSON.stringify({ method: 'startsWith', attribute: '$id', values: [prefix] })]);
    expect(exported.stderr).toContain(`${users.length} users exported.`);
    const file = join(work, 'users.ndjson');
    writeFileSync(file, exported.stdout);
    const run = runScript('import', [file, '--from', 'ndjson', ...targetArgs(fresh), '--checkpoint', join(work, 'rt.checkpoint.json'), '--report', join(work, 'rt.report.ndjson')]);
    expect(run.stdout, run.stderr).toContain(`Imported: ${users.length} created, 0 unchanged, 0 failed`);
    for (const { row, password } of users) {
      const [before, after] = [(await api(source, 'GET', `/users/${row.userId}`)).body, (await api(fresh, 'GET', `/users/${row.userId}`)).body];
      expect({ ...after, $createdAt: '', $updatedAt: '', registration: '', passwordUpdate: '', targets: [] }).toEqual({
        ...before, $createdAt: '', $updatedAt: '', registration: '', passwordUpdate: '', targets: [],
      });
      expect((await signIn(fresh, row.email, password)).status, `${row.hash.algorithm} after the round trip`).toBe(201);
      expect((await signIn(fresh, row.email, `${password}!`)).status).toBe(401);
    }
  }, 180_000);
});
