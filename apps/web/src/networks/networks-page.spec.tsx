import { screen, within } from '@testing-library/react';
import { reply } from '../test-support/fake-api';
import { makeNetwork, makeSession, makeUser } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';

describe('networks page', () => {
  it('shows my role, a Join button for open networks and a badge for invitation-only ones', async () => {
    const open = makeNetwork({
      id: 'n2',
      slug: 'ngo-forum',
      name: 'NGO Forum',
      visibility: 'open',
      myRole: null,
    });
    const app = renderApp({
      route: '/networks',
      session: makeSession(),
      routes: {
        'GET /api/me': reply(200, makeUser()),
        'GET /api/networks': reply(200, {
          items: [
            makeNetwork({ myRole: 'admin' }),
            open,
            makeNetwork({
              id: 'n3',
              slug: 'mentors',
              name: 'Mentors',
              visibility: 'invite',
              myRole: null,
            }),
          ],
          nextCursor: null,
        }),
        'POST /api/networks/ngo-forum/join': reply(200, {
          ...open,
          myRole: 'member',
          memberCount: 3,
        }),
      },
    });

    const items = await screen.findAllByRole('listitem');
    expect(within(items[0]).getByText('Your role: Admin')).toBeInTheDocument();
    expect(within(items[0]).getByRole('link', { name: 'Welcoming Cities' })).toHaveAttribute(
      'href',
      '/networks/welcoming-cities',
    );
    expect(within(items[2]).getByText('Invitation only')).toBeInTheDocument();
    expect(within(items[2]).queryByRole('button')).not.toBeInTheDocument();

    await app.user.click(within(items[1]).getByRole('button', { name: 'Join NGO Forum' }));

    expect(await screen.findByText('You joined NGO Forum.')).toBeInTheDocument();
    expect(app.writes()).toEqual([
      expect.objectContaining({ path: '/api/networks/ngo-forum/join' }),
    ]);
  });

  it('asks someone without an organisation to choose one', async () => {
    renderApp({
      route: '/networks',
      session: makeSession(),
      routes: {
        'GET /api/me': reply(200, makeUser({ organisation: null })),
        'GET /api/networks': reply(200, { items: [], nextCursor: null }),
      },
    });

    expect(await screen.findByRole('link', { name: 'Choose my organisation' })).toHaveAttribute(
      'href',
      '/organisation',
    );
    expect(await screen.findByText(/There are no networks to show yet/)).toBeInTheDocument();
  });
});
