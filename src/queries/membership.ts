import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { literal } from '../store/literal';

/**
 * One index a membership filter (`contains` on labels, `search`) reads its documents from: the
 * sequence numbers `seq` of the rows of `from` that meet `where`. The index must return them in
 * `seq` order by nature (a `(label, user_seq)` index, an FTS5 rowid), so a walk in creation order
 * stops after what it needs, and every `seq` must be a document that exists (the triggers keep it so).
 * A filter is the union of its arms (one per label, one per FTS table).
 */
export interface MembershipArm {
  from: SQL;
  seq: SQL;
  where: SQL;
}

/** SQLite allows 500 arms in a compound SELECT; more than this falls back to the plain condition. */
export const MAX_ARMS = 100;

function armSelect(arm: MembershipArm, bound: SQL | null, desc: boolean | null, limit: number | null): SQL {
  const parts = [sql`select ${arm.seq} as s from ${arm.from} where ${arm.where}`];
  if (bound) parts.push(sql`and ${bound}`);
  if (desc !== null) parts.push(sql`order by ${arm.seq} ${sql.raw(desc ? 'desc' : 'asc')}`);
  if (limit !== null) parts.push(sql`limit ${literal(limit)}`);
  return sql.join(parts, sql` `);
}

const union = (parts: SQL[]) => sql.join(parts.map((part) => sql`select s from (${part})`), sql` union `);

/**
 * The page's condition for a lone membership filter in creation order: `seq in (the first `count`
 * of each arm past the cursor)`. The first `count` of the union are among the union of each arm's
 * first `count`, so the outer ORDER BY / LIMIT / OFFSET give the same page as the full filter,
 * reading about `count` index entries per arm instead of every match.
 */
export function membershipPage(
  seq: SQLiteColumn,
  arms: MembershipArm[],
  after: { op: '>' | '<'; value: SQL } | null,
  desc: boolean,
  count: number,
): SQL {
  const parts = arms.map((arm) => armSelect(arm, after ? sql`${arm.seq} ${sql.raw(after.op)} ${after.value}` : null, desc, count));
  return sql`${seq} in (${union(parts)})`;
}

/**
 * The documents `total` counts for a lone membership filter, read from its indexes alone (no
 * lookup of the documents), up to `cap`: any `cap` entries of an arm holding more already reach
 * the cap, so each arm is cut at `cap` before the union.
 */
export function membershipSet(arms: MembershipArm[], cap: number | null): SQL {
  if (arms.length === 1) return armSelect(arms[0], null, null, cap);
  const all = union(arms.map((arm) => armSelect(arm, null, null, cap)));
  return cap === null ? all : sql`${all} limit ${literal(cap)}`;
}
