import { InvalidQuery, isMethod, phpType, type Query } from './query';

/**
 * The SDK ≥ 1.5 wire format: one JSON object per query (`Query::parse`). Throws
 * {@link InvalidQuery} with Appwrite's text (e.g. `Invalid query: Syntax error`).
 */
export function parseJsonQuery(text: string): Query {
  let decoded: unknown;
  try {
    decoded = JSON.parse(text);
  } catch {
    throw new InvalidQuery('Invalid query: Syntax error');
  }
  return parseQueryObject(decoded);
}

/** `Query::parseQuery`: also used for the nested queries of `and`/`or`. */
export function parseQueryObject(decoded: unknown): Query {
  if (typeof decoded !== 'object' || decoded === null) {
    throw new InvalidQuery(`Invalid query. Must be an array, got ${phpType(decoded)}`);
  }
  // PHP decodes objects as arrays and `$query['x'] ?? default` treats null like a missing key.
  const record = (Array.isArray(decoded) ? {} : decoded) as Record<string, unknown>;
  const method = record.method ?? '';
  const attribute = record.attribute ?? '';
  let values = record.values ?? [];
  if (typeof method !== 'string') throw new InvalidQuery(`Invalid query method. Must be a string, got ${phpType(method)}`);
  if (!isMethod(method)) throw new InvalidQuery(`Invalid query method: ${method}`);
  if (typeof attribute !== 'string') throw new InvalidQuery(`Invalid query attribute. Must be a string, got ${phpType(attribute)}`);
  if (typeof values !== 'object' || values === null) throw new InvalidQuery(`Invalid query values. Must be an array, got ${phpType(values)}`);
  if (!Array.isArray(values)) values = Object.values(values);
  const list = values as unknown[];
  return {
    method,
    attribute,
    values: method === 'and' || method === 'or' ? list.map(parseQueryObject) : list,
  };
}
