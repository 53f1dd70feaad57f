import { sql, type SQL } from 'drizzle-orm';
import { AppwriteError } from '../errors/appwrite-error';
import type { AttributeSpec, CollectionSpec } from './collection';
import type { Query } from './query';
import { toSqlValue } from './values';

/** Characters a trigram index cannot match on (shorter substrings fall back to a plain LIKE). */
const MIN_TRIGRAM = 3;

const likeEscape = (value: string) => value.replace(/[\\%_]/g, '\\$&');
const globEscape = (value: string) => value.replace(/[*?[]/g, '[$&]');
const list = (values: unknown[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
const joined = (parts: SQL[], operator: 'and' | 'or') =>
  parts.length === 1 ? parts[0] : sql`(${sql.join(parts, sql.raw(` ${operator} `))})`;

/** A validated filter query as a SQL condition (queries.md §5 semantics). */
export function filterSql(query: Query, spec: CollectionSpec): SQL {
  if (query.method === 'and' || query.method === 'or') {
    return joined((query.values as Query[]).map((child) => filterSql(child, spec)), query.method);
  }
  const attr = spec.attributes[query.attribute];
  const { expr } = attr;
  const values = query.values.map((value) => toSqlValue(attr.type, value)!);
  const [value] = values;
  switch (query.method) {
    case 'equal':
      return values.length === 1 ? sql`${expr} = ${value}` : sql`${expr} in (${list(values)})`;
    case 'notEqual':
      // A NOT NULL boolean is either value: equality uses the index where `!=` cannot.
      return attr.type === 'boolean' && attr.notNull ? sql`${expr} = ${1 - Number(value)}` : sql`${expr} != ${value}`;
    case 'lessThan':
      return sql`${expr} < ${value}`;
    case 'lessThanEqual':
      return sql`${expr} <= ${value}`;
    case 'greaterThan':
      return sql`${expr} > ${value}`;
    case 'greaterThanEqual':
      return sql`${expr} >= ${value}`;
    case 'between':
      return sql`${expr} between ${values[0]} and ${values[1]}`;
    case 'isNull':
      return sql`${expr} is null`;
    case 'isNotNull':
      return sql`${expr} is not null`;
    case 'startsWith':
      return startsWith(attr, String(value));
    case 'endsWith':
      return withSubstringIndex(attr, [String(value)], sql`${expr} like ${`%${likeEscape(String(value))}`} escape '\\'`);
    case 'contains':
      if (attr.array) return attr.containsAny!(values.map(String));
      return withSubstringIndex(
        attr,
        values.map(String),
        joined(values.map((v) => sql`${expr} like ${`%${likeEscape(String(v))}%`} escape '\\'`), 'or'),
      );
    case 'search':
      // Appwrite rejects this in the database layer (after the cursor lookup), see compile.ts.
      throw new AppwriteError('general_query_invalid', `Searching by attribute "${query.attribute}" requires a fulltext index.`);
    default:
      throw new Error(`not a filter: ${query.method}`);
  }
}

/**
 * `LIKE 'v%'` on case-insensitive (NOCASE-indexed) strings, which SQLite answers with an index
 * range; `GLOB 'v*'` on the others (datetimes), whose indexes are BINARY.
 */
function startsWith(attr: AttributeSpec, value: string): SQL {
  if (attr.type === 'string') return sql`${attr.expr} like ${`${likeEscape(value)}%`} escape '\\'`;
  return sql`${attr.expr} glob ${`${globEscape(value)}*`}`;
}

/** Narrows a leading-wildcard LIKE through the trigram index when every value is long enough. */
function withSubstringIndex(attr: AttributeSpec, values: string[], like: SQL): SQL {
  if (!attr.substringCandidates || values.some((v) => [...v].length < MIN_TRIGRAM)) return like;
  return sql`${attr.substringCandidates(values)} and ${like}`;
}
