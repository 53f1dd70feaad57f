import { eq, sql } from 'drizzle-orm';
import { AppwriteError } from '../errors/appwrite-error';
import { identitiesCollection, listQuery } from '../queries';
import { identities, users } from '../store/schema';
import { auditStatement } from '../store/audit-log';
import type { ServiceContext } from './context';

const allIdentities = listQuery(identitiesCollection, (db, p) =>
  db.select().from(identities).where(p.where).orderBy(...p.orderBy).limit(p.limit).offset(p.offset),
);

/**
 * `GET /v1/users/identities` with the identities queries and a `search` over `$id userId provider
 * providerUid providerEmail` (Appwrite 1.6 answers that search with a 400; the engine's search
 * index fixes it). Identities of all users, creation order by default, total capped at 5000.
 */
export async function listIdentities(ctx: ServiceContext, queries: string[], search: string | null, legacySyntax = false, countTotal = true) {
  const page = await allIdentities.run(ctx.db, { queries, search, legacySyntax, countTotal });
  return { total: page.total, identities: page.rows };
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
