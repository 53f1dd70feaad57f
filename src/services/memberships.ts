import { asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { AppwriteError } from '../errors/appwrite-error';
import type { MembershipWithNames } from '../models/membership';
import { memberships, teams, users } from '../store/schema';
import { userSeqOf } from '../store/users';
import type { ServiceContext } from './context';

/**
 * `GET /v1/users/{userId}/memberships` (users-api.md §2.16): all of the user's memberships (at
 * most 1000, creation order) with the current team name and the user's current name and email.
 */
export async function listMemberships(ctx: ServiceContext, userId: string): Promise<MembershipWithNames[]> {
  const [[user], rows] = await ctx.db.batch([
    ctx.db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId)),
    ctx.db
      .select({ ...getTableColumns(memberships), teamName: sql<string>`coalesce(${teams.name}, '')` })
      .from(memberships)
      .leftJoin(teams, eq(teams.id, memberships.teamId))
      .where(eq(memberships.userSeq, userSeqOf(userId)))
      .orderBy(asc(memberships.seq))
      .limit(1000),
  ]);
  if (!user) throw new AppwriteError('user_not_found');
  return rows.map((row) => ({ ...row, userName: user.name, userEmail: user.email ?? '' }));
}
