import { screen, waitFor, within } from '@testing-library/react';
import type { EntryView } from '@tandem/domain';
import { errorReply, reply } from '../test-support/fake-api';
import { makeSession, makeUser } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';

const ID = '11111111-1111-4111-8111-111111111111';

function makeEntry(overrides: Partial<EntryView> = {}): EntryView {
  return {
    id: ID,
    networkId: 'n1',
    networkSlug: 'welcoming-cities',
    status: 'published',
    scope: 'network',
    effectiveScope: 'network',
    currentVersion: 2,
    isWorkingCopy: false,
    content: {
      title: 'Neighbour pairs',
      summary: 'Residents and newcomers meet weekly.',
      context: { who: 'A city NGO', where: 'Lyon' },
      whatWasDone: 'Pairs met **weekly**.',
      whatWorked: 'Shared activities.',
      whatDidNot: '',
      resources: { budgetEur: 48000, staffFte: 1.5, volunteers: 35, durationMonths: 12, note: '' },
      adaptation: 'Recruit through clubs.',
      evaluation: 'Count pairs at 12 months.',
      topics: ['volunteers'],
      phase: 'implementation',
      language: 'en',
      evidence: [
        {
          messageId: 'm1',
          seq: 2,
          body: 'We phoned volunteers after week three.',
          author: { kind: 'chatham', label: 'Local NGO', labelCode: 'ngo.local' },
          postedAt: '2026-03-01T10:00:00.000Z',
        },
      ],
      links: [{ type: 'case_study', id: 'c1', title: 'Binômes de voisinage' }],
    },
    sourceThread: { id: 't1', title: 'Keeping volunteers involved' },
    drafter: null,
    reviewNote: null,
    actions: [],
    canEdit: false,
    discussionCount: 0,
    publishedAt: '2026-03-02T10:00:00.000Z',
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-02T10:00:00.000Z',
    ...overrides,
  };
}

function open(entry: EntryView, extra = {}) {
  return renderApp({
    route: `/entries/${ID}`,
    session: makeSession(),
    routes: {
      'GET /api/me': reply(200, makeUser()),
      [`GET /api/entries/${ID}`]: reply(200, entry),
      [`GET /api/entries/${ID}/discussions`]: reply(200, []),
      [`GET /api/entries/${ID}/versions`]: reply(200, {
        items: [
          {
            version: 2,
            title: 'Neighbour pairs',
            note: 'Sharper',
            publishedBy: { userId: 'u', displayName: 'Ana Marques' },
            publishedAt: '2026-03-02T10:00:00.000Z',
          },
          {
            version: 1,
            title: 'Neighbour pairs',
            note: '',
            publishedBy: null,
            publishedAt: '2026-03-01T10:00:00.000Z',
          },
        ],
        nextCursor: null,
      }),
      ...extra,
    },
  });
}

describe('the entry page', () => {
  it('leads with the resources, quotes by label and lists sources and versions', async () => {
    open(makeEntry());
    const heading = await screen.findByRole('heading', { level: 1, name: 'Neighbour pairs' });
    const resources = screen.getByTestId('entry-resources');
    // The resources box comes before every part of the text.
    expect(
      heading.compareDocumentPosition(resources) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(
      resources.compareDocumentPosition(screen.getByRole('heading', { name: 'Summary' })) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(within(resources).getByText('€48,000')).toBeInTheDocument();
    expect(within(resources).getByText('12 months')).toBeInTheDocument();
    const quote = screen.getByTestId('evidence-quote');
    expect(quote).toHaveTextContent('We phoned volunteers after week three.');
    expect(quote).toHaveTextContent('— Local NGO');
    expect(screen.getByRole('link', { name: 'Binômes de voisinage' })).toHaveAttribute(
      'href',
      '/library/case-studies/c1',
    );
    expect(screen.getByRole('link', { name: 'Keeping volunteers involved' })).toHaveAttribute(
      'href',
      '/threads/t1',
    );
    const history = await screen.findByTestId('entry-history');
    expect(within(history).getByText('Sharper')).toBeInTheDocument();
    expect(within(history).getByRole('link', { name: 'v1' })).toHaveAttribute(
      'href',
      `/entries/${ID}/versions/1`,
    );
    // A reader gets downloads but no workflow.
    expect(screen.getByRole('button', { name: 'PDF' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Review and publishing' })).not.toBeInTheDocument();
  });

  it('offers a reviewer the moves the server allows, and publishes with a version note', async () => {
    const inReview = makeEntry({
      status: 'in_review',
      isWorkingCopy: true,
      actions: ['request_changes', 'publish'],
    });
    const app = open(inReview, {
      [`POST /api/entries/${ID}/publish`]: reply(200, makeEntry({ currentVersion: 3 })),
    });
    await app.user.click(await screen.findByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish a new version' });
    await app.user.type(
      within(dialog).getByRole('textbox', { name: 'What changed in this version' }),
      'Clearer costs',
    );
    await app.user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(app.writes()).toHaveLength(1));
    expect(app.writes()[0]).toMatchObject({
      path: `/api/entries/${ID}/publish`,
      body: { note: 'Clearer costs' },
    });
  });

  it('tells the drafter that someone else publishes, and shows the server’s refusal', async () => {
    const drafterView = makeEntry({
      status: 'in_review',
      isWorkingCopy: true,
      actions: ['request_changes'],
    });
    const app = open(drafterView, {
      [`POST /api/entries/${ID}/request-changes`]: errorReply(
        409,
        'invalid_transition',
        'No longer in review',
        {
          status: 'published',
          action: 'request_changes',
          allowed: ['archive', 'revise'],
        },
      ),
    });
    expect(
      await screen.findByText('You drafted this entry: another moderator or admin publishes it.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Publish' })).not.toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Request changes' }));
    const dialog = await screen.findByRole('dialog', { name: 'Request changes' });
    const send = within(dialog).getByRole('button', { name: 'Request changes' });
    expect(send).toBeDisabled();
    await app.user.type(
      within(dialog).getByRole('textbox', { name: /What should change/ }),
      'Add costs',
    );
    await app.user.click(send);
    expect(await within(dialog).findByText('No longer in review')).toBeInTheDocument();
  });

  it('shows a missing entry as not found', async () => {
    renderApp({
      route: `/entries/${ID}`,
      session: makeSession(),
      routes: {
        'GET /api/me': reply(200, makeUser()),
        [`GET /api/entries/${ID}`]: errorReply(404, 'not_found', 'Entry not found'),
      },
    });
    expect(await screen.findByText('Entry not found')).toBeInTheDocument();
  });
});
