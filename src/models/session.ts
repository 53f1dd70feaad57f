import { COUNTRY_NAMES } from '../audit/country-names';
import { CLIENT_FIELDS } from '../audit/user-agent';
import type { SessionRow } from '../store/schema';
import { renderDate } from './datetime';
import type { JsonObject } from './json';

export interface SessionView {
  /** The usable credential, only right after creation and only for API-key callers; else `""`. */
  secret?: string;
  /** Whether this is the session authenticating the request. */
  current?: boolean;
}

/** Country names are English only (see the Log model); unknown codes and `--` are `Unknown`. */
export const countryName = (code: string) => COUNTRY_NAMES[code] ?? 'Unknown';

/** The Session model (sessions-tokens.md §3), keys in Appwrite's order. The stored hash is never shown. */
export function renderSession(session: SessionRow, view: SessionView = {}): JsonObject {
  const client = Object.fromEntries(CLIENT_FIELDS.map((field) => [field, session.client[field] ?? '']));
  return {
    $id: session.id,
    $createdAt: renderDate(session.createdAt),
    $updatedAt: renderDate(session.updatedAt),
    userId: session.userId,
    expire: renderDate(session.expire),
    provider: session.provider,
    providerUid: session.providerUid,
    providerAccessToken: '',
    providerAccessTokenExpiry: '',
    providerRefreshToken: '',
    ip: session.ip,
    ...client,
    countryCode: session.countryCode,
    countryName: countryName(session.countryCode),
    current: view.current ?? false,
    factors: session.factors,
    secret: view.secret ?? '',
    mfaUpdatedAt: renderDate(session.mfaUpdatedAt),
  };
}

export const renderSessionList = (sessions: SessionRow[], currentId?: string, countTotal = true): JsonObject => ({
  total: countTotal ? sessions.length : 0,
  sessions: sessions.map((s) => renderSession(s, { current: s.id === currentId })),
});
