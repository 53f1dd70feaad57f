import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { AppwriteError } from '../errors/appwrite-error';
import type { CollectionSpec } from './collection';
import { literal } from '../store/literal';
import { filterSql, joined } from './filters';
import { MAX_ARMS, membershipPage, membershipSet, type MembershipArm } from './membership';
import { convertLegacyQuery, looksLikeLegacyQuery } from './legacy-syntax';
import { parseJsonQuery, parseQueryObject } from './parse';
import { InvalidQuery, invalidQueries, methodType, type Query } from './query';
import { planSearch } from './search-terms';
import { validateQuery } from './validate';
import { toSqlValue } from './values';

export interface CompileOptions {
  /** The `search` param (lists with a search index only). */
  search?: string | null;
  /** A condition every row must meet besides the queries (e.g. the targets list's user); counted in `total`. */
  scope?: SQL;
  /** `X-Appwrite-Response-Format` < 1.5.0: every non-JSON query is pre-1.5 syntax. */
  legacySyntax?: boolean;
  /** The `total` param (1.8.1): false answers `total: 0` without running the count. */
  countTotal?: boolean;
  /** The page size without a `limit` query (Appwrite's 25 unless a list says otherwise). */
  defaultLimit?: number;
}

export interface CursorRef {
  id: string;
  /** The first order attribute; a NULL value of it on the cursor document is an error. */
  orderAttribute: string | null;
  orderExpr: SQLiteColumn | SQL | null;
}

/** What a list statement needs; see `index.ts` for how to run it. */
export interface CompiledQueries {
  spec: CollectionSpec;
  /** Queries' filters, `search` and `scope`: what `total` counts. */
  filter: SQL | undefined;
  /** `filter` plus the cursor condition: the page's WHERE. */
  where: SQL | undefined;
  /**
   * For a lone membership filter (`contains` on labels, `search`): a one-column SELECT of the
   * documents `total` counts (capped), read from the filter's indexes alone; `listPage` counts it
   * instead of `filter`. Undefined otherwise.
   */
  totalSet?: SQL;
  orderBy: SQL[];
  limit: number;
  offset: number;
  /** `cursorBefore` fetches backwards; the page is reversed back after the fetch. */
  reverse: boolean;
  cursor: CursorRef | null;
  /** An error Appwrite raises only after resolving the cursor (a `search` query on an attribute). */
  deferredError: AppwriteError | null;
  /** Whether `listPage` counts `total`; false leaves the count statement out of the batch. */
  countTotal: boolean;
}

const DEFAULT_LIMIT = 25;
/**
 * Appwrite enforces no size limit, but a D1 statement is at most 100 kB of SQL, 100 levels of
 * expression and 100 ORDER BY terms; these caps keep accepted query lists inside them (README
 * "Limits"), and `listPage` answers 400 for a combination that still crosses one.
 */
export const MAX_QUERIES_LENGTH = 40_000;
export const MAX_NESTING = 10;
/**
 * Measured on D1: 100 order queries exceed its 100 ORDER BY terms (with the tie-breaker), and from
 * 47 sort keys a cursor's keyset condition exceeds its expression depth; a list has a dozen
 * attributes to sort by, so 20 is room enough.
 */
export const MAX_ORDER_QUERIES = 20;

/**
 * Parses and validates raw query strings in order (the first bad one is reported, as Appwrite's
 * validator does), accepting the JSON format and the pre-1.5 function-call syntax.
 */
export function parseQueries(raw: readonly string[], spec: CollectionSpec, legacySyntax = false): Query[] {
  if (raw.reduce((sum, text) => sum + text.length, 0) > MAX_QUERIES_LENGTH) {
    throw invalidQueries(`Invalid query: Queries must not be longer than ${MAX_QUERIES_LENGTH} characters in total`);
  }
  let orders = 0;
  return raw.map((text) => {
    const query = parseOne(text, legacySyntax);
    if (depth(query) > MAX_NESTING) throw invalidQueries(`Invalid query: Queries must not be nested more than ${MAX_NESTING} levels deep`);
    validateQuery(query, spec);
    if (methodType(query.method) === 'order' && ++orders > MAX_ORDER_QUERIES) {
      throw invalidQueries(`Invalid query: Queries must not contain more than ${MAX_ORDER_QUERIES} order queries`);
    }
    return query;
  });
}

