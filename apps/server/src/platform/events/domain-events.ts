import type {
  AuthorFacts,
  ChannelRecord,
  EntrySummaryView,
  MessageRecord,
  NotificationRecord,
  PairingView,
  ThreadRecord,
} from '@tandem/domain';

export type { AuthorFacts } from '@tandem/domain';

/*
 * The server's internal events. Services publish them once their write has committed (see
 * DomainEvents); the realtime listener and other subscribers react. Payloads are plain domain
 * records and views, never entities, so that a subscriber depends on the domain only.
 */

export interface MessageEvent {
  message: MessageRecord;
  thread: ThreadRecord;
  author: AuthorFacts | null;
}

export interface ThreadEvent {
  thread: ThreadRecord;
  channel: ChannelRecord;
  author: AuthorFacts | null;
}

/**
 * A thread changed (new activity, a lock, a link). With `thread`, the publisher hands over the
 * thread as it stands after the change and the listener relays it as is, without its annex
 * (links, curated into: they did not change); without it, the listener reads the thread and its
 * annex afresh.
 */
export interface ThreadUpdatedEvent {
  threadId: string;
  thread?: ThreadRecord;
  /** The thread's author, with `thread`. */
  author?: AuthorFacts | null;
}

export interface NotificationEvent {
  notification: NotificationRecord;
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

/** Every internal event by name, with its payload: `emit` and `@OnDomainEvent` are typed by it. */
export interface DomainEventMap {
  'message.created': MessageEvent;
  'message.updated': MessageEvent;
  'thread.created': ThreadEvent;
  'thread.updated': ThreadUpdatedEvent;
  'notification.created': NotificationEvent;
  'channel.access-lost': ChannelAccessLostEvent;
  'network.access-lost': NetworkAccessLostEvent;
  'member.suspended': MemberSuspendedEvent;
  'session.ended': SessionEndedEvent;
  'pairing.updated': PairingUpdatedEvent;
  'entry.published': EntryPublishedEvent;
}

export type DomainEventName = keyof DomainEventMap;

/** The names as constants, for subscribers: `@OnDomainEvent(EVENTS.messageCreated)`. */
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
  entryPublished: 'entry.published',
} as const satisfies Record<string, DomainEventName>;
