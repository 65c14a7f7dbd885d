import { Injectable } from '@nestjs/common';
import { ROOM, toMessageView, toNotificationView, toThreadView } from '@tandem/domain';
import {
  ChannelAccessLostEvent,
  EntryPublishedEvent,
  EVENTS,
  MemberSuspendedEvent,
  MessageEvent,
  NetworkAccessLostEvent,
  NotificationEvent,
  PairingUpdatedEvent,
  SessionEndedEvent,
  ThreadEvent,
  ThreadUpdatedEvent,
} from '../platform/events/domain-events';
import { OnDomainEvent } from '../platform/events/domain-event-bus';
import { ThreadsService } from '../discussions/threads.service';
import { MetricsService } from '../platform/metrics/metrics.service';
import { RealtimeGateway } from './realtime.gateway';
import { ownRoom } from './socket-data';

/**
 * Turns committed domain events into socket emits, each to an explicit audience with the mapped
 * payload. Payloads to a room are the same for everyone in it, so reader-specific fields are
 * neutral there (isMine false, no clientId); the author's sockets in that room get their own
 * version through their own room inside it (`ownRoom`), so a tab that did not join, or a socket
 * evicted from the room, gets neither.
 */
@Injectable()
export class RealtimeListener {
  constructor(
    private readonly gateway: RealtimeGateway,
    private readonly threads: ThreadsService,
    private readonly metrics: MetricsService,
  ) {}

  @OnDomainEvent(EVENTS.messageCreated)
  onMessageCreated(event: MessageEvent): void {
    this.relayMessage('message:new', event);
    this.metrics.countDelivered();
  }

  @OnDomainEvent(EVENTS.messageUpdated)
  onMessageUpdated(event: MessageEvent): void {
    this.relayMessage('message:updated', event);
  }

  @OnDomainEvent(EVENTS.threadCreated)
  onThreadCreated({ thread, author }: ThreadEvent): void {
    const server = this.gateway.server;
    const shared = toThreadView(thread, author, null, 0);
    const room = ROOM.channel(thread.channelId);
    if (thread.authorId) {
      const own = ownRoom(room, thread.authorId);
      server.to(room).except(own).emit('thread:new', shared);
      server
        .to(own)
        .emit('thread:new', toThreadView(thread, author, thread.authorId, thread.lastSeq));
    } else {
      server.to(room).emit('thread:new', shared);
    }
  }

  @OnDomainEvent(EVENTS.threadUpdated, { async: true, promisify: true })
  async onThreadUpdated({
    threadId,
    thread: given,
    author: givenAuthor,
  }: ThreadUpdatedEvent): Promise<void> {
    if (given) {
      // New activity, for thread lists: to the channel room only. Readers in the thread room
      // learn of the message itself from message:new, and the links are as they were.
      this.gateway.server
        .to(ROOM.channel(given.channelId))
        .emit('thread:updated', toThreadView(given, givenAuthor ?? null, null, 0));
      return;
    }
    // The thread's annex (links, curated into) travels with it, so a new citation shows at once
    // in open thread views.
    const view = await this.threads.roomThreadView(threadId);
    if (!view) return;
    this.gateway.server
      .to([ROOM.channel(view.channelId), ROOM.thread(view.id)])
      .emit('thread:updated', view);
  }

  /**
   * To the source thread's rooms (their sockets belong to members of the entry's network, who
   * read its published versions) and to the participants told about it, each of whom may read
   * it; one socket in several of these rooms gets it once.
   */
  @OnDomainEvent(EVENTS.entryPublished)
  onEntryPublished({ entry, threadId, channelId, userIds }: EntryPublishedEvent): void {
    const rooms = [
      ...(threadId ? [ROOM.thread(threadId)] : []),
      ...(channelId ? [ROOM.channel(channelId)] : []),
      ...userIds.map((userId) => ROOM.user(userId)),
    ];
    if (rooms.length > 0) this.gateway.server.to(rooms).emit('entry:published', entry);
  }

  @OnDomainEvent(EVENTS.notificationCreated)
  onNotification({ notification }: NotificationEvent): void {
    this.gateway.server
      .to(ROOM.user(notification.userId))
      .emit('notification', toNotificationView(notification));
  }

  /** Each person's own view of the pairing, to their own room only. */
  @OnDomainEvent(EVENTS.pairingUpdated)
  onPairingUpdated({ deliveries }: PairingUpdatedEvent): void {
    for (const { userId, pairing } of deliveries) {
      this.gateway.server.to(ROOM.user(userId)).emit('pairing:updated', pairing);
    }
  }

  /**
   * Synchronous on purpose: the eviction happens inside the service's `emit`, before the answer
   * to the removal, so the next message cannot reach the removed member.
   */
  @OnDomainEvent(EVENTS.channelAccessLost)
  onChannelAccessLost({ channelId, userId }: ChannelAccessLostEvent): void {
    this.gateway.revokeAccess({ userId, channelId });
  }

  @OnDomainEvent(EVENTS.networkAccessLost)
  onNetworkAccessLost({ networkId, userId }: NetworkAccessLostEvent): void {
    this.gateway.revokeAccess({ userId, networkId });
  }

  /** Synchronous too: a suspended member's open sockets hear nothing more from the network. */
  @OnDomainEvent(EVENTS.memberSuspended)
  onMemberSuspended({ networkId, userId }: MemberSuspendedEvent): void {
    this.gateway.revokeAccess({ userId, networkId });
  }

  @OnDomainEvent(EVENTS.sessionEnded)
  onSessionEnded({ sessionId, reason }: SessionEndedEvent): void {
    const room = `session:${sessionId}`;
    this.gateway.server
      .to(room)
      .emit('session:ended', { reason: reason === 'signed_out' ? 'signed_out' : 'removed' });
    this.gateway.server.in(room).disconnectSockets(true);
  }

  private relayMessage(
    name: 'message:new' | 'message:updated',
    { message, thread, author }: MessageEvent,
  ): void {
    const server = this.gateway.server;
    const room = ROOM.thread(thread.id);
    const shared = toMessageView(message, thread.attribution, author, null);
    if (message.authorId) {
      const own = ownRoom(room, message.authorId);
      server.to(room).except(own).emit(name, shared);
      server
        .to(own)
        .emit(name, toMessageView(message, thread.attribution, author, message.authorId));
    } else {
      server.to(room).emit(name, shared);
    }
  }
}
