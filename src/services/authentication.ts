import { eq } from 'drizzle-orm';
import { AppwriteError } from '../errors/appwrite-error';
import type { UserWithTargets } from '../models/user';
import { nowIso, type Database } from '../store/database';
import { users, type SessionRow } from '../store/schema';
import { findUserWithTargets, findUserWithTargetsByContact } from '../store/users';
import { loadUserCredentials } from '../store/sessions';
import { verifyJwt } from '../crypto/jwt';
import { sha256Hex } from '../crypto/secrets';
import { decodeSessionCredential } from '../crypto/session-credential';

/** A request authenticated as a user, by a session credential or a JWT. */
export interface Authentication {
  user: UserWithTargets;
  /** The session the credential names; JWT requests have none (sessions-tokens.md §10.2). */
  session: SessionRow | null;
  /** Whether the user has a verified TOTP authenticator (a second factor for the MFA gate). */
  totpVerified: boolean;
}

/**
 * Resolves an encoded session credential: the user it names, and the unexpired session whose
 * stored SHA-256 matches the secret. Anything else is simply "not signed in".
 */
export async function authenticateSession(db: Database, credential: string): Promise<Authentication | null> {
  const decoded = decodeSessionCredential(credential);
  if (!decoded) return null;
  const found = await loadUserCredentials(db, decoded.id, { secretHash: sha256Hex(decoded.secret) });
  return found?.session ? found : null;
}

/**
 * Resolves `X-Appwrite-JWT`: an invalid token is 401 `user_jwt_invalid`; a valid one names the
 * user, unless it is bound to a session the user no longer has (then: not signed in). `undefined`
 * when the token names no user, which leaves the session credential in charge.
 */
export async function authenticateJwt(db: Database, jwtSecret: string, token: string): Promise<Authentication | null | undefined> {
  const verified = await verifyJwt(token, jwtSecret);
  if (!verified.ok) throw new AppwriteError('user_jwt_invalid', `Failed to verify JWT. ${verified.reason}`);
  const { userId, sessionId } = verified.payload;
  if (typeof userId !== 'string' || !userId) return undefined;
  const bound = typeof sessionId === 'string' && sessionId !== '';
  const found = await loadUserCredentials(db, userId, { sessionId: bound ? sessionId : '' });
  if (!found || (bound && !found.session)) return null;
  return { user: found.user, session: null, totpVerified: found.totpVerified };
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * `accessedAt` moves at most once a day, on requests the user makes with their own credentials. It
 * runs after the answer (`waitUntil`) and is best-effort: a failed write is logged, never rejected
 * (an unhandled rejection would be reported as the request's own failure).
 */
export function accessedAtUpdate(db: Database, user: UserWithTargets): Promise<unknown> | null {
  if (user.accessedAt && Date.now() - new Date(user.accessedAt).getTime() < DAY_MS) return null;
  return db
    .update(users)
    .set({ accessedAt: nowIso() })
    .where(eq(users.seq, user.seq))
    .run()
    .catch((error: unknown) => console.error('accessedAt update failed', error));
}

/** Whom an impersonating request names (`X-Appwrite-Impersonate-User-Id|Email|Phone`), first set wins. */
export interface ImpersonationTarget {
  id?: string;
  email?: string;
  phone?: string;
}

/**
 * Appwrite 1.9 impersonation: a user flagged `impersonator` who names a target runs the request as
 * that user, with `impersonatorUserId` set. An unknown target leaves the impersonator in charge.
 */
export async function impersonate(db: Database, auth: Authentication, target: ImpersonationTarget): Promise<Authentication> {
  if (!auth.user.impersonator) return auth;
  const user = target.id
    ? await findUserWithTargets(db, target.id)
    : target.email
      ? await findUserWithTargetsByContact(db, 'email', target.email.toLowerCase())
      : target.phone
        ? await findUserWithTargetsByContact(db, 'phone', target.phone)
        : null;
  if (!user) return auth;
  return { ...auth, user: { ...user, impersonatorUserId: auth.user.id } };
}
