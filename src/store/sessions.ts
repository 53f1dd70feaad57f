import { and, asc, desc, eq, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import { nowIso, type Database } from './database';
import { preparedRead } from './prepared';
import { sessions, tokens, users, type SessionRow } from './schema';
import { jsonObjectSql } from './row-json';
import { toUserWithTargets, userWithTargetsColumns, type UserWithTargets } from './users';

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

/**
 * Everything a credential check needs in ONE statement: the user with its targets, the one session
 * the credential names (`where`, over that user's sessions, oldest first), and whether a verified
 * TOTP authenticator exists (the MFA factor count).
 */
const credentialsRead = (where: SQL) =>
  preparedRead((db) =>
    db
      .select({
        ...userWithTargetsColumns,
        // Aliased and qualified by hand: Drizzle leaves columns of a one-table select unqualified,
        // and "seq" inside the subquery would then be the session's, not the user's.
        sessionJson: sql<string | null>`(select ${sql.raw(jsonObjectSql(sessions, 's'))} from sessions s where s.user_seq = "users"."seq" and ${where} order by s.seq limit 1)`,
        totp: sql<number>`exists (select 1 from authenticators a where a.user_seq = "users"."seq" and a.type = 'totp' and a.verified = 1)`,
      })
      .from(users)
      .where(eq(users.id, sql.placeholder('id'))),
  );

/** By secret: an unexpired session whose stored SHA-256 is the credential's. */
const credentialsBySecret = credentialsRead(sql`s.secret_hash = ${sql.placeholder('secretHash')} and s.expire >= ${sql.placeholder('now')}`);
/** By id: the session a JWT is bound to, expired or not (Appwrite checks only that the user still has it). */
const credentialsBySessionId = credentialsRead(sql`s.id = ${sql.placeholder('sessionId')}`);

interface UserCredentials {
  user: UserWithTargets;
  session: SessionRow | null;
  totpVerified: boolean;
}

/**
 * The user a credential names, the session it names (by its secret's digest, unexpired, or by id
 * for a JWT) and the TOTP state, in one round trip; null when there is no such user.
 */
export async function loadUserCredentials(
  db: Database,
  userId: string,
  session: { secretHash: string } | { sessionId: string },
): Promise<UserCredentials | null> {
  const row =
    'secretHash' in session
      ? await credentialsBySecret.get(db, { id: userId, secretHash: session.secretHash, now: nowIso() })
      : await credentialsBySessionId.get(db, { id: userId, sessionId: session.sessionId });
  if (!row) return null;
  return { user: toUserWithTargets(row), session: row.sessionJson ? (JSON.parse(row.sessionJson) as SessionRow) : null, totpVerified: row.totp === 1 };
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
