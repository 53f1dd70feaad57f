import { signJwt } from '../crypto/jwt';
import { randomHex, sha256Hex } from '../crypto/secrets';
import { nowIso } from '../store/database';
import { tokens, type TokenRow } from '../store/schema';
import { findSessionOfUser, latestSessionOfUser } from '../store/sessions';
import { uniqueId } from '../validation/ids';
import { audit, requireUser, type GateContext } from './gate-context';
import type { SessionClient } from './sessions';

/** Appwrite's token type for tokens made by `POST /users/{id}/tokens`. */
export const TOKEN_TYPE_GENERIC = 8;

export interface TokenInput {
  /** Secret length in hex characters (4–128). */
  length: number;
  /** Lifetime in seconds. */
  expire: number;
  client: SessionClient;
}

export async function createToken(g: GateContext, userId: string, input: TokenInput): Promise<{ token: TokenRow; secret: string }> {
  const user = await requireUser(g, userId);
  const secret = randomHex(input.length);
  const now = nowIso();
  const insert = g.db
    .insert(tokens)
    .values({
      id: uniqueId(),
      createdAt: now,
      updatedAt: now,
      userSeq: user.seq,
      userId: user.id,
      type: TOKEN_TYPE_GENERIC,
      secretHash: sha256Hex(secret),
      expire: new Date(Date.now() + input.expire * 1000).toISOString(),
      userAgent: input.client.userAgent,
      ip: input.client.ip,
    })
    .returning();
  const [[token]] = await g.db.batch([insert, audit(g, 'tokens.create', user)]);
  return { token, secret };
}

export interface JwtInput {
  /** `recent` = the last created session; another id binds to that session when the user has it; `''` = unbound. */
  sessionId: string;
  /** Seconds. */
  duration: number;
}

/**
 * Issues an HS256 JWT (sessions-tokens.md §9). A session id the user does not have silently gives
 * an unbound token, as in Appwrite.
 */
export async function createJwt(g: GateContext, userId: string, input: JwtInput): Promise<string> {
  if (!g.config.jwtSecret) throw new Error('JWT_SECRET is not configured');
  const user = await requireUser(g, userId);
  const session =
    input.sessionId === 'recent'
      ? await latestSessionOfUser(g.db, user.seq)
      : input.sessionId
        ? await findSessionOfUser(g.db, user.seq, input.sessionId)
        : undefined;
  return signJwt({ userId: user.id, sessionId: session?.id ?? '', exp: Math.floor(Date.now() / 1000) + input.duration }, g.config.jwtSecret);
}
