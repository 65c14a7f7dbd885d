import { Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { Ack, attributionLabel, MessageView, PresenceView, ROOM } from '@tandem/domain';
import { DataSource } from 'typeorm';
import type { AccessTokenClaims } from '../auth/tokens';
import { ChannelsService } from '../channels/channels.service';
import type { Actor } from '../common/actor';
import { validatePayload } from '../common/validation';
import { DiscussionsService } from '../discussions/discussions.service';
import {
  ChannelRef,
  ReadPayload,
  SendMessagePayload,
  ThreadJoinPayload,
  ThreadRef,
} from '../discussions/dto/discussion.dto';
import { UserEntity } from '../users/user.entity';
import { acknowledge } from './acks';
import type { SocketData, TandemServer, TandemSocket } from './socket-data';

const TYPING_INTERVAL_MS = 2000;

/**
 * The gateway authenticates, manages rooms and relays; every decision is the services', so a
 * socket action is authorized exactly like its HTTP twin. Emits for domain events live in
 * RealtimeListener.
 */
@WebSocketGateway()
export class RealtimeGateway
  implements OnGatewayInit<TandemServer>, OnGatewayConnection<TandemSocket>
{
  private readonly logger = new Logger('RealtimeGateway');
  private readonly expiryTimers = new WeakMap<TandemSocket, NodeJS.Timeout>();
  private readonly lastTyping = new WeakMap<TandemSocket, Map<string, number>>();

  @WebSocketServer()
  server: TandemServer;

  constructor(
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    private readonly channels: ChannelsService,
    private readonly discussions: DiscussionsService,
  ) {}

  afterInit(server: TandemServer): void {
    server.use((socket, next) => {
      this.authenticate(socket).then(
        () => next(),
        (error: unknown) => {
          const refusal = new Error(
            error instanceof Error ? error.message : 'unauthorized',
          ) as Error & { data?: unknown };
          refusal.data = { code: 'unauthorized' };
          next(refusal);
        },
      );
    });
  }

  /** The handshake carries the access token; a refused one never connects. */
  private async authenticate(socket: TandemSocket): Promise<void> {
    const token: unknown = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token.length === 0)
      throw new Error('Authentication required: pass auth.token');
    let claims: AccessTokenClaims & { exp: number };
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims & { exp: number }>(token, {
        algorithms: ['HS256'],
      });
    } catch (error) {
      throw new Error(
        error instanceof Error && error.name === 'TokenExpiredError'
          ? 'Access token expired; refresh it'
          : 'Access token is not valid',
        { cause: error },
      );
    }
    const rows: { live: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM refresh_tokens WHERE family_id = $1 AND user_id = $2 AND revoked_at IS NULL) AS live`,
      [claims.sid, claims.sub],
    );
    if (!rows[0]?.live) throw new Error('This session has ended; sign in again');
    const user = await this.dataSource.manager.findOne(UserEntity, {
      where: { id: claims.sub },
      relations: { organisation: true },
    });
    if (!user) throw new Error('Access token is not valid');
    const data: SocketData = {
      userId: user.id,
      sessionId: claims.sid,
      displayName: user.displayName,
      expiresAt: claims.exp,
      rooms: {},
      typingAs: {},
    };
    socket.data = data;
    // Kept for `typing` in Chatham threads, where only the label may show.
    (socket.data as SocketData & { label?: string }).label = attributionLabel(user.organisation);
  }

  handleConnection(socket: TandemSocket): void {
    void socket.join([ROOM.user(socket.data.userId), `session:${socket.data.sessionId}`]);
    // An expired token ends the connection; the client refreshes and reconnects (with catch-up).
    const remaining = socket.data.expiresAt * 1000 - Date.now();
    const timer = setTimeout(
      () => {
        socket.emit('session:ended', { reason: 'token_expired' });
        socket.disconnect(true);
      },
      Math.max(0, remaining),
    );
    timer.unref();
    this.expiryTimers.set(socket, timer);
    socket.on('disconnecting', () => {
      clearTimeout(this.expiryTimers.get(socket));
      const channelRooms = [...socket.rooms].filter((room) => room.startsWith('channel:'));
      // After the socket has left its rooms, tell each channel who is still there.
      setImmediate(() => {
        for (const room of channelRooms) void this.broadcastPresence(room.slice('channel:'.length));
      });
    });
  }

  @SubscribeMessage('channel:join')
  async joinChannel(
    @ConnectedSocket() socket: TandemSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<{ presence: PresenceView }>> {
    return acknowledge(async () => {
      const { channelId } = await validatePayload(ChannelRef, payload);
      const channel = await this.channels.get(actorOf(socket), channelId);
      const room = ROOM.channel(channel.id);
      await socket.join(room);
      socket.data.rooms = {
        ...socket.data.rooms,
        [room]: { networkId: channel.networkId, channelId: channel.id },
      };
      const presence = await this.broadcastPresence(channel.id);
      return { presence };
    });
  }

  @SubscribeMessage('channel:leave')
  async leaveChannel(
    @ConnectedSocket() socket: TandemSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack> {
    return acknowledge(async () => {
      const { channelId } = await validatePayload(ChannelRef, payload);
      const room = ROOM.channel(channelId);
      await socket.leave(room);
      const { [room]: _left, ...rest } = socket.data.rooms;
      socket.data.rooms = rest;
      await this.broadcastPresence(channelId);
      return {};
    });
  }

  /**
   * Joins first, then reads what was missed, so nothing committed in between is lost; a message
   * may then arrive both live and in `missed`, and clients keep one copy per seq.
   */
  @SubscribeMessage('thread:join')
  async joinThread(
    @ConnectedSocket() socket: TandemSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<{ missed: MessageView[]; hasMore: boolean }>> {
    return acknowledge(async () => {
      const { threadId, afterSeq } = await validatePayload(ThreadJoinPayload, payload);
      const actor = actorOf(socket);
      const thread = await this.discussions.getThread(actor, threadId);
      const room = ROOM.thread(thread.id);
      await socket.join(room);
      const label = (socket.data as SocketData & { label?: string }).label ?? 'Member';
      socket.data.rooms = {
        ...socket.data.rooms,
        [room]: { networkId: thread.networkId, channelId: thread.channelId },
      };
      socket.data.typingAs = {
        ...socket.data.typingAs,
        [thread.id]: thread.attribution === 'chatham' ? label : socket.data.displayName,
      };
      try {
        return await this.discussions.catchUp(actor, thread.id, afterSeq);
      } catch (error) {
        await socket.leave(room);
        throw error;
      }
    });
  }

  @SubscribeMessage('thread:leave')
  async leaveThread(
    @ConnectedSocket() socket: TandemSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack> {
    return acknowledge(async () => {
      const { threadId } = await validatePayload(ThreadRef, payload);
      const room = ROOM.thread(threadId);
      await socket.leave(room);
      const { [room]: _left, ...rest } = socket.data.rooms;
      socket.data.rooms = rest;
      return {};
    });
  }

  @SubscribeMessage('message:send')
  async send(
    @ConnectedSocket() socket: TandemSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<{ message: MessageView; duplicate: boolean }>> {
    return acknowledge(async () => {
      const { threadId, ...dto } = await validatePayload(SendMessagePayload, payload);
      return this.discussions.postMessage(actorOf(socket), threadId, dto);
    });
  }

  /** Typing is only relayed from sockets that joined (and so were authorized for) the thread. */
  @SubscribeMessage('typing')
  async typing(
    @ConnectedSocket() socket: TandemSocket,
    @MessageBody() payload: unknown,
  ): Promise<void> {
    let threadId: string;
    try {
      ({ threadId } = await validatePayload(ThreadRef, payload));
    } catch {
      return;
    }
    const room = ROOM.thread(threadId);
    if (!socket.rooms.has(room)) return;
    const sent = this.lastTyping.get(socket) ?? new Map<string, number>();
    this.lastTyping.set(socket, sent);
    const now = Date.now();
    if (now - (sent.get(threadId) ?? 0) < TYPING_INTERVAL_MS) return;
    sent.set(threadId, now);
    socket.to(room).emit('typing', { threadId, who: socket.data.typingAs[threadId] ?? 'Someone' });
  }

  @SubscribeMessage('read')
  async read(
    @ConnectedSocket() socket: TandemSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<{ lastReadSeq: number; unreadCount: number }>> {
    return acknowledge(async () => {
      const { threadId, seq } = await validatePayload(ReadPayload, payload);
      return this.discussions.markRead(actorOf(socket), threadId, seq);
    });
  }

  /** Who is connected in a channel, across every server process (through the adapter). */
  async broadcastPresence(channelId: string): Promise<PresenceView> {
    const room = ROOM.channel(channelId);
    const sockets = await this.server.in(room).fetchSockets();
    const online = new Map<string, string>();
    for (const remote of sockets) online.set(remote.data.userId, remote.data.displayName);
    const presence: PresenceView = {
      channelId,
      online: [...online].map(([userId, displayName]) => ({ userId, displayName })),
    };
    this.server.to(room).emit('presence', presence);
    return presence;
  }

  logError(error: unknown): void {
    this.logger.error(error instanceof Error ? error.message : String(error));
  }
}

function actorOf(socket: TandemSocket): Actor {
  return { userId: socket.data.userId, sessionId: socket.data.sessionId };
}
