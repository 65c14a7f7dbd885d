import { atLeast, Decision, Standing } from './networks';
import { DomainError } from './errors';

/**
 * Every moderator and admin action leaves one audit entry, written in the same transaction as
 * the action. The log is append-only (the database refuses UPDATE and DELETE) and readable by
 * the network's admins only, because it keeps the real author behind Chatham House posts.
 * A feature adds the actions it records here.
 */
export const AUDIT_ACTIONS = [
  'member.role_changed',
  'member.removed',
  'channel.member_added',
  'channel.member_removed',
  'thread.locked',
  'thread.unlocked',
  'pairing.proposed',
  'pairing.completed',
  'pairing.cancelled',
  'entry.curated',
  'entry.submitted',
  'entry.changes_requested',
  'entry.published',
  'entry.archived',
  'entry.revised',
  'network.public_entries_changed',
  'network.chatham_min_group_changed',
  'message.hidden',
  'message.unhidden',
  'flag.resolved',
  'flag.dismissed',
  'channel.slow_mode',
  'member.suspended',
  'member.unsuspended',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an entry is about, e.g. a member (user), a message, a thread. */
export const AUDIT_SUBJECT_TYPES = [
  'user',
  'channel',
  'thread',
  'message',
  'pairing',
  'entry',
  'network',
] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];

export interface AuditEntryView {
  id: string;
  networkId: string;
  action: AuditAction;
  /** The moderator or admin who acted; null once their account is deleted. */
  actor: { userId: string; displayName: string } | null;
  subject: { type: AuditSubjectType; id: string };
  /**
   * Facts about the action (a reason, a role before and after). For actions on a message this
   * names its real author, even in a Chatham House thread: this is the one place that may.
   */
  details: Record<string, unknown>;
  createdAt: string;
}

/** Call once the network is known to be visible to the caller (else it answers 404). */
export function readAuditLog(standing: Standing): Decision {
  if (!atLeast(standing, 'admin')) {
    return {
      allowed: false,
      error: new DomainError('forbidden', 'Only admins can read the audit log'),
    };
  }
  return { allowed: true };
}
