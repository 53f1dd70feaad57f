import type { MembershipRow } from '../store/schema';
import { renderDate } from './datetime';

/** A membership with the current names it is rendered with. */
export type MembershipWithNames = MembershipRow & {
  userName: string;
  userEmail: string;
  userPhone: string;
  userAccessedAt: string | null;
  teamName: string;
};

/** The Membership model (models.md §7, 1.9.5's fields); `mfa` is always false on the Users API. */
export function renderMembership(membership: MembershipWithNames) {
  return {
    $id: membership.id,
    $createdAt: renderDate(membership.createdAt),
    $updatedAt: renderDate(membership.updatedAt),
    userId: membership.userId,
    userName: membership.userName,
    userEmail: membership.userEmail,
    userPhone: membership.userPhone,
    teamId: membership.teamId,
    teamName: membership.teamName,
    invited: renderDate(membership.invited),
    joined: renderDate(membership.joined),
    confirm: membership.confirm,
    mfa: false,
    userAccessedAt: renderDate(membership.userAccessedAt),
    roles: membership.roles,
  };
}
