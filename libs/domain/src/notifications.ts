import type { AuthorView } from './contract';
import type { NotificationRecord } from './records';

/**
 * What a notification can be about. Each kind below is about exactly one subject type, and the
 * database holds the same pairs (table `notification_kinds`), so a notification can never point
 * at the wrong kind of thing. A feature adds its kinds here and in a migration of its own.
 */
export const NOTIFICATION_SUBJECT_TYPES = [
  'thread',
  'pairing',
  'entry',
  'moderation_queue',
] as const;
export type NotificationSubjectType = (typeof NOTIFICATION_SUBJECT_TYPES)[number];

export const NOTIFICATION_KINDS = {
  /** Someone @mentioned the recipient in a thread they can read. */
  mention: 'thread',
  /** A pairing was proposed with the recipient as mentor or mentee: accept or decline it. */
  pairing_proposed: 'pairing',
  /** One side accepted (the pairing may now be active). */
  pairing_accepted: 'pairing',
  pairing_declined: 'pairing',
  pairing_cancelled: 'pairing',
  /** The pairing was completed: give your feedback. */
  pairing_completed: 'pairing',
  /** A session was planned or recorded. */
  pairing_session: 'pairing',
  /** Six or twelve months after completion: what lasted? */
  pairing_follow_up: 'pairing',
  /** A thread the recipient wrote in was curated into an entry that has published a version. */
  entry_published: 'entry',
  /** An entry of the recipient's network awaits review (to its moderators and admins). */
  entry_submitted: 'entry',
  /** A reviewer sent the entry the recipient drafted back with a note. */
  entry_changes_requested: 'entry',
  /** A moderator quoted the recipient's message in an entry shared beyond the network: allow it? */
  quote_consent_requested: 'entry',
  /**
   * A message in the network was flagged for review (to its moderators and admins). The subject
   * is the network's moderation queue (its id is the network's), never the thread: the message
   * may sit in a private channel the moderator cannot read.
   */
  message_flagged: 'moderation_queue',
} as const satisfies Record<string, NotificationSubjectType>;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export function subjectTypeOf(kind: NotificationKind): NotificationSubjectType {
  return NOTIFICATION_KINDS[kind];
}

export interface NotificationSubject {
  type: NotificationSubjectType;
  id: string;
  /** The subject's title as it was when the notification was made (a thread's title, say). */
  title: string;
}

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  networkId: string;
  subject: NotificationSubject;
  /** The message a mention sits in, for scrolling to it; null for other kinds. */
  messageId: string | null;
  /**
   * Who caused it, as the subject's attribution rule shows them (a Chatham House thread gives a
   * label only); null when nobody did (a reminder, say).
   */
  actor: AuthorView | null;
  /** A short plain-text extract, possibly empty. */
  excerpt: string;
  readAt: string | null;
  createdAt: string;
}

/** A stored notification as its recipient sees it: what it shows was frozen when it was made. */
export function toNotificationView(notification: NotificationRecord): NotificationView {
  return {
    id: notification.id,
    kind: notification.kind,
    networkId: notification.networkId,
    subject: {
      type: notification.subjectType,
      id: notification.subjectId,
      title: notification.payload.title,
    },
    messageId: notification.messageId,
    actor: notification.payload.actor ?? null,
    excerpt: notification.payload.excerpt ?? '',
    readAt: notification.readAt ? notification.readAt.toISOString() : null,
    createdAt: notification.createdAt.toISOString(),
  };
}
