import type { ChannelEntity } from '../channels/channel.entity';
import type { MessageEntity } from '../discussions/message.entity';
import type { ThreadEntity } from '../discussions/thread.entity';
import type { NotificationEntity } from '../notifications/notification.entity';

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
