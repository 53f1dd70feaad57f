import { eq } from 'drizzle-orm';
import { AppwriteError } from '../errors/appwrite-error';
import { listQuery, logsCollection } from '../queries';
import { rowJson } from '../store/row-json';
import { logs } from '../store/schema';
import { userExists } from '../store/user-lookup';
import { userSeqOf } from '../store/users';
import type { ServiceContext } from './context';

/**
 * Entries about the user who has this id now: entries are kept when a user is deleted, but a new
 * user reusing the id has a new seq and does not inherit them.
 */
const logRow = rowJson(logs);

const entriesOfCurrentUser = listQuery(
  logsCollection,
  (db, p) => db.select({ row: logRow.column }).from(logs).where(p.where).orderBy(...p.orderBy).limit(p.limit).offset(p.offset),
  { scope: (userId) => eq(logs.userSeq, userSeqOf(userId)) },
);

/**
 * `GET /v1/users/{userId}/logs`: entries about the user, newest first, `limit`/`offset` only. One
 * round trip; an empty page (without a count: any empty page) costs a second read to tell a
 * missing user (404) apart.
 */
export async function listUserLogs(ctx: ServiceContext, userId: string, queries: string[], legacySyntax = false, countTotal = true) {
  const page = await entriesOfCurrentUser.run(ctx.db, { queries, legacySyntax, countTotal, owner: userId });
  if (page.total === 0 && page.rows.length === 0 && !(await userExists(ctx.db, userId))) throw new AppwriteError('user_not_found');
  return { total: page.total, logs: page.rows.map((r) => logRow.parse(r.row)) };
}
