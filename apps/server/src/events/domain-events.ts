import type { EntrySummaryView } from '@tandem/domain';
import type { ChannelEntity } from '../channels/channel.entity';
import type { MessageEntity } from '../discussions/message.entity';
import type { ThreadEntity } from '../discussions/thread.entity';
import type { NotificationEntity } from '../notifications/notification.entity';
import type { PairingView } from '@tandem/domain';

/**
 * Events services publish after their transaction commits. Business code never imports the
 * gateway: the realtime listener turns these into socket emits for the right audience.
 */
export const EVENTS = {
  messageCreated: 'message.created',
  messageUpdated: 'message.updated',
  threadCreated: 'thread.created',
  threadUpdated: 'thread.updated',
  notificationCreated: 'notification.created',
  channelAccessLost: 'channel.access-lost',
  networkAccessLost: 'network.access-lost',
  memberSuspended: 'member.suspended',
  sessionEnded: 'session.ended',
  pairingUpdated: 'pairing.updated',
  /** A best-practice entry published a version (payload: EntryPublishedEvent, curation). */
  entryPublished: 'entry.published',
} as const;

/** Public facts about an author, for mapping (never an email). */
export interface AuthorFacts {
  userId: string;
  displayName: string;
  handle: string;
}

export interface MessageEvent {
  message: MessageEntity;
  thread: ThreadEntity;
  author: AuthorFacts | null;
}

export interface ThreadEvent {
  thread: ThreadEntity;
  channel: ChannelEntity;
  author: AuthorFacts | null;
}

/**
 * A thread changed (new activity, a lock, a link). With `thread`, the publisher hands over the
 * thread as it stands after the change and the listener relays it as is, without its links
 * (which did not change); without it, the listener reads the thread and its links afresh.
 */
export interface ThreadUpdatedEvent {
  threadId: string;
  thread?: ThreadEntity;
  /** The thread's author, with `thread`. */
  author?: AuthorFacts | null;
}

export interface NotificationEvent {
  notification: NotificationEntity;
}

/** Someone can no longer read a channel (removed from its list). */
export interface ChannelAccessLostEvent {
  channelId: string;
  userId: string;
}

/** Someone left or was removed from a network: every room of that network must drop them. */
export interface NetworkAccessLostEvent {
  networkId: string;
  userId: string;
}

/**
 * A member was suspended from a network: still a member (they may read over HTTP), but their
 * sockets leave every room of the network at once and may not join again until it ends.
 */
export interface MemberSuspendedEvent {
  networkId: string;
  userId: string;
}

export interface SessionEndedEvent {
  sessionId: string;
  reason: 'signed_out' | 'revoked';
}

/** A pairing changed: each person involved gets their own view of it (`pairing:updated`). */
export interface PairingUpdatedEvent {
  deliveries: { userId: string; pairing: PairingView }[];
}

/** A best-practice entry published a version; the audience is named explicitly. */
export interface EntryPublishedEvent {
  entry: EntrySummaryView;
  /** The source thread and its channel: their rooms hold members of the entry's network only. */
  threadId: string | null;
  channelId: string | null;
  /** The participants notified of it, each able to read it. */
  userIds: string[];
}
