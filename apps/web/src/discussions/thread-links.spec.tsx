import { act, screen, waitFor, within } from '@testing-library/react';
import { reply } from '../test-support/fake-api';
import {
  CHANNEL_ID,
  makeChannel,
  makeMessage,
  makeThread,
  THREAD_ID,
} from '../test-support/discussion-fixtures';
import { makeNetwork, makeSession, makeUser } from '../test-support/fixtures';
import {
  CASE_STUDY_ID,
  makeCaseStudy,
  makeLink,
  makeSummary,
} from '../test-support/library-fixtures';
import { renderApp } from '../test-support/render-app';

function open(extra = {}) {
  return renderApp({
    route: `/threads/${THREAD_ID}`,
    session: makeSession(),
    routes: {
      'GET /api/me': reply(200, makeUser()),
      [`GET /api/threads/${THREAD_ID}`]: reply(200, makeThread({ links: [] })),
      [`GET /api/channels/${CHANNEL_ID}`]: reply(200, makeChannel()),
      'GET /api/networks/welcoming-cities': reply(200, makeNetwork({ myRole: 'member' })),
      [`GET /api/threads/${THREAD_ID}/messages`]: reply(200, {
        items: [makeMessage(1)],
        hasMore: false,
      }),
      'GET /api/research-summaries': reply(200, { items: [makeSummary()], nextCursor: null }),
      'GET /api/case-studies': reply(200, { items: [makeCaseStudy()], nextCursor: null }),
      ...extra,
    },
    socketHandlers: {
      'thread:join': () => ({ ok: true, missed: [], hasMore: false }),
      'channel:join': ({ channelId }) => ({
        ok: true,
        presence: { channelId, online: [], count: 0, countOnly: false },
      }),
      read: () => ({ ok: true }),
    },
  });
}

describe('links from a thread to the library', () => {
  it('the picker searches published case studies and posts the chosen one with its note', async () => {
    const link = makeLink({
      targetType: 'case_study',
      targetId: CASE_STUDY_ID,
      title: 'Neighbours at the Table',
      note: 'Cheap and AMIF-funded',
    });
    const app = open({ [`POST /api/threads/${THREAD_ID}/links`]: reply(200, [link]) });
    expect(await screen.findByText('No research or case study is linked yet.')).toBeInTheDocument();

    await app.user.click(screen.getByRole('button', { name: 'Link evidence' }));
    const dialog = await screen.findByRole('dialog', { name: 'Link research or a case study' });
    await app.user.click(within(dialog).getByRole('radio', { name: 'Case study' }));
    await app.user.type(
      within(dialog).getByRole('searchbox', { name: 'Search the library' }),
      'table',
    );
    await waitFor(() =>
      expect(
        app.calls.some((call) => call.path === '/api/case-studies' && call.url.includes('q=table')),
      ).toBe(true),
    );
    const search = app.calls.find(
      (call) => call.path === '/api/case-studies' && call.url.includes('q=table'),
    );
    expect(search?.url).toContain('status=published');

    await app.user.click(
      await within(dialog).findByRole('button', { name: 'Choose Neighbours at the Table' }),
    );
    await app.user.type(
      within(dialog).getByRole('textbox', { name: 'Why it matters here (optional)' }),
      'Cheap and AMIF-funded',
    );
    await app.user.click(within(dialog).getByRole('button', { name: 'Add link' }));

    await waitFor(() => expect(app.writes()).toHaveLength(1));
    expect(app.writes()[0]).toMatchObject({
      method: 'POST',
      path: `/api/threads/${THREAD_ID}/links`,
      body: { targetType: 'case_study', targetId: CASE_STUDY_ID, note: 'Cheap and AMIF-funded' },
    });
    const shown = await screen.findByRole('link', { name: 'Neighbours at the Table' });
    expect(shown).toHaveAttribute('href', `/library/case-studies/${CASE_STUDY_ID}`);
    expect(screen.getByText('Cheap and AMIF-funded')).toBeInTheDocument();
  });

  it('asks to choose an item before posting', async () => {
    const app = open();
    await app.user.click(await screen.findByRole('button', { name: 'Link evidence' }));
    const dialog = await screen.findByRole('dialog');
    await app.user.click(within(dialog).getByRole('button', { name: 'Add link' }));
    expect(within(dialog).getByText('Please choose an item first.')).toBeInTheDocument();
    expect(app.writes()).toEqual([]);
  });

  it('shows links another member adds, live, and removes one', async () => {
    const app = open({
      [`DELETE /api/threads/${THREAD_ID}/links/${makeLink().id}`]: reply(204),
    });
    await screen.findByText('No research or case study is linked yet.');
    const socket = app.socket();
    await waitFor(() => expect(socket.connected).toBe(true));

    act(() => socket.serverEmit('thread:updated', makeThread({ links: [makeLink()] })));
    const shown = await screen.findByRole('link', {
      name: 'Mentoring by volunteers speeds up labour market entry',
    });
    expect(shown).toHaveAttribute('href', `/library/research/${makeSummary().id}`);

    await app.user.click(
      screen.getByRole('button', {
        name: 'Remove the link to Mentoring by volunteers speeds up labour market entry',
      }),
    );
    expect(await screen.findByText('No research or case study is linked yet.')).toBeInTheDocument();
    expect(app.writes()[0]).toMatchObject({ method: 'DELETE' });
  });
});
