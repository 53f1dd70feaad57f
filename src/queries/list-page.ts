import { sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { AppwriteError } from '../errors/appwrite-error';
import type { Database } from '../store/database';
import type { CompiledQueries } from './compile';
import { invalidQueries } from './query';

/** The clauses a list's row query must apply (the rest — columns, joins — is the caller's). */
export interface PageClauses {
  where: SQL | undefined;
  orderBy: SQL[];
  limit: number;
  offset: number;
}

export type RowsQuery<Row> = BatchItem<'sqlite'> & PromiseLike<Row[]>;

/**
 * Runs a compiled list in ONE D1 round trip: the page, the (capped) total and, with a cursor, the
 * cursor document's lookup, as a single batch. Raises `general_cursor_not_found` (with the list's
 * message) and `database_query_order_null` as Appwrite does, and un-reverses `cursorBefore` pages.
 */
export async function listPage<Row, Extra = never>(
  db: Database,
  q: CompiledQueries,
  rows: (clauses: PageClauses) => RowsQuery<Row>,
  /** A further read that rides in the same batch (e.g. the list's owner), returned as `extra`. */
  extra?: RowsQuery<Extra>,
): Promise<{ rows: Row[]; total: number; extra: Extra[] }> {
  const { spec, cursor } = q;
  const probe = cursor
    ? db
        .select({ seq: spec.seq, value: cursor.orderExpr ?? sql`1` })
        .from(spec.table)
        .where(sql`${spec.id} = ${cursor.id}`)
    : null;
  if (q.deferredError) {
    if (probe) checkCursor(q, await probe);
    throw q.deferredError;
  }
  const filtered = db.select({ one: sql`1` }).from(spec.table).where(q.filter);
  const count = q.totalSet
    ? db.select({ total: sql<number>`count(*)` }).from(sql`(${q.totalSet}) as matching`)
    : db
        .select({ total: sql<number>`count(*)` })
        .from((spec.totalCap === null ? filtered : filtered.limit(spec.totalCap)).as('matching'));
  const page = rows({ where: q.where, orderBy: q.orderBy, limit: q.limit, offset: q.offset });
  // `total=false` (1.8.1): the count is neither run nor paid for; the answer's total is 0.
  const statements = [page, ...(q.countTotal ? [count] : []), ...(probe ? [probe] : []), ...(extra ? [extra] : [])];
  const results = (await withinD1Limits(db.batch(statements as [typeof page, ...Array<typeof count>]))) as unknown as unknown[];
  const list = results[0] as Row[];
  const counted = q.countTotal ? (results[1] as Array<{ total: number }>) : null;
  const found = probe ? (results[1 + Number(q.countTotal)] as Array<{ seq: number; value: unknown }>) : null;
  const extraRows = extra ? (results[results.length - 1] as Extra[]) : [];
  if (found) checkCursor(q, found);
  return { rows: q.reverse ? list.reverse() : list, total: counted ? counted[0].total : 0, extra: extraRows };
}

function checkCursor(q: CompiledQueries, found: Array<{ value: unknown }>): void {
  const cursor = q.cursor!;
  if (found.length === 0) {
    throw new AppwriteError('general_cursor_not_found', q.spec.cursorNotFound?.(cursor.id));
  }
  if (cursor.orderAttribute && found[0].value === null) {
    throw new AppwriteError(
      'database_query_order_null',
      `The order attribute '${cursor.orderAttribute}' had a null value. Cursor pagination requires all documents order attribute values are non-null.`,
    );
  }
}

/**
 * D1's statement limits (100 kB of SQL, expression depth 100, 100 ORDER BY terms, 5 compound-SELECT
 * arms, 50-byte LIKE patterns) depend on the SQL a query list compiles to. The validator's caps keep
 * ordinary lists inside them; a combination that still crosses one is the caller's input, so it is
 * a 400, never a 500.
 */
const D1_LIMIT_ERRORS = [
  'SQLITE_TOOBIG',
  'Expression tree is too large',
  'too many terms in',
  'LIKE or GLOB pattern too complex',
  'parser stack overflow',
];

async function withinD1Limits<T>(statement: Promise<T>): Promise<T> {
  try {
    return await statement;
  } catch (error) {
    const text = `${error}${(error as { cause?: unknown })?.cause ?? ''}`;
    if (D1_LIMIT_ERRORS.some((fragment) => text.includes(fragment))) {
      throw invalidQueries('Invalid query: Queries are too large or too complex for the database; send fewer or shorter queries');
    }
    throw error;
  }
}
