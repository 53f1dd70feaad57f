import { and, asc, desc, eq, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import { nowIso, type Database } from './database';
import { preparedRead } from './prepared';
import { authenticators, sessions, tokens, users, type SessionRow } from './schema';
import { selectUserWithTargets, toUserWithTargets, userSeqOf } from './users';

/** Appwrite reads a user's sessions in creation order, at most 1000 (`APP_LIMIT_SUBQUERY`). */
export const SESSIONS_LIMIT = 1000;

/** One statement: a user without sessions is one row with `session` null, an unknown user no row. */
const userWithSessions = preparedRead((db) =>
  db
    .select({ session: sessions })
    .from(users)
    .leftJoin(sessions, eq(sessions.userSeq, users.seq))
    .where(eq(users.id, sql.placeholder('id')))
    .orderBy(asc(sessions.seq))
    .limit(SESSIONS_LIMIT),
);

/** A user's sessions, creation order, or null when there is no such user: one statement. */
export async function sessionsOfUser(db: Database, userId: string): Promise<SessionRow[] | null> {
  const rows = await userWithSessions.all(db, { id: userId });
  return rows.length ? rows.flatMap((r) => (r.session ? [r.session] : [])) : null;
}

const sessionsOfUserId = preparedRead((db) =>
  db
    .select()
    .from(sessions)
    .where(eq(sessions.userSeq, userSeqOf(sql.placeholder('id'))))
    .orderBy(asc(sessions.seq))
    .limit(SESSIONS_LIMIT),
);

const verifiedTotpOfUserId = preparedRead((db) =>
  db
    .select({ id: authenticators.id })
    .from(authenticators)
    .where(and(eq(authenticators.userSeq, userSeqOf(sql.placeholder('id'))), eq(authenticators.type, 'totp'), eq(authenticators.verified, true)))
    .limit(1),
);

/**
 * One round trip for everything a credential check needs: the user with targets, their sessions,
 * and whether a verified TOTP authenticator exists (the MFA factor count).
 */
export async function loadUserCredentials(db: Database, userId: string) {
  const [[user], userSessions, totp] = await db.batch([
    selectUserWithTargets(db, userId),
    sessionsOfUserId.bound(db, { id: userId }),
    verifiedTotpOfUserId.bound(db, { id: userId }),
  ]);
  return { user: user ? toUserWithTargets(user) : null, sessions: userSessions, totpVerified: totp.length > 0 };
}

/** Deletes all but the newest `keep` sessions of a user (max-sessions trimming, oldest first); `when`: only if it holds. */
export const trimSessionsStatement = (db: Database, userSeq: number | SQL, keep: number, when?: SQL) =>
  db
    .delete(sessions)
    .where(
      and(
        eq(sessions.userSeq, userSeq),
        notInArray(
          sessions.seq,
          db.select({ seq: sessions.seq }).from(sessions).where(eq(sessions.userSeq, userSeq)).orderBy(desc(sessions.seq)).limit(keep),
        ),
        when,
      ),
    );

export const findSessionOfUser = (db: Database, userSeq: number, sessionId: string) =>
  db.select().from(sessions).where(and(eq(sessions.userSeq, userSeq), eq(sessions.id, sessionId))).get();

export const latestSessionOfUser = (db: Database, userSeq: number) =>
  db.select().from(sessions).where(eq(sessions.userSeq, userSeq)).orderBy(desc(sessions.seq)).limit(1).get();

/** Replaces a session's factors (kept unique) and optionally stamps a successful challenge. */
export const updateSessionFactorsStatement = (db: Database, session: SessionRow, factors: string[], mfaUpdatedAt?: string) =>
  db
    .update(sessions)
    .set({ factors: [...new Set(factors)], updatedAt: mfaUpdatedAt ?? nowIso(), ...(mfaUpdatedAt ? { mfaUpdatedAt } : {}) })
    .where(eq(sessions.seq, session.seq))
    .returning();


/** Expired tokens are never purged by Appwrite 1.6; we drop them whenever a token is exchanged. */
export const purgeExpiredTokensStatement = (db: Database, userSeq: number | SQL, now: string, when?: SQL) =>
  db.delete(tokens).where(and(eq(tokens.userSeq, userSeq), lt(tokens.expire, now), when));
