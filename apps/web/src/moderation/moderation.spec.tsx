import { act, screen, waitFor, within } from '@testing-library/react';
import type { MessageView, ModerationQueueItem } from '@tandem/domain';
import { errorReply, reply } from '../test-support/fake-api';
import {
  CHANNEL_ID,
  makeChannel,
  makeMessage,
  makeOwnMessage,
  makeThread,
  THREAD_ID,
} from '../test-support/discussion-fixtures';
import { makeNetwork, makeSession, makeUser } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';

const THREAD_ROUTE = `/threads/${THREAD_ID}`;

function threadRoutes(messages: MessageView[], myRole: 'member' | 'moderator', extra = {}) {
  return {
    'GET /api/me': reply(200, makeUser()),
    [`GET /api/threads/${THREAD_ID}`]: reply(200, makeThread({ lastSeq: messages.length })),
    [`GET /api/channels/${CHANNEL_ID}`]: reply(200, makeChannel()),
    'GET /api/networks/welcoming-cities': reply(200, makeNetwork({ myRole })),
    'GET /api/networks/welcoming-cities/suspensions/mine': reply(200, { suspension: null }),
    [`GET /api/threads/${THREAD_ID}/messages`]: reply(200, { items: messages, hasMore: false }),
    ...extra,
  };
}

const handlers = {
  'thread:join': () => ({ ok: true as const, missed: [], hasMore: false }),
  'channel:join': ({ channelId }: { channelId: string }) => ({
    ok: true as const,
    presence: { channelId, online: [], count: 0, countOnly: false },
  }),
  read: () => ({ ok: true as const }),
};

