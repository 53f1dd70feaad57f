import { isUid } from '../validation/ids';
import type { AttributeSpec, CollectionSpec } from './collection';
import { invalidQueries, methodType, ucfirst, type Query } from './query';
import { toSqlValue } from './values';

const MAX_VALUES = 500;
/**
 * Not in Appwrite: a `startsWith` value of 33,050 characters made a statement beyond D1's 100 kB
 * (the value appears three times). 4,096 is Appwrite's documented (unenforced) size of a whole query.
 */
export const MAX_VALUE_LENGTH = 4096;
/** PHP_INT_MAX after float conversion, as Appwrite's Range validator prints it. */
const MAX_INT_TEXT = '9,223,372,036,854,775,808';
const UID_DESCRIPTION =
  "UID must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, and underscore. Can't start with a leading underscore";

const invalid = (message: string) => invalidQueries(`Invalid query: ${message}`);

/**
 * Validates one parsed query against a list's spec, with the messages of utopia-php/database's
 * Queries validator (queries.md §6). Nested `and`/`or` children are validated first, as there.
 */
export function validateQuery(query: Query, spec: CollectionSpec): void {
  if (query.method === 'and' || query.method === 'or') {
    for (const child of query.values as Query[]) validateQuery(child, spec);
  }
  const type = methodType(query.method);
  const allowed = spec.kind === 'documents' ? type !== 'select' : type === 'limit' || type === 'offset';
  if (!allowed) throw invalidQueries(`Invalid query method: ${query.method}`);
  switch (type) {
    case 'limit':
      return validateInteger(query.values[0], 1, 'limit');
    case 'offset':
      return validateInteger(query.values[0], 0, 'offset');
    case 'cursor': {
      const cursor = query.values[0];
      if (typeof cursor !== 'string' || !isUid(cursor)) throw invalid(`Invalid cursor: ${UID_DESCRIPTION}`);
      return;
    }
    case 'order':
      if (query.attribute !== '' && query.attribute !== '$internalId' && !Object.hasOwn(spec.attributes, query.attribute)) {
        throw invalid(`Attribute not found in schema: ${query.attribute}`);
      }
      return;
    default:
      return validateFilter(query, spec);
  }
}

const NUMERIC = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const INTEGER = /^\s*[+-]?\d+\s*$/;

function validateInteger(value: unknown, min: number, name: 'limit' | 'offset'): void {
  const numeric = (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && NUMERIC.test(value));
  // Appwrite's Offset validator says "Invalid limit" for a non-numeric offset.
  if (!numeric) throw invalid('Invalid limit: Value must be a valid number');
  const integral = typeof value === 'number' ? Number.isInteger(value) : INTEGER.test(value as string);
  if (!integral || Number(value) < min) {
    throw invalid(`Invalid ${name}: Value must be a valid range between ${min} and ${MAX_INT_TEXT}`);
  }
}

function validateFilter(query: Query, spec: CollectionSpec): void {
  const { method, values } = query;
  switch (method) {
    case 'equal':
    case 'contains':
    case 'notContains':
      if (values.length === 0 || (Array.isArray(values[0]) && values[0].length === 0)) {
        throw invalid(`${ucfirst(method)} queries require at least one value.`);
      }
      break;
    case 'between':
    case 'notBetween':
      if (values.length !== 2) throw invalid(`${ucfirst(method)} queries require exactly two values.`);
      break;
    case 'isNull':
    case 'isNotNull':
      break;
    case 'and':
    case 'or': {
      const children = values as Query[];
      if (children.some((child) => methodType(child.method) !== 'filter')) {
        throw invalid(`${ucfirst(method)} queries can only contain filter queries`);
      }
      if (children.length < 2) throw invalid(`${ucfirst(method)} queries require at least two queries`);
      return;
    }
    default:
      if (values.length !== 1) throw invalid(`${ucfirst(method)} queries require exactly one value.`);
  }
  validateAttributeAndValues(query, spec);
}

function validateAttributeAndValues({ method, attribute, values }: Query, spec: CollectionSpec): void {
  const name = attributeName(attribute, spec);
  const attr: AttributeSpec = spec.attributes[name];
  if (values.length > MAX_VALUES) throw invalid(`Query on attribute has greater than ${MAX_VALUES} values: ${name}`);
  if (values.some((value) => typeof value === 'string' && value.length > MAX_VALUE_LENGTH)) {
    throw invalid(`Query value on attribute is longer than ${MAX_VALUE_LENGTH} characters: ${name}`);
  }
  for (const value of values) {
    if (toSqlValue(attr.type, value) === undefined) throw invalid(`Query value is invalid for attribute "${name}"`);
  }
  const containment = method === 'contains' || method === 'notContains';
  if (!attr.array && containment && attr.type !== 'string') {
    throw invalid(`Cannot query ${method} on attribute "${name}" because it is not an array or string.`);
  }
  if (attr.array && !containment && method !== 'isNull' && method !== 'isNotNull') {
    throw invalid(`Cannot query ${method} on attribute "${name}" because it is an array.`);
  }
}

/** The Filter validator's attribute lookup, including its answer for dotted (relationship) names. */
function attributeName(attribute: string, spec: CollectionSpec): string {
  if (Object.hasOwn(spec.attributes, attribute)) return attribute;
  if (attribute.includes('.')) {
    const top = attribute.split('.')[0];
    if (Object.hasOwn(spec.attributes, top)) throw invalid(`Cannot query nested attribute on: ${top}`);
    throw invalid(`Attribute not found in schema: ${top}`);
  }
  throw invalid(`Attribute not found in schema: ${attribute}`);
}
