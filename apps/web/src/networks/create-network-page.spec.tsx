import { screen } from '@testing-library/react';
import { errorReply, reply } from '../test-support/fake-api';
import { makeMember, makeNetwork, makeSession, makeUser } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';

const routes = {
  'GET /api/me': reply(200, makeUser()),
  'GET /api/networks/reseau-d-accueil-lyon': reply(
    200,
    makeNetwork({ slug: 'reseau-d-accueil-lyon', name: "Réseau d'accueil Lyon" }),
  ),
  'GET /api/networks/reseau-d-accueil-lyon/members': reply(200, {
    items: [makeMember()],
    nextCursor: null,
  }),
  'GET /api/networks/reseau-d-accueil-lyon/invitations': reply(200, {
    items: [],
    nextCursor: null,
  }),
};

describe('create network page', () => {
  it('suggests a slug from the name and creates the network', async () => {
    const app = renderApp({
      route: '/networks/new',
      session: makeSession(),
      routes: {
        ...routes,
        'POST /api/networks': reply(
          201,
          makeNetwork({ slug: 'reseau-d-accueil-lyon', name: "Réseau d'accueil Lyon" }),
        ),
      },
    });

    await app.user.type(await screen.findByLabelText(/^name/i), "Réseau d'accueil Lyon");
    expect(screen.getByLabelText(/^web address/i)).toHaveValue('reseau-d-accueil-lyon');
    await app.user.click(screen.getByRole('radio', { name: /^private/i }));
    await app.user.click(screen.getByRole('button', { name: 'Create network' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: "Réseau d'accueil Lyon" }),
    ).toBeInTheDocument();
    expect(app.location()).toBe('/networks/reseau-d-accueil-lyon');
    expect(app.writes()[0]).toMatchObject({
      body: {
        name: "Réseau d'accueil Lyon",
        slug: 'reseau-d-accueil-lyon',
        description: '',
        visibility: 'private',
      },
    });
  });

  it('refuses an invalid slug before sending anything', async () => {
    const app = renderApp({ route: '/networks/new', session: makeSession(), routes });

    await app.user.type(await screen.findByLabelText(/^name/i), 'Mentoring');
    const slug = screen.getByLabelText(/^web address/i);
    await app.user.clear(slug);
    await app.user.type(slug, '-Bad_Slug');
    await app.user.click(screen.getByRole('button', { name: 'Create network' }));

    expect(slug).toHaveAttribute('aria-invalid', 'true');
    expect(slug).toHaveAccessibleDescription(
      expect.stringContaining('Use 3 to 50 lowercase letters'),
    );
    expect(app.writes()).toHaveLength(0);
  });

  it('puts a server-side problem on the field it names', async () => {
    const app = renderApp({
      route: '/networks/new',
      session: makeSession(),
      routes: {
        ...routes,
        'POST /api/networks': errorReply(
          409,
          'conflict',
          'A network with this address already exists',
          [{ field: 'slug', problems: ['this address is taken'] }],
        ),
      },
    });

    await app.user.type(await screen.findByLabelText(/^name/i), 'Mentoring');
    await app.user.click(screen.getByRole('button', { name: 'Create network' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A network with this address already exists',
    );
    expect(screen.getByLabelText(/^web address/i)).toHaveAccessibleDescription(
      expect.stringContaining('this address is taken'),
    );
    expect(screen.getByLabelText(/^web address/i)).toHaveFocus();
  });
});
