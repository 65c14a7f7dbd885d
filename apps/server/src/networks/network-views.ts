import type { InvitationView, MemberView, NetworkRole, NetworkView } from '@tandem/domain';
import { toOrganisationView } from '../organisations/organisation-views';
import type { InvitationEntity } from './invitation.entity';
import type { MembershipEntity } from './membership.entity';
import type { NetworkEntity } from './network.entity';

export function toNetworkView(
  network: NetworkEntity,
  memberCount: number,
  myRole: NetworkRole | null,
): NetworkView {
  return {
    id: network.id,
    slug: network.slug,
    name: network.name,
    description: network.description,
    visibility: network.visibility,
    memberCount,
    myRole,
    createdAt: network.createdAt.toISOString(),
  };
}

/** Members see each other's names and organisations, never each other's email addresses. */
export function toMemberView(membership: MembershipEntity): MemberView {
  return {
    userId: membership.userId,
    displayName: membership.user.displayName,
    handle: membership.user.handle,
    organisation: membership.user.organisation
      ? toOrganisationView(membership.user.organisation)
      : null,
    role: membership.role,
    joinedAt: membership.createdAt.toISOString(),
  };
}

export function toInvitationView(invitation: InvitationEntity): InvitationView {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt.toISOString(),
    acceptedAt: invitation.acceptedAt ? invitation.acceptedAt.toISOString() : null,
    createdAt: invitation.createdAt.toISOString(),
  };
}
