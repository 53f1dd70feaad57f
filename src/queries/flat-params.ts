import { integerRange } from '../validation/range';
import { optional, validateParams, type RawParams } from '../validation/params';
import { oneOf, uid } from '../validation/rules';

/**
 * 0.x SDKs (node-appwrite ≤ 7, formats ≤ 0.15) page lists with flat params instead of `queries`
 * (compat.md §5). These are their rules as Appwrite 0.12–0.15 declared them, in their order.
 */
const limit = optional(integerRange(0, 100));
const offset = optional(integerRange(0, 5000));
const FLAT_PARAMS = {
  'users.list': {
    limit,
    offset,
    cursor: optional(uid),
    // Appwrite's WhiteList: `cursorDirection` is case-insensitive, `orderType` strict.
    cursorDirection: optional(oneOf(['after', 'before'], true)),
    orderType: optional(oneOf(['ASC', 'DESC'])),
  },
  'users.listLogs': { limit, offset },
} as const;

const query = (method: string, values?: unknown[]) => JSON.stringify(values ? { method, values } : { method });

/**
 * Appwrite 1.4's request filter V15, keyed by operation id: validates the flat params of a 0.x
 * list call and appends them to `queries` as JSON queries (`limit`, `offset`, `cursorAfter` or
 * `cursorBefore`, and `orderAsc`/`orderDesc` without an attribute, i.e. creation order). Other
 * operations' params pass through unchanged; the flat keys are removed either way.
 */
export function translateFlatListParams(operationId: string, input: RawParams): RawParams {
  if (!Object.hasOwn(FLAT_PARAMS, operationId)) return input;
  const spec = FLAT_PARAMS[operationId as keyof typeof FLAT_PARAMS];
  // An empty cursor is the 0.x default: no cursor.
  const given = input.cursor === '' ? { ...input, cursor: undefined } : input;
  const flat = validateParams(given, spec) as { limit?: number | null; offset?: number | null; cursor?: string | null; cursorDirection?: string | null; orderType?: string | null };
  const queries: string[] = [];
  if (flat.limit != null) queries.push(query('limit', [flat.limit]));
  if (flat.offset != null) queries.push(query('offset', [flat.offset]));
  if (flat.cursor) queries.push(query(flat.cursorDirection?.toLowerCase() === 'before' ? 'cursorBefore' : 'cursorAfter', [flat.cursor]));
  if (flat.orderType) queries.push(query(flat.orderType === 'DESC' ? 'orderDesc' : 'orderAsc'));
  const rest = Object.fromEntries(Object.entries(input).filter(([key]) => !Object.hasOwn(spec, key)));
  if (queries.length === 0) return rest;
  const existing = Array.isArray(rest.queries) ? rest.queries : [];
  return { ...rest, queries: [...existing, ...queries] };
}
