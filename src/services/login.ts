import { eq } from 'drizzle-orm';
import type { RateLimit } from '../durable/gate-context';
import type { IssuedSession, SessionClient } from '../durable/sessions';
import { users, type UserRow } from '../store/schema';
import type { ServiceContext } from './context';
import { emailGate, GateError, unwrap, userGate } from '../durable/client';
import { nowSeconds, THROTTLES, windowEnd } from '../durable/throttle';
import { purgeLoginAttemptsStatement, reserveLoginFromIpStatement } from '../store/login-attempts';

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
 * in D1 in the batch that looks the e-mail up and given back in the batch that creates the session;
 * then every attempt per e-mail, in the gate of the e-mail's user — or, for an e-mail nobody has, in
 * a gate named after it, which refuses after the same password work so the answer time does not
 * tell the two apart. One D1 round trip here, one Durable Object hop, one batch in the gate.
 */
export async function loginWithPassword(ctx: ServiceContext, input: LoginInput): Promise<IssuedSession & { rateLimit?: RateLimit }> {
  const email = input.email.toLowerCase();
  const now = nowSeconds();
  const until = windowEnd(now);
  const ip = input.client.ip;
  const lookup = ctx.db.select().from(users).where(eq(users.email, email)).limit(1);
  let user: UserRow | undefined;
  if (input.throttle) {
    const limit = THROTTLES.loginFromIp;
    const [, reserved, found] = await ctx.db.batch([
      purgeLoginAttemptsStatement(ctx.db, now),
      reserveLoginFromIpStatement(ctx.db, ip, limit, until),
      lookup,
    ]);
    if (reserved.length === 0) {
      const error = new GateError('general_rate_limit_exceeded');
      error.rateLimit = { limit, remaining: 0, reset: until };
      throw error;
    }
    user = found[0];
  } else {
    [user] = await lookup;
  }
  const result = user
    ? await userGate(ctx.env, user.id).login(
        ctx.request,
        { userId: user.id, email, password: input.password, client: input.client, user, refund: input.throttle ? { ip, until } : undefined },
        input.throttle,
      )
    : await emailGate(ctx.env, email).refuseLogin(ctx.request, email, input.password, input.throttle);
  return { ...unwrap(result), rateLimit: result.rateLimit };
}
