import type { ClientToServerEvents, ServerToClientEvents } from '@tandem/domain';
import type { Server, Socket } from 'socket.io';

/** Where a joined room belongs, so losing access to a network or channel can empty it. */
export interface RoomScope {
  networkId: string;
  channelId: string;
}

/** Per-socket state. socket.io copies it to other processes for fetchSockets(), so keep it plain. */
export interface SocketData {
  userId: string;
  sessionId: string;
  displayName: string;
  /** Seconds since the epoch at which the access token expires. */
  expiresAt: number;
  /** Every room joined through channel:join or thread:join (own rooms included), by scope. */
  rooms: Record<string, RoomScope>;
  /**
   * What `typing` shows for this user in each joined thread: their name, or null in a Chatham
   * House thread, where typing says only that someone is.
   */
  typingAs: Record<string, string | null>;
}

/** Someone lost access to a network, or to one channel: their sockets leave what it covered. */
export type AccessRevocation = { userId: string } & (
  { networkId: string; channelId?: undefined } | { channelId: string; networkId?: undefined }
);

/** Between server processes (through the Redis adapter's serverSideEmit). */
export interface InterServerEvents {
  'access:revoked': (revocation: AccessRevocation) => void;
}

/**
 * The room of one user's sockets inside a channel or thread room. Reader-specific versions of an
 * event (the author's own, with `isMine` and `clientId`) go here, so they reach exactly the
 * author's sockets that joined, never a tab that did not, and never after the room was left.
 */
export const ownRoom = (room: string, userId: string): string => `${userId}@${room}`;

export type TandemServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type TandemSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
