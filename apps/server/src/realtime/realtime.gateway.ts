import { BeforeApplicationShutdown, Inject, Logger } from '@nestjs/common';
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
import {
  Ack,
  DomainError,
  MessageView,
  PresenceView,
  presenceFor,
  ROOM,
  typingName,
} from '@tandem/domain';
import type { AccessTokenClaims } from '../auth/tokens';
import { ChannelsService } from '../channels/channels.service';
import type { Actor } from '../platform/http/actor';
import { isDatabaseUnavailable } from '../platform/database/database-errors';
import { isUuid, validatePayload } from '../platform/http/validation';
import { APP_CONFIG, AppConfig } from '../platform/config/configuration';
import { RateLimitService } from '../platform/rate-limit/rate-limit.service';
import {
  ChannelRoomDto,
  MessageSendDto,
  ThreadJoinDto,
  ThreadReadDto,
  ThreadRoomDto,
} from '../discussions/dto/discussion.dto';
import { MessagesService } from '../discussions/messages.service';
import { ThreadsService } from '../discussions/threads.service';
import { acknowledge } from './acks';
import { RealtimeRepository } from './realtime.repository';
import {
  AccessRevocation,
  ownRoom,
  RoomScope,
  SocketData,
  TandemServer,
  TandemSocket,
} from './socket-data';

const TYPING_INTERVAL_MS = 2000;

/** Why a handshake was refused, in `connect_error`'s `data.reason`. */
export type HandshakeRefusalReason =
  | 'missing_token'
  | 'invalid_token'
  | 'token_expired'
  | 'session_ended'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export interface HandshakeRefusalData {
  code: 'unauthorized' | 'rate_limited' | 'unavailable' | 'internal';
  reason: HandshakeRefusalReason;
  retryAfterMs?: number;
}

