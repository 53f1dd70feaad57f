import { env } from 'cloudflare:test';
import { call, createUser, uid, type CallOptions } from '../helpers/api';

/** A query in the SDK ≥ 1.5 wire format (what `Query.*` of node-appwrite 14 emits). */
export const Q = {
  raw: (method: string, attribute?: string, values?: unknown[]) => JSON.stringify({ method, attribute, values }),
  equal: (attribute: string, values: unknown[]) => Q.raw('equal', attribute, values),
  notEqual: (attribute: string, value: unknown) => Q.raw('notEqual', attribute, [value]),
  lessThan: (attribute: string, value: unknown) => Q.raw('lessThan', attribute, [value]),
  lessThanEqual: (attribute: string, value: unknown) => Q.raw('lessThanEqual', attribute, [value]),
  greaterThan: (attribute: string, value: unknown) => Q.raw('greaterThan', attribute, [value]),
  greaterThanEqual: (attribute: string, value: unknown) => Q.raw('greaterThanEqual', attribute, [value]),
  between: (attribute: string, start: unknown, end: unknown) => Q.raw('between', attribute, [start, end]),
  startsWith: (attribute: string, value: string) => Q.raw('startsWith', attribute, [value]),
  endsWith: (attribute: string, value: string) => Q.raw('endsWith', attribute, [value]),
  contains: (attribute: string, values: unknown[]) => Q.raw('contains', attribute, values),
  isNull: (attribute: string) => JSON.stringify({ method: 'isNull', attribute }),
  isNotNull: (attribute: string) => JSON.stringify({ method: 'isNotNull', attribute }),
  orderAsc: (attribute = '') => JSON.stringify({ method: 'orderAsc', attribute }),
  orderDesc: (attribute = '') => JSON.stringify({ method: 'orderDesc', attribute }),
  limit: (n: unknown) => JSON.stringify({ method: 'limit', values: [n] }),
  offset: (n: unknown) => JSON.stringify({ method: 'offset', values: [n] }),
  cursorAfter: (id: string) => JSON.stringify({ method: 'cursorAfter', values: [id] }),
  cursorBefore: (id: string) => JSON.stringify({ method: 'cursorBefore', values: [id] }),
  or: (...queries: string[]) => JSON.stringify({ method: 'or', values: queries.map((q) => JSON.parse(q)) }),
  and: (...queries: string[]) => JSON.stringify({ method: 'and', values: queries.map((q) => JSON.parse(q)) }),
};

/** `GET /v1/users?queries[0]=…&search=…`, as the node SDK flattens them. */
export function listUsers(queries: string[] = [], options: CallOptions & { search?: string } = {}) {
  const params = new URLSearchParams();
  queries.forEach((q, i) => params.append(`queries[${i}]`, q));
  if (options.search !== undefined) params.append('search', options.search);
  return call('GET', `/v1/users?${params}`, options);
}

/** Ids of a successful list response (fails loudly otherwise). */
export async function ids(queries: string[] = [], options: CallOptions & { search?: string } = {}): Promise<string[]> {
  const res = await listUsers(queries, options);
  if (res.status !== 200) throw new Error(`list failed: ${res.status} ${res.text}`);
  return res.body.users.map((u: { $id: string }) => u.$id);
}

export interface UserSeed {
  name?: string;
  email?: string;
  phone?: string;
  /** Written straight to D1 after creation (no update routes needed). */
  set?: Record<string, unknown>;
}

/**
 * Creates users whose ids start with a fresh tag, in order. Queries in tests add
 * `startsWith("$id", tag)` so other files' users (same database) never show up.
 */
export async function seedUsers(seeds: UserSeed[]) {
  const tag = uid('q');
  const users = [];
  for (const [i, seed] of seeds.entries()) {
    const user = await createUser({
      userId: `${tag}${String(i).padStart(2, '0')}`,
      ...(seed.name !== undefined && { name: seed.name }),
      ...(seed.email !== undefined && { email: seed.email }),
      ...(seed.phone !== undefined && { phone: seed.phone }),
    });
    if (seed.set) await setColumns(user.$id, seed.set);
    users.push(user as { $id: string; [k: string]: unknown });
  }
  return { tag, users, ids: users.map((u) => u.$id), only: Q.startsWith('$id', tag) };
}

/** `UPDATE users SET <column> = ?…` by id; labels given as arrays are JSON-encoded. */
export async function setColumns(id: string, columns: Record<string, unknown>) {
  const entries = Object.entries(columns);
  const assignments = entries.map(([column]) => `${column} = ?`).join(', ');
  const values = entries.map(([, v]) => (Array.isArray(v) ? JSON.stringify(v) : typeof v === 'boolean' ? Number(v) : v));
  await env.DB.prepare(`update users set ${assignments} where id = ?`).bind(...values, id).run();
}

/** The Appwrite error body a failing request must carry. */
export const queriesError = (message: string) => ({
  message: `Invalid \`queries\` param: ${message}`,
  code: 400,
  type: 'general_argument_invalid',
});
