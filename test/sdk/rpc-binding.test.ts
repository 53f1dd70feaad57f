import { build } from 'esbuild';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
// @ts-expect-error: a plain ES module shared with the benchmarks
import { applyMigrations, bundleWorker, root, workerOptions } from '../../scripts/lib/miniflare-worker.mjs';

let mf: Miniflare;

/** Calls `env.USERS[method](params)` inside the second Worker; answers `{ value }` or `{ error }`. */
async function rpc(method: string, params: unknown): Promise<{ value?: any; error?: any }> {
  const res = await mf.dispatchFetch('http://caller/', { method: 'POST', body: JSON.stringify({ method, params }) });
  return (await res.json()) as { value?: any; error?: any };
}

beforeAll(async () => {
  const caller = await build({ entryPoints: [`${root}/test/sdk/rpc-caller/worker.ts`], bundle: true, format: 'esm', write: false });
  mf = new Miniflare(
    convertV4MiniflareOptions({
      workers: [
        { name: 'caller', modules: true, script: caller.outputFiles[0].text, compatibilityDate: '2025-09-01', serviceBindings: { USERS: { name: 'appwrite-users', entrypoint: 'UsersRpc' } } },
        { ...workerOptions(bundleWorker(), { API_KEY: 'rpc-test-key', JWT_SECRET: 'rpc-test-jwt', ENCRYPTION_KEY: '11'.repeat(32) }), name: 'appwrite-users' },
      ],
    } as never),
  );
  await mf.ready;
  await applyMigrations(await mf.getD1Database('DB', 'appwrite-users'));
}, 120_000);

afterAll(async () => {
  await mf?.dispose();
});

describe('UsersRpc through a service binding from a second Worker', () => {
  it('exposes a method for every server-side operation (everything but the end-user account routes)', async () => {
    const doc: any = await (await fetch(`${inject('endpoint')}/openapi.json`)).json();
    const ops = Object.values(doc.paths as Record<string, Record<string, any>>).flatMap((methods) => Object.values(methods));
    const serverSide = ops.filter((op) => op.tags[0] === 'users');
    expect(serverSide.filter((op) => !op['x-appwrite'].rpc).map((op) => op.operationId)).toEqual([]);
    // Each method answers (an unknown user, but it ran: validation passed and the service looked).
    const methods = [...new Set(serverSide.map((op) => op['x-appwrite'].rpc as string))];
    for (const method of methods) {
      const { error } = await rpc(method, { userId: 'nobody-here' });
      if (error) expect(error.type, method).toMatch(/^(user_|general_argument_invalid)/);
    }
    console.log(`UsersRpc: ${methods.length} methods, each reached through the binding`);
  });

  it('runs a whole user lifecycle with the same models as HTTP', async () => {
    const userId = `rpc${Date.now()}`;
    const { value: user } = await rpc('createUser', { userId, email: 'Ada@Example.com', password: 'correct horse', name: 'Ada' });
    expect(user).toMatchObject({ $id: userId, email: 'ada@example.com', name: 'Ada', hash: 'argon2' });
    expect((await rpc('getUser', { userId })).value.$id).toBe(userId);
    expect((await rpc('updateEmail', { userId, email: 'lovelace@example.com' })).value.email).toBe('lovelace@example.com');
    expect((await rpc('updateName', { userId, name: 'Ada L.' })).value.name).toBe('Ada L.');
    expect((await rpc('updatePhone', { userId, number: '+14155550100' })).value.phone).toBe('+14155550100');
    expect((await rpc('updateLabels', { userId, labels: ['vip'] })).value.labels).toEqual(['vip']);
    expect((await rpc('updatePrefs', { userId, prefs: { theme: 'dark' } })).value).toEqual({ theme: 'dark' });
    expect((await rpc('getPrefs', { userId })).value).toEqual({ theme: 'dark' });
    expect((await rpc('updateStatus', { userId, status: false })).value.status).toBe(false);
    expect((await rpc('updateStatus', { userId, status: true })).value.status).toBe(true);
    expect((await rpc('listUsers', { search: 'lovelace' })).value).toMatchObject({ total: 1, users: [{ $id: userId }] });
    const targets = (await rpc('listTargets', { userId })).value;
    expect(targets.targets.map((t: { providerType: string }) => t.providerType).sort()).toEqual(['email', 'sms']);
    const session = (await rpc('createSession', { userId })).value;
    expect(session.secret).not.toBe('');
    expect((await rpc('listSessions', { userId })).value.total).toBe(1);
    expect((await rpc('createToken', { userId, length: 8 })).value.secret).toMatch(/^[0-9a-f]{8}$/);
    expect((await rpc('createJWT', { userId, sessionId: session.$id })).value.jwt.split('.')).toHaveLength(3);
    const { recoveryCodes } = (await rpc('createMfaRecoveryCodes', { userId })).value;
    expect(recoveryCodes).toHaveLength(6);
    expect((await rpc('getMfaRecoveryCodes', { userId })).value.recoveryCodes).toEqual(recoveryCodes);
    expect((await rpc('listMfaFactors', { userId })).value).toEqual({ totp: false, phone: false, email: false, recoveryCode: false });
    expect((await rpc('deleteSession', { userId, sessionId: session.$id })).value).toBeNull();
    expect((await rpc('listLogs', { userId })).value.total).toBeGreaterThan(0);
    expect((await rpc('deleteUser', { userId })).value).toBeNull();
  });

  it('imports hashes (bcrypt, a real $2y$ hash)', async () => {
    const userId = `rpcb${Date.now()}`;
    const password = '$2y$10$iPaG3fgt5zdqD9PVQQqhyuInyMeX.MjsA5ihh2rCMQHsgi7yUQEc2';
    const { value } = await rpc('createBcryptUser', { userId, email: `${userId}@example.com`, password });
    expect(value).toMatchObject({ hash: 'bcrypt', password });
  });

  it("errors keep Appwrite's message, code, type and version across the binding", async () => {
    expect((await rpc('getUser', { userId: 'nobody-here' })).error).toEqual({
      message: 'User with the requested ID could not be found.',
      code: 404,
      type: 'user_not_found',
      version: '1.9.5',
    });
    expect((await rpc('createUser', { userId: 'bad id!', email: 'x@example.com' })).error).toMatchObject({
      code: 400,
      type: 'general_argument_invalid',
      message: expect.stringContaining('Invalid `userId` param'),
    });
    expect((await rpc('createUser', { userId: 'okid1', email: 'not-an-email' })).error).toMatchObject({ code: 400, type: 'general_argument_invalid' });
    expect((await rpc('createToken', { userId: 'okid1', length: 2 })).error.message).toBe('Invalid `length` param: Value must be a valid range between 4 and 128');
    await rpc('createUser', { userId: 'dupe1', email: 'dupe@example.com' });
    expect((await rpc('createUser', { userId: 'dupe2', email: 'dupe@example.com' })).error).toMatchObject({ code: 409, type: 'user_already_exists' });
    expect((await rpc('createUser', {})).error).toMatchObject({ code: 400, message: 'Param "userId" is not optional.' });
  });
});
