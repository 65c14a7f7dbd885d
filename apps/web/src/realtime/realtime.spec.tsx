import { act, screen, waitFor } from '@testing-library/react';
import { reply } from '../test-support/fake-api';
import { makeAuthResponse, makeNetwork, makeSession, makeUser } from '../test-support/fixtures';
import {
  makeChannel,
  makeMessage,
  makeThread,
  THREAD_ID,
  CHANNEL_ID,
} from '../test-support/discussion-fixtures';
import { renderApp } from '../test-support/render-app';

const threadRoutes = {
  'GET /api/me': reply(200, makeUser()),
  [`GET /api/threads/${THREAD_ID}`]: reply(200, makeThread()),
  [`GET /api/channels/${CHANNEL_ID}`]: reply(200, makeChannel()),
  'GET /api/networks/welcoming-cities': reply(200, makeNetwork({ myRole: 'member' })),
  [`GET /api/threads/${THREAD_ID}/messages`]: reply(200, {
    items: [makeMessage(1), makeMessage(2)],
    hasMore: false,
  }),
};
const refreshed = reply(
  200,
  makeAuthResponse(makeUser(), { accessToken: 'access-2', refreshToken: 'refresh-2-long-enough' }),
);

describe('the live connection', () => {
  it('connects with the access token once signed in, and not before', async () => {
    const app = renderApp({ route: '/sign-in' });
    expect(app.sockets).toHaveLength(0);

    const signedIn = renderApp({
      route: '/networks',
      session: makeSession(),
      routes: {
        'GET /api/me': reply(200, makeUser()),
        'GET /api/networks': reply(200, { items: [], nextCursor: null }),
      },
    });
    await waitFor(() => expect(signedIn.socket().connected).toBe(true));
    expect(signedIn.socket().tokens).toEqual(['access-1']);
  });

  it('refreshes an expired token and reconnects, then catches up from the last seq', async () => {
    const app = renderApp({
      route: `/threads/${THREAD_ID}`,
      session: makeSession(),
      routes: { ...threadRoutes, 'POST /api/auth/refresh': refreshed },
      socketHandlers: {
        'thread:join': () => ({ ok: true, missed: [], hasMore: false }),
      },
    });
    await screen.findByText('Message number 2');
    const socket = app.socket();
    await waitFor(() => expect(socket.emittedOf('thread:join')).toHaveLength(1));

    socket.handlers['thread:join'] = () => ({ ok: true, missed: [makeMessage(3)], hasMore: false });
    act(() => {
      socket.serverEmit('session:ended', { reason: 'token_expired' });
      socket.serverDisconnect();
    });

    expect(await screen.findByText('Message number 3')).toBeInTheDocument();
    expect(app.calls.filter((call) => call.path === '/api/auth/refresh')).toHaveLength(1);
    expect(socket.tokens).toEqual(['access-1', 'access-2']);
    expect(socket.emittedOf('thread:join').at(-1)).toEqual({
      threadId: THREAD_ID,
      afterSeq: 2,
      afterChange: 0,
    });
  });

  it('renews the token when the server closes the connection without saying why', async () => {
    const app = renderApp({
      route: `/threads/${THREAD_ID}`,
      session: makeSession(),
      routes: { ...threadRoutes, 'POST /api/auth/refresh': refreshed },
      socketHandlers: { 'thread:join': () => ({ ok: true, missed: [], hasMore: false }) },
    });
    await screen.findByText('Message number 2');
    const socket = app.socket();
    await waitFor(() => expect(socket.connected).toBe(true));

    act(() => socket.serverDisconnect());
    await waitFor(() => expect(socket.tokens).toEqual(['access-1', 'access-2']));
    await waitFor(() => expect(socket.connected).toBe(true));
  });

  it('refreshes the token when a reconnection is refused as expired (after a sleep)', async () => {
    const app = renderApp({
      route: `/threads/${THREAD_ID}`,
      session: makeSession(),
      routes: { ...threadRoutes, 'POST /api/auth/refresh': refreshed },
      socketHandlers: { 'thread:join': () => ({ ok: true, missed: [], hasMore: false }) },
    });
    await screen.findByText('Message number 2');
    const socket = app.socket();
    await waitFor(() => expect(socket.connected).toBe(true));

    socket.refuseNext = 1;
    socket.refusal = { code: 'unauthorized', reason: 'token_expired' };
    act(() => socket.dropConnection());
    act(() => socket.reconnect());

    await waitFor(() => expect(socket.tokens).toEqual(['access-1', 'access-1', 'access-2']));
    await waitFor(() => expect(socket.connected).toBe(true));
    expect(app.calls.filter((call) => call.path === '/api/auth/refresh')).toHaveLength(1);
  });

  it.each([
    ['its database is away', 'unavailable'],
    ['the user connected too often', 'rate_limited'],
  ])(
    'retries later with the same token while the server cannot admit anyone: %s',
    async (_why, reason) => {
      jest.useFakeTimers({ doNotFake: ['queueMicrotask'] });
      try {
        const app = renderApp({
          route: `/threads/${THREAD_ID}`,
          session: makeSession(),
          routes: threadRoutes,
          socketHandlers: { 'thread:join': () => ({ ok: true, missed: [], hasMore: false }) },
        });
        await waitFor(() => expect(app.socket().connected).toBe(true));
        const socket = app.socket();
        socket.acceptConnections = false;
        socket.refusal = { code: reason, reason, retryAfterMs: 5000 };

        // The transport drops; socket.io's own reconnection reaches a server without its database.
        act(() => socket.dropConnection());
        act(() => socket.reconnect());
        await waitFor(() => expect(socket.tokens).toHaveLength(2));
        expect(await screen.findByText('Connection lost. Reconnecting…')).toBeInTheDocument();

        socket.acceptConnections = true;
        await act(async () => {
          await jest.advanceTimersByTimeAsync(5000);
        });
        await waitFor(() => expect(socket.connected).toBe(true));
        expect(socket.tokens).toEqual(['access-1', 'access-1', 'access-1']);
        expect(app.calls.filter((call) => call.path === '/api/auth/refresh')).toHaveLength(0);
      } finally {
        jest.useRealTimers();
      }
    },
  );

  it('stops and says so when the session was ended elsewhere', async () => {
    const app = renderApp({
      route: `/threads/${THREAD_ID}`,
      session: makeSession(),
      routes: threadRoutes,
      socketHandlers: { 'thread:join': () => ({ ok: true, missed: [], hasMore: false }) },
    });
    await screen.findByText('Message number 2');
    const socket = app.socket();
    await waitFor(() => expect(socket.connected).toBe(true));

    act(() => {
      socket.serverEmit('session:ended', { reason: 'removed' });
      socket.serverDisconnect();
    });

    expect(
      await screen.findByText('Live updates have stopped. Reload the page to reconnect.'),
    ).toBeInTheDocument();
    expect(app.calls.filter((call) => call.path === '/api/auth/refresh')).toHaveLength(0);
  });

  it('disconnects when the browser goes offline and reconnects when it is back', async () => {
    const app = renderApp({
      route: `/threads/${THREAD_ID}`,
      session: makeSession(),
      routes: threadRoutes,
      socketHandlers: { 'thread:join': () => ({ ok: true, missed: [], hasMore: false }) },
    });
    await screen.findByText('Message number 2');
    const socket = app.socket();
    await waitFor(() => expect(socket.connected).toBe(true));

    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(socket.connected).toBe(false);
    expect(await screen.findByText(/You are offline/)).toBeInTheDocument();

    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() => expect(socket.connected).toBe(true));
    await waitFor(() => expect(socket.emittedOf('thread:join')).toHaveLength(2));
    expect(screen.queryByText(/You are offline/)).not.toBeInTheDocument();
  });
});
