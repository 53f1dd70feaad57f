import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { api, root, runScript, sdkInstance, signIn, targetArgs } from './import-helpers';

const fixtures = `${root}/test/fixtures/import`;
const work = mkdtempSync(join(tmpdir(), 'import-readers-'));
const files = (name: string) => ['--checkpoint', join(work, `${name}.checkpoint.json`), '--report', join(work, `${name}.report.ndjson`)];

/** Sample export → dry run → import → every user with a password signs in with it; blocked ones are blocked. */
const cases = [
  { from: 'firebase', file: 'firebase-users.json', extra: ['--hash-config', `${fixtures}/firebase-hash-config.txt`], passwords: 'firebase-passwords.json', rows: 7, blocked: 1 },
  { from: 'auth0', file: 'auth0-users.ndjson', extra: [], passwords: 'auth0-passwords.json', rows: 6, blocked: 1 },
  { from: 'supabase', file: 'supabase-users.csv', extra: [], passwords: 'supabase-passwords.json', rows: 6, blocked: 1 },
  { from: 'kratos', file: 'kratos-identities.json', extra: [], passwords: 'kratos-passwords.json', rows: 6, blocked: 1 },
];

describe('npm run import -- <file> --from <reader>', () => {
  for (const c of cases) {
    it(`${c.from}: dry run, import, re-run is unchanged, every user signs in with their password`, async () => {
      const t = sdkInstance();
      const args = [`${fixtures}/${c.file}`, '--from', c.from, ...c.extra, ...targetArgs(t), ...files(c.from)];
      const dry = runScript('import', [...args, '--dry-run']);
      expect(dry.stdout).toContain(`Dry run (nothing written): ${c.rows} created, 0 unchanged, 0 failed`);
      const real = runScript('import', args);
      expect(real.stderr).toMatch(/rows\/s/);
      expect(real.stdout).toContain(`Imported: ${c.rows} created, 0 unchanged, 0 failed`);
      expect(real.code).toBe(0);
      // Before anyone signs in: a successful login re-hashes to argon2id, after which the row differs.
      expect(runScript('import', args).stdout).toContain(`Imported: 0 created, ${c.rows} unchanged, 0 failed`);

      const passwords: Record<string, string> = JSON.parse(readFileSync(`${fixtures}/${c.passwords}`, 'utf8'));
      let blocked = 0;
      for (const [userId, password] of Object.entries(passwords)) {
        const user = (await api(t, 'GET', `/users/${userId}`)).body;
        expect(user.$id).toBe(userId);
        const session = await signIn(t, user.email, password);
        if (!user.status) {
          blocked++;
          expect(session.body.type).toBe('user_blocked');
          continue;
        }
        expect(session.status, `${c.from} ${userId} (${user.hash})`).toBe(201);
        expect((await signIn(t, user.email, `${password}x`)).status).toBe(401);
      }
      expect(blocked).toBe(c.blocked);
    }, 120_000);
  }

  it('maps each source field (names, verification, phone, prefs, status)', async () => {
    const t = sdkInstance();
    const firebase = JSON.parse(readFileSync(`${fixtures}/firebase-users.json`, 'utf8')).users;
    const grace = (await api(t, 'GET', `/users/${firebase[1].localId}`)).body;
    expect(grace).toMatchObject({ name: 'Grace Hopper', emailVerification: false, status: true });
    expect((await api(t, 'GET', `/users/${firebase[2].localId}`)).body).toMatchObject({ phone: '+15555550102', emailVerification: true });
    expect((await api(t, 'GET', `/users/${firebase[4].localId}`)).body.prefs).toEqual({ role: 'admin' });
    expect((await api(t, 'GET', `/users/${firebase[6].localId}`)).body).toMatchObject({ password: null, name: 'Google Only' });
    expect((await api(t, 'GET', `/users/${firebase[3].localId}`)).body).toMatchObject({ status: false, hash: 'scryptMod', hashOptions: { saltSeparator: 'Bw==' } });
    const kratos = JSON.parse(readFileSync(`${fixtures}/kratos-identities.json`, 'utf8'));
    expect((await api(t, 'GET', `/users/${kratos[0].id}`)).body).toMatchObject({ name: 'Ada Lovelace', prefs: { tier: 'gold' }, emailVerification: true });
    const supabase = readFileSync(`${fixtures}/supabase-users.csv`, 'utf8').split('\n')[2].split(',')[1];
    expect((await api(t, 'GET', `/users/${supabase}`)).body).toMatchObject({ phone: '+15555550111', phoneVerification: true, name: 'Grace Hopper' });
  });

  it('writes every failed row to the report, resumes from a checkpoint, and fails without a hash config', async () => {
    const t = sdkInstance();
    const id = `rep${Date.now()}`;
    const lines = Array.from({ length: 5 }, (_, i) => ({ userId: `${id}x${i}`, email: i === 2 ? 'not-an-email' : `${id}x${i}@ndjson.example`, hash: { algorithm: 'md5', value: '144fa7eaa4904e8ee120651997f70dcc' } }));
    const file = join(work, 'rows.ndjson');
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    const [checkpoint, report] = [join(work, 'rows.checkpoint.json'), join(work, 'rows.report.ndjson')];
    writeFileSync(checkpoint, JSON.stringify({ done: 1, cursor: null }));
    const run = runScript('import', [file, '--from', 'ndjson', ...targetArgs(t), '--checkpoint', checkpoint, '--report', report, '--batch', '2']);
    expect(run.stderr).toContain('Resuming after 1 rows');
    expect(run.stdout).toContain('3 created, 0 unchanged, 1 failed');
    expect(run.code).toBe(1);
    const failed = readFileSync(report, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(failed).toEqual([{ row: 2, userId: `${id}x2`, error: { type: 'general_argument_invalid', message: 'Invalid `email` param: Value must be a valid email address' }, input: lines[2] }]);
    expect((await api(t, 'GET', `/users/${id}x0`)).status).toBe(404);
    const noConfig = runScript('import', [`${fixtures}/firebase-users.json`, '--from', 'firebase', ...targetArgs(t), ...files('nocfg')]);
    expect(noConfig.code).not.toBe(0);
    expect(noConfig.stderr).toContain('--hash-config is required');
  });
});
