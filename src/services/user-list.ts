import { usesLegacyQuerySyntax, type ResponseFormat } from '../models/response-format';
import { listQuery, usersCollection } from '../queries';
import { selectUsersWithTargets, toUserWithTargets } from '../store/users';
import type { ServiceContext } from './context';

export interface ListUsersInput {
  queries: string[];
  search: string | null;
  /** The response format; below 1.5.0 queries may use the pre-1.5 syntax. */
  format?: ResponseFormat;
  /** `total=false` (1.8.1): no count. */
  countTotal?: boolean;
}

/** `GET /v1/users`: a page of users with their targets and the total (capped at 5000), in one round trip. */
const allUsers = listQuery(usersCollection, (db, p) =>
  selectUsersWithTargets(db).where(p.where).orderBy(...p.orderBy).limit(p.limit).offset(p.offset),
);

export async function listUsers(ctx: ServiceContext, input: ListUsersInput) {
  const page = await allUsers.run(ctx.db, {
    queries: input.queries,
    search: input.search,
    legacySyntax: input.format ? usesLegacyQuerySyntax(input.format) : false,
    countTotal: input.countTotal,
  });
  return { total: page.total, users: page.rows.map(toUserWithTargets) };
}
