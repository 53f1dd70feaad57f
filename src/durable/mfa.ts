import { and, asc, eq, exists, isNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { AppwriteError } from '../errors/appwrite-error';
import { timingSafeEqual } from '../crypto/encoding';
import { decryptJson, encryptJson } from '../crypto/at-rest';
import { randomHex } from '../crypto/secrets';
import { newTotpSecret, provisioningUri, totpCode } from '../crypto/totp';
import { nowIso } from '../store/database';
import { authenticators, challenges, users, type AuthenticatorRow, type ChallengeRow, type SessionRow, type UserRow } from '../store/schema';
import { findSessionOfUser, updateSessionFactorsStatement } from '../store/sessions';
import { selectUserWithTargets, toUserWithTargets, type UserWithTargets } from '../store/users';
import { uniqueId } from '../validation/ids';
import { audit, requireUser, type GateContext } from './gate-context';
import { bumpCounter, CHALLENGE_WRONG_ANSWERS, dropCounter } from './throttle';

/** `generateBackupCodes()`: 6 codes of 10 hex characters. */
const newRecoveryCodes = () => Array.from({ length: 6 }, () => randomHex(10));

export async function readRecoveryCodes(user: Pick<UserRow, 'mfaRecoveryCodes'>, encryptionKey: string): Promise<string[]> {
  return user.mfaRecoveryCodes ? decryptJson<string[]>(user.mfaRecoveryCodes, encryptionKey) : [];
}

/** Stored encrypted; an empty set is stored as null so "none" has one representation. */
async function recoveryCodesColumn(codes: string[], encryptionKey: string) {
  return codes.length ? encryptJson(codes, encryptionKey) : null;
}

/** Create (`PATCH …/recovery-codes`) or regenerate (`PUT`); one set per user, enforced by the gate. */
export async function issueRecoveryCodes(g: GateContext, userId: string, mode: 'create' | 'regenerate'): Promise<string[]> {
  const user = await requireUser(g, userId);
  const existing = await readRecoveryCodes(user, g.config.encryptionKey);
  if (mode === 'create' && existing.length) throw new AppwriteError('user_recovery_codes_already_exists');
  if (mode === 'regenerate' && !existing.length) throw new AppwriteError('user_recovery_codes_not_found');
  const codes = newRecoveryCodes();
  const unchanged = user.mfaRecoveryCodes === null ? isNull(users.mfaRecoveryCodes) : eq(users.mfaRecoveryCodes, user.mfaRecoveryCodes);
  const [updated] = await g.db.batch([
    g.db
      .update(users)
      .set({ mfaRecoveryCodes: await recoveryCodesColumn(codes, g.config.encryptionKey), updatedAt: nowIso() })
      .where(and(eq(users.seq, user.seq), unchanged))
      .returning({ seq: users.seq }),
    audit(g, 'user.update', user),
  ]);
  if (!updated.length) throw new Error('Recovery codes changed outside the user gate');
  return codes;
}

const totpOf = (g: GateContext, user: UserRow) =>
  g.db
    .select()
    .from(authenticators)
    .where(and(eq(authenticators.userSeq, user.seq), eq(authenticators.type, 'totp')))
    .orderBy(asc(authenticators.seq))
    .get();

const totpSecretOf = async (g: GateContext, authenticator: AuthenticatorRow) =>
  (await decryptJson<{ secret: string }>(authenticator.data, g.config.encryptionKey)).secret;

const isCurrentTotp = async (secret: string, otp: string) => timingSafeEqual(await totpCode(secret, Date.now() / 1000), otp);

/** `POST /account/mfa/authenticators/totp`: replaces an unverified authenticator, refuses a verified one. */
export async function createTotp(g: GateContext, userId: string): Promise<{ secret: string; uri: string }> {
  const user = await requireUser(g, userId);
  const existing = await totpOf(g, user);
  if (existing?.verified) throw new AppwriteError('user_authenticator_already_verified');
  const secret = newTotpSecret();
  const now = nowIso();
  await g.db.batch([
    g.db.delete(authenticators).where(and(eq(authenticators.userSeq, user.seq), eq(authenticators.type, 'totp'))),
    g.db.insert(authenticators).values({
      id: uniqueId(),
      createdAt: now,
      updatedAt: now,
      userSeq: user.seq,
      userId: user.id,
      type: 'totp',
      verified: false,
      data: await encryptJson({ secret }, g.config.encryptionKey),
    }),
    audit(g, 'user.update', user),
  ]);
  // otphp needs a label; Appwrite uses the email (500 without one). We fall back to phone, then id.
  const label = user.email || user.phone || user.id;
  return { secret, uri: provisioningUri(g.config.projectName, label, secret) };
}

/**
 * The batch's last statement reads the user back, so the caller needs no read after the commit (a
 * failed read there would answer 500 for a change that was made).
 */
async function commitAndReadUser(g: GateContext, userId: string, statements: BatchItem<'sqlite'>[]): Promise<UserWithTargets> {
  const results = (await g.db.batch([...statements, selectUserWithTargets(g.db, userId)] as unknown as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])) as unknown[];
  const [row] = results[results.length - 1] as Parameters<typeof toUserWithTargets>[0][];
  return toUserWithTargets(row);
}

