import type { MembershipRow } from '../store/schema';
import { renderDate } from './datetime';
import { FORMAT_1_5, formatBefore, type ResponseFormat } from './response-format';

/** A membership with the current names it is rendered with. */
export type MembershipWithNames = MembershipRow & { userName: string; userEmail: string; teamName: string };

/** The Membership model (models.md §7); `mfa` is always false on the Users API. */
export function renderMembership(membership: MembershipWithNames, format: ResponseFormat) {
  const model: Record<string, unknown> = {
    $id: membership.id,
    $createdAt: renderDate(membership.createdAt),
    $updatedAt: renderDate(membership.updatedAt),
    userId: membership.userId,
    userName: membership.userName,
    userEmail: membership.userEmail,
    teamId: membership.teamId,
    teamName: membership.teamName,
    invited: renderDate(membership.invited),
    joined: renderDate(membership.joined),
    confirm: membership.confirm,
    mfa: false,
    roles: membership.roles,
  };
  // Formats before 1.5.0 have no membership mfa (compat.md §2).
  if (formatBefore(format, FORMAT_1_5)) delete model.mfa;
  return model;
}
