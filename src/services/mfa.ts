import { and, eq } from 'drizzle-orm';
import { readRecoveryCodes } from '../durable/mfa';
import { AppwriteError } from '../errors/appwrite-error';
import type { MfaFactors } from '../models/mfa';
import type { UserWithTargets } from '../models/user';
import { authenticators, users, type ChallengeRow, type SessionRow } from '../store/schema';
import { userSeqOf } from '../store/users';
import type { ServiceContext } from './context';
import { unwrap, unwrapLimited, userGate, type Limited } from '../durable/client';

const gate = (ctx: ServiceContext, userId: string) => userGate(ctx.env, userId);

/**
 * The user's factors (mfa.md §3.2, §6.2). `recoveryCode` is only computed for the Account route;
 * the Users route always reports `false`, as Appwrite does.
 */
export async function listMfaFactors(ctx: ServiceContext, userId: string, withRecoveryCode: boolean): Promise<MfaFactors> {
  const [[user], totp] = await ctx.db.batch([
    ctx.db
      .select({ email: users.email, phone: users.phone, ev: users.emailVerification, pv: users.phoneVerification, codes: users.mfaRecoveryCodes })
      .from(users)
      .where(eq(users.id, userId)),
    ctx.db
      .select({ id: authenticators.id })
      .from(authenticators)
      .where(and(eq(authenticators.userSeq, userSeqOf(userId)), eq(authenticators.type, 'totp'), eq(authenticators.verified, true)))
      .limit(1),
  ]);
  if (!user) throw new AppwriteError('user_not_found');
  return {
    totp: totp.length > 0,
    phone: Boolean(user.phone && user.pv),
    email: Boolean(user.email && user.ev),
    recoveryCode: withRecoveryCode && (await readRecoveryCodes({ mfaRecoveryCodes: user.codes }, ctx.config.encryptionKey)).length > 0,
  };
}

/** The remaining recovery codes; 404 when there are none. */
export async function getRecoveryCodes(ctx: ServiceContext, userId: string): Promise<string[]> {
  const user = await ctx.db.select({ codes: users.mfaRecoveryCodes }).from(users).where(eq(users.id, userId)).get();
  if (!user) throw new AppwriteError('user_not_found');
  const codes = await readRecoveryCodes({ mfaRecoveryCodes: user.codes }, ctx.config.encryptionKey);
  if (!codes.length) throw new AppwriteError('user_recovery_codes_not_found');
  return codes;
}

export async function issueRecoveryCodes(ctx: ServiceContext, userId: string, mode: 'create' | 'regenerate'): Promise<string[]> {
  return unwrap(await gate(ctx, userId).issueRecoveryCodes(ctx.request, userId, mode));
}

/** Sets `mfa`; from a session (Account route), enabling it grants that session the user's factors. */
export async function updateMfa(ctx: ServiceContext, userId: string, mfa: boolean, sessionId: string | null = null): Promise<UserWithTargets> {
  return unwrap(await gate(ctx, userId).setMfa(ctx.request, userId, mfa, sessionId));
}

export async function deleteTotpAuthenticator(ctx: ServiceContext, userId: string): Promise<void> {
  unwrap(await gate(ctx, userId).deleteTotp(ctx.request, userId));
}

export async function createTotpAuthenticator(ctx: ServiceContext, userId: string): Promise<{ secret: string; uri: string }> {
  return unwrap(await gate(ctx, userId).createTotp(ctx.request, userId));
}

export async function verifyTotpAuthenticator(ctx: ServiceContext, userId: string, otp: string, sessionId: string | null): Promise<UserWithTargets> {
  return unwrap(await gate(ctx, userId).verifyTotp(ctx.request, userId, otp, sessionId));
}

/** Throttled per user (mfa.md §6.6). */
export async function createChallenge(ctx: ServiceContext, userId: string, factor: string): Promise<Limited<ChallengeRow>> {
  return unwrapLimited(await gate(ctx, userId).createChallenge(ctx.request, userId, factor));
}

/** Throttled per challenge and per user; enough wrong answers delete the challenge (`durable/mfa.ts`). */
export async function answerChallenge(
  ctx: ServiceContext,
  userId: string,
  challengeId: string,
  otp: string,
  sessionId: string,
): Promise<Limited<SessionRow>> {
  return unwrapLimited(await gate(ctx, userId).answerChallenge(ctx.request, userId, challengeId, otp, sessionId));
}
