import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { ApiClient } from '../api/api-client';
import { AppProviders, AppRoutes } from '../app';
import { createLocalSessionStore, type Session } from '../auth/session-store';
import { createI18n, type Language } from '../i18n/i18n';
import { createFakeFetch, reply, type FakeHandler, type FakeResponse } from './fake-api';
import { createFakeSocketFactory, type FakeServerHandlers } from './fake-socket';

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

export interface RenderAppOptions {
  route?: string;
  routes?: Record<string, FakeHandler | FakeResponse>;
  session?: Session;
  language?: Language;
  /** How the fake real-time server answers the client's emits. */
  socketHandlers?: FakeServerHandlers;
}

/** Answers every screen may ask for; a test's own routes override them. */
const DEFAULT_ROUTES: Record<string, FakeResponse> = {
  'GET /api/notifications': reply(200, { items: [], nextCursor: null, unreadCount: 0 }),
};

/** The whole app (real client, real router, real i18n) in memory, over a fake fetch. */
export function renderApp({
  route = '/',
  routes = {},
  session,
  language = 'en',
  socketHandlers = {},
}: RenderAppOptions = {}) {
  const store = createLocalSessionStore();
  if (session) store.write(session);
  const { fetch, calls } = createFakeFetch({ ...DEFAULT_ROUTES, ...routes });
  const sockets = createFakeSocketFactory(socketHandlers);
  const i18n = createI18n(language);
  const api = new ApiClient({ fetch, sessionStore: store, language: () => i18n.language });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
  const user = userEvent.setup();
  const view = render(
    <MemoryRouter initialEntries={[route]}>
      <AppProviders
        api={api}
        queryClient={queryClient}
        i18n={i18n}
        env="test"
        createSocket={sockets.factory}
      >
        <AppRoutes />
        <LocationProbe />
      </AppProviders>
    </MemoryRouter>,
  );
  return {
    ...view,
    user,
    calls,
    store,
    api,
    i18n,
    queryClient,
    /** The fake real-time connection the app opened (the latest, after a sign-in). */
    socket: sockets.current,
    sockets: sockets.sockets,
    location: () => screen.getByTestId('location').textContent,
    /** Calls other than GETs: what the app tried to change. */
    writes: () => calls.filter((call) => call.method !== 'GET'),
  };
}
