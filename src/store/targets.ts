import { sql } from 'drizzle-orm';
import { jsonObjectSql } from './row-json';
import { targets, type TargetRow } from './schema';

/** The target columns a user carries in its model (the rest are internal). */
const FIELDS = ['id', 'createdAt', 'updatedAt', 'userId', 'name', 'providerId', 'providerType', 'identifier', 'expired'] as const;

export type TargetJson = Pick<TargetRow, (typeof FIELDS)[number]>;

/**
 * A correlated subquery returning the user's targets (insertion order) as a JSON array, so a
 * user and its targets come back in one statement; booleans are JSON booleans (row-json.ts).
 * `"users"."seq"` is spelled out because Drizzle renders columns unqualified in single-table
 * selects, which would bind to `targets.seq` here.
 */
export const targetsOfUserJson = sql.raw(`(select json_group_array(${jsonObjectSql(targets, 't', FIELDS)})
  from (select * from targets where targets.user_seq = "users"."seq" order by targets.seq limit 1000) t)`) as ReturnType<typeof sql<string>>;

export const parseTargetsJson = (value: string | null): TargetJson[] => (value ? (JSON.parse(value) as TargetJson[]) : []);

export const toTargetJson = (row: TargetRow): TargetJson =>
  Object.fromEntries(FIELDS.map((field) => [field, row[field]])) as TargetJson;
