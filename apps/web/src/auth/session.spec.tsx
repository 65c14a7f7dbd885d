import { screen, waitFor } from '@testing-library/react';
import { errorReply, reply } from '../test-support/fake-api';
import { makeAuthResponse, makeSession, makeUser } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';

const emptyPage = reply(200, { items: [], nextCursor: null });

describe('session handling in the app', () => {
  it('sends a signed-out visitor to sign in and back where they were going', async () => {
    const app = renderApp({
      route: '/networks/new',
      routes: {
        'POST /api/auth/login': reply(200, makeAuthResponse()),
      },
    });

    expect(await screen.findByRole('heading', { name: 'Sign in to Tandem' })).toBeInTheDocument();
    await app.user.type(screen.getByLabelText(/^email/i), 'amira@example.org');
    await app.user.type(screen.getByLabelText(/^password/i), 'long enough secret');
    await app.user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'New network' })).toBeInTheDocument();
    expect(app.location()).toBe('/networks/new');
  });

  it('ignores a next path that leaves the site', async () => {
    const app = renderApp({
      route: '/sign-in?next=//evil.example/phish',
      routes: {
        'POST /api/auth/login': reply(200, makeAuthResponse()),
        'GET /api/networks': emptyPage,
      },
    });

    await app.user.type(screen.getByLabelText(/^email/i), 'amira@example.org');
    await app.user.type(screen.getByLabelText(/^password/i), 'long enough secret');
    await app.user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(app.location()).toBe('/networks'));
  });

  it('shows the sign-in error from the server in an alert', async () => {
    const app = renderApp({
      route: '/sign-in',
      routes: {
        'POST /api/auth/login': errorReply(401, 'unauthorized', 'Wrong email or password'),
      },
    });

    await app.user.type(screen.getByLabelText(/^email/i), 'amira@example.org');
    await app.user.type(screen.getByLabelText(/^password/i), 'not the password');
    await app.user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password');
    expect(app.store.read()).toBeNull();
  });

  it('returns to sign-in, saying why, when the session can no longer be refreshed', async () => {
    const app = renderApp({
      route: '/networks',
      session: makeSession(),
      routes: {
        'GET /api/me': errorReply(401, 'unauthorized', 'Token expired'),
        'POST /api/auth/refresh': errorReply(401, 'unauthorized', 'Refresh token revoked'),
      },
    });

    expect(await screen.findByRole('heading', { name: 'Sign in to Tandem' })).toBeInTheDocument();
    expect(
      await screen.findByText('Your session has ended. Please sign in again.'),
    ).toBeInTheDocument();
    expect(app.location()).toBe('/sign-in');
    expect(app.store.read()).toBeNull();
  });

  it('refreshes the access token shortly before it expires', async () => {
    const app = renderApp({
      route: '/networks',
      session: makeSession({ accessTokenExpiresAt: new Date(Date.now() + 400).toISOString() }),
      routes: {
        'GET /api/me': reply(200, makeUser()),
        'GET /api/networks': emptyPage,
        'POST /api/auth/refresh': reply(
          200,
          makeAuthResponse(makeUser(), {
            accessToken: 'access-2',
            refreshToken: 'refresh-2-long-enough',
          }),
        ),
      },
    });

    await waitFor(() => expect(app.store.read()?.accessToken).toBe('access-2'));
    expect(app.calls.filter((call) => call.path === '/api/auth/refresh')).toHaveLength(1);
  });

  it('signs out on the server and returns to the sign-in page', async () => {
    const app = renderApp({
      route: '/networks',
      session: makeSession(),
      routes: {
        'GET /api/me': reply(200, makeUser()),
        'GET /api/networks': emptyPage,
        'POST /api/auth/logout': reply(204),
      },
    });

    const [signOut] = await screen.findAllByRole('button', { name: 'Sign out' });
    await app.user.click(signOut);

    expect(await screen.findByRole('heading', { name: 'Sign in to Tandem' })).toBeInTheDocument();
    expect(app.location()).toBe('/sign-in');
    expect(app.writes()).toEqual([
      expect.objectContaining({
        path: '/api/auth/logout',
        body: { refreshToken: 'refresh-1-long-enough' },
      }),
    ]);
    expect(screen.queryByText('Amira Haddad')).not.toBeInTheDocument();
  });
});