const depth = (query: Query): number =>
  query.method === 'and' || query.method === 'or' ? 1 + Math.max(0, ...(query.values as Query[]).map(depth)) : 0;

function parseOne(text: string, legacySyntax: boolean): Query {
  try {
    if (looksLikeLegacyQuery(text) || (legacySyntax && !text.trimStart().startsWith('{'))) {
      const converted = convertLegacyQuery(text);
      if (!converted) throw new AppwriteError('general_query_invalid', `Invalid query: ${text}`);
      return parseQueryObject(converted);
    }
    return parseJsonQuery(text);
  } catch (error) {
    if (error instanceof InvalidQuery) throw invalidQueries(`Invalid query: ${error.message}`);
    throw error;
  }
}

/** Raw `queries` (+ `search`) → SQL pieces for one list (queries.md §5–§8). */
export function compileQueries(raw: readonly string[], spec: CollectionSpec, options: CompileOptions = {}): CompiledQueries {
  return compileParsed(parseQueries(raw, spec, options.legacySyntax), spec, options);
}

/** The page's limit and offset: the first of each query, else the list's default and 0. */
export function pageBounds(queries: readonly Query[], options: Pick<CompileOptions, 'defaultLimit'>): { limit: number; offset: number } {
  const limit = queries.find((q) => q.method === 'limit');
  const offset = queries.find((q) => q.method === 'offset');
  return { limit: limit ? clampInt(limit.values[0]) : (options.defaultLimit ?? DEFAULT_LIMIT), offset: offset ? clampInt(offset.values[0]) : 0 };
}

/** Whether parsed queries only set the page's limit/offset (or select, which lists ignore): no filter, order or cursor. */
export const onlyPageBounds = (queries: readonly Query[]) => queries.every((q) => ['limit', 'offset', 'select'].includes(methodType(q.method)));

export function compileParsed(queries: readonly Query[], spec: CollectionSpec, options: CompileOptions = {}): CompiledQueries {
  const cursorQuery = queries.find((q) => methodType(q.method) === 'cursor');

  let deferredError: AppwriteError | null = null;
  const conditions: SQL[] = [];
  // Per condition: the indexes it can be read from (a membership filter), else null.
  const arms: Array<MembershipArm[] | null> = [];
  if (options.scope) {
    conditions.push(options.scope);
    arms.push(null);
  }
  for (const query of queries.filter((q) => methodType(q.method) === 'filter')) {
    try {
      conditions.push(filterSql(query, spec));
      arms.push(membershipArms(query, spec));
    } catch (error) {
      if (!(error instanceof AppwriteError)) throw error;
      deferredError ??= error;
    }
  }
  if (options.search != null) {
    conditions.push(searchSql(spec, options.search));
    const plan = spec.searchArms ? planSearch(options.search) : null;
    arms.push(plan ? spec.searchArms!(plan) : null);
  }
  const lone = conditions.length === 1 && arms[0] && arms[0].length > 0 && arms[0].length <= MAX_ARMS ? arms[0] : null;

  const orders = queries
    .filter((q) => methodType(q.method) === 'order')
    .map((q) => ({ attribute: q.attribute === '' ? '$internalId' : q.attribute, desc: q.method === 'orderDesc' }));
  const direction = cursorQuery?.method === 'cursorBefore' ? 'before' : 'after';
  const keys = sortKeys(spec, orders, direction === 'before');

  const cursor: CursorRef | null = cursorQuery
    ? {
        id: String(cursorQuery.values[0]),
        orderAttribute: orders[0]?.attribute ?? null,
        orderExpr: orders[0] ? keys[0].expr : null,
      }
    : null;
  const filter = conditions.length > 0 ? joined(conditions, 'and') : undefined;
  const { limit: pageLimit, offset: pageOffset } = pageBounds(queries, options);
  // A lone membership filter in creation order: the page reads only the first limit + offset
  // entries of its indexes past the cursor, instead of every match (the filter is the same set).
  const streamed =
    lone && keys.length === 1 && keys[0].expr === spec.seq
      ? membershipPage(
          spec.seq,
          lone,
          cursor ? { op: keys[0].desc ? '<' : '>', value: cursorValue(spec, spec.seq, cursor.id) } : null,
          keys[0].desc,
          pageLimit + pageOffset,
        )
      : undefined;
  const pageFilter = streamed ?? filter;
  const where = cursor ? joined([...(pageFilter ? [pageFilter] : []), afterCursor(spec, keys, cursor.id)], 'and') : pageFilter;
  return {
    spec,
    filter,
    where,
    totalSet: lone ? membershipSet(lone, spec.totalCap) : undefined,
    orderBy: keys.map((k) => (k.desc ? sql`${k.expr} desc` : sql`${k.expr} asc`)),
    limit: pageLimit,
    offset: pageOffset,
    reverse: direction === 'before' && cursor !== null,
    cursor,
    deferredError,
    countTotal: options.countTotal ?? true,
  };
}

