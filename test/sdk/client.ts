import { AppwriteException, Client, Users } from 'node-appwrite';
import { expect, inject } from 'vitest';

/** An SDK client for the Worker started by the global setup. */
export function sdk(key: string | null = inject('apiKey'), project = inject('projectId')) {
  const client = new Client().setEndpoint(inject('endpoint')).setProject(project);
  if (key !== null) client.setKey(key);
  return { client, users: new Users(client) };
}

let n = 0;
export const uid = (prefix = 'sdk') => `${prefix}${Date.now().toString(36)}${(n++).toString(36)}`;

/** Awaits a call that must fail and returns its AppwriteException after checking code and type. */
export async function expectAppwriteError(promise: Promise<unknown>, code: number, type: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppwriteException);
  expect((error as AppwriteException).code).toBe(code);
  expect((error as AppwriteException).type).toBe(type);
  return error as AppwriteException;
}
