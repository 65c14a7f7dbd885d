import type { ClientToServerEvents, ServerToClientEvents } from '@tandem/domain';
import { io, type Socket } from 'socket.io-client';

/** The socket with Tandem's event maps: emits and listeners are checked against the contract. */
export type TandemSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Hands the handshake its credentials; called again before every (re)connection. */
export type SocketAuth = (callback: (data: { token: string }) => void) => void;

/** Makes a socket that is not connected yet; tests hand in a fake. */
export type SocketFactory = (auth: SocketAuth) => TandemSocket;

/**
 * The real socket: same origin, path /socket.io. Reconnection after a dropped transport is
 * socket.io's own; reconnection after the server closed the connection (expired token) is the
 * RealtimeProvider's, since it needs a fresh token first. Catch-up after either is Tandem's own
 * (`thread:join` with the last seq seen), not socket.io's connection-state recovery.
 */
export const createSocket: SocketFactory = (auth) => {
  // socket.io-client's `io` is not generic; the annotation applies the typed event maps.
  const socket: TandemSocket = io({
    path: '/socket.io',
    auth,
    autoConnect: false,
    forceNew: true,
    // WebSocket first: one connection that stays on the replica it reached, so replicas need no
    // sticky balancing. Long-polling only where a network refuses WebSockets (the proxy keeps
    // that fallback sticky), and tried again on every reconnection.
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
  });
  return socket;
};
