import { screen, waitFor, within } from '@testing-library/react';
import type { SessionView, UserView } from '@tandem/domain';
import { errorReply, reply } from '../test-support/fake-api';
import { makeAuthResponse, makeSession, makeUser } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';

const sessions: SessionView[] = [
  {
    id: 'session-here',
    startedAt: '2026-11-01T09:00:00.000Z',
    lastActiveAt: '2026-12-01T09:00:00.000Z',
    expiresAt: '2026-12-31T09:00:00.000Z',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0',
    current: true,
  },
  {
    id: 'session-phone',
    startedAt: '2026-10-01T09:00:00.000Z',
    lastActiveAt: '2026-11-20T09:00:00.000Z',
    expiresAt: '2026-12-20T09:00:00.000Z',
    userAgent: null,
    current: false,
  },
];

function settingsRoutes(user: UserView = makeUser()) {
  return {
    'GET /api/me': reply(200, user),
    'GET /api/me/sessions': reply(200, sessions),
    'PATCH /api/me': (call: { body: unknown }) =>
      reply(200, { ...user, ...(call.body as Partial<UserView>) }),
    'DELETE /api/me/sessions/session-phone': reply(204),
  };
}

describe('account settings', () => {
  it('saves the language chosen on screen to the account, and the screen follows', async () => {
    const app = renderApp({ route: '/settings', session: makeSession(), routes: settingsRoutes() });
    const select = await screen.findByRole('combobox', {
      name: 'Language of Tandem and of your mail',
    });
    await app.user.click(select);
    await app.user.click(screen.getByRole('option', { name: 'Deutsch' }));

    expect(await screen.findByRole('heading', { name: 'Einstellungen' })).toBeInTheDocument();
    await waitFor(() =>
      expect(app.writes()).toEqual([
        expect.objectContaining({ method: 'PATCH', path: '/api/me', body: { locale: 'de' } }),
      ]),
    );
  });

  it('shows the account in its own language after signing in on a new device', async () => {
    const app = renderApp({
      route: '/sign-in',
      routes: {
        'POST /api/auth/login': reply(200, makeAuthResponse(makeUser({ locale: 'uk' }))),
        'GET /api/networks': reply(200, { items: [], nextCursor: null }),
      },
    });
    await app.user.type(screen.getByLabelText(/^Email/), 'amira@example.org');
    await app.user.type(screen.getByLabelText(/^Password/), 'long enough secret');
    await app.user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Мережі' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'uk');
  });

  it('lists the sessions, marks this one, and signs out another', async () => {
    const app = renderApp({ route: '/settings', session: makeSession(), routes: settingsRoutes() });
    const section = await screen.findByRole('region', { name: 'Where you are signed in' });
    expect(await within(section).findByText('This session')).toBeInTheDocument();
    expect(within(section).getByText('Firefox on Linux')).toBeInTheDocument();
    expect(within(section).getByText('Unknown browser')).toBeInTheDocument();
    expect(within(section).getByText('You are signed in on 1 other session.')).toBeInTheDocument();
    await app.user.click(within(section).getByRole('button', { name: 'Sign out there' }));
    await waitFor(() =>
      expect(app.writes()).toEqual([
        expect.objectContaining({ method: 'DELETE', path: '/api/me/sessions/session-phone' }),
      ]),
    );
  });

  it('shows the address waiting for confirmation and the wrong-password problem', async () => {
    const app = renderApp({
      route: '/settings',
      session: makeSession(),
      routes: {
        ...settingsRoutes(makeUser({ pendingEmail: 'new@example.org' })),
        'POST /api/me/email': errorReply(403, 'forbidden', 'The password is not correct', [
          { field: 'password', problems: ['password is not correct'] },
        ]),
      },
    });
    expect(
      await screen.findByText(/Waiting for confirmation: new@example.org/),
    ).toBeInTheDocument();
    const section = screen.getByRole('region', { name: 'Email address' });
    await app.user.type(within(section).getByLabelText(/^New email address/), 'other@example.org');
    await app.user.type(within(section).getByLabelText(/^Current password/), 'wrong one');
    await app.user.click(within(section).getByRole('button', { name: 'Change address' }));
    expect(await within(section).findByText('password is not correct')).toBeInTheDocument();
  });
});

describe('forgotten password', () => {
  it('asks for a link and says the same thing whatever the address', async () => {
    const app = renderApp({
      route: '/sign-in',
      routes: { 'POST /api/auth/password-reset': reply(202) },
    });
    await app.user.click(screen.getByRole('link', { name: 'Forgot your password?' }));
    await app.user.type(screen.getByLabelText(/^Email/), 'amira@example.org');
    await app.user.click(screen.getByRole('button', { name: 'Send the link' }));
    expect(
      await screen.findByText(/If amira@example.org belongs to a Tandem account/),
    ).toBeInTheDocument();
    expect(app.writes()).toEqual([
      expect.objectContaining({
        path: '/api/auth/password-reset',
        body: { email: 'amira@example.org' },
      }),
    ]);
  });

  it('sets a new password from the link and goes on to sign in', async () => {
    const app = renderApp({
      route: '/reset-password?token=the-token-from-the-mail',
      routes: { 'POST /api/auth/password-reset/confirm': reply(204) },
    });
    await app.user.type(screen.getByLabelText(/^New password/), 'a brand new passphrase');
    await app.user.type(
      screen.getByLabelText(/^Repeat the new password/),
      'a brand new passphrase',
    );
    await app.user.click(screen.getByRole('button', { name: 'Save the new password' }));
    await waitFor(() => expect(app.location()).toBe('/sign-in'));
    expect(app.writes()).toEqual([
      expect.objectContaining({
        path: '/api/auth/password-reset/confirm',
        body: { token: 'the-token-from-the-mail', password: 'a brand new passphrase' },
      }),
    ]);
  });

  it('explains a used or expired link in the reader’s language', async () => {
    const app = renderApp({
      route: '/reset-password?token=used-token-1234567',
      language: 'fr',
      routes: {
        'POST /api/auth/password-reset/confirm': errorReply(
          400,
          'bad_request',
          'This link is not valid',
          [{ field: 'token', problems: ['the token was used already'] }],
        ),
      },
    });
    await app.user.type(screen.getByLabelText(/^Nouveau mot de passe/), 'a brand new passphrase');
    await app.user.type(screen.getByLabelText(/^Répétez/), 'a brand new passphrase');
    await app.user.click(
      screen.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }),
    );
    expect(await screen.findByText(/Ce lien ne fonctionne plus/)).toBeInTheDocument();
  });
});

it('confirms an address from the mailed link, signed out', async () => {
  const app = renderApp({
    route: '/verify-email?token=verify-token-123456',
    routes: { 'POST /api/auth/verify-email': reply(200, { email: 'amira@example.org' }) },
  });
  expect(await screen.findByText('amira@example.org is confirmed. Thank you!')).toBeInTheDocument();
  expect(app.writes()).toHaveLength(1);
});
