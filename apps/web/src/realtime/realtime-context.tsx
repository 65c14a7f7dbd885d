import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useApiClient } from '../api/api-context';
import { useAuth } from '../auth/auth-context';
import type { SocketFactory, TandemSocket } from './socket';

/**
 * - connecting: the first connection is under way;
 * - connected: live;
 * - reconnecting: the connection dropped (or the token expired) and is being restored;
 * - offline: the browser reports no network; reconnects when it returns;
 * - stopped: the server keeps refusing the connection; a reload (or signing in again) is needed.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'stopped';

export interface Realtime {
  /** Null while signed out. Listeners should also (re)join their rooms on every 'connect'. */
  socket: TandemSocket | null;
  status: ConnectionStatus;
}

const RealtimeContext = createContext<Realtime>({ socket: null, status: 'connecting' });

/** After this many refused handshakes in a row, stop trying until the page is reloaded. */
const MAX_REFUSED_HANDSHAKES = 3;
/** A stored token this close to expiry is refreshed before it is offered to the server. */
const TOKEN_MARGIN_MS = 5000;
/** When the token could not be refreshed (server unreachable), try again after this long. */
const RENEW_RETRY_MS = 5000;

/**
 * One socket per signed-in session, shared by every screen. The handshake carries the current
 * access token (read afresh at every connection). When the server ends the connection because
 * the token expired (`session:ended {reason: 'token_expired'}`), or refuses a handshake, the
 * token is refreshed through the ApiClient — the same single refresh every request shares — and
 * the socket connects again; screens rejoin their rooms on 'connect' and catch up by seq.
 *
 * A browser that goes offline does not always close its WebSockets, and socket.io would notice
 * only at the next missed heartbeat (up to 45 s later): the browser's own offline/online events
 * end and restore the connection at once instead.
 */
export function RealtimeProvider({
  createSocket,
  children,
}: {
  createSocket: SocketFactory;
  children: ReactNode;
}) {
  const api = useApiClient();
  const { session, user } = useAuth();
  const signedIn = session !== null && user !== undefined;
  const [state, setState] = useState<Realtime>({ socket: null, status: 'connecting' });

  useEffect(() => {
    if (!signedIn) return undefined;
    let stopped = false;
    let usedToken: string | null = null;
    let everConnected = false;
    let refusedHandshakes = 0;
    let renewing = false;
    let endedFor: 'token_expired' | 'signed_out' | 'removed' | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const socket = createSocket((callback) => {
      usedToken = api.readSession()?.accessToken ?? null;
      callback({ token: usedToken ?? '' });
    });
    const show = (status: ConnectionStatus) => {
      if (!stopped) setState({ socket, status });
    };
    const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

    /** Connects again with a token the server will accept, refreshing it first if needed. */
    const renewAndConnect = async (): Promise<void> => {
      if (renewing || stopped) return;
      renewing = true;
      try {
        const current = api.readSession();
        const usable =
          current !== null &&
          current.accessToken !== usedToken &&
          Date.parse(current.accessTokenExpiresAt) - Date.now() > TOKEN_MARGIN_MS;
        // Null when the refresh token was refused: the ApiClient has ended the session, and
        // this effect is about to be cleaned up.
        const fresh = usable ? current : await api.refreshSession();
        if (stopped) return;
        if (fresh && !isOffline()) socket.connect();
        else if (!fresh) show('stopped');
      } catch {
        // The server could not be asked (offline, restarting): keep the session, try later.
        if (!stopped) retryTimer = setTimeout(() => void renewAndConnect(), RENEW_RETRY_MS);
      } finally {
        renewing = false;
      }
    };

    socket.on('connect', () => {
      everConnected = true;
      refusedHandshakes = 0;
      endedFor = null;
      show('connected');
    });
    socket.on('session:ended', ({ reason }) => {
      endedFor = reason;
    });
    socket.on('disconnect', (reason) => {
      if (stopped) return;
      if (isOffline()) return show('offline');
      if (reason === 'io client disconnect') return undefined;
      if (reason !== 'io server disconnect') return show('reconnecting'); // socket.io retries
      // The server closed the connection and socket.io will not reconnect by itself.
      if (endedFor === 'signed_out' || endedFor === 'removed') return show('stopped');
      show('reconnecting');
      void renewAndConnect();
      return undefined;
    });
    socket.on('connect_error', (error) => {
      if (stopped) return;
      if (isOffline()) return show('offline');
      show(everConnected ? 'reconnecting' : 'connecting');
      // A transport failure is retried by socket.io itself.
      if (socket.active) return undefined;
      // A refused handshake says why in `data.reason`.
      const data = (error as { data?: { reason?: unknown; retryAfterMs?: unknown } }).data;
      if (
        data?.reason === 'unavailable' ||
        data?.reason === 'internal' ||
        data?.reason === 'rate_limited'
      ) {
        // The server cannot admit anyone right now (its database is away), or not this user
        // (too many connections in a short time): same token, later.
        const wait = typeof data.retryAfterMs === 'number' ? data.retryAfterMs : RENEW_RETRY_MS;
        clearTimeout(retryTimer);
        retryTimer = setTimeout(() => {
          if (!stopped && !isOffline() && !socket.connected) socket.connect();
        }, wait);
        return undefined;
      }
      // Expired, invalid or missing token: refresh it (a session that has ended elsewhere fails
      // to refresh, and the ApiClient signs out).
      refusedHandshakes += 1;
      if (refusedHandshakes > MAX_REFUSED_HANDSHAKES) return show('stopped');
      void renewAndConnect();
      return undefined;
    });

    const goneOffline = () => {
      show('offline');
      socket.disconnect();
    };
    const backOnline = () => {
      if (socket.connected) return;
      show('reconnecting');
      const current = api.readSession();
      if (current && Date.parse(current.accessTokenExpiresAt) - Date.now() > TOKEN_MARGIN_MS) {
        socket.connect();
      } else {
        void renewAndConnect();
      }
    };
    window.addEventListener('offline', goneOffline);
    window.addEventListener('online', backOnline);

    setState({ socket, status: isOffline() ? 'offline' : 'connecting' });
    if (!isOffline()) socket.connect();

    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      window.removeEventListener('offline', goneOffline);
      window.removeEventListener('online', backOnline);
      socket.removeAllListeners();
      socket.disconnect();
      setState({ socket: null, status: 'connecting' });
    };
  }, [signedIn, api, createSocket]);

  return <RealtimeContext value={state}>{children}</RealtimeContext>;
}

export function useRealtime(): Realtime {
  return useContext(RealtimeContext);
}
