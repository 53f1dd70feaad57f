import { sql, type SQL } from 'drizzle-orm';
import { AppwriteError } from '../errors/appwrite-error';
import type { AttributeSpec, CollectionSpec } from './collection';
import { literal, literalList } from '../store/literal';
import type { Query } from './query';
import { toSqlValue } from './values';

/** The shortest substring a trigram index can find; shorter ones fall back to a plain LIKE. */
const MIN_TRIGRAM = 3;
/** D1 allows at most 5 arms in a compound SELECT (workerd's SQLITE_LIMIT_COMPOUND_SELECT); more is a 500. */
const MAX_UNION = 5;
/**
 * D1 refuses LIKE/GLOB patterns longer than 50 bytes (SQLITE_LIMIT_LIKE_PATTERN_LENGTH) — and only
 * when a row reaches the LIKE, so a long value failed exactly when something matched. Longer values
 * use `substr`/`instr` forms with the same meaning (ASCII-only case folding, like LIKE and NOCASE).
 */
const MAX_LIKE_BYTES = 50;
const fitsLike = (pattern: string) => new TextEncoder().encode(pattern).length <= MAX_LIKE_BYTES;
const charLength = (value: string) => [...value].length;

const likeEscape = (value: string) => value.replace(/[\\%_]/g, '\\$&');
const globEscape = (value: string) => value.replace(/[*?[]/g, '[$&]');
/**
 * `a and b and …` as a balanced tree: D1 rejects expressions nested more than 100 deep, which a
 * flat chain of 101 queries (or a 500-value `contains`) would be.
 */
export function joined(parts: SQL[], operator: 'and' | 'or'): SQL {
  if (parts.length === 1) return parts[0];
  const middle = Math.ceil(parts.length / 2);
  return sql`(${joined(parts.slice(0, middle), operator)} ${sql.raw(operator)} ${joined(parts.slice(middle), operator)})`;
}

/** A validated filter query as a SQL condition (queries.md §5 semantics). */
export function filterSql(query: Query, spec: CollectionSpec): SQL {
  if (query.method === 'and' || query.method === 'or') {
    const children = (query.values as Query[]).map((child) => filterSql(child, spec));
    if (query.method === 'and' || children.length > MAX_UNION) return joined(children, query.method);
    // SQLite answers an OR of indexed conditions with a table scan; a union of per-branch index
    // lookups keeps each branch on its index.
    const branches = children.map((child) => sql`select ${spec.seq} from ${spec.table} where ${child}`);
    return sql`${spec.seq} in (${sql.join(branches, sql` union `)})`;
  }
  const attr = spec.attributes[query.attribute];
  const { expr } = attr;
  const values = query.values.map((value) => toSqlValue(attr.type, value)!);
  const [value] = values.map(literal);
  switch (query.method) {
    case 'equal':
      return values.length === 1 ? sql`${expr} = ${value}` : sql`${expr} in (${literalList(values)})`;
    case 'notEqual':
      // A NOT NULL boolean is either value: equality uses the index where `!=` cannot.
      return attr.type === 'boolean' && attr.notNull ? sql`${expr} = ${literal(1 - Number(values[0]))}` : sql`${expr} != ${value}`;
    case 'lessThan':
      return ranged(sql`${expr} < ${value}`);
    case 'lessThanEqual':
      return ranged(sql`${expr} <= ${value}`);
    case 'greaterThan':
      return ranged(sql`${expr} > ${value}`);
    case 'greaterThanEqual':
      return ranged(sql`${expr} >= ${value}`);
    case 'between':
      return ranged(sql`${expr} between ${literal(values[0])} and ${literal(values[1])}`);
    case 'isNull':
      return attr.notNull ? sql`0` : sql`${expr} is null`;
    case 'isNotNull':
      return attr.notNull ? sql`1` : sql`${expr} is not null`;
    case 'startsWith':
      return ranged(startsWith(attr, String(values[0])));
    case 'endsWith': {
      const v = String(values[0]);
      const pattern = `%${likeEscape(v)}`;
      const exact = fitsLike(pattern)
        ? sql`${expr} like ${literal(pattern)} escape '\\'`
        : sql`substr(${expr}, ${literal(-charLength(v))}) = ${literal(v)} collate nocase`;
      return withSubstringIndex(attr, [v], exact);
    }
    case 'contains':
      if (attr.array) return attr.containsAny!(values.map(String));
      return withSubstringIndex(attr, values.map(String), joined(values.map((v) => containsSql(expr, String(v))), 'or'));
    // The negations (1.8.1) never match NULL, like `notEqual`: SQL's `not (NULL)` is NULL.
    case 'notContains':
    case 'notBetween':
    case 'notStartsWith':
    case 'notEndsWith':
      return sql`not ${filterSql({ ...query, method: POSITIVE[query.method] }, spec)}`;
    case 'search':
    case 'notSearch':
      // Appwrite rejects this in the database layer (after the cursor lookup), see compile.ts.
      throw new AppwriteError('general_query_invalid', `Searching by attribute "${query.attribute}" requires a fulltext index.`);
    default:
      throw new Error(`not a filter: ${query.method}`);
  }
}

const POSITIVE = { notContains: 'contains', notBetween: 'between', notStartsWith: 'startsWith', notEndsWith: 'endsWith' } as const;

/**
 * Without statistics SQLite guesses a range keeps a quarter of the rows and prefers walking the
 * whole table in creation order (the default sort) over the index. `unlikely()` makes it take the
 * index: a page then costs the matching rows, not a table scan when few rows match.
 */
const ranged = (condition: SQL) => sql`unlikely(${condition})`;

/** Above every character: `[v, v + MAX_CHAR)` holds exactly the strings that start with `v`. */
const MAX_CHAR = String.fromCodePoint(0x10ffff);

/**
 * An index range plus the exact `LIKE`/`GLOB`. SQLite's own LIKE optimisation does not fire on a
 * `collate nocase` expression whose prefix looks like a number (`+4477…`), so the range is explicit.
 * Under NOCASE the range compares case-folded, matching LIKE's case-insensitivity.
 */
function startsWith(attr: AttributeSpec, value: string): SQL {
  if (attr.type === 'boolean') return sql`${attr.expr} like ${literal(`${likeEscape(value)}%`)} escape '\\'`;
  const range = sql`${attr.expr} >= ${literal(value)} and ${attr.expr} < ${literal(value + MAX_CHAR)}`;
  if (attr.type === 'string') {
    const pattern = `${likeEscape(value)}%`;
    const exact = fitsLike(pattern)
      ? sql`${attr.expr} like ${literal(pattern)} escape '\\'`
      : sql`substr(${attr.expr}, 1, ${literal(charLength(value))}) = ${literal(value)} collate nocase`;
    return sql`(${range} and ${exact})`;
  }
  return sql`(${range} and ${attr.expr} glob ${literal(`${globEscape(value)}*`)})`;
}

function containsSql(expr: AttributeSpec['expr'], value: string): SQL {
  const pattern = `%${likeEscape(value)}%`;
  return fitsLike(pattern) ? sql`${expr} like ${literal(pattern)} escape '\\'` : sql`instr(lower(${expr}), lower(${literal(value)})) > 0`;
}

/**
 * Narrows a leading-wildcard LIKE through the trigram index when every value is long enough. FTS5
 * cannot parse a NUL inside a MATCH string, so such values go without the index.
 */
function withSubstringIndex(attr: AttributeSpec, values: string[], like: SQL): SQL {
  if (!attr.substringCandidates || values.some((v) => [...v].length < MIN_TRIGRAM || v.includes('\0'))) return like;
  return sql`(${attr.substringCandidates(values)} and ${like})`;
}
