import { eq } from 'drizzle-orm';
import type { RateLimit } from '../durable/gate-context';
import type { IssuedSession, SessionClient } from '../durable/sessions';
import { users } from '../store/schema';
import type { ServiceContext } from './context';
import { emailGate, ipGate, unwrap, userGate } from '../durable/client';

export interface LoginInput {
  email: string;
  password: string;
  client: SessionClient;
  /** API-key callers are not rate-limited. */
  throttle: boolean;
}

/**
 * `POST /account/sessions/email`. Two throttles, so neither changing IP nor changing e-mail buys
 * more guesses: failed logins per client IP (`client.ip`, the edge's `CF-Connecting-IP`), reserved
 * before the password is checked and given back when it is right; then every attempt per e-mail,
 * in the gate of the e-mail's user — or, for an e-mail nobody has, in a gate named after it, which
 * refuses after the same password work so the answer time does not tell the two apart.
 */
export async function loginWithPassword(ctx: ServiceContext, input: LoginInput): Promise<IssuedSession & { rateLimit?: RateLimit }> {
  const email = input.email.toLowerCase();
  const fromIp = input.throttle ? ipGate(ctx.env, input.client.ip) : null;
  if (fromIp) unwrap(await fromIp.countLoginFromIp(ctx.request));
  const user = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  const result = user
    ? await userGate(ctx.env, user.id).login(ctx.request, { userId: user.id, email, password: input.password, client: input.client }, input.throttle)
    : await emailGate(ctx.env, email).refuseLogin(ctx.request, email, input.password, input.throttle);
  const issued = unwrap(result);
  if (fromIp) unwrap(await fromIp.refundLoginFromIp(ctx.request));
  return { ...issued, rateLimit: result.rateLimit };
}
