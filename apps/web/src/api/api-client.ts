import type { AuthResponse, UserView } from '@tandem/domain';
import { sessionFrom, type Session, type SessionStore } from '../auth/session-store';
import { ApiError } from './api-error';

/** The part of the Fetch API the client uses, so tests can hand in a plain function. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ status: number; ok: boolean; text(): Promise<string> }>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  /** Query parameters; undefined values are left out. */
  query?: Record<string, string | number | undefined>;
  /** False for the public auth endpoints: no token is sent and a 401 is not retried. */
  authenticated?: boolean;
}

export interface ApiClientOptions {
  fetch: FetchLike;
  sessionStore: SessionStore;
  /** Prefix of every path; the API is same-origin under /api. */
  baseUrl?: string;
  /** The UI language, sent as Accept-Language. */
  language?: () => string;
}

type Listener<T> = (value: T) => void;

/**
 * A small typed wrapper around fetch for the Tandem API.
 *
 * Token handling: a 401 on an authenticated call triggers one refresh and one retry. Refresh
 * tokens rotate (each refresh answers with a new one and retires the old), so two refreshes in
 * flight would race and the loser would present a retired token: every caller shares a single
 * in-flight refresh instead. When the server refuses the refresh token the session is over:
 * it is cleared and `onSessionExpired` listeners hear about it.
 */
export class ApiClient {
  private readonly fetch: FetchLike;
  private readonly store: SessionStore;
  private readonly baseUrl: string;
  private readonly language: () => string;
  private refreshInFlight: Promise<Session | null> | null = null;
  private readonly expiredListeners = new Set<Listener<void>>();
  private readonly userListeners = new Set<Listener<UserView>>();

  constructor(options: ApiClientOptions) {
    this.fetch = options.fetch;
    this.store = options.sessionStore;
    this.baseUrl = options.baseUrl ?? '/api';
    this.language = options.language ?? (() => 'en');
  }

  /** The stored session, for React's useSyncExternalStore. */
  readonly readSession = (): Session | null => this.store.read();

  readonly subscribeSession = (listener: () => void): (() => void) =>
    this.store.subscribe(listener);

  get<T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, { body });
  }

  patch<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PATCH', path, { body });
  }

  delete<T = void>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  async request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    const authenticated = options.authenticated ?? true;
    const url = this.url(path, options.query);
    const session = authenticated ? this.store.read() : null;
    let response = await this.send(method, url, options.body, session?.accessToken);

    if (response.status === 401 && session) {
      const renewed = await this.renewAfterRejection(session);
      if (renewed) {
        response = await this.send(method, url, options.body, renewed.accessToken);
        // A brand-new token refused as well: the account itself is no longer accepted.
        if (response.status === 401) this.endSession();
      }
    }
    return this.parse<T>(response);
  }

  /** Signs in or registers, and stores the new session. */
  async authenticate(
    path: '/auth/login' | '/auth/register',
    body: Record<string, string>,
  ): Promise<AuthResponse> {
    const response = await this.post<AuthResponse>(path, body, { authenticated: false });
    this.store.write(sessionFrom(response));
    return response;
  }

  /**
   * Ends the session on the server (best effort: a failure there must not keep anyone signed in
   * on this device) and forgets it here.
   */
  async signOut(): Promise<void> {
    const session = this.store.read();
    this.store.clear();
    if (!session) return;
    try {
      await this.send('POST', this.url('/auth/logout'), { refreshToken: session.refreshToken });
    } catch {
      // Offline: the refresh token simply expires on the server.
    }
  }

  /**
   * Exchanges the refresh token for a new pair. Concurrent callers share one request. Resolves
   * to null when there is no session or the server refused the refresh token (the session is
   * then cleared); rejects with an ApiError when the server could not be asked (offline, 5xx,
   * 429), in which case the session is kept for a later attempt.
   */
  refreshSession(): Promise<Session | null> {
    if (!this.refreshInFlight) {
      const seen = this.store.read();
      this.refreshInFlight = this.withRefreshLock(() => this.performRefresh(seen)).finally(() => {
        this.refreshInFlight = null;
      });
    }
    return this.refreshInFlight;
  }

  onSessionExpired(listener: () => void): () => void {
    this.expiredListeners.add(listener);
    return () => this.expiredListeners.delete(listener);
  }

  /** Every fresh copy of the signed-in user that a refresh brings back. */
  onUser(listener: (user: UserView) => void): () => void {
    this.userListeners.add(listener);
    return () => this.userListeners.delete(listener);
  }

  private async renewAfterRejection(rejected: Session): Promise<Session | null> {
    const latest = this.store.read();
    // Someone refreshed while this request was on its way: retry with their token.
    if (latest && latest.accessToken !== rejected.accessToken) return latest;
    return this.refreshSession();
  }

  private async performRefresh(seen: Session | null): Promise<Session | null> {
    const current = this.store.read();
    if (!current) return null;
    // Another tab refreshed while this one waited for the lock.
    if (seen && current.refreshToken !== seen.refreshToken) return current;

    const response = await this.send('POST', this.url('/auth/refresh'), {
      refreshToken: current.refreshToken,
    });
    if (response.ok) {
      const body = (await this.parse<AuthResponse>(response)) as Partial<AuthResponse>;
      if (typeof body.accessToken !== 'string' || typeof body.refreshToken !== 'string') {
        throw new ApiError(response.status, 'unknown', '');
      }
      const next = sessionFrom(body as AuthResponse);
      this.store.write(next);
      if (body.user) this.userListeners.forEach((listener) => listener(body.user as UserView));
      return next;
    }
    if (response.status >= 500 || response.status === 429) {
      await this.parse(response); // throws the server's error; the session stays
    }
    this.endSession();
    return null;
  }

  private endSession(): void {
    if (!this.store.read()) return;
    this.store.clear();
    this.expiredListeners.forEach((listener) => listener());
  }

  /**
   * Several tabs share one stored session; the Web Locks API (where present) keeps them from
   * refreshing it at the same moment with the same, soon retired, refresh token.
   */
  private withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
    if (typeof navigator !== 'undefined' && 'locks' in navigator && navigator.locks) {
      return navigator.locks.request('tandem.session.refresh', task);
    }
    return task();
  }

  private url(path: string, query?: RequestOptions['query']): string {
    // Filters and cursors go in `query`, so "show more" never appends a second `?`.
    if (path.includes('?')) throw new Error(`Pass the query string of ${path} as options.query`);
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    const search = params.toString();
    return `${this.baseUrl}${path}${search ? `?${search}` : ''}`;
  }

  private async send(
    method: HttpMethod,
    url: string,
    body: unknown,
    accessToken?: string,
  ): ReturnType<FetchLike> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': this.language(),
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
    try {
      return await this.fetch(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw ApiError.networkFailure();
    }
  }

  private async parse<T>(response: Awaited<ReturnType<FetchLike>>): Promise<T> {
    const text = await response.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
    if (!response.ok) throw ApiError.fromBody(response.status, body);
    return body as T;
  }
}
