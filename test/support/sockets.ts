import type { ClientToServerEvents, ServerToClientEvents } from '@tandem/domain';
import { io, Socket } from 'socket.io-client';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client over WebSocket to the test server; resolves once connected. */
export async function connectSocket(
  baseUrl: string,
  token: string | undefined,
): Promise<TestSocket> {
  const socket: TestSocket = io(baseUrl, {
    path: '/socket.io',
    auth: token === undefined ? {} : { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
  return socket;
}

/** Sends an event and waits for its acknowledgement (5 s at most). */
export function request<T = any>(socket: TestSocket, event: string, payload: unknown): Promise<T> {
  return (
    socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<T> } }
  )
    .timeout(5000)
    .emitWithAck(event, payload);
}

/** Collects every event of one name a socket receives, for asserting who got what. */
export function collect<T = any>(socket: TestSocket, event: string): T[] {
  const received: T[] = [];
  (socket as unknown as { on(e: string, f: (p: T) => void): void }).on(event, (payload: T) =>
    received.push(payload),
  );
  return received;
}

export async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Gives in-flight events time to arrive, for asserting that something did NOT arrive. */
export const settle = (ms = 300): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
