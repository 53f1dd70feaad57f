import { AppwriteError } from '../errors/appwrite-error';

/**
 * Every method the parser knows (case-sensitive); each list then allows a subset. Appwrite 1.6's
 * set plus the negated filters of 1.8.1 (utopia-php/database 3.x, sent by node-appwrite ≥ 18).
 */
export const METHODS = [
  'equal', 'notEqual', 'lessThan', 'lessThanEqual', 'greaterThan', 'greaterThanEqual', 'contains', 'search',
  'isNull', 'isNotNull', 'between', 'startsWith', 'endsWith', 'select', 'orderDesc', 'orderAsc', 'limit',
  'offset', 'cursorAfter', 'cursorBefore', 'and', 'or',
  'notContains', 'notSearch', 'notBetween', 'notStartsWith', 'notEndsWith',
] as const;

export type Method = (typeof METHODS)[number];

/** A parsed query. For `and`/`or`, `values` holds the nested queries. */
export interface Query {
  method: Method;
  attribute: string;
  values: unknown[];
}

/** The validator family a method belongs to (utopia-php/database `Base::METHOD_TYPE_*`). */
export type MethodType = 'filter' | 'order' | 'limit' | 'offset' | 'cursor' | 'select';

export function methodType(method: Method): MethodType {
  switch (method) {
    case 'select':
      return 'select';
    case 'limit':
      return 'limit';
    case 'offset':
      return 'offset';
    case 'cursorAfter':
    case 'cursorBefore':
      return 'cursor';
    case 'orderAsc':
    case 'orderDesc':
      return 'order';
    default:
      return 'filter';
  }
}

export const isMethod = (value: string): value is Method => (METHODS as readonly string[]).includes(value);

/** ``Invalid `queries` param: <message>`` (400 general_argument_invalid). */
export const invalidQueries = (message: string) =>
  new AppwriteError('general_argument_invalid', `Invalid \`queries\` param: ${message}`);

/** A failure Appwrite reports as `Invalid query: <message>`. */
export class InvalidQuery extends Error {}

/** PHP's `gettype()` of a decoded JSON value, as Appwrite's messages print it. */
export function phpType(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'double';
  if (typeof value === 'object') return 'array';
  return typeof value;
}

/** `ucfirst($method)`, as in `NotEqual queries require exactly one value.` */
export const ucfirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
