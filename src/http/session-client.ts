import type { Context } from 'hono';
import type { SessionClient } from '../durable/sessions';
import type { AppEnv } from './app-env';
import type { RequestMeta } from '../audit/request-meta';

/**
 * The client recorded on a new session or token (sessions-tokens.md §4, §12): the forwarded User-Agent
 * is honoured for API-key callers only; a missing one is `UNKNOWN`; reserved edge country codes mean unknown.
 */
export function sessionClient(c: Context<AppEnv>, meta: RequestMeta): SessionClient {
  const forwarded = c.get('caller').role === 'applications' ? c.req.header('x-forwarded-user-agent') : undefined;
  const country = /^[a-z]{2}$/.test(meta.countryCode) && meta.countryCode !== 'xx' && meta.countryCode !== 't1' ? meta.countryCode : '--';
  return { ip: meta.ip, userAgent: forwarded || c.req.header('user-agent') || 'UNKNOWN', countryCode: country };
}
