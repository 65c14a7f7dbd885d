import { screen } from '@testing-library/react';
import type { InvitationPreview } from '@tandem/domain';
import { errorReply, reply } from '../test-support/fake-api';
import {
  makeAuthResponse,
  makeMember,
  makeNetwork,
  makeSession,
  makeUser,
} from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';

const TOKEN = 'tok_0123456789abcdef';
const colleague = makeUser({
  id: 'user-jonas',
  email: 'jonas@example.org',
  displayName: 'Jonas Weber',
});

const preview: InvitationPreview = {
  network: {
    slug: 'welcoming-cities',
    name: 'Welcoming Cities',
    description: 'City officials exchanging practice on reception.',
    visibility: 'private',
  },
  role: 'member',
  email: 'jonas@example.org',
  expiresAt: '2099-01-01T00:00:00.000Z',
  invitedBy: 'Amira Haddad',
};

const signedIn = {
  'GET /api/me': reply(200, colleague),
  [`GET /api/invitations/${TOKEN}`]: reply(200, preview),
};

describe('invitation page', () => {
  it('sends a signed-out visitor to sign in, then back to the invitation', async () => {
    const app = renderApp({
      route: `/invitations/${TOKEN}`,
      routes: {
        ...signedIn,
        'POST /api/auth/login': reply(200, makeAuthResponse(colleague)),
      },
    });

    expect(await screen.findByRole('heading', { name: 'Sign in to Tandem' })).toBeInTheDocument();
    expect(
      screen.getByText('Sign in or create an account to open your invitation.'),
    ).toBeInTheDocument();
    expect(app.location()).toBe(`/sign-in?next=${encodeURIComponent(`/invitations/${TOKEN}`)}`);
    expect(screen.getByRole('link', { name: 'Create an account' })).toHaveAttribute(
      'href',
      `/sign-up?next=${encodeURIComponent(`/invitations/${TOKEN}`)}`,
    );

    await app.user.type(screen.getByLabelText(/^email/i), 'jonas@example.org');
    await app.user.type(screen.getByLabelText(/^password/i), 'long enough secret');
    await app.user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(
      await screen.findByRole('heading', { name: 'You are invited to Welcoming Cities' }),
    ).toBeInTheDocument();
    expect(app.location()).toBe(`/invitations/${TOKEN}`);
    expect(screen.getByText('Invited by Amira Haddad')).toBeInTheDocument();
  });

  it('accepts and opens the network page', async () => {
    const network = makeNetwork({ myRole: 'member' });
    const app = renderApp({
      route: `/invitations/${TOKEN}`,
      session: makeSession(),
      routes: {
        ...signedIn,
        [`POST /api/invitations/${TOKEN}/accept`]: reply(200, network),
        'GET /api/networks/welcoming-cities': reply(200, network),
        'GET /api/networks/welcoming-cities/members': reply(200, {
          items: [makeMember()],
          nextCursor: null,
        }),
      },
    });

    await app.user.click(await screen.findByRole('button', { name: 'Accept invitation' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcoming Cities' }),
    ).toBeInTheDocument();
    expect(app.location()).toBe('/networks/welcoming-cities');
  });

  it('shows the server’s reason when accepting is refused (403, wrong email)', async () => {
    const app = renderApp({
      route: `/invitations/${TOKEN}`,
      session: makeSession(),
      routes: {
        ...signedIn,
        [`POST /api/invitations/${TOKEN}/accept`]: errorReply(
          403,
          'forbidden',
          'This invitation was sent to a different email address',
        ),
      },
    });

    await app.user.click(await screen.findByRole('button', { name: 'Accept invitation' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This invitation cannot be used');
    expect(alert).toHaveTextContent('This invitation was sent to a different email address');
    expect(app.location()).toBe(`/invitations/${TOKEN}`);
  });

  it('warns before accepting when signed in with another address', async () => {
    renderApp({
      route: `/invitations/${TOKEN}`,
      session: makeSession(),
      routes: { ...signedIn, 'GET /api/me': reply(200, makeUser()) },
    });

    expect(
      await screen.findByText(
        /This invitation was sent to jonas@example.org, but you are signed in as amira@example.org/,
      ),
    ).toBeInTheDocument();
  });

  it.each([
    [409, 'conflict', 'This invitation has expired; ask for a new one'],
    [404, 'not_found', 'Invitation not found'],
  ])('explains a %i when the invitation cannot be opened', async (status, code, message) => {
    renderApp({
      route: `/invitations/${TOKEN}`,
      session: makeSession(),
      routes: { ...signedIn, [`GET /api/invitations/${TOKEN}`]: errorReply(status, code, message) },
    });

    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.queryByRole('button', { name: 'Accept invitation' })).not.toBeInTheDocument();
  });
});
