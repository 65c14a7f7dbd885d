import type { Attribution, ChannelVisibility } from './discussions';
import type { NotificationKind, NotificationSubjectType } from './notifications';
import type { AuthorView } from './contract';
import type { Topic } from './topics';
import type { LabelCode } from './organisation-labels';

/*
 * Stored facts as plain data: what the server's events carry and its pure mappers read. The
 * server's entities implement these interfaces, so an event or a mapper never needs an entity
 * class (and the server's features never import each other's entities to talk through events).
 */

/** Public facts about an author, for mapping (never an email). */
export interface AuthorFacts {
  userId: string;
  displayName: string;
  handle: string;
}

export interface MessageRecord {
  id: string;
  threadId: string;
  seq: number;
  authorId: string | null;
  authorLabel: string;
  /** The label's code, frozen when posted (see chatham.ts). */
  authorLabelCode: LabelCode;
  clientId: string;
  body: string;
  replyToId: string | null;
  changeSeq: number;
  editedAt: Date | null;
  deletedAt: Date | null;
  deletedBy: string | null;
  hiddenAt: Date | null;
  hiddenBy: string | null;
  createdAt: Date;
}

export interface ThreadRecord {
  id: string;
  channelId: string;
  networkId: string;
  title: string;
  attribution: Attribution;
  topics: Topic[];
  authorId: string | null;
  authorLabel: string;
  /** The label's code, frozen when posted (see chatham.ts). */
  authorLabelCode: LabelCode;
  clientId: string;
  lastSeq: number;
  lastChange: number;
  messageCount: number;
  lockedAt: Date | null;
  lockedBy: string | null;
  lastActivityAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export interface ChannelRecord {
  id: string;
  networkId: string;
  slug: string;
  name: string;
  description: string;
  topics: Topic[];
  visibility: ChannelVisibility;
  archivedAt: Date | null;
  slowModeSeconds: number;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a notification shows of its subject, frozen when it is created. */
export interface NotificationPayload {
  /** The subject's title: a thread's title, a pairing's or an entry's name. */
  title: string;
  excerpt: string;
  /** Who caused it, as the subject's attribution rule shows them; null for reminders. */
  actor: AuthorView | null;
}

export interface NotificationRecord {
  id: string;
  userId: string;
  kind: NotificationKind;
  networkId: string;
  subjectType: NotificationSubjectType;
  subjectId: string;
  threadId: string | null;
  messageId: string | null;
  dedupeKey: string | null;
  payload: NotificationPayload;
  readAt: Date | null;
  createdAt: Date;
}