class HandshakeRefusal extends Error {
  constructor(
    readonly reason: Exclude<HandshakeRefusalReason, 'rate_limited' | 'unavailable' | 'internal'>,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The gateway authenticates, manages rooms and relays; every decision is the services', so a
 * socket action is authorized exactly like its HTTP twin. Emits for domain events live in
 * RealtimeListener.
 */
@WebSocketGateway()
export class RealtimeGateway
  implements
    OnGatewayInit<TandemServer>,
    OnGatewayConnection<TandemSocket>,
    BeforeApplicationShutdown
{
  private readonly logger = new Logger('RealtimeGateway');
  /** Presence broadcasts under way, so shutting down can wait for them (see below). */
  private readonly pendingPresence = new Set<Promise<void>>();
  private readonly expiryTimers = new WeakMap<TandemSocket, NodeJS.Timeout>();
  private readonly lastTyping = new WeakMap<TandemSocket, Map<string, number>>();

  @WebSocketServer()
  server: TandemServer;

  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: RealtimeRepository,
    private readonly channels: ChannelsService,
    private readonly threads: ThreadsService,
    private readonly messages: MessagesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rateLimits: RateLimitService,
  ) {}

  afterInit(server: TandemServer): void {
    server.sockets.on('access:revoked', (revocation) => this.evictLocally(revocation));
    server.use((socket, next) => {
      this.authenticate(socket).then(
        () => next(),
        (error: unknown) => next(this.refusal(error)),
      );
    });
  }

  /**
   * What a refused handshake tells the client (`connect_error`): a message for people and
   * `data: { code, reason }` for code, so a client refreshes an expired token, signs in again
   * after a session ended, and simply retries while the database is away, instead of treating
   * every refusal alike. Internal errors never reach the client.
   */
  private refusal(error: unknown): Error & { data: HandshakeRefusalData } {
    let message: string;
    let data: HandshakeRefusalData;
    if (error instanceof HandshakeRefusal) {
      message = error.message;
      data = { code: 'unauthorized', reason: error.reason };
    } else if (error instanceof DomainError && error.code === 'rate_limited') {
      const retryAfterSeconds =
        (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 1;
      message = error.message;
      data = {
        code: 'rate_limited',
        reason: 'rate_limited',
        retryAfterMs: retryAfterSeconds * 1000,
      };
    } else if (isDatabaseUnavailable(error)) {
      message = 'The server cannot reach its database right now; try again shortly';
      data = { code: 'unavailable', reason: 'unavailable', retryAfterMs: 5000 };
    } else {
      this.logError(error);
      message = 'Something went wrong on our side';
      data = { code: 'internal', reason: 'internal' };
    }
    return Object.assign(new Error(message), { data });
  }

  /** The handshake carries the access token; a refused one never connects. */
  private async authenticate(socket: TandemSocket): Promise<void> {
    const token: unknown = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token.length === 0)
      throw new HandshakeRefusal('missing_token', 'Authentication required: pass auth.token');
    let claims: AccessTokenClaims & { exp: number };
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims & { exp: number }>(token, {
        algorithms: ['HS256'],
      });
    } catch (error) {
      throw error instanceof Error && error.name === 'TokenExpiredError'
        ? new HandshakeRefusal('token_expired', 'Access token expired; refresh it')
        : new HandshakeRefusal('invalid_token', 'Access token is not valid');
    }
    // Signed by us, but only well-formed claims may reach SQL (a bad uuid would be a 22P02).
    if (!isUuid(claims.sub) || !isUuid(claims.sid) || typeof claims.exp !== 'number')
      throw new HandshakeRefusal('invalid_token', 'Access token is not valid');
    if (!(await this.sessions.sessionIsLive(claims.sid, claims.sub)))
      throw new HandshakeRefusal('session_ended', 'This session has ended; sign in again');
    const user = await this.sessions.userWithOrganisation(claims.sub);
    if (!user) throw new HandshakeRefusal('invalid_token', 'Access token is not valid');
    await this.rateLimits.consume(
      `socket:user:${user.id}`,
      this.config.rateLimits.socketConnectionsPerUser,
      'Too many connections; wait a moment before connecting again',
    );
    const data: SocketData = {
      userId: user.id,
      sessionId: claims.sid,
      displayName: user.displayName,
      expiresAt: claims.exp,
      rooms: {},
      typingAs: {},
    };
    socket.data = data;
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
      const channels = this.channelsOf(socket);
      // After the socket has left its rooms, tell each channel who is still there.
      setImmediate(() => {
        for (const channelId of channels) this.announcePresence(channelId);
      });
    });
  }

  @SubscribeMessage('channel:join')
  async joinChannel(
    @ConnectedSocket() socket: TandemSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<{ presence: PresenceView }>> {
    return acknowledge(async () => {
      const { channelId } = await validatePayload(ChannelRoomDto, payload);
      const actor = actorOf(socket);
      const channel = await this.channels.joinLive(actor, channelId);
      const room = ROOM.channel(channel.channelId);
      await this.enter(socket, room, channel);
      try {
        // Checked again once in the room: access lost between the check and the join (whose
        // eviction found nothing to evict yet) must not leave the socket inside.
        await this.channels.joinLive(actor, channel.channelId);
      } catch (error) {
        this.exit(socket, room);
        throw error;
      }
      const presence = await this.broadcastPresence(channel.channelId);
      return { presence };
    });
  }

  @SubscribeMessage('channel:leave')
  async leaveChannel(
    @ConnectedSocket() socket: TandemSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack> {
    return acknowledge(async () => {
      const { channelId } = await validatePayload(ChannelRoomDto, payload);
      const room = ROOM.channel(channelId);
      // Only a socket that was in the channel changes who is there; any other leave is a no-op
      // (else anyone could make any channel broadcast its presence).
      if (!socket.rooms.has(room)) return {};
      this.exit(socket, room);
      await this.broadcastPresence(channelId);
      return {};
    });
  }

  /**
   * Joins first, then reads what was missed (checking access again), so nothing committed in
   * between is lost; a message may then arrive both live and in `missed`, and clients keep one
   * copy per seq.
   */
  @SubscribeMessage('thread:join')
  async joinThread(
    @ConnectedSocket() socket: TandemSocket,
    @MessageBody() payload: unknown,
  ): Promise<
    Ack<{ missed: MessageView[]; hasMore: boolean; changed?: MessageView[]; lastChange?: number }>
  > {
    return acknowledge(async () => {
      const { threadId, afterSeq, afterChange } = await validatePayload(ThreadJoinDto, payload);
      const actor = actorOf(socket);
      const thread = await this.threads.getThread(actor, threadId);
      const room = ROOM.thread(thread.id);
      socket.data.typingAs = {
        ...socket.data.typingAs,
        [thread.id]: typingName(thread.attribution, socket.data.displayName),
      };
      await this.enter(socket, room, { networkId: thread.networkId, channelId: thread.channelId });
      try {
        return await this.messages.catchUp(actor, thread.id, afterSeq, afterChange);
      } catch (error) {
        this.exit(socket, room);
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
      const { threadId } = await validatePayload(ThreadRoomDto, payload);
      this.exit(socket, ROOM.thread(threadId));
      return {};
    });
  }

  @SubscribeMessage('message:send')
  async send(
    @ConnectedSocket() socket: TandemSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<{ message: MessageView; duplicate: boolean }>> {
    return acknowledge(async () => {
      const { threadId, ...dto } = await validatePayload(MessageSendDto, payload);
      return this.messages.postMessage(actorOf(socket), threadId, dto);
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
      ({ threadId } = await validatePayload(ThreadRoomDto, payload));
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
    // Not to the sender, nor to their other tabs: nobody needs to see themselves typing.
    socket
      .to(room)
      .except(ownRoom(room, socket.data.userId))
      .emit('typing', { threadId, who: socket.data.typingAs[threadId] ?? null });
  }

  @SubscribeMessage('read')
  async read(
    @ConnectedSocket() socket: TandemSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<{ lastReadSeq: number; unreadCount: number }>> {
    return acknowledge(async () => {
      const { threadId, seq } = await validatePayload(ThreadReadDto, payload);
      return this.threads.markRead(actorOf(socket), threadId, seq);
    });
  }

  /**
   * Someone lost access to a network or a channel. Their sockets on this process leave every room
   * it covered synchronously, within the service's `emit`, so before the HTTP answer to the
   * removal is sent; the other processes are told through Redis on the same connection that
   * later broadcasts use, so they evict before any later message reaches them.
   */
  revokeAccess(revocation: AccessRevocation): void {
    this.evictLocally(revocation);
    if (this.config.redisUrl) this.server.serverSideEmit('access:revoked', revocation);
  }

  private evictLocally(revocation: AccessRevocation): void {
    const namespace = this.server.sockets;
    const ids = namespace.adapter.rooms.get(ROOM.user(revocation.userId));
    const touched = new Set<string>();
    for (const id of [...(ids ?? [])]) {
      const socket = namespace.sockets.get(id);
      if (!socket) continue;
      for (const [room, scope] of Object.entries(socket.data.rooms)) {
        const covered = revocation.networkId
          ? scope.networkId === revocation.networkId
          : scope.channelId === revocation.channelId;
        if (!covered) continue;
        this.exit(socket, room);
        if (room === ROOM.channel(scope.channelId)) touched.add(scope.channelId);
      }
    }
    for (const channelId of touched) this.announcePresence(channelId);
  }

  /** Joins a channel or thread room and the user's own room inside it, recording the scope. */
  private async enter(socket: TandemSocket, room: string, scope: RoomScope): Promise<void> {
    await socket.join([room, ownRoom(room, socket.data.userId)]);
    socket.data.rooms = { ...socket.data.rooms, [room]: scope };
  }

  /** Leaves both rooms at once (synchronous with the in-memory and Redis adapters). */
  private exit(socket: TandemSocket, room: string): void {
    void socket.leave(room);
    void socket.leave(ownRoom(room, socket.data.userId));
    const { [room]: _left, ...rest } = socket.data.rooms;
    socket.data.rooms = rest;
  }

  private channelsOf(socket: TandemSocket): string[] {
    return Object.entries(socket.data.rooms ?? {})
      .filter(([room, scope]) => room === ROOM.channel(scope.channelId))
      .map(([, scope]) => scope.channelId);
  }

  /**
   * Who is connected in a channel, across every server process (through the adapter). In a
   * channel that holds a Chatham House thread, only how many: names beside an anonymous post
   * ("two people online, and a Regional government is typing") would say who wrote it.
   */
  async broadcastPresence(channelId: string): Promise<PresenceView> {
    const room = ROOM.channel(channelId);
    const sockets = await this.server.in(room).fetchSockets();
    const online = new Map<string, string>();
    for (const remote of sockets) online.set(remote.data.userId, remote.data.displayName);
    const presence = presenceFor(
      channelId,
      online,
      await this.sessions.channelHoldsChatham(channelId),
    );
    this.server.to(room).emit('presence', presence);
    return presence;
  }

  /**
   * Nest runs this before it closes the socket server and, with it, the Redis clients. This
   * process's sockets are disconnected first and the presence they leave behind is sent while
   * Redis is still open: otherwise those broadcasts would start on closing clients and fail
   * unanswered (unhandled rejections), and other processes would keep showing the departed.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.server.local.disconnectSockets(true);
    // The 'disconnecting' handlers schedule their presence on the next turn.
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.allSettled([...this.pendingPresence]);
  }

  /** Presence outside a request: a failure (another process not answering) is logged, not thrown. */
  private announcePresence(channelId: string): void {
    const work = this.broadcastPresence(channelId).then(
      () => undefined,
      (error: unknown) => this.logError(error),
    );
    this.pendingPresence.add(work);
    void work.finally(() => this.pendingPresence.delete(work));
  }

  logError(error: unknown): void {
    this.logger.error(error instanceof Error ? error.message : String(error));
  }
}

function actorOf(socket: TandemSocket): Actor {
  return { userId: socket.data.userId, sessionId: socket.data.sessionId };
}
