import type { ClientToServerEvents, ServerToClientEvents } from '@tandem/domain';
import type { SocketAuth, SocketFactory, TandemSocket } from '../realtime/socket';

type Listener = (...args: unknown[]) => void;
type ClientEvent = keyof ClientToServerEvents;
type AckOf<E extends ClientEvent> =
  Parameters<ClientToServerEvents[E]> extends [unknown, (result: infer R) => void] ? R : never;
type PayloadOf<E extends ClientEvent> = Parameters<ClientToServerEvents[E]>[0];

/** The server side of a fake socket: answers for the acks the client asks for. */
export type FakeServerHandlers = {
  [E in ClientEvent]?: (payload: PayloadOf<E>) => AckOf<E> | Promise<AckOf<E>> | undefined;
};

export interface EmittedEvent {
  event: string;
  payload: unknown;
}

/**
 * A stand-in for the socket.io client socket with the same surface the app uses (on/off,
 * emit with ack, timeout().emit, connect/disconnect, `connected`, `active`), driven by the test:
 * `serverEmit` plays an event from the server, `handlers` answer the client's emits, and
 * `dropConnection` / `serverDisconnect` end the connection like a network loss or the server.
 */
export class FakeSocket {
  connected = false;
  active = false;
  /** The token each connection attempt offered, in order. */
  readonly tokens: string[] = [];
  readonly emitted: EmittedEvent[] = [];
  /** Whether connect() succeeds; false makes it fail like a refused handshake. */
  acceptConnections = true;
  /** Refuses this many connection attempts, then accepts again. */
  refuseNext = 0;
  /** The `data` of a refused handshake's error, as the server sends it. */
  refusal: { code: string; reason: string; retryAfterMs?: number } = {
    code: 'unauthorized',
    reason: 'token_expired',
  };
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(
    private readonly auth: SocketAuth,
    public handlers: FakeServerHandlers = {},
  ) {}

  on(event: string, listener: Listener): this {
    const set = this.listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(event, set);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  removeAllListeners(): this {
    this.listeners.clear();
    return this;
  }

  connect(): this {
    this.active = true;
    this.auth(({ token }) => {
      this.tokens.push(token);
      queueMicrotask(() => {
        if (!this.active || this.connected) return;
        const refuse = this.refuseNext > 0 || !this.acceptConnections;
        if (this.refuseNext > 0) this.refuseNext -= 1;
        if (!refuse) {
          this.connected = true;
          this.fire('connect');
        } else {
          this.active = false;
          this.fire('connect_error', Object.assign(new Error('Refused'), { data: this.refusal }));
        }
      });
    });
    return this;
  }

  disconnect(): this {
    const was = this.connected;
    this.active = false;
    this.connected = false;
    if (was) this.fire('disconnect', 'io client disconnect');
    return this;
  }

  emit(event: string, ...args: unknown[]): this {
    const [payload, ack] = args;
    this.emitted.push({ event, payload });
    if (!this.connected) return this; // socket.io buffers; the app only emits when connected
    const handler = this.handlers[event as ClientEvent] as
      ((payload: unknown) => unknown) | undefined;
    if (handler && typeof ack === 'function') {
      void Promise.resolve(handler(payload)).then((result) => {
        if (result !== undefined) (ack as Listener)(result);
      });
    }
    return this;
  }

  /** Like socket.timeout(ms): the ack gets (error, result). An unanswered emit times out at once. */
  timeout(_ms: number) {
    return {
      emit: (
        event: string,
        payload: unknown,
        ack: (error: Error | null, result?: unknown) => void,
      ) => {
        this.emitted.push({ event, payload });
        const handler = this.handlers[event as ClientEvent] as
          ((payload: unknown) => unknown) | undefined;
        if (!this.connected || !handler) {
          queueMicrotask(() => ack(new Error('operation has timed out')));
          return;
        }
        void Promise.resolve(handler(payload)).then((result) => {
          if (result === undefined) ack(new Error('operation has timed out'));
          else ack(null, result);
        });
      },
    };
  }

  // -- the server's side -------------------------------------------------------------------

  serverEmit<E extends keyof ServerToClientEvents>(
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    this.fire(event, ...args);
  }

  /** The server closed the connection (after `session:ended`, say); no automatic reconnect. */
  serverDisconnect(): void {
    this.connected = false;
    this.active = false;
    this.fire('disconnect', 'io server disconnect');
  }

  /** The transport dropped; socket.io would retry by itself (call `reconnect()` for that). */
  dropConnection(): void {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }

  /** socket.io's automatic reconnection after `dropConnection`. */
  reconnect(): void {
    this.connect();
  }

  emittedOf(event: string): unknown[] {
    return this.emitted.filter((entry) => entry.event === event).map((entry) => entry.payload);
  }

  private fire(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }
}

/** A factory for the app that records the sockets it made; all share the given handlers. */
export function createFakeSocketFactory(handlers: FakeServerHandlers = {}) {
  const sockets: FakeSocket[] = [];
  const factory: SocketFactory = (auth) => {
    const socket = new FakeSocket(auth, handlers);
    sockets.push(socket);
    return socket as unknown as TandemSocket;
  };
  return {
    factory,
    sockets,
    /** The socket in use (the latest made). */
    current: () => {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('no socket was made');
      return socket;
    },
  };
}
