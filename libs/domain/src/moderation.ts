/**
 * Moderation: flags on messages, the queue moderators work through, hiding messages, slow mode
 * on channels and suspensions from a network. Every rule here is a pure function; services load
 * the facts (standing, listing, times) and ask. Times are passed in, never read here, so the
 * rules are the same on every server process and in tests.
 */
import type { AuthorView } from './contract';
import { DomainError } from './errors';
import { atLeast, type Decision, type NetworkRole, type Standing } from './networks';

export const FLAG_REASONS = ['spam', 'abuse', 'personal_data', 'misinformation', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

/** open: waiting in the queue; resolved: a moderator acted on it; dismissed: no action needed. */
export const FLAG_STATUSES = ['open', 'resolved', 'dismissed'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/** A flag's note (required with reason `other`). */
export const FLAG_NOTE_MAX_LENGTH = 500;
/** Reasons moderators give for hiding, resolving, dismissing or suspending. */
export const MODERATION_REASON_MAX_LENGTH = 500;
/** Slow mode: at most one post per this many seconds; 0 turns it off. Six hours at most. */
export const SLOW_MODE_MAX_SECONDS = 6 * 3600;
/** The choices the web app offers (the API accepts any whole number up to the maximum). */
export const SLOW_MODE_PRESETS = [0, 10, 30, 60, 300, 900, 3600] as const;
/** A suspension lasts at most a year; longer than that, remove the member instead. */
export const SUSPENSION_MAX_DAYS = 365;
/** The durations the web app offers, in days. */
export const SUSPENSION_PRESET_DAYS = [1, 3, 7, 30] as const;
/** How many flag notes one queue item carries (the counts cover them all). */
export const QUEUE_NOTES_MAX = 20;

const allow: Decision = { allowed: true };
const deny = (error: DomainError): Decision => ({ allowed: false, error });
const messageNotFound = (): Decision => deny(new DomainError('not_found', 'Message not found'));

// ------------------------------------------------------------------------------ suspension

/** Whether a suspension ending at `until` still holds at `now`. An unreadable end counts as over. */
export function isSuspended(until: Date | null | undefined, now: Date): boolean {
  return until instanceof Date && until.getTime() > now.getTime();
}

/** The refusal a suspended member gets: 403, naming when it ends (also in `details`). */
export function suspendedError(until: Date): DomainError {
  return new DomainError(
    'forbidden',
    `You are suspended from this network until ${until.toISOString()}`,
    { suspendedUntil: until.toISOString() },
  );
}

/**
 * Taking part in a network: posting, starting threads, editing, deleting, flagging, joining live
 * rooms, and every moderator action. A suspended member may still read over HTTP; this refuses
 * the rest until the suspension ends. Ask it after the read policy (which answers 404 first).
 */
export function participate(access: { suspendedUntil: Date | null }, now: Date): Decision {
  return isSuspended(access.suspendedUntil, now)
    ? deny(suspendedError(access.suspendedUntil as Date))
    : allow;
}

export interface SuspensionChange {
  /** The actor's standing; they are known to see the network (else it answered 404 already). */
  actor: Standing;
  /** The target's role, or null when they are not a member. */
  target: Standing;
  self: boolean;
  /** When the actor's own suspension ends (a suspended moderator cannot act). */
  actorSuspendedUntil: Date | null;
  now: Date;
}

/**
 * Moderators suspend members; admins suspend members and moderators. Nobody suspends an admin
 * (change their role first, so a network is never run by a suspended admin) or themselves.
 * Lifting a suspension follows the same rule.
 */
export function suspendMember(change: SuspensionChange): Decision {
  if (!atLeast(change.actor, 'moderator')) {
    return deny(new DomainError('forbidden', 'Only moderators and admins can suspend members'));
  }
  if (isSuspended(change.actorSuspendedUntil, change.now))
    return deny(suspendedError(change.actorSuspendedUntil as Date));
  if (change.target === null) return deny(new DomainError('not_found', 'Member not found'));
  if (change.self) return deny(new DomainError('forbidden', 'You cannot suspend yourself'));
  if (change.target === 'admin') {
    return deny(
      new DomainError('forbidden', 'Admins cannot be suspended; change their role first'),
    );
  }
  if (change.target === 'moderator' && change.actor !== 'admin') {
    return deny(new DomainError('forbidden', 'Only admins can suspend a moderator'));
  }
  return allow;
}

export interface SuspensionPeriod {
  /** ISO 8601 end; give this or `days`. */
  until?: string;
  /** Whole days from now; give this or `until`. */
  days?: number;
}

/**
 * When a suspension asked for now ends: exactly one of `until` (in the future) or `days`, and at
 * most SUSPENSION_MAX_DAYS ahead. Throws a 400 naming the bad field.
 */
export function suspensionEnd(period: SuspensionPeriod, now: Date): Date {
  const bad = (field: string, problem: string): never => {
    throw new DomainError('bad_request', `Invalid request: ${field}`, [
      { field, problems: [problem] },
    ]);
  };
  const hasUntil = period.until !== undefined;
  const hasDays = period.days !== undefined;
  if (hasUntil === hasDays) bad('until', 'give either until or days, not both and not neither');
  const latest = now.getTime() + SUSPENSION_MAX_DAYS * 86_400_000;
  if (hasDays) {
    const days = period.days as number;
    if (!Number.isInteger(days) || days < 1 || days > SUSPENSION_MAX_DAYS)
      bad('days', `days must be a whole number from 1 to ${SUSPENSION_MAX_DAYS}`);
    return new Date(now.getTime() + days * 86_400_000);
  }
  const until = new Date(period.until as string);
  if (Number.isNaN(until.getTime())) bad('until', 'until must be an ISO 8601 date and time');
  if (until.getTime() <= now.getTime()) bad('until', 'until must be in the future');
  if (until.getTime() > latest)
    bad('until', `until must be at most ${SUSPENSION_MAX_DAYS} days ahead`);
  return until;
}

// ------------------------------------------------------------------------------------ flags

export interface FlagAccess {
  /** Whether the flagger may read the message's channel (canReadChannel). */
  readable: boolean;
  isAuthor: boolean;
  deleted: boolean;
  hidden: boolean;
  suspendedUntil: Date | null;
  now: Date;
}

/**
 * Any reader may flag a message once; not their own (flag it by deleting or editing it), not one
 * already gone from view. A second flag by the same person is a 409 (the schema holds one flag
 * per person and message).
 */
export function flagMessage(access: FlagAccess): Decision {
  if (!access.readable) return messageNotFound();
  if (isSuspended(access.suspendedUntil, access.now))
    return deny(suspendedError(access.suspendedUntil as Date));
  if (access.isAuthor)
    return deny(new DomainError('forbidden', 'You cannot flag your own message'));
  if (access.deleted) return deny(new DomainError('conflict', 'This message was deleted'));
  if (access.hidden)
    return deny(new DomainError('conflict', 'Moderators have already hidden this message'));
  return allow;
}

export function flagReasonProblem(reason: FlagReason, note: string | undefined): string | null {
  if (reason === 'other' && (note === undefined || note.trim().length === 0))
    return 'note is required when the reason is other';
  return null;
}

/** The moderation queue is for moderators and admins of a network the caller can see. */
export function readModerationQueue(standing: Standing): Decision {
  if (!atLeast(standing, 'moderator')) {
    return deny(
      new DomainError('forbidden', 'Only moderators and admins can read the moderation queue'),
    );
  }
  return allow;
}

export interface ModerationAccess {
  standing: Standing;
  /** Whether the moderator may read the message's channel. */
  readable: boolean;
  /** Whether the message has ever been flagged (so it reached the queue). */
  flagged: boolean;
  suspendedUntil: Date | null;
  now: Date;
}

/**
 * Hiding, unhiding and closing flags. Moderators and admins act on any message in a channel they
 * read, and on a flagged message in a private channel they are not on (a pairing's, say): that is
 * the one way such a message reaches them, alone. Anyone else is told nothing exists.
 */
export function moderateMessage(access: ModerationAccess): Decision {
  if (access.standing === null) return messageNotFound();
  if (!atLeast(access.standing, 'moderator')) {
    return access.readable
      ? deny(new DomainError('forbidden', 'Only moderators and admins can moderate messages'))
      : messageNotFound();
  }
  if (!access.readable && !access.flagged) return messageNotFound();
  if (isSuspended(access.suspendedUntil, access.now))
    return deny(suspendedError(access.suspendedUntil as Date));
  return allow;
}

// -------------------------------------------------------------------------------- slow mode

/** Whether slow mode holds this poster back: it is on, and they are not a moderator or admin. */
export function slowModeApplies(seconds: number, standing: Standing): boolean {
  return seconds > 0 && !atLeast(standing, 'moderator');
}

export interface SlowModeCheck {
  seconds: number;
  standing: Standing;
  /** When this member last posted in the channel (under slow mode), or null. */
  lastPostedAt: Date | null;
  now: Date;
}

/** Milliseconds until this member may post again in the channel; 0 when they may now. */
export function slowModeWaitMs(check: SlowModeCheck): number {
  if (!slowModeApplies(check.seconds, check.standing) || !check.lastPostedAt) return 0;
  const next = check.lastPostedAt.getTime() + check.seconds * 1000;
  // A clock that went backwards never makes someone wait longer than the interval.
  return Math.min(Math.max(0, next - check.now.getTime()), check.seconds * 1000);
}

/** The 429 of slow mode, with the wait in whole seconds (rounded up) for Retry-After. */
export function slowModeError(waitMs: number): DomainError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new DomainError(
    'rate_limited',
    `Slow mode is on in this channel: you can post again in ${seconds} s`,
    { retryAfterSeconds: seconds, slowMode: true },
  );
}

export function checkSlowMode(check: SlowModeCheck): Decision {
  const wait = slowModeWaitMs(check);
  return wait > 0 ? deny(slowModeError(wait)) : allow;
}

/** Setting slow mode is managing the channel: moderators and admins, listed on it or not. */
export function setSlowMode(access: {
  standing: Standing;
  readable: boolean;
  suspendedUntil: Date | null;
  now: Date;
}): Decision {
  if (access.standing === null) return deny(new DomainError('not_found', 'Channel not found'));
  if (!atLeast(access.standing, 'moderator')) {
    return access.readable
      ? deny(new DomainError('forbidden', 'Only moderators and admins can set slow mode'))
      : deny(new DomainError('not_found', 'Channel not found'));
  }
  if (isSuspended(access.suspendedUntil, access.now))
    return deny(suspendedError(access.suspendedUntil as Date));
  return allow;
}

// ----------------------------------------------------------------------------- request bodies

/** `POST /api/messages/:id/flags`. */
export interface CreateFlagBody {
  reason: FlagReason;
  /** What is wrong; required when the reason is `other` (see flagReasonProblem). */
  note?: string;
}

/** The optional word for the audit log on hide, unhide, resolve and dismiss. */
export interface ModerationNoteBody {
  reason?: string;
}

/** `POST /api/channels/:id/slow-mode`: 0 turns slow mode off. */
export interface SlowModeBody {
  seconds: number;
}

/** `POST /api/networks/:slug/members/:userId/suspend`: give `until` or `days`. */
export interface SuspendBody {
  /** When it ends, ISO 8601. */
  until?: string;
  days?: number;
  /** Shown to the suspended member and kept in the audit log. */
  reason: string;
}

// ---------------------------------------------------------------------------- response shapes

export interface FlagView {
  id: string;
  messageId: string;
  reason: FlagReason;
  note: string | null;
  status: FlagStatus;
  createdAt: string;
}

/** A flagged message as the queue shows it: the message alone, attributed as its thread shows it. */
export interface FlaggedMessageView {
  id: string;
  seq: number;
  /** The text, even when hidden or deleted: moderators judge what was written. */
  body: string;
  /** As the thread shows it: a Chatham House thread gives the label only, here too. */
  author: AuthorView;
  hidden: boolean;
  deleted: boolean;
  edited: boolean;
  createdAt: string;
}

export interface ModerationQueueItem {
  message: FlaggedMessageView;
  /**
   * Where it was posted. Null when the message is in a private channel the moderator is not on
   * (a mentoring pair's, say): the queue then shows the message alone and nothing of the
   * conversation around it, not even the thread's title.
   */
  context: {
    threadId: string;
    threadTitle: string;
    channelId: string;
    channelName: string;
  } | null;
  flagCount: number;
  reasons: Partial<Record<FlagReason, number>>;
  /** The newest flags (at most QUEUE_NOTES_MAX), without who raised them. */
  flags: { id: string; reason: FlagReason; note: string | null; createdAt: string }[];
  firstFlaggedAt: string;
  lastFlaggedAt: string;
}

/** What closing a message's open flags (resolve, dismiss, hide) did. */
export interface FlagsClosedView {
  messageId: string;
  closed: number;
  status: Exclude<FlagStatus, 'open'>;
}

/** A suspension as moderators see it. */
export interface SuspensionView {
  networkId: string;
  userId: string;
  displayName: string;
  endsAt: string;
  reason: string;
  suspendedBy: { userId: string; displayName: string } | null;
  createdAt: string;
}

/** A member's own suspension: when it ends and why, not who decided it. */
export interface MySuspensionView {
  suspension: { endsAt: string; reason: string } | null;
}

export interface SlowModeView {
  channelId: string;
  slowModeSeconds: number;
}

/** Roles a moderator may suspend, for the web's member list. */
export function suspendableBy(actor: NetworkRole): NetworkRole[] {
  return actor === 'admin' ? ['member', 'moderator'] : actor === 'moderator' ? ['member'] : [];
}
