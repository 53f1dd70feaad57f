import { logs } from '../../store/schema';
import type { CollectionSpec } from '../collection';

/**
 * `GET /v1/users/{userId}/logs` (queries.md §9): only `limit` and `offset`, newest first, exact
 * total. Pass the user as `scope`.
 */
export const logsCollection: CollectionSpec = {
  table: logs,
  seq: logs.seq,
  id: logs.id,
  kind: 'pagination',
  totalCap: null,
  newestFirst: true,
  attributes: {},
};
