import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ROOM } from '@tandem/domain';
import { DataSource } from 'typeorm';
import { toMessageView, toThreadView } from '../discussions/discussion-views';
import { ThreadEntity } from '../discussions/thread.entity';
import {
  ChannelAccessLostEvent,
  EVENTS,
  MessageEvent,
  NetworkAccessLostEvent,
  NotificationEvent,
  SessionEndedEvent,
  ThreadEvent,
} from '../events/domain-events';
import { toNotificationView } from '../notifications/notifications.service';
import { UserEntity } from '../users/user.entity';
import { RealtimeGateway } from './realtime.gateway';
import type { RoomScope } from './socket-data';

/**
 * Turns committed domain events into socket emits, each to an explicit audience with the mapped
 * payload. Payloads to a room are the same for everyone in it, so reader-specific fields are
 * neutral there (isMine false, no clientId); the author's own sockets get their version through
 * their user room.
 */
@Injectable()
export class RealtimeListener {
  constructor(
    private readonly gateway: RealtimeGateway,
    private readonly dataSource: DataSource,
  ) {}

  @OnEvent(EVENTS.messageCreated)
  onMessageCreated(event: MessageEvent): void {
    this.relayMessage('message:new', event);
  }

  @OnEvent(EVENTS.messageUpdated)
  onMessageUpdated(event: MessageEvent): void {
    this.relayMessage('message:updated', event);
  }

  @OnEvent(EVENTS.threadCreated)
  onThreadCreated({ thread, author }: ThreadEvent): void {
    const server = this.gateway.server;
    const shared = toThreadView(thread, author, null, 0);
    const room = ROOM.channel(thread.channelId);
    if (thread.authorId) {
      server.to(room).except(ROOM.user(thread.authorId)).emit('thread:new', shared);
      server
        .to(ROOM.user(thread.authorId))
        .emit('thread:new', toThreadView(thread, author, thread.authorId, thread.lastSeq));
    } else {
      server.to(room).emit('thread:new', shared);
    }
  }

  @OnEvent(EVENTS.threadUpdated, { async: true, promisify: true })
  async onThreadUpdated({ threadId }: { threadId: string }): Promise<void> {
    const thread = await this.dataSource.manager.findOneBy(ThreadEntity, { id: threadId });
    if (!thread) return;
    const author = thread.authorId
      ? await this.dataSource.manager.findOneBy(UserEntity, { id: thread.authorId })
      : null;
    const view = toThreadView(
      thread,
      author ? { userId: author.id, displayName: author.displayName, handle: author.handle } : null,
      null,
      0,
    );
    this.gateway.server
      .to([ROOM.channel(thread.channelId), ROOM.thread(thread.id)])
      .emit('thread:updated', view);
  }

  @OnEvent(EVENTS.notificationCreated)
  onNotification({ notification }: NotificationEvent): void {
    this.gateway.server
      .to(ROOM.user(notification.userId))
      .emit('notification', toNotificationView(notification));
  }

  @OnEvent(EVENTS.channelAccessLost, { async: true, promisify: true })
  async onChannelAccessLost({ channelId, userId }: ChannelAccessLostEvent): Promise<void> {
    await this.evict(userId, (scope) => scope.channelId === channelId);
    await this.gateway.broadcastPresence(channelId);
  }

  @OnEvent(EVENTS.networkAccessLost, { async: true, promisify: true })
  async onNetworkAccessLost({ networkId, userId }: NetworkAccessLostEvent): Promise<void> {
    const channels = await this.evict(userId, (scope) => scope.networkId === networkId);
    for (const channelId of channels) await this.gateway.broadcastPresence(channelId);
  }

  @OnEvent(EVENTS.sessionEnded)
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
      server.to(room).except(ROOM.user(message.authorId)).emit(name, shared);
      server
        .to(ROOM.user(message.authorId))
        .emit(name, toMessageView(message, thread.attribution, author, message.authorId));
    } else {
      server.to(room).emit(name, shared);
    }
  }

  /**
   * Removes a user's sockets, on every process, from the rooms a lost permission covered, at
   * once: nothing further from those rooms reaches them. Returns the channels touched.
   */
  private async evict(userId: string, covered: (scope: RoomScope) => boolean): Promise<string[]> {
    const sockets = await this.gateway.server.in(ROOM.user(userId)).fetchSockets();
    const channels = new Set<string>();
    for (const socket of sockets) {
      const rooms = socket.data.rooms ?? {};
      for (const [room, scope] of Object.entries(rooms)) {
        if (!covered(scope)) continue;
        socket.leave(room);
        if (room.startsWith('channel:')) channels.add(scope.channelId);
      }
    }
    return [...channels];
  }
}
