import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { uid } from '../client';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/**
 * The Appwrite CLI as a user runs it: `appwrite client --endpoint … --project-id … --key …` first
 * (it checks the endpoint with GET /v1/health/version and writes ~/.appwrite/prefs.json and a
 * project file in the working directory), then the `users` commands. Each major runs with its own
 * temporary HOME and working directory (one test file per major, so they run in parallel).
 */
export const cliScenario = (pkg: string, version: string) =>
  describe(`${pkg} (appwrite-cli ${version}): users commands`, () => {
    const home = mkdtempSync(join(tmpdir(), `${pkg}-home-`));
    const cwd = mkdtempSync(join(tmpdir(), `${pkg}-work-`));
    afterAll(() => {
      rmSync(home, { recursive: true, force: true });
      rmSync(cwd, { recursive: true, force: true });
    });
    const bin = join(dirname(require.resolve(`${pkg}/package.json`)), 'index.js');
    const appwrite = async (...args: string[]) => {
      try {
        const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd, env: { ...process.env, HOME: home, NO_COLOR: '1' } });
        return { code: 0, stdout, stderr };
      } catch (e) {
        const error = e as { code: number; stdout: string; stderr: string };
        return { code: error.code, stdout: error.stdout, stderr: error.stderr };
      }
    };
    const json = async (...args: string[]) => {
      const result = await appwrite(...args, '--json');
      expect(result, `appwrite ${args.join(' ')}`).toMatchObject({ code: 0 });
      return JSON.parse(result.stdout);
    };

    it('`appwrite client` accepts the Worker and stores endpoint, key and project', async () => {
      const result = await appwrite('client', '--endpoint', inject('endpoint'), '--project-id', inject('projectId'), '--key', inject('apiKey'));
      expect(result.code).toBe(0);
      expect(result.stdout + result.stderr).toContain('Setting client');
      const prefs = JSON.parse(readFileSync(join(home, '.appwrite', 'prefs.json'), 'utf8'));
      expect(prefs[prefs.current]).toMatchObject({ endpoint: inject('endpoint'), key: inject('apiKey') });
      expect(readFileSync(join(cwd, version.startsWith('12') ? 'appwrite.config.json' : 'appwrite.json'), 'utf8')).toContain(inject('projectId'));
    });

    it('refuses an endpoint that is not an Appwrite server, as it should', async () => {
      const result = await appwrite('client', '--endpoint', `${inject('endpoint').replace(/\/v1$/, '')}/nothing/v1`);
      expect(result.code).not.toBe(0);
      expect(result.stdout + result.stderr).toContain('Invalid endpoint or your Appwrite server is not running as expected');
    });

    it('create, list, get, update-name, update-email, update-status, list-sessions, delete', async () => {
      const id = uid('cli');
      const created = await json('users', 'create', '--user-id', id, '--email', `${id}@example.com`, '--password', 'password-123', '--name', 'Cli User');
      expect(created).toMatchObject({ $id: id, email: `${id}@example.com`, name: 'Cli User', status: true });

      const list = await json('users', 'list', '--search', id);
      expect(list.total).toBe(1);
      expect(list.users[0].$id).toBe(id);
      // Without --json the CLI prints a table; the command must still succeed.
      const table = await appwrite('users', 'list', '--search', id);
      expect(table.code).toBe(0);
      expect(table.stdout).toContain(id);

      expect(await json('users', 'get', '--user-id', id)).toMatchObject({ $id: id });
      expect(await json('users', 'update-name', '--user-id', id, '--name', 'Renamed')).toMatchObject({ name: 'Renamed' });
      expect(await json('users', 'update-email', '--user-id', id, '--email', `${id}.new@example.com`)).toMatchObject({ email: `${id}.new@example.com` });
      expect(await json('users', 'update-status', '--user-id', id, '--status', 'false')).toMatchObject({ status: false });
      expect(await json('users', 'update-status', '--user-id', id, '--status', 'true')).toMatchObject({ status: true });

      const session = await fetch(`${inject('endpoint')}/users/${id}/sessions`, {
        method: 'POST',
        headers: { 'x-appwrite-project': inject('projectId'), 'x-appwrite-key': inject('apiKey') },
      });
      expect(session.status).toBe(201);
      const sessions = await json('users', 'list-sessions', '--user-id', id);
      expect(sessions.total).toBe(1);
      expect(sessions.sessions[0].$id).toBe(((await session.json()) as { $id: string }).$id);

      const deleted = await appwrite('users', 'delete', '--user-id', id);
      expect(deleted.code).toBe(0);
      const missing = await appwrite('users', 'get', '--user-id', id);
      expect(missing.code).not.toBe(0);
      expect(missing.stdout + missing.stderr).toContain('User with the requested ID could not be found.');
      expect(missing.stdout + missing.stderr).not.toMatch(/warning/i);
    });
  });
