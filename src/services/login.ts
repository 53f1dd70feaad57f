import { eq } from 'drizzle-orm';
import type { RateLimit } from '../durable/gate-context';
import type { IssuedSession, SessionClient } from '../durable/sessions';
import { users } from '../store/schema';
import type { ServiceContext } from './context';
import { emailGate, GateError, unwrap, userGate } from './user-gate';

export interface LoginInput {
  email: string;
  password: string;
  client: SessionClient;
  /** API-key callers are not rate-limited. */
  throttle: boolean;
}

/**
 * `POST /account/sessions/email`. The user's gate counts the attempt (per email and IP), verifies
 * the password and issues the session; an email nobody has is counted by a gate named after it,
 * so guessing unknown emails is throttled too.
 */
export async function loginWithPassword(ctx: ServiceContext, input: LoginInput): Promise<IssuedSession & { rateLimit?: RateLimit }> {
  const email = input.email.toLowerCase();
  const user = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (!user) {
    const error = new GateError('user_invalid_credentials');
    if (input.throttle) {
      const counted = await emailGate(ctx.env, email).countLoginAttempt(ctx.request, email, input.client.ip);
      unwrap(counted);
      error.rateLimit = counted.rateLimit;
    }
    throw error;
  }
  const result = await userGate(ctx.env, user.id).login(ctx.request, { userId: user.id, email, password: input.password, client: input.client }, input.throttle);
  return { ...unwrap(result), rateLimit: result.rateLimit };
}
