import type { Context } from 'hono';
import type { AppEnv } from './app-env';

const cookieName = (projectId: string) => `a_session_${projectId}`;

function readCookie(header: string, name: string): string {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return '';
}

/**
 * The session credential of a request, first non-empty source wins (sessions-tokens.md §10.1):
 * cookie `a_session_<project>`, its `_legacy` twin, `X-Appwrite-Session`, then the
 * `X-Fallback-Cookies` JSON that clients without third-party cookies send back.
 */
export function sessionCredential(c: Context<AppEnv>): string {
  const name = cookieName(c.get('projectId'));
  const cookies = c.req.header('cookie') ?? '';
  const fromCookies = readCookie(cookies, name) || readCookie(cookies, `${name}_legacy`);
  if (fromCookies) return fromCookies;
  const header = c.req.header('x-appwrite-session') ?? '';
  if (header) return header;
  const fallbackCookies = c.req.header('x-fallback-cookies');
  if (!fallbackCookies) return '';
  try {
    const fallback: unknown = JSON.parse(fallbackCookies);
    const value = fallback && typeof fallback === 'object' ? (fallback as Record<string, unknown>)[name] : undefined;
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}

/** The host of the request without port; cookies are host-only for `localhost` and IP addresses. */
function cookieDomain(url: URL): string | null {
  const host = url.hostname;
  if (host === 'localhost' || /^[\d.]+$/.test(host) || host.includes(':') || host.startsWith('[')) return null;
  return `.${host}`;
}

/** Last two labels: a cheap stand-in for the registrable domain. */
const siteOf = (host: string) => host.split('.').slice(-2).join('.');

/** Whether the response should carry `X-Fallback-Cookies`: no Origin, or an Origin on another site. */
function needsFallback(c: Context<AppEnv>, url: URL): boolean {
  const origin = c.req.header('origin');
  if (!origin) return true;
  try {
    return siteOf(new URL(origin).hostname) !== siteOf(url.hostname);
  } catch {
    return true;
  }
}

function cookie(name: string, value: string, expires: Date, url: URL, sameSiteNone: boolean): string {
  const domain = cookieDomain(url);
  return [
    `${name}=${encodeURIComponent(value)}`,
    `expires=${expires.toUTCString()}`,
    'path=/',
    ...(domain ? [`domain=${domain}`] : []),
    ...(url.protocol === 'https:' ? ['secure'] : []),
    'httponly',
    ...(sameSiteNone ? ['samesite=None'] : []),
  ].join('; ');
}

/** Headers of a session-creating response (account-minimal.md §2): both cookies and, cross-site, the fallback header. */
export function sessionCookieHeaders(c: Context<AppEnv>, credential: string, expire: string): Headers {
  const url = new URL(c.req.url);
  const name = cookieName(c.get('projectId'));
  const expires = new Date(expire);
  const headers = new Headers();
  headers.append('Set-Cookie', cookie(`${name}_legacy`, credential, expires, url, false));
  headers.append('Set-Cookie', cookie(name, credential, expires, url, true));
  if (needsFallback(c, url)) headers.set('X-Fallback-Cookies', JSON.stringify({ [name]: credential }));
  return headers;
}

/** Headers of a logout of the request's own session: both cookies cleared (expired an hour ago). */
export function clearedSessionCookieHeaders(c: Context<AppEnv>): Headers {
  const url = new URL(c.req.url);
  const name = cookieName(c.get('projectId'));
  const past = new Date(Date.now() - 3600_000);
  const headers = new Headers();
  headers.append('Set-Cookie', cookie(`${name}_legacy`, '', past, url, false));
  headers.append('Set-Cookie', cookie(name, '', past, url, true));
  if (needsFallback(c, url)) headers.set('X-Fallback-Cookies', '[]');
  return headers;
}
