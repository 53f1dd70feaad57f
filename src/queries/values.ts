import type { AttributeType } from './collection';

const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * A datetime query value as stored (`2024-01-01T10:00:00.000Z`), or null if Appwrite's Datetime
 * validator would reject it: a date with a 4-digit year (0000–9999), optional time and zone.
 * Without a zone the server's timezone (UTC) applies; precision is cut to milliseconds.
 */
export function toStoredDatetime(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const m = DATETIME.exec(value.trim());
  if (!m) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone = 'Z'] = m;
  if (+month < 1 || +month > 12 || +day < 1 || +day > 31 || +hour > 23 || +minute > 59 || +second > 59) return null;
  const date = new Date(0);
  date.setUTCFullYear(+year, +month - 1, +day);
  date.setUTCHours(+hour, +minute, +second, Number(fraction.slice(0, 3).padEnd(3, '0')));
  date.setTime(date.getTime() - zoneOffsetMinutes(zone) * 60_000);
  const year4 = date.getUTCFullYear();
  if (year4 < 0 || year4 > 9999) return null;
  return date.toISOString();
}

function zoneOffsetMinutes(zone: string): number {
  if (/^(Z|UTC|GMT)$/i.test(zone)) return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

/** A query value as bound to SQL, or undefined when it has the wrong type for the attribute. */
export function toSqlValue(type: AttributeType, value: unknown): string | number | undefined {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? Number(value) : undefined;
    case 'datetime':
      return toStoredDatetime(value) ?? undefined;
  }
}
