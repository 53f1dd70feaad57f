import { execFileSync } from 'node:child_process';
import { AppwriteException } from 'node-appwrite';
import { describe, expect, it, inject } from 'vitest';
import { sdk, uid } from './client';

const keys = (...args: string[]) =>
  execFileSync('npm', ['run', '-s', 'keys', '--', ...args, '--persist-to', inject('persistTo')], { encoding: 'utf8' });

describe('npm run keys (scoped API keys)', () => {
  it('creates a key whose scopes are enforced, lists it and deletes it', async () => {
    const name = uid('key');
    const out = keys('create', '--name', name, '--scopes', 'users.read');
    const secret = /standard_[0-9a-f]{64}/.exec(out)?.[0];
    const id = /Created key ([0-9a-f]+)/.exec(out)?.[1];
    expect(secret).toBeDefined();

    const { users } = sdk(secret!);
    expect((await users.list()).total).toBeGreaterThanOrEqual(0);
    const denied = await users.create(uid()).catch((e: AppwriteException) => e);
    expect(denied).toBeInstanceOf(AppwriteException);
    expect((denied as AppwriteException).type).toBe('general_unauthorized_scope');
    expect((denied as AppwriteException).message).toBe('app.sdk-test@service.127.0.0.1 (role: applications) missing scope (users.write)');

    expect(keys('list')).toContain(name);
    expect(keys('delete', id!)).toContain(`Deleted key ${id}`);
    expect(keys('list')).not.toContain(name);
  });

  it('creates expired keys that answer project_key_expired', async () => {
    const out = keys('create', '--name', uid('old'), '--scopes', 'users.read', '--expire', '2020-01-01T00:00:00Z');
    const secret = /standard_[0-9a-f]{64}/.exec(out)![0];
    const error = await sdk(secret).users.list().catch((e: AppwriteException) => e);
    expect((error as AppwriteException).type).toBe('project_key_expired');
  });

  it('refuses unknown scopes', () => {
    expect(() => keys('create', '--name', 'x', '--scopes', 'users.everything')).toThrow();
  });
});
