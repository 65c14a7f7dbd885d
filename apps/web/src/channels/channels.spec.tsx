import { screen, within } from '@testing-library/react';
import type { ChannelView, ThreadView } from '@tandem/domain';
import { errorReply, reply } from '../test-support/fake-api';
import {
  CHANNEL_ID,
  makeChannel,
  makeThread,
  THREAD_ID,
} from '../test-support/discussion-fixtures';
import { makeMember, makeNetwork, makeSession, makeUser } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';

function networkRoutes(myRole: 'member' | 'moderator' | 'admin', extra = {}) {
  return {
    'GET /api/me': reply(200, makeUser()),
    'GET /api/networks/welcoming-cities': reply(200, makeNetwork({ myRole })),
    'GET /api/networks/welcoming-cities/members': reply(200, {
      items: [makeMember({ role: myRole })],
      nextCursor: null,
    }),
    'GET /api/networks/welcoming-cities/invitations': reply(200, { items: [], nextCursor: null }),
    ...extra,
  };
}

describe('channels on the network page', () => {
  it('lists the channels with their unread counts and links to them', async () => {
    renderApp({
      route: '/networks/welcoming-cities',
      session: makeSession(),
      routes: networkRoutes('member', {
        'GET /api/networks/welcoming-cities/channels': reply(200, [
          makeChannel({ unreadCount: 3, threadCount: 4 }),
          makeChannel({
            id: 'channel-2',
            slug: 'pairing',
            name: 'Mentoring pairs',
            visibility: 'private',
            topics: [],
          }),
        ]),
      }),
    });

    const section = await screen.findByRole('region', { name: 'Channels' });
    const housing = (await within(section).findByRole('link', { name: 'Housing' })).closest('li');
    expect(housing).not.toBeNull();
    expect(within(housing as HTMLElement).getByText('Unread: 3')).toBeInTheDocument();
    expect(within(housing as HTMLElement).getByText('Threads: 4')).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: 'Housing' })).toHaveAttribute(
      'href',
      `/channels/${CHANNEL_ID}`,
    );
    expect(within(section).getByText('Private channel')).toBeInTheDocument();
    // No create button for a member.
    expect(within(section).queryByRole('button', { name: 'New channel' })).not.toBeInTheDocument();
  });

  it('lets a moderator create a channel with translated topics', async () => {
    const created = makeChannel({
      id: 'channel-3',
      slug: 'language-cafes',
      name: 'Language cafés',
      topics: ['language', 'volunteers'],
      visibility: 'private',
    });
    let channels: ChannelView[] = [];
    const app = renderApp({
      route: '/networks/welcoming-cities',
      session: makeSession(),
      language: 'fr',
      routes: networkRoutes('moderator', {
        'GET /api/networks/welcoming-cities/channels': () => reply(200, channels),
        'POST /api/networks/welcoming-cities/channels': () => {
          channels = [created];
          return reply(201, created);
        },
      }),
    });

    await app.user.click(await screen.findByRole('button', { name: 'Nouveau canal' }));
    const form = screen.getByRole('region', { name: 'Nouveau canal' });
    await app.user.type(within(form).getByRole('textbox', { name: 'Nom' }), 'Language cafés');
    expect(within(form).getByLabelText(/Nom court/)).toHaveValue('language-cafes');
    await app.user.click(within(form).getByRole('combobox', { name: 'Thèmes' }));
    await app.user.click(screen.getByRole('option', { name: 'Apprentissage de la langue' }));
    await app.user.click(screen.getByRole('option', { name: 'Bénévoles' }));
    await app.user.click(within(form).getByRole('radio', { name: /^Privé/ }));
    await app.user.click(within(form).getByRole('button', { name: 'Créer le canal' }));

    expect(await screen.findByRole('link', { name: 'Language cafés' })).toBeInTheDocument();
    expect(app.writes()).toEqual([
      expect.objectContaining({
        path: '/api/networks/welcoming-cities/channels',
        body: {
          slug: 'language-cafes',
          name: 'Language cafés',
          description: '',
          topics: ['language', 'volunteers'],
          visibility: 'private',
        },
      }),
    ]);
  });

  it('shows the server’s refusal next to the field it concerns', async () => {
    const app = renderApp({
      route: '/networks/welcoming-cities',
      session: makeSession(),
      routes: networkRoutes('admin', {
        'GET /api/networks/welcoming-cities/channels': reply(200, []),
        'POST /api/networks/welcoming-cities/channels': errorReply(
          409,
          'conflict',
          'A channel with this slug exists',
          [{ field: 'slug', problems: ['is already used in this network'] }],
        ),
      }),
    });

    await app.user.click(await screen.findByRole('button', { name: 'New channel' }));
    const form = screen.getByRole('region', { name: 'New channel' });
    await app.user.type(within(form).getByLabelText(/^Name/), 'Housing');
    await app.user.click(within(form).getByRole('button', { name: 'Create channel' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'A channel with this slug exists',
    );
    expect(within(form).getByLabelText(/Short name/)).toHaveAccessibleDescription(
      expect.stringContaining('is already used in this network'),
    );
  });
});

