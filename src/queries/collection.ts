import type { SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { MembershipArm } from './membership';
import type { SearchPlan } from './search-terms';

export type AttributeType = 'string' | 'boolean' | 'datetime';

/** One attribute a list lets `queries` filter or order by. */
export interface AttributeSpec {
  type: AttributeType;
  /**
   * What is compared and sorted. String attributes must compare case-insensitively (Appwrite's
   * `utf8mb4_general_ci`): a `COLLATE NOCASE` column, or `sql\`${col} collate nocase\``, with a
   * matching index.
   */
  expr: SQLiteColumn | SQL;
  /** Array attributes (`labels`) accept only `contains`, `isNull`, `isNotNull`. */
  array?: boolean;
  /** Column is NOT NULL: `isNull` is false, and `notEqual` on a boolean becomes an indexed equality. */
  notNull?: boolean;
  /** Array `contains`: rows whose array shares an element with `values`. */
  containsAny?: (values: string[]) => SQL;
  /** The same set as `containsAny`, as indexes to read it from (see `membership.ts`). */
  containsAnyArms?: (values: string[]) => MembershipArm[];
  /**
   * Substring prefilter for `contains`/`endsWith` (values of 3+ characters): rows whose value may
   * contain any of `values`. The exact `LIKE` is still applied, so this only has to be a superset.
   */
  substringCandidates?: (values: string[]) => SQL;
}

/** Which query methods a list accepts. */
export type ListKind = 'documents' | 'pagination';

/** Everything the engine needs to know about one list (see `collections/`). */
export interface CollectionSpec {
  table: SQLiteTable;
  /** `$internalId`: the insertion sequence, the default order and the final tie-breaker. */
  seq: SQLiteColumn;
  /** `$id`, used to look up cursor documents (case-insensitively). */
  id: SQLiteColumn;
  /** Filterable/sortable attributes, including `$id`, `$createdAt`, `$updatedAt`. */
  attributes: Record<string, AttributeSpec>;
  /** `documents`: filters, order, cursor, limit, offset. `pagination`: only limit and offset (logs). */
  kind: ListKind;
  /** The `general_cursor_not_found` message of this list (errors.md §2.1). */
  cursorNotFound?: (id: string) => string;
  /** Count `total` up to this many documents (Appwrite's APP_LIMIT_COUNT), or exactly when null. */
  totalCap: number | null;
  /** Default order: creation sequence descending (logs) instead of ascending. */
  newestFirst?: boolean;
  /** The `search` param (planned for the FTS indexes, and as typed); absent means the list has no search. */
  search?: (plan: SearchPlan, term: string) => SQL;
  /** The same set as `search`, as indexes to read it from (see `membership.ts`). */
  searchArms?: (plan: SearchPlan) => MembershipArm[];
}