describe('reporting a message', () => {
  it('asks why, requires a note for “something else”, and sends the report', async () => {
    const app = renderApp({
      route: THREAD_ROUTE,
      session: makeSession(),
      routes: threadRoutes([makeMessage(1)], 'member', {
        'POST /api/messages/message-1/flags': reply(201, {
          id: 'flag-1',
          messageId: 'message-1',
          reason: 'other',
          note: 'Names a client',
          status: 'open',
          createdAt: '2026-01-13T10:00:00.000Z',
        }),
      }),
      socketHandlers: handlers,
    });
    await app.user.click(await screen.findByRole('button', { name: 'Report message 1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Report this message' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Send report' }));
    expect(await within(dialog).findByText('Please choose one.')).toBeInTheDocument();

    await app.user.click(within(dialog).getByRole('radio', { name: 'Something else' }));
    await app.user.click(within(dialog).getByRole('button', { name: 'Send report' }));
    const note = within(dialog).getByRole('textbox', { name: /What is wrong/ });
    expect(note).toHaveAttribute('aria-invalid', 'true');
    expect(await within(dialog).findByText('Please say what is wrong.')).toBeInTheDocument();
    expect(app.writes()).toEqual([]);

    await app.user.type(note, 'Names a client');
    await app.user.click(within(dialog).getByRole('button', { name: 'Send report' }));
    expect(
      await screen.findByText('Thank you. The moderators will review this message.'),
    ).toBeInTheDocument();
    expect(app.writes().map((call) => [call.path, call.body])).toEqual([
      ['/api/messages/message-1/flags', { reason: 'other', note: 'Names a client' }],
    ]);
  });

  it('shows the server’s refusal when the message was already reported', async () => {
    const app = renderApp({
      route: THREAD_ROUTE,
      session: makeSession(),
      routes: threadRoutes([makeMessage(1)], 'member', {
        'POST /api/messages/message-1/flags': errorReply(
          409,
          'conflict',
          'You have already flagged this message; moderators will review it',
        ),
      }),
      socketHandlers: handlers,
    });
    await app.user.click(await screen.findByRole('button', { name: 'Report message 1' }));
    const dialog = await screen.findByRole('dialog');
    await app.user.click(within(dialog).getByRole('radio', { name: 'Spam or advertising' }));
    await app.user.click(within(dialog).getByRole('button', { name: 'Send report' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/already flagged/);
  });

  it('is not offered on one’s own message', async () => {
    renderApp({
      route: THREAD_ROUTE,
      session: makeSession(),
      routes: threadRoutes([makeOwnMessage(1, 'c-1')], 'member'),
      socketHandlers: handlers,
    });
    expect(await screen.findByText('Message number 1')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Report message 1' })).not.toBeInTheDocument();
  });
});

describe('hidden messages', () => {
  it('show members a placeholder, also when hidden live', async () => {
    const app = renderApp({
      route: THREAD_ROUTE,
      session: makeSession(),
      routes: threadRoutes(
        [makeMessage(1, { hidden: true, body: '', changeSeq: 1 }), makeMessage(2)],
        'member',
      ),
      socketHandlers: handlers,
    });
    expect(
      await screen.findByText('This message was hidden by the moderators.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Report message 1' })).not.toBeInTheDocument();
    act(() =>
      app
        .socket()
        .serverEmit('message:updated', makeMessage(2, { hidden: true, body: '', changeSeq: 2 })),
    );
    await waitFor(() =>
      expect(screen.getAllByText('This message was hidden by the moderators.')).toHaveLength(2),
    );
    expect(screen.queryByText('Message number 2')).not.toBeInTheDocument();
  });

  it('show their author the text with a notice, and no edit button', async () => {
    renderApp({
      route: THREAD_ROUTE,
      session: makeSession(),
      routes: threadRoutes([makeOwnMessage(1, 'c-1', { hidden: true, changeSeq: 1 })], 'member'),
      socketHandlers: handlers,
    });
    expect(
      await screen.findByText('The moderators hid this message. Only you and they can see it.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Message number 1')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit message 1' })).not.toBeInTheDocument();
  });

  it('let moderators hide and unhide from the thread', async () => {
    const app = renderApp({
      route: THREAD_ROUTE,
      session: makeSession(),
      routes: threadRoutes([makeMessage(1)], 'moderator', {
        'POST /api/messages/message-1/hide': reply(
          200,
          makeMessage(1, { hidden: true, changeSeq: 1 }),
        ),
      }),
      socketHandlers: handlers,
    });
    await app.user.click(await screen.findByRole('button', { name: 'Hide message 1' }));
    expect(await screen.findByText('Hidden from members')).toBeInTheDocument();
    // Moderators still read it, and may bring it back.
    expect(screen.getByText('Message number 1')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Unhide message 1' })).toBeInTheDocument();
  });
});

describe('the moderation queue', () => {
  const item = (overrides: Partial<ModerationQueueItem> = {}): ModerationQueueItem => ({
    message: {
      id: 'message-9',
      seq: 9,
      body: 'Call our client on 0612 345',
      author: { kind: 'chatham', label: 'Local NGO', labelCode: 'ngo.local' },
      hidden: false,
      deleted: false,
      edited: false,
      createdAt: '2026-01-13T09:00:00.000Z',
    },
    context: null,
    flagCount: 2,
    reasons: { personal_data: 2 },
    flags: [
      {
        id: 'f-1',
        reason: 'personal_data',
        note: 'A phone number',
        createdAt: '2026-01-13T10:00:00.000Z',
      },
      { id: 'f-2', reason: 'personal_data', note: null, createdAt: '2026-01-13T09:30:00.000Z' },
    ],
    firstFlaggedAt: '2026-01-13T09:30:00.000Z',
    lastFlaggedAt: '2026-01-13T10:00:00.000Z',
    ...overrides,
  });

  it('shows a private channel’s message alone, and hides it', async () => {
    let queue = [item()];
    const app = renderApp({
      route: '/networks/welcoming-cities/moderation',
      session: makeSession(),
      routes: {
        'GET /api/me': reply(200, makeUser()),
        'GET /api/networks/welcoming-cities': reply(200, makeNetwork({ myRole: 'moderator' })),
        'GET /api/networks/welcoming-cities/moderation/queue': () =>
          reply(200, { items: queue, nextCursor: null }),
        'POST /api/messages/message-9/hide': () => {
          queue = [];
          return reply(200, makeMessage(9, { hidden: true }));
        },
      },
    });
    const entry = await screen.findByTestId('queue-item');
    expect(within(entry).getByText('Call our client on 0612 345')).toBeInTheDocument();
    expect(within(entry).getByText('Local NGO')).toBeInTheDocument();
    expect(
      within(entry).getByText('In a private channel you are not on: only this message is shown.'),
    ).toBeInTheDocument();
    expect(within(entry).getByText('2 reports')).toBeInTheDocument();
    expect(within(entry).getByText(/A phone number/)).toBeInTheDocument();
    await app.user.click(within(entry).getByRole('button', { name: 'Hide' }));
    expect(
      await screen.findByText('Nothing to review. Reported messages appear here.'),
    ).toBeInTheDocument();
  });
});

describe('settings', () => {
  it('downloads the member’s data as a file', async () => {
    const created: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:tandem';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    const app = renderApp({
      route: '/settings',
      session: makeSession(),
      routes: {
        'GET /api/me': reply(200, makeUser()),
        'GET /api/me/data': reply(200, {
          format: 'tandem-account-export',
          version: 1,
          exportedAt: '2026-02-01T10:00:00.000Z',
          userId: 'user-amira',
          parts: { profile: { email: 'amira@example.org' } },
        }),
      },
    });
    await app.user.click(await screen.findByRole('button', { name: 'Download my data' }));
    expect(await screen.findByText('Your data is downloaded.')).toBeInTheDocument();
    expect(click).toHaveBeenCalled();
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(created[0]);
    });
    expect(JSON.parse(text)).toMatchObject({ parts: { profile: { email: 'amira@example.org' } } });
    click.mockRestore();
  });

  it('deletes the account after the password, showing a wrong password on the field', async () => {
    let attempts = 0;
    const app = renderApp({
      route: '/settings',
      session: makeSession(),
      routes: {
        'GET /api/me': reply(200, makeUser()),
        'DELETE /api/me': () =>
          ++attempts === 1
            ? errorReply(403, 'forbidden', 'The password is not correct', [
                { field: 'password', problems: ['the password is not correct'] },
              ])
            : reply(204),
        'POST /api/auth/logout': reply(204),
      },
    });
    await app.user.click(await screen.findByRole('button', { name: 'Delete my account…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete your account for good?' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Delete my account' }));
    expect(await within(dialog).findByText('Please fill in this field.')).toBeInTheDocument();
    expect(app.writes()).toEqual([]);

    const password = within(dialog).getByLabelText(/Your password/);
    await app.user.type(password, 'not the one');
    await app.user.click(within(dialog).getByRole('button', { name: 'Delete my account' }));
    expect(await within(dialog).findByText('the password is not correct')).toBeInTheDocument();
    expect(password).toHaveAttribute('aria-invalid', 'true');

    await app.user.clear(password);
    await app.user.type(password, 'correct horse battery');
    await app.user.click(within(dialog).getByRole('button', { name: 'Delete my account' }));
    await waitFor(() => expect(app.location()).toBe('/sign-in'));
    expect(app.store.read()).toBeNull();
    expect(app.writes()[1]).toMatchObject({
      method: 'DELETE',
      path: '/api/me',
      body: { password: 'correct horse battery' },
    });
  });
});
