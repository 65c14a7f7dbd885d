import type { AuthResponse } from '@tandem/domain';

/** What the client keeps between page loads to stay signed in. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  /** ISO 8601; the access token stops working then. */
  accessTokenExpiresAt: string;
}

export interface SessionStore {
  /** Returns the same object until the session changes, as useSyncExternalStore requires. */
  read(): Session | null;
  write(session: Session): void;
  clear(): void;
  /** Called on every change, including changes made by other tabs. */
  subscribe(listener: () => void): () => void;
}

export function sessionFrom(response: AuthResponse): Session {
  return {
    accessToken: response.accessToken,
    refreshToken: response.refreshToken,
    accessTokenExpiresAt: response.accessTokenExpiresAt,
  };
}

const STORAGE_KEY = 'tandem.session';

function parseSession(raw: string | null): Session | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Partial<Session> | null;
    if (
      typeof value?.accessToken === 'string' &&
      typeof value.refreshToken === 'string' &&
      typeof value.accessTokenExpiresAt === 'string'
    ) {
      return {
        accessToken: value.accessToken,
        refreshToken: value.refreshToken,
        accessTokenExpiresAt: value.accessTokenExpiresAt,
      };
    }
  } catch {
    // A corrupt entry counts as signed out; the next sign-in overwrites it.
  }
  return null;
}

/**
 * Keeps the session in localStorage. Reads go to storage every time rather than to a copy in
 * memory, so a tab always sees the refresh token another tab has just rotated.
 */
export function createLocalSessionStore(storage: Storage = window.localStorage): SessionStore {
  const listeners = new Set<() => void>();
  let lastRaw: string | null = null;
  let lastSession: Session | null = null;

  const notify = (): void => listeners.forEach((listener) => listener());

  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY || event.key === null) notify();
  });

  return {
    read() {
      const raw = storage.getItem(STORAGE_KEY);
      if (raw !== lastRaw) {
        lastRaw = raw;
        lastSession = parseSession(raw);
      }
      return lastSession;
    },
    write(session) {
      storage.setItem(STORAGE_KEY, JSON.stringify(session));
      notify();
    },
    clear() {
      storage.removeItem(STORAGE_KEY);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
