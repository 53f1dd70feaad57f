import { COUNTRY_NAMES } from '../audit/country-names';
import { parseUserAgent } from '../audit/user-agent';
import type { LogRow } from '../store/schema';
import { renderDate } from './datetime';

/**
 * The Log model (models.md §6). `userId`/`userEmail`/`userName` are the recorded actor; the
 * client fields are parsed from the stored User-Agent when rendered, as Appwrite does.
 */
export function renderLog(log: LogRow) {
  const client = parseUserAgent(log.userAgent);
  return {
    event: log.event,
    userId: log.actorId,
    userEmail: log.actorEmail,
    userName: log.actorName,
    mode: '',
    userType: typeof log.data.userType === 'string' ? log.data.userType : '',
    ip: log.ip,
    time: renderDate(log.time),
    ...client,
    countryCode: log.countryCode,
    countryName: COUNTRY_NAMES[log.countryCode] ?? 'Unknown',
  };
}
