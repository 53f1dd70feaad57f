/**
 * The pre-1.5 query syntax of node-appwrite 8–11 (`equal("name", ["x"])`), converted to the JSON
 * form as Appwrite's V17 request filter does (compat.md §4, queries.md §3). Returns null when the
 * string cannot be parsed; Appwrite then fails with a 500, we answer 400 general_query_invalid.
 */
export function convertLegacyQuery(text: string): Record<string, unknown> | null {
  const open = text.indexOf('(');
  if (open < 0) return null;
  const method = text.slice(0, open).trim();
  if (method.includes('.')) return null;
  const params = tokenizeParams(text.slice(open + 1, -1));
  if (!params) return null;
  const query: Record<string, unknown> = { method };
  const [first, second, third] = params;
  switch (method) {
    case 'equal': case 'notEqual': case 'lessThan': case 'lessThanEqual': case 'greaterThan':
    case 'greaterThanEqual': case 'contains': case 'search': case 'isNull': case 'isNotNull':
    case 'startsWith': case 'endsWith':
      query.attribute = first ?? '';
      if (params.length > 1) query.values = Array.isArray(second) ? second : [second];
      break;
    case 'between':
      query.attribute = first ?? '';
      // node-appwrite 9–11 emit `between("a", [x, y])`; 11.1+ emit `between("a", x, y)`. Accept both.
      query.values = Array.isArray(second) && params.length === 2 ? second : [second ?? null, third ?? null];
      break;
    case 'select':
      query.values = first;
      break;
    case 'orderAsc': case 'orderDesc':
      query.attribute = first ?? '';
      break;
    case 'limit': case 'offset': case 'cursorAfter': case 'cursorBefore':
      if (params.length > 0) query.values = [first];
      break;
  }
  // V17 drops empty members (PHP `empty()`), which also drops an attribute named "0".
  if (query.attribute === '' || query.attribute === '0') delete query.attribute;
  if (Array.isArray(query.values) && query.values.length === 0) delete query.values;
  return query;
}

type Param = unknown;

/** Splits `"a", ["b", 1], true` into typed parameters; null on unbalanced quotes or brackets. */
function tokenizeParams(input: string): Param[] | null {
  const stack: Param[][] = [[]];
  let token = '';
  let quoted = false;
  let quote: string | null = null;
  const flush = () => {
    if (token !== '' || quoted) stack[stack.length - 1].push(quoted ? token : typeScalar(token));
    token = '';
    quoted = false;
  };
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quote) {
      if (char === '\\' && i + 1 < input.length && ',[]"\''.includes(input[i + 1])) token += input[++i];
      else if (char === quote) quote = null;
      else token += char;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      quoted = true;
    } else if (/\s/.test(char)) {
      continue;
    } else if (char === '[') {
      stack.push([]);
    } else if (char === ']') {
      flush();
      if (stack.length < 2) return null;
      const array = stack.pop()!;
      stack[stack.length - 1].push(array);
    } else if (char === ',') {
      flush();
    } else {
      token += char;
    }
  }
  if (quote || stack.length !== 1) return null;
  flush();
  return stack[0];
}

/** PHP `is_numeric` text (leading/trailing whitespace already dropped). */
const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function typeScalar(token: string): Param {
  if (token === 'true') return true;
  if (token === 'false') return false;
  if (token === 'null') return null;
  if (NUMERIC.test(token)) return Number(token);
  return token;
}

/** Strings an old SDK would send: `method(`…; converted even without the < 1.5 response format. */
export const looksLikeLegacyQuery = (text: string) => /^\s*[A-Za-z]+\s*\(/.test(text);
