import { DomainError } from './errors';

export const NETWORK_VISIBILITIES = ['open', 'invite', 'private'] as const;
export type NetworkVisibility = (typeof NETWORK_VISIBILITIES)[number];

export const NETWORK_ROLES = ['member', 'moderator', 'admin'] as const;
export type NetworkRole = (typeof NETWORK_ROLES)[number];

/** A viewer's standing in one network: their role, or null when they are not a member. */
export type Standing = NetworkRole | null;

export type Decision = { allowed: true } | { allowed: false; error: DomainError };

const allow: Decision = { allowed: true };
const deny = (error: DomainError): Decision => ({ allowed: false, error });
const hidden = (): Decision => deny(new DomainError('not_found', 'Network not found'));

/** Throws the decision's error when it refuses; services call this right after asking a policy. */
export function enforce(decision: Decision): void {
  if (!decision.allowed) throw decision.error;
}

const RANK: Record<NetworkRole, number> = { member: 0, moderator: 1, admin: 2 };

export function atLeast(standing: Standing, role: NetworkRole): boolean {
  return standing !== null && RANK[standing] >= RANK[role];
}

/**
 * Whether a signed-in user may learn that the network exists. Private networks are visible to
 * their members only; to everyone else they answer exactly like a network that does not exist.
 */
export function canSeeNetwork(visibility: NetworkVisibility, standing: Standing): boolean {
  return standing !== null || visibility !== 'private';
}

export function viewNetwork(visibility: NetworkVisibility, standing: Standing): Decision {
  return canSeeNetwork(visibility, standing) ? allow : hidden();
}

/** Open networks admit anyone signed in; invite and private ones only through an invitation. */
export function joinNetwork(visibility: NetworkVisibility, standing: Standing): Decision {
  if (!canSeeNetwork(visibility, standing)) return hidden();
  if (standing !== null)
    return deny(new DomainError('conflict', 'You are already a member of this network'));
  if (visibility !== 'open') {
    return deny(new DomainError('forbidden', 'This network admits new members by invitation only'));
  }
  return allow;
}

/** The member list is for members; a visible network's outsiders are told to join first. */
export function listMembers(visibility: NetworkVisibility, standing: Standing): Decision {
  if (!canSeeNetwork(visibility, standing)) return hidden();
  if (standing === null)
    return deny(new DomainError('forbidden', 'Join the network to see its members'));
  return allow;
}

/**
 * Moderators and admins invite; only admins may invite someone straight into a moderator or
 * admin role, since that hands out powers the inviter must hold themselves.
 */
export function invite(
  visibility: NetworkVisibility,
  standing: Standing,
  role: NetworkRole,
): Decision {
  if (!canSeeNetwork(visibility, standing)) return hidden();
  if (!atLeast(standing, 'moderator')) {
    return deny(new DomainError('forbidden', 'Only moderators and admins can invite people'));
  }
  if (role !== 'member' && standing !== 'admin') {
    return deny(new DomainError('forbidden', 'Only admins can invite moderators or admins'));
  }
  return allow;
}

export interface RoleChange {
  visibility: NetworkVisibility;
  actor: Standing;
  /** The target's current role; null when the target is not a member. */
  target: Standing;
  next: NetworkRole;
  adminCount: number;
}

/** Admins change roles. The network must always keep at least one admin. */
export function changeRole(change: RoleChange): Decision {
  if (!canSeeNetwork(change.visibility, change.actor)) return hidden();
  if (change.actor !== 'admin')
    return deny(new DomainError('forbidden', 'Only admins can change roles'));
  if (change.target === null) return deny(new DomainError('not_found', 'Member not found'));
  if (change.target === 'admin' && change.next !== 'admin' && change.adminCount <= 1) {
    return deny(
      new DomainError(
        'conflict',
        'The last admin cannot be demoted; make someone else admin first',
      ),
    );
  }
  return allow;
}

export interface Removal {
  visibility: NetworkVisibility;
  actor: Standing;
  target: Standing;
  /** True when the actor removes themselves (leaving). */
  self: boolean;
  adminCount: number;
}

/**
 * Anyone may leave; admins may remove others. Either way the last admin stays, so a network is
 * never left without someone who can manage it.
 */
export function removeMember(removal: Removal): Decision {
  if (!canSeeNetwork(removal.visibility, removal.actor)) return hidden();
  if (removal.target === null) {
    return deny(
      new DomainError(
        'not_found',
        removal.self ? 'You are not a member of this network' : 'Member not found',
      ),
    );
  }
  if (!removal.self && removal.actor !== 'admin') {
    return deny(new DomainError('forbidden', 'Only admins can remove members'));
  }
  if (removal.target === 'admin' && removal.adminCount <= 1) {
    return deny(
      new DomainError(
        'conflict',
        removal.self
          ? 'You are the last admin; make someone else admin before leaving'
          : 'The last admin cannot be removed',
      ),
    );
  }
  return allow;
}

/** Whether an invitation can still be accepted, and by whom. */
export function acceptInvitation(input: {
  invitedEmail: string;
  accepterEmail: string;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  now: Date;
  alreadyMember: boolean;
}): Decision {
  if (input.revokedAt) return deny(new DomainError('not_found', 'Invitation not found'));
  if (normaliseEmail(input.invitedEmail) !== normaliseEmail(input.accepterEmail)) {
    return deny(
      new DomainError('forbidden', 'This invitation was sent to a different email address'),
    );
  }
  if (input.acceptedAt)
    return deny(new DomainError('conflict', 'This invitation has already been used'));
  // An unreadable expiry counts as expired (NaN compares false both ways).
  if (!(input.expiresAt.getTime() > input.now.getTime())) {
    return deny(new DomainError('conflict', 'This invitation has expired; ask for a new one'));
  }
  if (input.alreadyMember)
    return deny(new DomainError('conflict', 'You are already a member of this network'));
  return allow;
}

/** Emails compare case-insensitively and without surrounding space everywhere in Tandem. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Request bodies
// ---------------------------------------------------------------------------------------------

/** `POST /api/networks`: the creator becomes its admin. */
export interface CreateNetworkBody {
  slug: string;
  name: string;
  description?: string;
  visibility: NetworkVisibility;
}

/** `POST /api/networks/:slug/invitations`. */
export interface CreateInvitationBody {
  email: string;
  role: NetworkRole;
}

/** `PATCH /api/networks/:slug/members/:userId`. */
export interface ChangeRoleBody {
  role: NetworkRole;
}
