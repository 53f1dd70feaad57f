import type { Context } from 'hono';
import type { RequestMeta } from '../audit/request-meta';
import type { AppEnv } from './app-env';

const ACTOR_TYPES = { applications: 'keyProject', users: 'user', guests: 'guest' } as const;

/**
 * Client address, user agent and edge country of the request, plus the audited actor. The address
 * is `CF-Connecting-IP` only: Cloudflare's edge sets it to the address that opened the connection
 * and overwrites any value the client sent, while `X-Forwarded-For` is whatever the client wrote —
 * trusting it would let one client pose as any number of IPs and walk around every per-IP throttle.
 */
export function requestMeta(c: Context<AppEnv>): RequestMeta {
  const cf = (c.req.raw as Request & { cf?: { country?: string } }).cf;
  const caller = c.get('caller');
  return {
    ip: c.req.header('cf-connecting-ip') ?? '',
    userAgent: c.req.header('user-agent') ?? '',
    countryCode: cf?.country ? cf.country.toLowerCase() : '--',
    actor: { id: caller.userId ?? '', email: caller.actorEmail, name: '', type: ACTOR_TYPES[caller.role] },
  };
}
