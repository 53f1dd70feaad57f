import type { JsonObject } from '../json';
import { formatBefore, type ResponseFormat } from '../response-format';
import type { ModelName } from '../schemas';
import { CLIENT_FIELDS } from '../../audit/user-agent';

/**
 * The 0.x response shapes (formats 0.8 – 0.15.x, node-appwrite ≤ 7), applied to a model after it is
 * rendered in the newest shape. Sources: the model classes at appwrite/appwrite 0.12.4, 0.13.4,
 * 0.14.2 and 0.15.3 (`src/Appwrite/Utopia/Response/Model/*.php`) and 1.4.13's response filters
 * V12–V15, which served these formats from 1.x data. Each model keeps only the fields its
 * generation had, in that generation's order; datetimes become unix seconds (unset → 0).
 */
type Generation = 12 | 13 | 14 | 15;

/** The 0.x generation whose shapes `format` gets, or null for 1.x formats (and `1.0.0-RC1`). */
export function zeroGeneration(format: ResponseFormat): Generation | null {
  if (format.parts[0] !== 0) return null;
  if (formatBefore(format, '0.13.0')) return 12;
  if (formatBefore(format, '0.14.0')) return 13;
  if (formatBefore(format, '0.15.0')) return 14;
  return 15;
}

const CLIENT = [...CLIENT_FIELDS, 'countryCode', 'countryName'];

/** Which fields a model had in a generation (a field named `a:b` is output as `a`, read from `b`). */
const FIELDS: Partial<Record<ModelName, (g: Generation) => string[]>> = {
  user: (g) =>
    g < 15
      ? ['$id', 'name', 'registration', 'status', 'passwordUpdate', 'email', 'emailVerification', 'prefs']
      : ['$id', '$createdAt', '$updatedAt', 'name', 'registration', 'status', 'passwordUpdate', 'email', 'phone', 'emailVerification', 'phoneVerification', 'prefs'],
  session: (g) => [
    '$id',
    ...(g < 15 ? [] : ['$createdAt']),
    'userId',
    'expire',
    'provider',
    'providerUid',
    ...(g < 13 ? ['providerToken:providerAccessToken'] : ['providerAccessToken', 'providerAccessTokenExpiry', 'providerRefreshToken']),
    'ip',
    ...CLIENT,
    'current',
  ],
  token: (g) => ['$id', ...(g < 15 ? [] : ['$createdAt']), 'userId', 'secret', 'expire'],
  log: () => ['event', 'userId', 'userEmail', 'userName', 'mode', 'ip', 'time', ...CLIENT],
  membership: (g) => [
    '$id',
    ...(g < 15 ? [] : ['$createdAt', '$updatedAt']),
    'userId',
    ...(g < 14 ? ['name:userName', 'email:userEmail'] : ['userName', 'userEmail']),
    'teamId',
    ...(g < 14 ? [] : ['teamName']),
    'invited',
    'joined',
    'confirm',
    'roles',
  ],
};
FIELDS.account = FIELDS.user;

/** Datetime fields, unix seconds in 0.x (V15's `parseDatetimeAttributes`). */
const DATES = new Set(['$createdAt', '$updatedAt', 'registration', 'passwordUpdate', 'expire', 'providerAccessTokenExpiry', 'time', 'invited', 'joined']);

const LISTS: Partial<Record<ModelName, [item: ModelName, key: string]>> = {
  userList: ['user', 'users'],
  sessionList: ['session', 'sessions'],
  logList: ['log', 'logs'],
  membershipList: ['membership', 'memberships'],
};

/** PHP's `strtotime` of an ISO date, with `empty()` values as 0. */
const unixSeconds = (value: unknown) => (typeof value === 'string' && value !== '' ? Math.floor(Date.parse(value) / 1000) : 0);

function downgradeModel(model: ModelName, body: JsonObject, g: Generation): JsonObject {
  const fields = FIELDS[model]?.(g);
  if (!fields) return body;
  const out: JsonObject = {};
  for (const field of fields) {
    const [name, source = name] = field.split(':');
    const value = body[source] ?? '';
    out[name] = DATES.has(source) ? unixSeconds(value) : value;
  }
  return out;
}

/** The 0.x shape of a rendered model for `format`; 1.x formats and other models pass through. */
export function downgradeV0(model: ModelName | null, body: unknown, format: ResponseFormat): unknown {
  const g = zeroGeneration(format);
  if (g === null || model === null || body === null || typeof body !== 'object') return body;
  const list = LISTS[model];
  if (!list) return downgradeModel(model, body as JsonObject, g);
  const [item, key] = list;
  const { total, [key]: items } = body as JsonObject & { total: number };
  const rendered = (items as JsonObject[]).map((entry) => downgradeModel(item, entry, g));
  // 0.12 counted lists as `sum` (before the items); 0.13 renamed it `total`.
  return g < 13 ? { sum: total, [key]: rendered } : { total, [key]: rendered };
}

/** 0.12 error envelopes had no `type` (1.4.13's V12 filter removes it). */
export function downgradeErrorV0<E extends { type: string }>(envelope: E, format: ResponseFormat): Omit<E, 'type'> | E {
  if (zeroGeneration(format) !== 12) return envelope;
  const { type: _type, ...rest } = envelope;
  return rest;
}
