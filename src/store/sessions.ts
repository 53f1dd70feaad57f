import { and, asc, desc, eq, gte, lt, notInArray, type SQL } from 'drizzle-orm';
import { nowIso, type Database } from './database';
import { authenticators, sessions, tokens, users, type SessionRow } from './schema';
import { selectUserWithTargets, toUserWithTargets, userSeqOf } from './users';

/** Appwrite reads a user's sessions in creation order, at most 1000 (`APP_LIMIT_SUBQUERY`). */
export const SESSIONS_LIMIT = 1000;

/** A user's sessions, creation order, and whether the user exists: one round trip. */
export async function sessionsOfUser(db: Database, userId: string): Promise<SessionRow[] | null> {
  const [found, list] = await db.batch([
    db.select({ seq: users.seq }).from(users).where(eq(users.id, userId)).limit(1),
    selectSessionsOfUser(db, userSeqOf(userId)),
  ]);
  return found.length ? list : null;
}

const selectSessionsOfUser = (db: Database, userSeq: number | SQL) =>
  db.select().from(sessions).where(eq(sessions.userSeq, userSeq)).orderBy(asc(sessions.seq)).limit(SESSIONS_LIMIT);

/**
 * One round trip for everything a credential check needs: the user with targets, their sessions,
 * and whether a verified TOTP authenticator exists (the MFA factor count).
 */
export async function loadUserCredentials(db: Database, userId: string) {
  const seq = userSeqOf(userId);
  const [[user], userSessions, totp] = await db.batch([
    selectUserWithTargets(db, userId),
    selectSessionsOfUser(db, seq),
    db
      .select({ id: authenticators.id })
      .from(authenticators)
      .where(and(eq(authenticators.userSeq, seq), eq(authenticators.type, 'totp'), eq(authenticators.verified, true)))
      .limit(1),
  ]);
  return { user: user ? toUserWithTargets(user) : null, sessions: userSessions, totpVerified: totp.length > 0 };
}

/** Deletes all but the newest `keep` sessions of a user (max-sessions trimming, oldest first). */
export const trimSessionsStatement = (db: Database, userSeq: number, keep: number) =>
  db
    .delete(sessions)
    .where(
      and(
        eq(sessions.userSeq, userSeq),
        notInArray(
          sessions.seq,
          db.select({ seq: sessions.seq }).from(sessions).where(eq(sessions.userSeq, userSeq)).orderBy(desc(sessions.seq)).limit(keep),
        ),
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

export const unexpiredTokensOfUser = (db: Database, userSeq: number | SQL, now: string) =>
  db.select().from(tokens).where(and(eq(tokens.userSeq, userSeq), gte(tokens.expire, now))).orderBy(asc(tokens.seq));

/** Expired tokens are never purged by Appwrite 1.6; we drop them whenever a token is exchanged. */
export const purgeExpiredTokensStatement = (db: Database, userSeq: number, now: string) =>
  db.delete(tokens).where(and(eq(tokens.userSeq, userSeq), lt(tokens.expire, now)));
