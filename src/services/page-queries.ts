import { AppwriteError } from '../errors/appwrite-error';

/** Every method Appwrite 1.6's query parser knows; the lists then allow a subset. */
const KNOWN_METHODS = new Set([
  'equal', 'notEqual', 'lessThan', 'lessThanEqual', 'greaterThan', 'greaterThanEqual', 'contains', 'search',
  'isNull', 'isNotNull', 'between', 'startsWith', 'endsWith', 'select', 'orderAsc', 'orderDesc', 'limit',
  'offset', 'cursorAfter', 'cursorBefore', 'and', 'or',
]);

const MAX = '9,223,372,036,854,775,808';

const invalid = (message: string) => new AppwriteError('general_argument_invalid', `Invalid \`queries\` param: ${message}`);

const phpType = (value: unknown) =>
  value === null ? 'NULL' : Array.isArray(value) ? 'array' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'double') : typeof value === 'boolean' ? 'boolean' : typeof value;

export interface Page {
  limit: number;
  offset: number;
}

/**
 * Pagination-only query lists: `limit` (≥ 1) and `offset` (≥ 0), first of each wins, with
 * Appwrite's messages (queries.md §6, §9). This is the whole language of the logs list.
 */
export function parsePageQueries(queries: string[]): Page {
  let limit: number | undefined;
  let offset: number | undefined;
  for (const raw of queries) {
    let query: unknown;
    try {
      query = JSON.parse(raw);
    } catch {
      throw invalid('Invalid query: Invalid query: Syntax error');
    }
    if (typeof query !== 'object' || query === null) throw invalid(`Invalid query: Invalid query. Must be an array, got ${phpType(query)}`);
    const { method = '', attribute = '', values = [] } = nullsAbsent(query as Record<string, unknown>);
    if (typeof method !== 'string') throw invalid(`Invalid query: Invalid query method. Must be a string, got ${phpType(method)}`);
    if (!KNOWN_METHODS.has(method)) throw invalid(`Invalid query: Invalid query method: ${method}`);
    if (typeof attribute !== 'string') throw invalid(`Invalid query: Invalid query attribute. Must be a string, got ${phpType(attribute)}`);
    if (!Array.isArray(values)) throw invalid(`Invalid query: Invalid query values. Must be an array, got ${phpType(values)}`);
    if (method === 'limit') {
      const value = numeric(values[0]);
      if (!Number.isInteger(value) || value < 1) throw invalid(`Invalid query: Invalid limit: Value must be a valid range between 1 and ${MAX}`);
      limit ??= value;
    } else if (method === 'offset') {
      const value = numeric(values[0]);
      if (!Number.isInteger(value) || value < 0) throw invalid(`Invalid query: Invalid offset: Value must be a valid range between 0 and ${MAX}`);
      offset ??= value;
    } else {
      throw invalid(`Invalid query method: ${method}`);
    }
  }
  return { limit: limit ?? 25, offset: offset ?? 0 };
}

/** Numbers or numeric strings; Appwrite says "Invalid limit" for a bad offset too (sic). */
function numeric(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw invalid('Invalid query: Invalid limit: Value must be a valid number');
  return n;
}

/** PHP's `$query['x'] ?? default` treats null like a missing key. */
const nullsAbsent = (query: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v !== null));