/** `PUT /account/mfa/authenticators/totp`: proves the enrolment; the current session gains the `totp` factor. */
export async function verifyTotp(g: GateContext, userId: string, otp: string, sessionId: string | null): Promise<UserWithTargets> {
  const user = await requireUser(g, userId);
  const authenticator = await totpOf(g, user);
  if (!authenticator) throw new AppwriteError('user_authenticator_not_found');
  if (authenticator.verified) throw new AppwriteError('user_authenticator_already_verified');
  if (!(await isCurrentTotp(await totpSecretOf(g, authenticator), otp))) throw new AppwriteError('user_invalid_token');
  const session = sessionId ? await findSessionOfUser(g.db, user.seq, sessionId) : undefined;
  return commitAndReadUser(g, userId, [
    g.db.update(authenticators).set({ verified: true, updatedAt: nowIso() }).where(eq(authenticators.seq, authenticator.seq)),
    audit(g, 'user.update', user),
    ...(session ? [updateSessionFactorsStatement(g.db, session, [...session.factors, 'totp'])] : []),
  ]);
}

export async function deleteTotp(g: GateContext, userId: string): Promise<void> {
  const user = await requireUser(g, userId);
  const totp = and(eq(authenticators.userSeq, user.seq), eq(authenticators.type, 'totp'));
  const [, deleted] = await g.db.batch([
    audit(g, 'user.update', user, { when: exists(g.db.select().from(authenticators).where(totp)) }),
    g.db.delete(authenticators).where(totp).returning({ seq: authenticators.seq }),
  ]);
  if (!deleted.length) throw new AppwriteError('user_authenticator_not_found');
}

/**
 * Sets `user.mfa`. Enabling it from a session (`PATCH /account/mfa`) first grants that session every
 * factor the user already has, so the caller is not locked out.
 */
export async function setMfa(g: GateContext, userId: string, mfa: boolean, sessionId: string | null): Promise<UserWithTargets> {
  const user = await requireUser(g, userId);
  const session = mfa && sessionId ? await findSessionOfUser(g.db, user.seq, sessionId) : undefined;
  const grant = session ? await factorsOf(g, user) : [];
  return commitAndReadUser(g, userId, [
    g.db.update(users).set({ mfa, updatedAt: nowIso() }).where(eq(users.seq, user.seq)),
    audit(g, 'user.update', user),
    ...(session ? [updateSessionFactorsStatement(g.db, session, [...session.factors, ...grant])] : []),
  ]);
}

async function factorsOf(g: GateContext, user: UserRow): Promise<string[]> {
  const totp = await totpOf(g, user);
  return [
    ...(totp?.verified ? ['totp'] : []),
    ...(user.email && user.emailVerification ? ['email'] : []),
    ...(user.phone && user.phoneVerification ? ['phone'] : []),
  ];
}

/** Factor names as sessions record them: `recoverycode` in any case becomes `recoveryCode` (mfa.md §6.7). */
const canonicalFactor = (factor: string) => (factor.toLowerCase() === 'recoverycode' ? 'recoveryCode' : factor.toLowerCase());

