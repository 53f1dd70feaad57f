import { sql } from 'drizzle-orm';
import { memberships } from '../../store/schema';
import { literal, literalList } from '../../store/literal';
import type { CollectionSpec } from '../collection';
import { documentAttributes } from './common';

const likeEscape = (value: string) => value.replace(/[\\%_]/g, '\\$&');

/**
 * `GET /v1/users/{userId}/memberships` (Appwrite 1.7: `queries` on `userId, teamId, invited,
 * joined, confirm, roles`, and `search`). Pass the user as `scope`. A user has few memberships, so
 * `search` needs no index: Appwrite's search text is `<membershipId> <userId>` and it ORs the words
 * of the term; here a word matches as a case-insensitive substring of either.
 */
export const membershipsCollection: CollectionSpec = {
  table: memberships,
  seq: memberships.seq,
  id: memberships.id,
  kind: 'documents',
  totalCap: null,
  cursorNotFound: (id) => `Membership '${id}' for the 'cursor' value not found.`,
  attributes: {
    ...documentAttributes(memberships),
    userId: { type: 'string', expr: memberships.userId, notNull: true },
    teamId: { type: 'string', expr: memberships.teamId, notNull: true },
    invited: { type: 'datetime', expr: memberships.invited },
    joined: { type: 'datetime', expr: memberships.joined },
    confirm: { type: 'boolean', expr: memberships.confirm, notNull: true },
    roles: {
      type: 'string',
      expr: memberships.roles,
      array: true,
      notNull: true,
      containsAny: (values) =>
        sql`exists (select 1 from json_each(${memberships.roles}) where json_each.value collate nocase in (${literalList(values)}))`,
    },
  },
  search: (_plan, term) => {
    const words = term.replace(/[@,+\-*)(<>~"]/g, ' ').split(/\s+/).filter(Boolean);
    if (words.length === 0) return sql`0`;
    const text = sql`(${memberships.id} || ' ' || ${memberships.userId})`;
    return sql`(${sql.join(
      words.map((w) => sql`${text} like ${literal(`%${likeEscape(w)}%`)} escape '\\'`),
      sql` or `,
    )})`;
  },
};
