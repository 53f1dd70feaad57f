import { call, createUser, uid, type CallOptions } from '../helpers/api';

export const PASSWORD = 'correct-horse-42';

/** A user with an email and password (argon2 via `POST /users`). */
export async function userWithPassword(extra: Record<string, unknown> = {}) {
  const id = uid();
  return createUser({ userId: id, email: `${id}@example.com`, password: PASSWORD, ...extra });
}

/** `POST /users/{id}/sessions` → the encoded session secret. */
export async function serverSession(userId: string): Promise<{ id: string; secret: string }> {
  const res = await call('POST', `/v1/users/${userId}/sessions`);
  if (res.status !== 201) throw new Error(`createSession failed: ${res.status} ${res.text}`);
  return { id: res.body.$id, secret: res.body.secret };
}

/** Request options for a client signed in with a session secret (no API key). */
export const asSession = (secret: string, options: CallOptions = {}): CallOptions => ({
  ...options,
  key: null,
  headers: { 'x-appwrite-session': secret, ...options.headers },
});

export const asJwt = (jwt: string, options: CallOptions = {}): CallOptions => ({
  ...options,
  key: null,
  headers: { 'x-appwrite-jwt': jwt, ...options.headers },
});

/** A fresh client IP per call keeps tests clear of the per-IP failed-login throttle. */
let ip = 0;
export const freshIp = () => `198.51.${Math.floor(++ip / 250) % 250}.${(ip % 250) + 1}`;

export function login(email: string, password: string, options: CallOptions = {}) {
  return call('POST', '/v1/account/sessions/email', {
    key: null,
    ...options,
    body: { email, password },
    headers: { 'cf-connecting-ip': freshIp(), ...options.headers },
  });
}

export const listSessions = async (userId: string) => (await call('GET', `/v1/users/${userId}/sessions`)).body.sessions as any[];

/** The current TOTP code, waiting out the last 2 s of a 30 s step so the server sees the same step. */
export async function currentTotp(secret: string): Promise<string> {
  const { totpCode } = await import('../../../src/crypto/totp');
  const intoStep = (Date.now() / 1000) % 30;
  if (intoStep > 28) await new Promise((r) => setTimeout(r, (30 - intoStep) * 1000 + 50));
  return totpCode(secret, Date.now() / 1000);
}
