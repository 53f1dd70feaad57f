import { AppwriteError } from '../errors/appwrite-error';
import type { UserWithTargets } from '../models/user';
import { hashPassword, verifyPassword } from '../passwords';
import { nowIso } from '../store/database';
import type { ServiceContext } from './context';
import { assertNoPersonalData } from './password-policy';
import { deleteSessions } from './sessions';
import { applyUserUpdate } from './user-profile';
import { getUser } from './users';

/**
 * `PATCH /v1/users/{userId}/password` (users-api.md §2.9). `''` removes the password: stored as
 * `''` with hash and history untouched (1.6.2 goes on to store an argon2 hash of `''`).
 * Sessions stay valid unless the project sets `INVALIDATE_SESSIONS` (Appwrite 1.8's
 * `auths.invalidateSessions`): then they are deleted, through the user's gate.
 */
export async function updatePassword(ctx: ServiceContext, id: string, plain: string): Promise<UserWithTargets> {
  const updated = await setPassword(ctx, id, plain);
  if (ctx.config.invalidateSessions) await deleteSessions(ctx, id);
  return updated;
}

async function setPassword(ctx: ServiceContext, id: string, plain: string): Promise<UserWithTargets> {
  const user = await getUser(ctx, id);
  if (ctx.config.personalDataCheck) {
    assertNoPersonalData(plain, { userId: user.id, email: user.email, name: user.name, phone: user.phone });
  }
  if (plain === '') return applyUserUpdate(ctx, id, { changes: { password: '', passwordUpdate: nowIso() } });

  const limit = ctx.config.passwordHistory;
  if (limit > 0 && (await usedBefore(ctx, user, plain))) throw new AppwriteError('password_recently_used');
  const hashed = await hashPassword(plain, ctx.config.argon2);
  const passwordHistory = limit > 0 ? [...user.passwordHistory, hashed.password].slice(-limit) : user.passwordHistory;
  return applyUserUpdate(ctx, id, { changes: { ...hashed, passwordHistory, passwordUpdate: nowIso() } });
}

/** History hashes are verified with the user's current algorithm and options, as Appwrite does. */
async function usedBefore(ctx: ServiceContext, user: UserWithTargets, plain: string): Promise<boolean> {
  for (const previous of user.passwordHistory) {
    const stored = { password: previous, hash: user.hash, hashOptions: user.hashOptions };
    const { valid } = await verifyPassword(stored, plain, ctx.config.argon2).catch(() => ({ valid: false }));
    if (valid) return true;
  }
  return false;
}
