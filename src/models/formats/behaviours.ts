import type { ErrorType } from '../../errors/error-types';
import { formatBefore, type ResponseFormat } from '../response-format';

/**
 * Every behaviour a later Appwrite version CHANGED (not merely added), chosen by the request's
 * `X-Appwrite-Response-Format` so each SDK sees the server it was built for; no header → the
 * newest. One table: `since` is the first version with the new behaviour, `older` what formats
 * below it get. Documented in the README ("Compatibility") and docs/deviations.md.
 */
const GATES = {
  membershipsDefaultLimit: {
    since: '1.7.0',
    older: 1000,
    newest: 25,
    what: 'GET /users/{id}/memberships without a limit query: every membership (1.6 read the user document) → a page of 25',
  },
  routeNotFoundMessage: {
    since: '1.7.0',
    older: 'The requested route was not found. Please refer to the API docs and try again.',
    newest: null as string | null,
    what: '404 general_route_not_found message',
  },
  blockedUser: {
    since: '1.9.0',
    older: {
      status: 401,
      message:
        'The current user has been blocked. You can unblock the user by making a request to the User API\'s "Update User Status" endpoint or in the Appwrite Console\'s Auth section.',
    } as { status: number; message: string } | null,
    newest: null as { status: number; message: string } | null,
    what: 'user_blocked: 401 with the long message → 403 "The current user has been blocked."',
  },
  scopeMessage: {
    since: '1.8.0',
    older: 'single' as 'single' | 'list',
    newest: 'list' as 'single' | 'list',
    what: 'general_unauthorized_scope message: `missing scope (users.read)` → `missing scopes (["users.read"])`',
  },
  jwtWithSessionRefused: {
    since: '1.9.0',
    older: false,
    newest: true,
    what: 'X-Appwrite-JWT together with a session: the JWT wins → 403 user_jwt_and_cookie_set',
  },
  impersonation: {
    since: '1.9.0',
    older: false,
    newest: true,
    what: 'X-Appwrite-Impersonate-User-Id|Email|Phone honoured for users flagged impersonator',
  },
  targetScopes: {
    since: '1.9.5',
    older: { read: 'targets.read', write: 'targets.write' } as const,
    newest: { read: 'users.read', write: 'users.write' } as const,
    what: 'scopes of /users/{id}/targets routes: targets.read/targets.write → users.read/users.write',
  },
  sessionScopes: {
    since: '1.9.5',
    older: { read: ['users.read'], write: ['users.write'] } as const,
    newest: { read: ['users.read', 'sessions.read'], write: ['users.write', 'sessions.write'] } as const,
    what: 'scopes of /users/{id}/sessions routes: users.* → users.* or sessions.*',
  },
  defaultMaxSessions: {
    since: '1.9.5',
    older: 10,
    newest: 0,
    what: 'sessions kept per user when MAX_SESSIONS is not set: 10 → 0 (unlimited)',
  },
  emptyPhoneIsNull: {
    since: '1.9.5',
    older: false,
    newest: true,
    what: 'PATCH /users/{id}/phone with "": stored as "" → stored as null (isNull("phone") finds it)',
  },
};

type Gates = typeof GATES;
export type Behaviour = { [K in keyof Gates]: Gates[K]['newest'] | Gates[K]['older'] };

/** Behaviours per format text: a few formats are in use at a time (the header is the client's, so the map is capped). */
const known = new Map<string, Behaviour>();

/** The behaviours for a response format. */
export function behaviour(format: ResponseFormat): Behaviour {
  let rules = known.get(format.text);
  if (!rules) {
    if (known.size >= 64) known.clear();
    rules = Object.fromEntries(
      Object.entries(GATES).map(([key, gate]) => [key, formatBefore(format, gate.since) ? gate.older : gate.newest]),
    ) as Behaviour;
    known.set(format.text, rules);
  }
  return rules;
}

/** An error whose status or message an older format had differently, or null. */
export function olderError(format: ResponseFormat, type: ErrorType): { status: number; message: string } | null {
  const b = behaviour(format);
  if (type === 'user_blocked') return b.blockedUser;
  if (type === 'general_route_not_found' && b.routeNotFoundMessage) return { status: 404, message: b.routeNotFoundMessage };
  return null;
}

/** Appwrite's missing-scope message for the caller and the route's allowed scopes. */
export function missingScopeMessage(format: ResponseFormat, actor: string, role: string, allowed: readonly string[]): string {
  return behaviour(format).scopeMessage === 'list'
    ? `${actor} (role: ${role}) missing scopes (${JSON.stringify(allowed)})`
    : `${actor} (role: ${role}) missing scope (${allowed[0]})`;
}
