import { identitiesSearchIndex, searchCondition } from '../../store/search';
import { identities } from '../../store/schema';
import { TOTAL_CAP } from '../../store/users';
import type { CollectionSpec } from '../collection';
import { documentAttributes, nocase } from './common';

/**
 * `GET /v1/users/identities` (queries.md §4). `search` works here over
 * `$id userId provider providerUid providerEmail` with the users rules — Appwrite 1.6.2 answers
 * it with a 400 (§8.4), which we deliberately fix.
 */
export const identitiesCollection: CollectionSpec = {
  table: identities,
  seq: identities.seq,
  id: identities.id,
  kind: 'documents',
  totalCap: TOTAL_CAP,
  // Appwrite's identities route says "User" here too.
  cursorNotFound: (id) => `User '${id}' for the 'cursor' value not found.`,
  attributes: {
    ...documentAttributes(identities),
    userId: { type: 'string', expr: identities.userId, notNull: true },
    provider: { type: 'string', expr: nocase(identities.provider), notNull: true },
    providerUid: { type: 'string', expr: nocase(identities.providerUid), notNull: true },
    providerEmail: { type: 'string', expr: identities.providerEmail, notNull: true },
    providerAccessTokenExpiry: { type: 'datetime', expr: identities.providerAccessTokenExpiry },
  },
  search: (plan) => searchCondition(identities.seq, identitiesSearchIndex, plan),
};
