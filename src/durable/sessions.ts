import { and, eq, exists, gte, inArray, sql, type SQL } from 'drizzle-orm';
import { parseUserAgent } from '../audit/user-agent';
import { AppwriteError } from '../errors/appwrite-error';
import { hashPassword, verifyPassword } from '../passwords';
import { randomHex, sha256Hex } from '../crypto/secrets';
import { encodeSessionCredential } from '../crypto/session-credential';
import { auditStatement } from '../store/audit-log';
import { nowIso } from '../store/database';
import { insertSelect } from '../store/insert-select';
import { sessions, tokens, users, type SessionRow, type UserRow } from '../store/schema';
import { refundLoginFromIpStatement } from '../store/login-attempts';
import { purgeExpiredTokensStatement, trimSessionsStatement } from '../store/sessions';
import { userSeqOf } from '../store/users';
import { uniqueId } from '../validation/ids';
import { audit, requireUser, type GateContext } from './gate-context';

/** Where a credential request came from; stored on the session. */
export interface SessionClient {
  ip: string;
  userAgent: string;
  countryCode: string;
}

export interface IssuedSession {
  session: SessionRow;
  /** The usable credential (encoded `{id, secret}`), shown once. */
  secret: string;
}

interface SessionKind {
  provider: string;
  providerUid: string;
  factors: string[];
}

/** Appwrite's session secret: 256 hex characters; only its SHA-256 is stored. */
async function sessionValues(g: GateContext, kind: SessionKind, client: SessionClient) {
  const secret = randomHex(256);
  const now = nowIso();
  const values = {
    id: uniqueId(),
    createdAt: now,
    updatedAt: now,
    ...kind,
    secretHash: sha256Hex(secret),
    userAgent: client.userAgent,
    ip: client.ip,
    countryCode: client.countryCode,
    client: { ...parseUserAgent(client.userAgent) },
    expire: new Date(Date.now() + g.config.sessionDuration * 1000).toISOString(),
  };
  return { values, secret };
}

/** Whether the session with this id exists: the condition every other write of its batch carries. */
const sessionInserted = (g: GateContext, id: string) => exists(g.db.select({ one: sql`1` }).from(sessions).where(eq(sessions.id, id)));

/** Max-sessions trimming after an Account-API login (sessions-tokens.md §7), if `when` holds; 0 or less means unlimited. */
const trimSessions = (g: GateContext, userSeq: number | SQL, when: SQL) =>
  g.config.maxSessions > 0 ? [trimSessionsStatement(g.db, userSeq, g.config.maxSessions, when)] : [];

/** `POST /users/{id}/sessions`: a `server` session; Appwrite applies no max-sessions trimming here. */
export async function createServerSession(g: GateContext, userId: string, client: SessionClient): Promise<IssuedSession> {
  const { values, secret } = await sessionValues(g, { provider: 'server', providerUid: '', factors: ['server'] }, client);
  // One batch: the session row is selected from the user's (none when there is no such user).
  const insert = insertSelect(g.db, sessions, { ...values, userSeq: sql`${users.seq}`, userId: sql`${users.id}` }, sql`from ${users} where ${users.id} = ${userId}`);
  const [[session]] = await g.db.batch([insert.returning(), auditStatement(g, 'session.create', userId)]);
  if (!session) throw new AppwriteError('user_not_found');
  return { session, secret: encodeSessionCredential(session.userId, secret) };
}

export interface LoginInput {
  userId: string;
  /** Lower-cased. */
  email: string;
  password: string;
  client: SessionClient;
  /** The user as the Worker's e-mail lookup read it: verified here, and required unchanged by the session insert. */
  user: UserRow;
  /** The client IP's reserved attempt, given back in the session's batch (logins that are throttled per IP). */
  refund?: { ip: string; until: number };
}

/**
 * Email/password login (account-minimal.md §3): verify with the stored algorithm, refuse blocked
 * users only after a correct password, then ONE batch creates the session, trims the oldest beyond
 * the limit, gives back the IP's attempt and moves non-argon2 hashes to the default argon2id. The
 * user was read with the e-mail lookup, before this gate; the batch writes only if the row is still
 * the one verified (else it is read again and the login re-run against it, once).
 */
export async function login(g: GateContext, input: LoginInput, retried = false): Promise<IssuedSession> {
  const { user } = input;
  if (user.email?.toLowerCase() !== input.email || !user.passwordUpdate) return refuseLogin(g, input.password);
  const { valid } = await verifyPassword(user, input.password, g.config.argon2);
  if (!valid) throw new AppwriteError('user_invalid_credentials');
  if (!user.status) throw new AppwriteError('user_blocked');

  const { values, secret } = await sessionValues(g, { provider: 'email', providerUid: input.email, factors: ['password'] }, input.client);
  const unchanged = sql`${users.seq} = ${user.seq} and ${users.password} is ${user.password} and ${users.status} = 1 and ${users.email} = ${input.email}`;
  const insert = insertSelect(g.db, sessions, { ...values, userSeq: sql`${users.seq}`, userId: sql`${users.id}` }, sql`from ${users} where ${unchanged}`);
  const created = sessionInserted(g, values.id);
  // Appwrite re-hashes by algorithm name only: argon2 users keep their parameters (password-hashes.md §5).
  const rehash =
    user.hash === 'argon2'
      ? []
      : [
          g.db
            .update(users)
            .set(await hashPassword(input.password, g.config.argon2))
            .where(and(eq(users.seq, user.seq), eq(users.password, user.password!), created)),
        ];
  const refund = input.refund ? [refundLoginFromIpStatement(g.db, input.refund.ip, input.refund.until, created)] : [];
  const [[session]] = await g.db.batch([
    insert.returning(),
    audit(g, 'session.create', user, { signedIn: true, when: created }),
    ...trimSessions(g, user.seq, created),
    ...rehash,
    ...refund,
  ]);
  if (session) return { session, secret: encodeSessionCredential(user.id, secret) };
  // Changed between the lookup and this gate (password, status or e-mail): decide on the row as it is now.
  const now = await g.db.select().from(users).where(eq(users.seq, user.seq)).get();
  if (!now || retried) return refuseLogin(g, input.password);
  return login(g, { ...input, user: now }, true);
}

