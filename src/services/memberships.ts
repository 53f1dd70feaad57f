import { eq, getTableColumns, sql } from 'drizzle-orm';
import { AppwriteError } from '../errors/appwrite-error';
import type { MembershipWithNames } from '../models/membership';
import { compileQueries, listPage, membershipsCollection } from '../queries';
import { memberships, teams, users } from '../store/schema';
import { userSeqOf } from '../store/users';
import type { ServiceContext } from './context';

export interface ListMembershipsInput {
  queries: string[];
  search: string | null;
  /** `total=false`: no count. */
  countTotal: boolean;
  /** Page size without a `limit` query: 25 since Appwrite 1.7; before, every membership. */
  defaultLimit: number;
}

/**
 * `GET /v1/users/{userId}/memberships` (users-api.md §2.16; 1.7 `queries`/`search`): a page of the
 * user's memberships with the current team name and the user's current name and email, in one
 * round trip. As in Appwrite, `total` is the number on the page.
 */
export async function listMemberships(ctx: ServiceContext, userId: string, input: ListMembershipsInput) {
  const q = compileQueries(input.queries, membershipsCollection, {
    scope: eq(memberships.userSeq, userSeqOf(userId)),
    search: input.search,
    countTotal: false,
    defaultLimit: input.defaultLimit,
  });
  const page = await listPage(
    ctx.db,
    q,
    (p) =>
      ctx.db
        .select({ ...getTableColumns(memberships), teamName: sql<string>`coalesce(${teams.name}, '')` })
        .from(memberships)
        .leftJoin(teams, eq(teams.id, memberships.teamId))
        .where(p.where)
        .orderBy(...p.orderBy)
        .limit(p.limit)
        .offset(p.offset),
    ctx.db.select({ name: users.name, email: users.email, phone: users.phone, accessedAt: users.accessedAt }).from(users).where(eq(users.id, userId)),
  );
  const [user] = page.extra;
  if (!user) throw new AppwriteError('user_not_found');
  const list: MembershipWithNames[] = page.rows.map((row) => ({
    ...row,
    userName: user.name,
    userEmail: user.email ?? '',
    userPhone: user.phone ?? '',
    userAccessedAt: user.accessedAt,
  }));
  return { total: input.countTotal ? list.length : 0, memberships: list };
}