describe('the channel page', () => {
  const threadPage = (items: ThreadView[], nextCursor: string | null = null) =>
    reply(200, { items, nextCursor });

  it('lists threads newest activity first, marks Chatham House ones, and loads more', async () => {
    const app = renderApp({
      route: `/channels/${CHANNEL_ID}`,
      session: makeSession(),
      routes: {
        'GET /api/me': reply(200, makeUser()),
        [`GET /api/channels/${CHANNEL_ID}`]: reply(200, makeChannel()),
        [`GET /api/channels/${CHANNEL_ID}/threads`]: (call) =>
          call.url.includes('cursor=page-2')
            ? threadPage([makeThread({ id: 'thread-old', title: 'An older question' })])
            : threadPage(
                [
                  makeThread({ unreadCount: 2 }),
                  makeThread({
                    id: 'thread-chatham',
                    title: 'What went wrong with our tender',
                    attribution: 'chatham',
                    author: {
                      kind: 'chatham',
                      label: 'Local government',
                      labelCode: 'government.local',
                    },
                  }),
                ],
                'page-2',
              ),
      },
    });

    const list = await screen.findByRole('region', { name: 'Threads' });
    const links = await within(list).findAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Volunteer mentors after the first year',
      'What went wrong with our tender',
    ]);
    expect(links[0]).toHaveAttribute('href', `/threads/${THREAD_ID}`);
    expect(within(list).getByText('Unread: 2')).toBeInTheDocument();
    const chatham = links[1].closest('li') as HTMLElement;
    expect(within(chatham).getByText('Chatham House')).toBeInTheDocument();
    expect(within(chatham).getByText('Local government')).toBeInTheDocument();

    await app.user.click(within(list).getByRole('button', { name: 'Show more' }));
    expect(await within(list).findByRole('link', { name: 'An older question' })).toBeVisible();
  });

  it('starts a Chatham House thread with a clientId and opens it', async () => {
    const created = makeThread({
      id: 'thread-new',
      title: 'Tenders',
      attribution: 'chatham',
      author: { kind: 'chatham', label: 'Local government', labelCode: 'government.local' },
      isMine: true,
    });
    const app = renderApp({
      route: `/channels/${CHANNEL_ID}`,
      session: makeSession(),
      routes: {
        'GET /api/me': reply(200, makeUser()),
        [`GET /api/channels/${CHANNEL_ID}`]: reply(200, makeChannel()),
        [`GET /api/channels/${CHANNEL_ID}/threads`]: threadPage([]),
        [`POST /api/channels/${CHANNEL_ID}/threads`]: reply(201, created),
        'GET /api/threads/thread-new': reply(200, created),
        'GET /api/threads/thread-new/messages': reply(200, { items: [], hasMore: false }),
      },
    });

    await app.user.click(await screen.findByRole('button', { name: 'Start a thread' }));
    const form = screen.getByRole('region', { name: 'Start a thread' });
    await app.user.type(within(form).getByLabelText(/^Title/), 'Tenders');
    await app.user.type(
      within(form).getByRole('textbox', { name: /^First message/ }),
      'What did *you* learn?',
    );
    const chatham = within(form).getByRole('radio', { name: /Chatham House rule/ });
    expect(chatham).toHaveAccessibleDescription(/never who wrote them/);
    await app.user.click(chatham);
    await app.user.click(within(form).getByRole('button', { name: 'Start thread' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Tenders' })).toBeInTheDocument();
    expect(app.location()).toBe('/threads/thread-new');
    const [write] = app.writes();
    expect(write.body).toEqual({
      title: 'Tenders',
      body: 'What did *you* learn?',
      attribution: 'chatham',
      topics: [],
      clientId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });
});
