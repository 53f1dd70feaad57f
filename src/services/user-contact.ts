import { sql } from 'drizzle-orm';
import { AppwriteError } from '../errors/appwrite-error';
import type { UserWithTargets } from '../models/user';
import { contactTargetStatements } from '../store/contact-targets';
import { constraintViolation, nowIso } from '../store/database';
import { identities, users } from '../store/schema';
import { userSeqOf } from '../store/users';
import { uniqueId } from '../validation/ids';
import type { ServiceContext } from './context';
import { applyUserUpdate } from './user-profile';

/**
 * `PATCH /v1/users/{userId}/email` (users-api.md §2.7): lower-cased; `''` clears it. The email
 * target follows and `emailVerification` resets, all in one batch. Re-sending the user's current
 * email is a no-op (Appwrite answers 409 because the user's own target holds it).
 */
export async function updateEmail(ctx: ServiceContext, id: string, input: string): Promise<UserWithTargets> {
  const email = input.toLowerCase();
  try {
    return await updateContact(ctx, id, 'email', email);
  } catch (error) {
    const violated = constraintViolation(error);
    if (violated === 'identity_email' || violated === 'users.email') throw new AppwriteError('user_email_already_exists');
    // The target statements run before the user row (whose trigger checks identities), so an
    // identity conflict, which Appwrite reports first, has to be looked up here.
    if (violated === 'targets.identifier') {
      throw new AppwriteError((await identityHoldsEmail(ctx, id, email)) ? 'user_email_already_exists' : 'user_target_already_exists');
    }
    throw error;
  }
}

/** `PATCH /v1/users/{userId}/phone` (users-api.md §2.8): as email, with the sms target and no identity check. */
/** `emptyIsNull` (Appwrite 1.9.5): clearing the phone stores null rather than "". */
export async function updatePhone(ctx: ServiceContext, id: string, phone: string, emptyIsNull = false): Promise<UserWithTargets> {
  try {
    return await updateContact(ctx, id, 'phone', phone, emptyIsNull);
  } catch (error) {
    const violated = constraintViolation(error);
    if (violated === 'targets.identifier') throw new AppwriteError('user_target_already_exists');
    if (violated === 'users.phone') throw new AppwriteError('user_phone_already_exists');
    throw error;
  }
}

function updateContact(ctx: ServiceContext, id: string, field: 'email' | 'phone', value: string, emptyIsNull = false) {
  const verification = field === 'email' ? 'emailVerification' : 'phoneVerification';
  const targetSync = contactTargetStatements(ctx.db, { userId: id, field, value, newTargetId: uniqueId(), now: nowIso() });
  return applyUserUpdate(ctx, id, {
    changes: { [field]: value === '' && emptyIsNull ? null : value, [verification]: false },
    before: targetSync,
    when: value === '' ? undefined : sql`${users[field]} is not ${value}`,
  });
}

async function identityHoldsEmail(ctx: ServiceContext, userId: string, email: string): Promise<boolean> {
  const row = await ctx.db
    .select({ id: identities.id })
    .from(identities)
    .where(sql`${identities.providerEmail} = ${email} and ${identities.userSeq} is not ${userSeqOf(userId)}`)
    .get();
  return row !== undefined;
}
