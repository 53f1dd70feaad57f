import { createRequire } from 'node:module';
import { expect, inject, vi } from 'vitest';
import { modelProblems, sdkModels } from './sdk-models';

/** What a 0.x node-appwrite exports (CommonJS, untyped here: each generation has its own API). */
export interface LegacySdk {
  Client: new () => any;
  Users: new (client: any) => any;
  Account: new (client: any) => any;
  AppwriteException: new (...args: any[]) => Error & { code: number; response: any };
}

/**
 * A generation's SDK against the Worker: its `Users` service wrapped so every call is counted and
 * every answer is checked against the model that SDK's own `index.d.ts` declares for it.
 */
export function legacyClient(pkg: string) {
  const sdk = createRequire(import.meta.url)(pkg) as LegacySdk;
  const models = sdkModels(pkg);
  const client = new sdk.Client().setEndpoint(inject('endpoint')).setProject(inject('projectId')).setKey(inject('apiKey'));
  const users = new sdk.Users(client);
  const stats = { calls: 0, warnings: 0 };
  const called = new Set<string>();
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {
    stats.warnings++;
  });
  /** A caller of `service.<method>(...args)`; `model` is the SDK model its answer must be (null: 204). */
  const caller =
    (service: any, name: string) =>
    async <T = any>(method: string, model: string | null, ...args: unknown[]): Promise<T> => {
      stats.calls++;
      if (service === users) called.add(method);
      const result = await service[method](...args);
      if (model === null) expect(result === '' || result === undefined || result === null).toBe(true);
      else expect(modelProblems(models, model, result), `${pkg} ${name}.${method} as Models.${model}`).toEqual([]);
      return result as T;
    };
  /** The Account service of a client signed in with a JWT (the server SDK's way to act as a user). */
  const account = (jwt: string) => {
    const jwtClient = new sdk.Client().setEndpoint(inject('endpoint')).setProject(inject('projectId')).setJWT(jwt);
    return caller(new sdk.Account(jwtClient), 'account');
  };
  /** A call that must fail: returns the SDK's exception after checking its code. */
  async function fails(code: number, method: string, ...args: unknown[]) {
    stats.calls++;
    called.add(method);
    const error = await users[method](...args).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(sdk.AppwriteException);
    expect((error as { code: number }).code).toBe(code);
    return error as Error & { code: number; response: any };
  }
  const report = () => {
    warn.mockRestore();
    const methods = Object.getOwnPropertyNames(sdk.Users.prototype).filter((m) => m !== 'constructor');
    console.log(`${pkg}: ${stats.calls} SDK calls covering ${called.size}/${methods.length} Users methods, ${stats.warnings} SDK warnings`);
    return { ...stats, uncalled: methods.filter((m) => !called.has(m)) };
  };
  const usersCall = caller(users, 'users');
  /** The Account subset we serve, as this SDK calls it with a JWT of a new session of `userId`. */
  async function checkAccountWithJwt(userId: string) {
    const signedIn = await createSessionFor(userId);
    const me = account(await createJwtFor(userId, signedIn));
    expect(await me('get', 'User')).toMatchObject({ $id: userId });
    const mine = await me('getSessions', 'SessionList');
    // A JWT is not a session: none is `current` (account-minimal.md).
    expect(mine.sessions.map((s: any) => [s.$id, s.current])).toEqual([[signedIn, false]]);
    expect(await me('getSession', 'Session', signedIn)).toMatchObject({ $id: signedIn, userId });
    await me('deleteSessions', null);
    expect((await usersCall('getSessions', 'SessionList', userId)).sessions).toEqual([]);
  }
  return { users: usersCall, account, fails, report, checkAccountWithJwt };
}

/** Set-up the 0.x Users API cannot do itself (it had no session or JWT routes): the 1.x routes. */
async function post(path: string, body: unknown = {}) {
  const res = await fetch(`${inject('endpoint')}${path}`, {
    method: 'POST',
    headers: { 'x-appwrite-project': inject('projectId'), 'x-appwrite-key': inject('apiKey'), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as Record<string, string>;
}
export const createSessionFor = async (userId: string) => (await post(`/users/${userId}/sessions`)).$id;
export const createJwtFor = async (userId: string, sessionId: string) => (await post(`/users/${userId}/jwts`, { sessionId })).jwt;

let n = 0;
export const legacyId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(n++).toString(36)}`;
