import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { EntryView } from '@tandem/domain';
import { errorReply, reply } from '../test-support/fake-api';
import { makeSession, makeUser } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';

const ID = '22222222-2222-4222-8222-222222222222';
const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`).join(' ');

const draft: EntryView = {
  id: ID,
  networkId: 'n1',
  networkSlug: 'welcoming-cities',
  status: 'draft',
  scope: 'network',
  effectiveScope: 'network',
  currentVersion: null,
  isWorkingCopy: true,
  content: {
    title: 'Neighbour pairs',
    summary: '',
    context: { who: '', where: '' },
    whatWasDone: '',
    whatWorked: '',
    whatDidNot: '',
    resources: {
      budgetEur: null,
      staffFte: null,
      volunteers: null,
      durationMonths: null,
      note: '',
    },
    adaptation: '',
    evaluation: '',
    topics: [],
    phase: 'implementation',
    language: 'en',
    evidence: [],
    links: [],
  },
  sourceThread: { id: 't1', title: 'Keeping volunteers involved' },
  drafter: { userId: 'u1', displayName: 'Sofie Holm' },
  reviewNote: null,
  actions: ['submit'],
  canEdit: true,
  discussionCount: 0,
  publishedAt: null,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
};

function open(extra = {}) {
  return renderApp({
    route: `/entries/${ID}/edit`,
    session: makeSession(),
    routes: {
      'GET /api/me': reply(200, makeUser()),
      [`GET /api/entries/${ID}`]: reply(200, draft),
      'GET /api/networks/welcoming-cities/entry-settings': reply(200, {
        allowPublicEntries: false,
        canChange: false,
      }),
      ...extra,
    },
  });
}

describe('the entry editor', () => {
  it('counts words and keeps an over-long summary from the server', async () => {
    const app = open();
    const summary = await screen.findByRole('textbox', { name: 'Summary' });
    fireEvent.change(summary, { target: { value: words(121) } });
    expect(screen.getByText('121 / 120 words')).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(
      await screen.findByText('This has 121 words; please keep it to 120.'),
    ).toBeInTheDocument();
    expect(app.writes()).toEqual([]);
    // Public scope is not on offer while the network does not allow it.
    expect(screen.getByRole('radio', { name: /Everyone signed in/ })).toBeDisabled();
  });

  it('sends the figures as numbers (empty ones as not stated) and shows the server’s field problems', async () => {
    const app = open({
      [`PATCH /api/entries/${ID}`]: errorReply(
        400,
        'bad_request',
        'Invalid request: resources.budgetEur',
        [{ field: 'resources.budgetEur', problems: ['budgetEur must not be negative'] }],
      ),
    });
    fireEvent.change(await screen.findByRole('textbox', { name: 'Budget a year (EUR)' }), {
      target: { value: '36000' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Volunteers' }), {
      target: { value: '30' },
    });
    await app.user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(app.writes()).toHaveLength(1));
    expect(app.writes()[0].body).toMatchObject({
      resources: {
        budgetEur: 36000,
        volunteers: 30,
        staffFte: null,
        durationMonths: null,
        note: '',
      },
      context: { who: '', where: '' },
      scope: 'network',
    });
    expect(await screen.findByText('budgetEur must not be negative')).toBeInTheDocument();
  });
});
