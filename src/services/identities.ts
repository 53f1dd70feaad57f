import { asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { AppwriteError } from '../errors/appwrite-error';
import { identities, users } from '../store/schema';
import { TOTAL_CAP } from '../store/users';
import { auditStatement } from './audit-log';
import type { ServiceContext } from './context';
import { parsePageQueries } from './page-queries';

const SEARCHED = [identities.id, identities.userId, identities.provider, identities.providerUid, identities.providerEmail];

/**
 * The `search` Appwrite 1.6 cannot run on identities (it answers 400): every whitespace-separated
 * word of the term (surrounding quotes dropped) is matched as a case-insensitive substring of the
 * id, user id, provider, provider uid or provider email; any word matching is enough, like
 * Appwrite's OR semantics on users. A term with no words matches nothing.
 */
function searchCondition(term: string): SQL {
  const words = term.replace(/^"|"$/g, '').split(/\s+/).filter(Boolean);
  if (words.length === 0) return sql`0`;
  const likes = words.flatMap((word) => {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return SEARCHED.map((column) => sql`${column} like ${pattern} escape '\\'`);
  });
  return or(...likes) as SQL;
}

/**
 * `GET /v1/users/identities`: identities of all users in creation order, total capped at 5000.
 * TODO(queries engine, issue #3): only `limit`/`offset` are understood until `src/queries` exports
 * the engine; then validate and apply the identities attributes (users-api.md §2.23) through it.
 */
export async function listIdentities(ctx: ServiceContext, queries: string[], search: string | null) {
  const { limit, offset } = parsePageQueries(queries);
  const where = search ? searchCondition(search) : undefined;
  const [rows, [{ total }]] = await ctx.db.batch([
    ctx.db.select().from(identities).where(where).orderBy(asc(identities.seq)).limit(limit).offset(offset),
    ctx.db
      .select({ total: sql<number>`count(*)` })
      .from(ctx.db.select({ one: sql`1` }).from(identities).where(where).limit(TOTAL_CAP).as('capped')),
  ]);
  return { total, identities: rows };
}

/** `DELETE /v1/users/identities/{identityId}`: the identity only; its user and sessions stay. */
export async function deleteIdentity(ctx: ServiceContext, identityId: string): Promise<void> {
  const [, deleted] = await ctx.db.batch([
    auditStatement(ctx, 'identity.delete', null, {
      subject: sql`${users.seq} = (select ${identities.userSeq} from ${identities} where ${identities.id} = ${identityId})`,
      resource: `identity/${identityId}`,
    }),
    ctx.db.delete(identities).where(eq(identities.id, identityId)).returning({ id: identities.id }),
  ]);
  if (deleted.length === 0) throw new AppwriteError('user_identity_not_found');
}
