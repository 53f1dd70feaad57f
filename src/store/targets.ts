import { sql } from 'drizzle-orm';

/** A target as selected inside JSON (booleans arrive as 0/1). */
export interface TargetJson {
  id: string;
  createdAt: string;
  updatedAt: string;
  userId: string;
  name: string | null;
  providerId: string | null;
  providerType: string;
  identifier: string;
  expired: number | boolean;
}

/**
 * A correlated subquery returning the user's targets (insertion order) as a JSON array, so a
 * user and its targets come back in one statement. `"users"."seq"` is spelled out because Drizzle
 * renders columns unqualified in single-table selects, which would bind to `targets.seq` here.
 */
export const targetsOfUserJson = sql<string>`(select json_group_array(json_object(
  'id', t.id, 'createdAt', t.created_at, 'updatedAt', t.updated_at, 'userId', t.user_id, 'name', t.name,
  'providerId', t.provider_id, 'providerType', t.provider_type, 'identifier', t.identifier, 'expired', t.expired))
  from (select * from targets where targets.user_seq = "users"."seq" order by targets.seq limit 1000) t)`;

export const parseTargetsJson = (value: string | null): TargetJson[] => (value ? JSON.parse(value) : []);
