import { screen, within } from '@testing-library/react';
import type { UserView } from '@tandem/domain';
import { errorReply, reply, type RecordedCall } from '../test-support/fake-api';
import { makeOrganisation, makeSession, makeUser } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';

const ghent = makeOrganisation();
const newcomer = makeUser({ organisation: null });

/** PUT /api/me/organisation answers with the user now attached to the organisation sent. */
const chooseAnswer = (organisations: Record<string, typeof ghent>) => (call: RecordedCall) => {
  const { organisationId } = call.body as { organisationId: string };
  return reply(200, {
    ...newcomer,
    organisation: organisations[organisationId] ?? null,
  } satisfies UserView);
};

describe('organisation page', () => {
  it('finds an existing organisation, chooses it and shows its Chatham House label', async () => {
    const app = renderApp({
      route: '/organisation',
      session: makeSession(),
      routes: {
        'GET /api/me': reply(200, newcomer),
        'GET /api/organisations': reply(200, { items: [ghent], nextCursor: null }),
        'PUT /api/me/organisation': chooseAnswer({ [ghent.id]: ghent }),
      },
    });
    expect(await screen.findByText('You have not chosen an organisation yet.')).toBeInTheDocument();
    expect(
      screen.getByText(/Chatham House threads show you as “Independent practitioner”/),
    ).toBeInTheDocument();

    await app.user.type(screen.getByRole('searchbox', { name: /organisation name/i }), 'Ghent');
    await app.user.click(await screen.findByRole('button', { name: 'Choose City of Ghent' }));

    expect(await screen.findByTestId('attribution-label')).toHaveTextContent('Local government');
    expect(
      screen.getByText(
        /^In Chatham House threads, your posts show this label instead of your name — or a broader one/,
      ),
    ).toBeInTheDocument();
    expect(app.calls.find((call) => call.path === '/api/organisations')?.url).toBe(
      '/api/organisations?q=Ghent',
    );
    expect(app.writes()).toEqual([
      expect.objectContaining({ method: 'PUT', body: { organisationId: ghent.id } }),
    ]);
  });

  it('adds a new organisation with a country picked by name, then chooses it', async () => {
    const created = makeOrganisation({
      id: '9b2c6f0e-0000-4000-8000-000000000002',
      name: 'Refugee Welcome Leuven',
      sector: 'ngo',
      level: 'local',
      country: 'BE',
      city: 'Leuven',
      label: 'Local NGO',
    });
    const app = renderApp({
      route: '/organisation',
      session: makeSession(),
      routes: {
        'GET /api/me': reply(200, newcomer),
        'POST /api/organisations': reply(201, created),
        'PUT /api/me/organisation': chooseAnswer({ [created.id]: created }),
      },
    });
    const form = (await screen.findByRole('heading', { name: 'Add your organisation' })).closest(
      'form',
    )!;

    await app.user.type(within(form).getByLabelText(/^name/i), 'Refugee Welcome Leuven');
    await app.user.click(within(form).getByRole('combobox', { name: /sector/i }));
    await app.user.click(screen.getByRole('option', { name: 'NGO' }));
    await app.user.click(within(form).getByRole('combobox', { name: /level/i }));
    await app.user.click(screen.getByRole('option', { name: 'Local' }));
    await app.user.type(within(form).getByRole('combobox', { name: /country/i }), 'Belg');
    await app.user.click(screen.getByRole('option', { name: 'Belgium' }));
    await app.user.type(within(form).getByLabelText(/city/i), 'Leuven');
    await app.user.click(within(form).getByRole('button', { name: 'Add and choose' }));

    expect(await screen.findByTestId('attribution-label')).toHaveTextContent('Local NGO');
    expect(app.writes()).toEqual([
      expect.objectContaining({
        path: '/api/organisations',
        body: {
          name: 'Refugee Welcome Leuven',
          sector: 'ngo',
          level: 'local',
          country: 'BE',
          city: 'Leuven',
        },
      }),
      expect.objectContaining({
        path: '/api/me/organisation',
        body: { organisationId: created.id },
      }),
    ]);
  });

  it('requires sector, level and country before sending', async () => {
    const app = renderApp({
      route: '/organisation',
      session: makeSession(),
      routes: { 'GET /api/me': reply(200, newcomer) },
    });
    const form = (await screen.findByRole('heading', { name: 'Add your organisation' })).closest(
      'form',
    )!;

    await app.user.type(within(form).getByLabelText(/^name/i), 'Refugee Welcome Leuven');
    await app.user.click(within(form).getByRole('button', { name: 'Add and choose' }));

    for (const name of [/sector/i, /level/i, /country/i]) {
      expect(within(form).getByRole('combobox', { name })).toHaveAccessibleDescription(
        'Please choose one.',
      );
    }
    expect(app.writes()).toHaveLength(0);
  });

  it('shows the server’s conflict message when the organisation already exists', async () => {
    const app = renderApp({
      route: '/organisation',
      session: makeSession(),
      routes: {
        'GET /api/me': reply(200, newcomer),
        'POST /api/organisations': errorReply(
          409,
          'conflict',
          'An organisation with this name already exists in this country; choose it instead',
        ),
      },
    });
    const form = (await screen.findByRole('heading', { name: 'Add your organisation' })).closest(
      'form',
    )!;
    await app.user.type(within(form).getByLabelText(/^name/i), 'City of Ghent');
    await app.user.click(within(form).getByRole('combobox', { name: /sector/i }));
    await app.user.click(screen.getByRole('option', { name: 'Government' }));
    await app.user.click(within(form).getByRole('combobox', { name: /level/i }));
    await app.user.click(screen.getByRole('option', { name: 'Local' }));
    await app.user.type(within(form).getByRole('combobox', { name: /country/i }), 'Belg');
    await app.user.click(screen.getByRole('option', { name: 'Belgium' }));
    await app.user.click(within(form).getByRole('button', { name: 'Add and choose' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'already exists in this country',
    );
  });

  it('shows a chosen organisation alone until asked to change it', async () => {
    const app = renderApp({
      route: '/organisation',
      session: makeSession(),
      routes: { 'GET /api/me': reply(200, makeUser()) },
    });

    expect(await screen.findByTestId('attribution-label')).toHaveTextContent('Local government');
    expect(screen.getByText('Government · Local · Ghent, Belgium')).toBeInTheDocument();
    expect(screen.queryByRole('searchbox', { name: /organisation name/i })).not.toBeInTheDocument();

    await app.user.click(screen.getByRole('button', { name: 'Change organisation' }));

    expect(screen.getByRole('searchbox', { name: /organisation name/i })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Add your organisation' })).toBeInTheDocument();
  });
});
