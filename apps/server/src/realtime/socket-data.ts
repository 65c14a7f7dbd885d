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
  rooms: Record<string, RoomScope>;
  /** What `typing` shows for this user in each joined thread (a name, or a Chatham label). */
  typingAs: Record<string, string>;
}

export type TandemServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
export type TandemSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
