import { screen, within } from '@testing-library/react';
import type { InvitationCreated, InvitationView } from '@tandem/domain';
import { errorReply, reply } from '../test-support/fake-api';
import { makeMember, makeNetwork, makeSession, makeUser } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';

const invitation: InvitationView = {
  id: 'invitation-1',
  email: 'jonas@example.org',
  role: 'member',
  expiresAt: '2099-01-15T09:00:00.000Z',
  acceptedAt: null,
  createdAt: '2026-01-13T09:00:00.000Z',
};

const jonas = makeMember({
  userId: 'user-jonas',
  displayName: 'Jonas Weber',
  role: 'member',
  organisation: null,
});

function networkRoutes(myRole: 'member' | 'moderator' | 'admin', extra = {}) {
  return {
    'GET /api/me': reply(200, makeUser()),
    'GET /api/networks/welcoming-cities': reply(200, makeNetwork({ myRole })),
    'GET /api/networks/welcoming-cities/members': reply(200, {
      items: [makeMember({ role: myRole }), jonas],
      nextCursor: null,
    }),
    'GET /api/networks/welcoming-cities/invitations': reply(200, {
      items: [invitation],
      nextCursor: null,
    }),
    'GET /api/networks/welcoming-cities/channels': reply(200, []),
    ...extra,
  };
}

describe('network page', () => {
  it('lets an admin invite a colleague and shows the full link to copy', async () => {
    const created: InvitationCreated = {
      token: 'tok_abc',
      acceptPath: '/invitations/tok_abc',
      invitation: {
        ...invitation,
        id: 'invitation-2',
        email: 'lena@example.org',
        role: 'moderator',
      },
    };
    const app = renderApp({
      route: '/networks/welcoming-cities',
      session: makeSession(),
      routes: networkRoutes('admin', {
        'POST /api/networks/welcoming-cities/invitations': reply(201, created),
      }),
    });
    const form = await screen.findByRole('region', { name: 'Invite a colleague' });

    await app.user.type(within(form).getByLabelText(/their email/i), 'lena@example.org');
    await app.user.click(within(form).getByRole('combobox', { name: 'Role' }));
    await app.user.click(within(form).getByRole('option', { name: 'Moderator' }));
    await app.user.click(within(form).getByRole('button', { name: 'Create invitation' }));

    expect(await within(form).findByLabelText('Invitation link')).toHaveValue(
      `${window.location.origin}/invitations/tok_abc`,
    );
    expect(within(form).getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    expect(within(form).getByText(/does not send invitation emails yet/)).toBeInTheDocument();
    expect(app.writes()).toEqual([
      expect.objectContaining({ body: { email: 'lena@example.org', role: 'moderator' } }),
    ]);
  });

  it('lets a moderator invite members only, and hides admin controls', async () => {
    renderApp({
      route: '/networks/welcoming-cities',
      session: makeSession(),
      routes: networkRoutes('moderator'),
    });

    const form = await screen.findByRole('region', { name: 'Invite a colleague' });
    expect(within(form).queryByRole('combobox', { name: 'Role' })).not.toBeInTheDocument();
    expect(await screen.findByText('Jonas Weber')).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Role of Jonas Weber' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remove Jonas Weber' })).not.toBeInTheDocument();
  });

  it('shows members, but no invitation tools, to a member', async () => {
    renderApp({
      route: '/networks/welcoming-cities',
      session: makeSession(),
      routes: networkRoutes('member'),
    });

    expect(await screen.findByText('Jonas Weber')).toBeInTheDocument();
    expect(screen.getByText('No organisation given')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Invite a colleague' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Invitations' })).not.toBeInTheDocument();
  });

  it('lets an admin change a role and shows the server’s refusal', async () => {
    const app = renderApp({
      route: '/networks/welcoming-cities',
      session: makeSession(),
      routes: networkRoutes('admin', {
        'PATCH /api/networks/welcoming-cities/members/user-jonas': errorReply(
          409,
          'conflict',
          'The last admin cannot be demoted; make someone else admin first',
        ),
      }),
    });

    await app.user.click(await screen.findByRole('combobox', { name: 'Role of Jonas Weber' }));
    await app.user.click(screen.getByRole('option', { name: 'Admin' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The last admin cannot be demoted');
    expect(app.writes()[0]).toMatchObject({ method: 'PATCH', body: { role: 'admin' } });
  });

  it('revokes a pending invitation', async () => {
    const app = renderApp({
      route: '/networks/welcoming-cities',
      session: makeSession(),
      routes: networkRoutes('admin', {
        'DELETE /api/networks/welcoming-cities/invitations/invitation-1': reply(204),
      }),
    });

    await app.user.click(
      await screen.findByRole('button', { name: 'Revoke the invitation for jonas@example.org' }),
    );

    expect(
      await screen.findByText('The invitation for jonas@example.org was revoked.'),
    ).toBeInTheDocument();
    expect(app.writes()).toEqual([expect.objectContaining({ method: 'DELETE' })]);
  });

  it('leaves after confirmation and returns to the list', async () => {
    const app = renderApp({
      route: '/networks/welcoming-cities',
      session: makeSession(),
      routes: networkRoutes('member', {
        'POST /api/networks/welcoming-cities/leave': reply(204),
        'GET /api/networks': reply(200, { items: [], nextCursor: null }),
      }),
    });

    await app.user.click(await screen.findByRole('button', { name: 'Leave network' }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave Welcoming Cities?' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Leave' }));

    expect(await screen.findByRole('heading', { name: 'Networks' })).toBeInTheDocument();
    expect(app.location()).toBe('/networks');
    expect(screen.getByText('You left Welcoming Cities.')).toBeInTheDocument();
  });

  it('says so when the network does not exist (or is hidden)', async () => {
    renderApp({
      route: '/networks/welcoming-cities',
      session: makeSession(),
      routes: networkRoutes('member', {
        'GET /api/networks/welcoming-cities': errorReply(404, 'not_found', 'Network not found'),
      }),
    });

    expect(await screen.findByRole('alert')).toHaveTextContent('Network not found');
  });
});