/**
 * `POST /account/mfa/challenge`. Email and phone challenges need a mail/SMS provider this server
 * does not have, so they fail as Appwrite does without one; TOTP and recovery-code challenges send nothing.
 */
export async function createChallenge(g: GateContext, userId: string, factor: string): Promise<ChallengeRow> {
  const user = await requireUser(g, userId);
  const kind = canonicalFactor(factor);
  if (kind === 'email') throw new AppwriteError('general_smtp_disabled', 'SMTP disabled');
  if (kind === 'phone') throw new AppwriteError('general_phone_disabled', 'Phone provider not configured');
  const now = new Date();
  const [challenge] = await g.db
    .insert(challenges)
    .values({
      id: uniqueId(),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      userSeq: user.seq,
      userId: user.id,
      type: factor,
      code: String(crypto.getRandomValues(new Uint32Array(1))[0] % 1_000_000).padStart(6, '0'),
      expire: new Date(now.getTime() + 3600_000).toISOString(),
    })
    .returning();
  return challenge;
}

/**
 * `PUT /account/mfa/challenge`: the challenge must be the caller's and unexpired (checks Appwrite
 * 1.6 lacks). Success deletes it, consumes a used recovery code, and records the factor and the
 * time on the session.
 */
export async function answerChallenge(g: GateContext, userId: string, challengeId: string, otp: string, sessionId: string): Promise<SessionRow> {
  const user = await requireUser(g, userId);
  const session = await findSessionOfUser(g.db, user.seq, sessionId);
  if (!session) throw new AppwriteError('user_session_not_found');
  const challenge = await g.db
    .select()
    .from(challenges)
    .where(and(eq(challenges.userSeq, user.seq), eq(challenges.id, challengeId)))
    .get();
  if (!challenge || challenge.expire < nowIso()) throw new AppwriteError('user_invalid_token');

  const factor = canonicalFactor(challenge.type);
  let remainingCodes: string[] | null = null;
  let right = false;
  if (factor === 'totp') {
    const authenticator = await totpOf(g, user);
    right = Boolean(authenticator && (await isCurrentTotp(await totpSecretOf(g, authenticator), otp)));
  } else if (factor === 'recoveryCode') {
    const codes = await readRecoveryCodes(user, g.config.encryptionKey);
    const index = codes.findIndex((code) => timingSafeEqual(code, otp));
    right = index >= 0;
    remainingCodes = codes.filter((_, i) => i !== index);
  } else {
    right = (factor === 'email' || factor === 'phone') && timingSafeEqual(challenge.code, otp);
  }
  if (!right) return wrongAnswer(g, challenge);

  const now = nowIso();
  const [, [updated]] = await g.db.batch([
    g.db.delete(challenges).where(eq(challenges.seq, challenge.seq)),
    updateSessionFactorsStatement(g.db, session, [...session.factors, factor], now),
    ...(remainingCodes
      ? [
          g.db
            .update(users)
            .set({ mfaRecoveryCodes: await recoveryCodesColumn(remainingCodes, g.config.encryptionKey), updatedAt: now })
            .where(eq(users.seq, user.seq)),
        ]
      : []),
  ]);
  await dropCounter(g.storage, wrongAnswersKey(challenge));
  return updated;
}

const wrongAnswersKey = (challenge: ChallengeRow) => `challenge-wrong|${challenge.seq}`;

/** Counts a wrong answer; the `CHALLENGE_WRONG_ANSWERS`th deletes the challenge (issue 12: no endless guessing). */
async function wrongAnswer(g: GateContext, challenge: ChallengeRow): Promise<never> {
  const until = Math.ceil(new Date(challenge.expire).getTime() / 1000);
  if ((await bumpCounter(g.storage, wrongAnswersKey(challenge), until)) >= CHALLENGE_WRONG_ANSWERS) {
    await g.db.delete(challenges).where(eq(challenges.seq, challenge.seq));
    await dropCounter(g.storage, wrongAnswersKey(challenge));
  }
  throw new AppwriteError('user_invalid_token');
}
