import type { IdentityRow } from '../store/schema';
import { renderDate } from './datetime';

/** The Identity model (models.md §5); tokens are returned in plaintext, as Appwrite does. */
export const renderIdentity = (identity: IdentityRow) => ({
  $id: identity.id,
  $createdAt: renderDate(identity.createdAt),
  $updatedAt: renderDate(identity.updatedAt),
  userId: identity.userId,
  provider: identity.provider,
  providerUid: identity.providerUid,
  providerEmail: identity.providerEmail,
  providerAccessToken: identity.providerAccessToken,
  providerAccessTokenExpiry: renderDate(identity.providerAccessTokenExpiry),
  providerRefreshToken: identity.providerRefreshToken,
});
