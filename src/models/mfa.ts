import type { ChallengeRow } from '../store/schema';
import { renderDate } from './datetime';
import type { JsonObject } from './json';

export interface MfaFactors {
  totp: boolean;
  phone: boolean;
  email: boolean;
  recoveryCode: boolean;
}

/** `MFAFactors`, keys in Appwrite's order. */
export const renderMfaFactors = (f: MfaFactors): JsonObject => ({ totp: f.totp, phone: f.phone, email: f.email, recoveryCode: f.recoveryCode });

export const renderRecoveryCodes = (codes: string[]): JsonObject => ({ recoveryCodes: codes });

/** `MFAType`: a new TOTP secret and its provisioning URI. */
export const renderMfaType = (t: { secret: string; uri: string }): JsonObject => ({ secret: t.secret, uri: t.uri });

export const renderMfaChallenge = (c: ChallengeRow): JsonObject => ({
  $id: c.id,
  $createdAt: renderDate(c.createdAt),
  userId: c.userId,
  expire: renderDate(c.expire),
});
