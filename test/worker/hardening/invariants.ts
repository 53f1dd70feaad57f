import { env } from 'cloudflare:test';
import { call } from '../helpers/api';

/** Tables whose rows belong to a user (by `user_seq` and `user_id`). */
export const USER_TABLES = ['targets', 'sessions', 'tokens', 'identities', 'memberships', 'authenticators', 'challenges'] as const;

const all = async <T>(sql: string, ...binds: unknown[]) => (await env.DB.prepare(sql).bind(...binds).all<T>()).results;

/** `?, ?, …` for an IN list; D1 allows 100 bound parameters a statement. */
async function chunked<T>(ids: string[], run: (marks: string, ids: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 90) {
    const part = ids.slice(i, i + 90);
    out.push(...(await run(part.map(() => '?').join(', '), part)));
  }
  return out;
}

/**
 * Every broken invariant among the given users (existing or deleted), as readable lines:
 * an e-mail or phone without its target, a target pointing at a user that does not exist or at a
 * different user than its `user_id` says, rows of deleted users left behind, a search index or
 * label index out of step with the row.
 */
export async function brokenInvariants(userIds: Iterable<string>): Promise<string[]> {
  const ids = [...new Set([...userIds].map((id) => id.toLowerCase()))];
  const problems: string[] = [];
  const users = await chunked(ids, (marks, part) =>
    all<{ seq: number; id: string; email: string | null; phone: string | null; labels: string }>(`select seq, id, email, phone, labels from users where id in (${marks})`, ...part),
  );
  const existing = new Map(users.map((u) => [u.id.toLowerCase(), u]));
  for (const user of users) {
    for (const [field, type] of [['email', 'email'], ['phone', 'sms']] as const) {
      const value = user[field];
      if (!value) continue;
      const found = await all(`select 1 from targets where user_seq = ? and provider_type = ? and identifier = ?`, user.seq, type, value);
      if (found.length !== 1) problems.push(`user ${user.id}: ${field} ${JSON.stringify(value)} has ${found.length} ${type} targets`);
    }
    const grams = await all<{ email: string | null; phone: string | null }>(`select email, phone from users_search_grams where rowid = ?`, user.seq);
    if (grams.length !== 1 || grams[0].email !== user.email || grams[0].phone !== user.phone) problems.push(`user ${user.id}: search index out of step ${JSON.stringify(grams)}`);
    const labels = (await all<{ label: string }>(`select label from user_labels where user_seq = ? order by label`, user.seq)).map((r) => r.label);
    const expected = [...new Set(JSON.parse(user.labels) as string[])].sort();
    if (JSON.stringify(labels) !== JSON.stringify(expected)) problems.push(`user ${user.id}: label index ${JSON.stringify(labels)} ≠ labels ${JSON.stringify(expected)}`);
  }
  for (const table of USER_TABLES) {
    const rows = await chunked(ids, (marks, part) =>
      all<{ id: string; user_id: string; owner: string | null }>(
        `select t.id, t.user_id, u.id as owner from ${table} t left join users u on u.seq = t.user_seq where t.user_id in (${marks})`,
        ...part,
      ),
    );
    for (const row of rows) {
      if (row.owner === null) problems.push(`${table} ${row.id}: orphan of user ${row.user_id}`);
      else if (row.owner.toLowerCase() !== row.user_id.toLowerCase()) problems.push(`${table} ${row.id}: user_id ${row.user_id} but user_seq of ${row.owner}`);
      else if (!existing.has(row.user_id.toLowerCase())) problems.push(`${table} ${row.id}: user ${row.user_id} missing`);
    }
  }
  return problems;
}

/** Pages through a list with `cursorAfter` and checks every page's `total` against the rows seen. */
export async function pagedTotalMismatch(path: string, key: string, filters: string[] = []): Promise<string | null> {
  const seen: string[] = [];
  let cursor: string | null = null;
  let total = -1;
  for (let page = 0; page < 1000; page++) {
    const queries = [...filters, JSON.stringify({ method: 'limit', values: [100] })];
    if (cursor) queries.push(JSON.stringify({ method: 'cursorAfter', values: [cursor] }));
    const qs = queries.map((q) => `queries[]=${encodeURIComponent(q)}`).join('&');
    const res = await call('GET', `${path}?${qs}`);
    if (res.status !== 200) return `${path}: page ${page} answered ${res.status} ${res.text}`;
    if (total >= 0 && res.body.total !== total) return `${path}: total changed from ${total} to ${res.body.total} while paging`;
    total = res.body.total;
    const rows = res.body[key] as Array<{ $id: string }>;
    seen.push(...rows.map((r) => r.$id));
    if (rows.length < 100) break;
    cursor = rows[rows.length - 1].$id;
  }
  if (new Set(seen).size !== seen.length) return `${path}: paging returned duplicates`;
  return seen.length === total ? null : `${path}: total ${total}, paging returned ${seen.length}`;
}
