import { sql } from 'drizzle-orm';
import { literal, literalList } from '../../store/literal';
import { searchArms, searchCondition, substringCandidates, usersSearchIndex } from '../../store/search';
import { userLabels, users } from '../../store/schema';
import { TOTAL_CAP } from '../../store/users';
import type { CollectionSpec } from '../collection';
import { documentAttributes, nocase } from './common';

const grams = (column: string) => (values: string[]) => substringCandidates(users.seq, usersSearchIndex, column, values);

/** `GET /v1/users` (queries.md §4). */
export const usersCollection: CollectionSpec = {
  table: users,
  seq: users.seq,
  id: users.id,
  kind: 'documents',
  totalCap: TOTAL_CAP,
  cursorNotFound: (id) => `User '${id}' for the 'cursor' value not found.`,
  attributes: {
    ...documentAttributes(users),
    $id: { type: 'string', expr: users.id, notNull: true, substringCandidates: grams('id') },
    name: { type: 'string', expr: nocase(users.name), notNull: true, substringCandidates: grams('name') },
    email: { type: 'string', expr: users.email, substringCandidates: grams('email') },
    phone: { type: 'string', expr: nocase(users.phone), substringCandidates: grams('phone') },
    status: { type: 'boolean', expr: users.status, notNull: true },
    passwordUpdate: { type: 'datetime', expr: users.passwordUpdate },
    registration: { type: 'datetime', expr: users.registration, notNull: true },
    emailVerification: { type: 'boolean', expr: users.emailVerification, notNull: true },
    phoneVerification: { type: 'boolean', expr: users.phoneVerification, notNull: true },
    // Appwrite 1.9.0.
    impersonator: { type: 'boolean', expr: users.impersonator, notNull: true },
    labels: {
      type: 'string',
      array: true,
      notNull: true,
      expr: users.labels,
      // Exact, case-sensitive element match, as Appwrite compares JSON strings.
      containsAny: (values) =>
        sql`${users.seq} in (select ${userLabels.userSeq} from ${userLabels} where ${userLabels.label} in (${literalList(values)}))`,
      // One arm per label: the (label, user_seq) primary key lists each label's users in order.
      containsAnyArms: (values) =>
        values.map((value) => ({
          from: sql`${userLabels}`,
          seq: sql`${userLabels.userSeq}`,
          where: sql`${userLabels.label} = ${literal(value)}`,
        })),
    },
  },
  search: (plan) => searchCondition(users.seq, usersSearchIndex, plan),
  searchArms: (plan) => searchArms(usersSearchIndex, plan),
};
