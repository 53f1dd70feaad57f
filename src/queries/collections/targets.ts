import { targets } from '../../store/schema';
import { TOTAL_CAP } from '../../store/users';
import type { CollectionSpec } from '../collection';
import { documentAttributes, nocase } from './common';

/**
 * `GET /v1/users/{userId}/targets` (queries.md §4; the route docs print the users list by
 * mistake). Pass the user as `scope` — it is counted in `total`. Cursors may name any target.
 */
export const targetsCollection: CollectionSpec = {
  table: targets,
  seq: targets.seq,
  id: targets.id,
  kind: 'documents',
  totalCap: TOTAL_CAP,
  cursorNotFound: (id) => `Target '${id}' for the 'cursor' value not found.`,
  attributes: {
    ...documentAttributes(targets),
    userId: { type: 'string', expr: targets.userId, notNull: true },
    providerId: { type: 'string', expr: nocase(targets.providerId) },
    identifier: { type: 'string', expr: targets.identifier, notNull: true },
    providerType: { type: 'string', expr: nocase(targets.providerType), notNull: true },
  },
};
