import { env } from 'cloudflare:test';
import { call, createUser, uid } from '../helpers/api';

export { call, createUser, uid };

export const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/;

/** A phone number no other test uses. */
export const phone = () => `+1415${Math.floor(1e6 + Math.random() * 8.9e6)}`;

export const email = (prefix = 'p') => `${uid(prefix).toLowerCase()}@example.com`;

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

export function expectError(res: { status: number; body: any }, status: number, type: string, message?: string) {
  if (res.status !== status || res.body?.type !== type || (message !== undefined && res.body?.message !== message)) {
    throw new Error(`expected ${status} ${type}${message ? ` "${message}"` : ''}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
}
