import type { RateLimit } from '../durable/gate-context';
import type { IssuedSession, SessionClient } from '../durable/sessions';
import { AppwriteError } from '../errors/appwrite-error';
import type { JwtInput, TokenInput } from '../durable/tokens';
import type { SessionRow, TokenRow } from '../store/schema';
import { sessionsOfUser } from '../store/sessions';
import type { ServiceContext } from './context';
import { unwrap, unwrapLimited, userGate, type Limited } from '../durable/client';

/** Every credential change goes through the user's gate; reads go straight to D1. */
const gate = (ctx: ServiceContext, userId: string) => userGate(ctx.env, userId);

export async function createServerSession(ctx: ServiceContext, userId: string, client: SessionClient): Promise<IssuedSession> {
  return unwrap(await gate(ctx, userId).createSession(ctx.request, userId, client));
}

/** All sessions of a user, creation order (expired ones included until purged). */
export async function listSessions(ctx: ServiceContext, userId: string): Promise<SessionRow[]> {
  const list = await sessionsOfUser(ctx.db, userId);
  if (!list) throw new AppwriteError('user_not_found');
  return list;
}

export async function deleteSession(ctx: ServiceContext, userId: string, sessionId: string): Promise<SessionRow> {
  return unwrap(await gate(ctx, userId).deleteSession(ctx.request, userId, sessionId));
}

export async function deleteSessions(ctx: ServiceContext, userId: string): Promise<SessionRow[]> {
  return unwrap(await gate(ctx, userId).deleteSessions(ctx.request, userId));
}

export async function createToken(ctx: ServiceContext, userId: string, input: TokenInput): Promise<{ token: TokenRow; secret: string }> {
  return unwrap(await gate(ctx, userId).createToken(ctx.request, userId, input));
}

export async function createJwt(ctx: ServiceContext, userId: string, input: JwtInput): Promise<string> {
  return unwrap(await gate(ctx, userId).createJwt(ctx.request, userId, input));
}

/** `POST /account/jwts`: a JWT for the caller's own session, throttled per user (account-minimal.md §6). */
export async function createAccountJwt(ctx: ServiceContext, userId: string, sessionId: string): Promise<Limited<string>> {
  return unwrapLimited(await gate(ctx, userId).createJwt(ctx.request, userId, { sessionId, duration: 900 }, true));
}

export async function exchangeToken(
  ctx: ServiceContext,
  userId: string,
  secret: string,
  client: SessionClient,
  throttle: boolean,
): Promise<IssuedSession & { rateLimit?: RateLimit }> {
  const result = await gate(ctx, userId).exchangeToken(ctx.request, userId, secret, client, throttle);
  return { ...unwrap(result), rateLimit: result.rateLimit };
}
