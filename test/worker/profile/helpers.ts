import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../../src/index';
import { call, createUser, PROJECT, ROOT_KEY, uid } from '../helpers/api';

export { call, createUser, uid };

export const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/;

/** A phone number no other test uses. */
export const phone = () => `+1415${Math.floor(1e6 + Math.random() * 8.9e6)}`;

export const email = (prefix = 'p') => `${uid(prefix).toLowerCase()}@example.com`;

export function expectError(res: { status: number; body: any }, status: number, type: string, message?: string) {
  if (res.status !== status || res.body?.type !== type || (message !== undefined && res.body?.message !== message)) {
    throw new Error(`expected ${status} ${type}${message ? ` "${message}"` : ''}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** A request as it reaches the Worker from the edge: with `cf.country`, an IP and a User-Agent. */
export async function callFromEdge(method: string, path: string, from: { country?: string; ip?: string; userAgent?: string }, body?: unknown) {
  const headers: Record<string, string> = { 'x-appwrite-project': PROJECT, 'x-appwrite-key': ROOT_KEY, 'content-type': 'application/json' };
  if (from.ip) headers['cf-connecting-ip'] = from.ip;
  if (from.userAgent !== undefined) headers['user-agent'] = from.userAgent;
  const request = new Request(`http://localhost${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cf: from.country ? { country: from.country } : undefined,
  } as RequestInit);
  const ctx = createExecutionContext();
  const response = await worker.fetch(request as Request<unknown, IncomingRequestCfProperties>, env, ctx);
  await waitOnExecutionContext(ctx);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** The user's targets straight from D1, in creation order. */
export async function storedTargets(userId: string) {
  const { results } = await env.DB.prepare('select id, provider_type as type, identifier from targets where user_id = ? order by seq')
    .bind(userId)
    .all<{ id: string; type: string; identifier: string }>();
  return results;
}

/** Audit entries about the user, oldest first. */
export async function storedLogs(userId: string) {
  const { results } = await env.DB.prepare('select * from logs where user_id = ? order by seq').bind(userId).all<Record<string, any>>();
  return results;
}

/** Identities come from OAuth logins, which this service does not perform: tests insert them. */
export async function insertIdentity(userId: string, fields: { provider?: string; providerUid?: string; providerEmail?: string; expiry?: string | null } = {}) {
  const id = uid('idn');
  await env.DB.prepare(
    `insert into identities (id, created_at, updated_at, user_seq, user_id, provider, provider_uid, provider_email,
       provider_access_token, provider_access_token_expiry, provider_refresh_token)
     select ?, '2024-05-01T10:00:00.000Z', '2024-05-01T11:00:00.000Z', seq, id, ?, ?, ?, 'access-token', ?, 'refresh-token' from users where id = ?`,
  )
    .bind(id, fields.provider ?? 'github', fields.providerUid ?? uid('gh'), fields.providerEmail ?? email('idn'), fields.expiry ?? null, userId)
    .run();
  return id;
}

/** Teams and memberships are read-only for now: tests insert them. */
export async function insertTeam(name: string, total = 0) {
  const id = uid('team');
  await env.DB.prepare(`insert into teams (id, created_at, updated_at, name, total) values (?, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', ?, ?)`)
    .bind(id, name, total)
    .run();
  return id;
}

export async function insertMembership(userId: string, teamId: string, confirm: boolean, roles: string[] = ['owner']) {
  const id = uid('mem');
  await env.DB.prepare(
    `insert into memberships (id, created_at, updated_at, user_seq, user_id, team_id, roles, invited, joined, confirm)
     select ?, '2024-02-01T00:00:00.000Z', '2024-02-02T00:00:00.000Z', seq, id, ?, ?, '2024-02-01T00:00:00.000Z', ?, ? from users where id = ?`,
  )
    .bind(id, teamId, JSON.stringify(roles), confirm ? '2024-02-03T00:00:00.000Z' : null, confirm ? 1 : 0, userId)
    .run();
  return id;
}