const clampInt = (value: unknown) => Math.min(Number(value), Number.MAX_SAFE_INTEGER);

function membershipArms(query: Query, spec: CollectionSpec): MembershipArm[] | null {
  const attr = spec.attributes[query.attribute];
  if (query.method !== 'contains' || !attr?.array || !attr.containsAnyArms) return null;
  return attr.containsAnyArms(query.values.map((value) => String(toSqlValue(attr.type, value))));
}

function searchSql(spec: CollectionSpec, term: string): SQL {
  if (!spec.search) throw new AppwriteError('general_query_invalid', 'Invalid query: Attribute not found in schema: search');
  const plan = planSearch(term);
  return plan ? spec.search(plan, term) : sql`0`;
}

interface SortKey {
  expr: SQLiteColumn | SQL;
  desc: boolean;
  nullable: boolean;
}

/**
 * The full ORDER BY: the order queries, then the creation sequence ascending as tie-breaker unless
 * `$id`/`$internalId` already orders (queries.md §7). `cursorBefore` fetches with every direction
 * reversed.
 */
function sortKeys(spec: CollectionSpec, orders: Array<{ attribute: string; desc: boolean }>, backwards: boolean): SortKey[] {
  const keys: SortKey[] = orders.map(({ attribute, desc }) => ({
    expr: attribute === '$internalId' ? spec.seq : spec.attributes[attribute].expr,
    desc,
    nullable: attribute !== '$internalId' && !spec.attributes[attribute].notNull,
  }));
  if (!orders.some((o) => o.attribute === '$id' || o.attribute === '$internalId')) {
    keys.push({ expr: spec.seq, desc: orders.length === 0 && spec.newestFirst === true, nullable: false });
  }
  return keys.map((k) => ({ ...k, desc: k.desc !== backwards }));
}

/** `expr` of the cursor document, as a scalar subquery (no extra round trip). */
const cursorValue = (spec: CollectionSpec, expr: SQLiteColumn | SQL, id: string) =>
  sql`(select ${expr} from ${spec.table} where ${spec.id} = ${literal(id)})`;

/**
 * Rows strictly after the cursor document in fetch order, as one keyset condition whose values are
 * scalar subqueries (so the cursor needs no extra round trip). The first key uses Appwrite's rule
 * (its NULL on the cursor is rejected, NULL rows are not reached); the following keys compare the
 * whole sort key, which fixes Appwrite's skipped/duplicated rows when several orders tie.
 */
function afterCursor(spec: CollectionSpec, keys: SortKey[], id: string): SQL {
  const valueOf = (expr: SQLiteColumn | SQL) => cursorValue(spec, expr, id);
  const build = (i: number): SQL => {
    const { expr, desc, nullable } = keys[i];
    const v = valueOf(expr);
    const last = i === keys.length - 1;
    const beyond = desc ? sql`${expr} < ${v}` : sql`${expr} > ${v}`;
    if (i === 0) {
      return last ? beyond : sql`(${expr} ${sql.raw(desc ? '<=' : '>=')} ${v} and (${beyond} or ${build(i + 1)}))`;
    }
    // NULLs sort first ascending (and last descending).
    const strict = !nullable
      ? beyond
      : desc
        ? sql`(${beyond} or (${expr} is null and ${v} is not null))`
        : sql`(${beyond} or (${v} is null and ${expr} is not null))`;
    return last ? strict : sql`(${strict} or (${expr} is ${v} and ${build(i + 1)}))`;
  };
  return build(0);
}