/**
 * Refuses a login that has no password to check (unknown email, user without password) after the
 * work a wrong password costs: one hash at the project's current argon2id cost, which is what
 * verifying a default user's password costs. Without it the refusal answers ~3x faster and tells
 * which emails have accounts.
 */
export async function refuseLogin(g: GateContext, password: string): Promise<never> {
  await hashPassword(password, g.config.argon2);
  throw new AppwriteError('user_invalid_credentials');
}

/** First factor and provider of the session a token type yields (account-minimal.md §4). */
const TOKEN_KINDS: Record<number, { factor: string; provider: string; verifies?: 'email' | 'phone' }> = {
  8: { factor: 'token', provider: 'token' },
  5: { factor: 'email', provider: 'magic-url', verifies: 'email' },
  9: { factor: 'email', provider: 'token', verifies: 'email' },
  6: { factor: 'phone', provider: 'phone', verifies: 'phone' },
  7: { factor: 'email', provider: 'oauth2' },
};

/**
 * `POST /account/sessions/token` in ONE batch, single use because the batch that creates the session
 * deletes the token. The token is matched by the SHA-256 of the secret; every write is conditioned
 * on the session row having been inserted (user found and active, token matched, unexpired and of
 * a type that yields a session), and the batch's first statement tells which error it was if not.
 */
export async function exchangeToken(g: GateContext, userId: string, secret: string, client: SessionClient): Promise<IssuedSession> {
  const now = nowIso();
  const hash = sha256Hex(secret);
  const { values, secret: sessionSecret } = await sessionValues(g, { provider: '', providerUid: '', factors: [] }, client);
  const types = Object.keys(TOKEN_KINDS).map(Number);
  const matching = (typeIn: number[]) =>
    and(eq(tokens.userSeq, users.seq), eq(tokens.secretHash, hash), gte(tokens.expire, now), inArray(tokens.type, typeIn));
  const kindOf = (field: 'provider' | 'factor') =>
    sql`case ${tokens.type} ${sql.join(types.map((type) => sql`when ${type} then ${TOKEN_KINDS[type][field]}`), sql` `)} end`;
  const created = sessionInserted(g, values.id);
  const verified = (kind: 'email' | 'phone') => types.filter((type) => TOKEN_KINDS[type].verifies === kind);
  const seq = userSeqOf(userId);
  const [[found], [session]] = await g.db.batch([
    g.db.select({ status: users.status, type: tokens.type }).from(users).leftJoin(tokens, matching(types)).where(eq(users.id, userId)).limit(1),
    insertSelect(
      g.db,
      sessions,
      { ...values, provider: kindOf('provider'), factors: sql`json_array(${kindOf('factor')})`, userSeq: sql`${users.seq}`, userId: sql`${users.id}` },
      sql`from ${users} join ${tokens} on ${matching(types)} where ${users.id} = ${userId} and ${users.status} = 1 limit 1`,
    ).returning(),
    auditStatement(g, 'session.create', userId, { signedIn: true, when: created }),
    // A magic-URL/e-mail token verifies the e-mail, a phone token the phone (before the token goes).
    ...(['email', 'phone'] as const).map((kind) =>
      g.db
        .update(users)
        .set(kind === 'email' ? { emailVerification: true, updatedAt: now } : { phoneVerification: true, updatedAt: now })
        .where(and(eq(users.id, userId), created, exists(g.db.select({ one: sql`1` }).from(tokens).where(matching(verified(kind)))))),
    ),
    g.db.delete(tokens).where(and(eq(tokens.userSeq, seq), eq(tokens.secretHash, hash), created)),
    purgeExpiredTokensStatement(g.db, seq, now, created),
    ...trimSessions(g, seq, created),
  ]);
  if (!found || found.type === null) throw new AppwriteError('user_invalid_token');
  // Appwrite mints a session a blocked user cannot use; we refuse up front (docs/deviations.md).
  if (!found.status || !session) throw new AppwriteError('user_blocked');
  return { session, secret: encodeSessionCredential(session.userId, sessionSecret) };
}

/** Deletes one of the user's sessions; a session of another user is "not found" (Appwrite forgets this check). */
export async function deleteSession(g: GateContext, userId: string, sessionId: string): Promise<SessionRow> {
  const user = await requireUser(g, userId);
  const owned = and(eq(sessions.userSeq, user.seq), eq(sessions.id, sessionId));
  const [, [deleted]] = await g.db.batch([
    audit(g, 'session.delete', user, { when: exists(g.db.select().from(sessions).where(owned)) }),
    g.db.delete(sessions).where(owned).returning(),
  ]);
  if (!deleted) throw new AppwriteError('user_session_not_found');
  return deleted;
}

export async function deleteSessions(g: GateContext, userId: string): Promise<SessionRow[]> {
  const user = await requireUser(g, userId);
  const [, deleted] = await g.db.batch([audit(g, 'session.delete', user), g.db.delete(sessions).where(eq(sessions.userSeq, user.seq)).returning()]);
  return deleted;
}
