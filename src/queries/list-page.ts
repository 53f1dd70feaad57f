import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { AppwriteError } from '../errors/appwrite-error';
import type { Database } from '../store/database';
import { compileParsed, onlyPageBounds, pageBounds, parseQueries, type CompiledQueries } from './compile';
import type { CollectionSpec } from './collection';
import { bindPrepared, oncePerDatabase, type Prepared } from '../store/prepared';
import { invalidQueries } from './query';

/** The clauses a list's row query must apply (the rest — columns, joins — is the caller's). */
export interface PageClauses {
  where: SQL | undefined;
  orderBy: SQL[];
  limit: number | Placeholder;
  offset: number | Placeholder;
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
  const count = countStatement(db, q);
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

/** The list's (capped) total: what `filter` matches, or the lone membership filter's `totalSet`. */
function countStatement(db: Database, q: CompiledQueries) {
  const filtered = db.select({ one: sql`1` }).from(q.spec.table).where(q.filter);
  return q.totalSet
    ? db.select({ total: sql<number>`count(*)` }).from(sql`(${q.totalSet}) as matching`)
    : db
        .select({ total: sql<number>`count(*)` })
        .from((q.spec.totalCap === null ? filtered : filtered.limit(q.spec.totalCap)).as('matching'));
}

export interface ListRequest {
  queries: readonly string[];
  search?: string | null;
  legacySyntax?: boolean;
  countTotal?: boolean;
  /** The owner the list is scoped to (a user's targets, logs). */
  owner?: string;
}

/**
 * A list route's read, declared once: its collection, the rows it selects (apply all four clauses)
 * and, for a list of one owner's documents, the scope. `run` validates the queries as
 * `compileQueries` does; a request that only sets limit/offset (a user's targets or logs, a first
 * page: most requests) runs statements built and rendered once per isolate with its values bound —
 * Drizzle's building and rendering was most of a list's own CPU time (`npm run profile`) — and any
 * other request is compiled and run by `listPage`.
 */
export function listQuery<Row>(
  spec: CollectionSpec,
  rows: (db: Database, clauses: PageClauses) => RowsQuery<Row>,
  options: { scope?: (owner: string | Placeholder) => SQL; defaultLimit?: number } = {},
) {
  const prepared = oncePerDatabase((db) => {
    const q = compileParsed([], spec, { scope: options.scope?.(sql.placeholder('owner')) });
    const page = rows(db, { where: q.where, orderBy: q.orderBy, limit: sql.placeholder('limit'), offset: sql.placeholder('offset') });
    const prepare = (query: unknown) => (query as { prepare(): Prepared<unknown> }).prepare();
    return { page: prepare(page) as Prepared<Row>, count: prepare(countStatement(db, q)) as Prepared<{ total: number }> };
  });
  return {
    async run(db: Database, request: ListRequest): Promise<{ rows: Row[]; total: number }> {
      const compileOptions = { ...request, scope: request.owner === undefined ? undefined : options.scope?.(request.owner), defaultLimit: options.defaultLimit };
      const queries = parseQueries(request.queries, spec, request.legacySyntax);
      if (request.search != null || !onlyPageBounds(queries)) {
        return listPage(db, compileParsed(queries, spec, compileOptions), (clauses) => rows(db, clauses));
      }
      const values = { owner: request.owner, ...pageBounds(queries, compileOptions) };
      const { page, count } = prepared(db);
      if (request.countTotal === false) return { rows: await bindPrepared(page, values), total: 0 };
      const [list, counted] = await db.batch([bindPrepared(page, values), bindPrepared(count, values)] as unknown as [RowsQuery<Row>, RowsQuery<{ total: number }>]);
      return { rows: list, total: counted[0].total };
    },
  };
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
