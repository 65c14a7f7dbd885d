import { act, screen, waitFor, within } from '@testing-library/react';
import type { MessageView, ThreadView } from '@tandem/domain';
import { reply } from '../test-support/fake-api';
import type { FakeServerHandlers } from '../test-support/fake-socket';
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

const ROUTE = `/threads/${THREAD_ID}`;

function routes(
  thread: ThreadView,
  messages: MessageView[],
  myRole: 'member' | 'moderator' = 'member',
  extra = {},
) {
  return {
    'GET /api/me': reply(200, makeUser()),
    [`GET /api/threads/${THREAD_ID}`]: reply(200, thread),
    [`GET /api/channels/${CHANNEL_ID}`]: reply(200, makeChannel()),
    'GET /api/networks/welcoming-cities': reply(200, makeNetwork({ myRole })),
    [`GET /api/threads/${THREAD_ID}/messages`]: reply(200, { items: messages, hasMore: false }),
    ...extra,
  };
}

function handlers(overrides: FakeServerHandlers = {}): FakeServerHandlers {
  return {
    'thread:join': () => ({ ok: true, missed: [], hasMore: false }),
    'channel:join': ({ channelId }) => ({
      ok: true,
      presence: {
        channelId,
        online: [
          { userId: 'user-amira', displayName: 'Amira Haddad' },
          { userId: 'user-jonas', displayName: 'Jonas Weber' },
        ],
        count: 2,
        countOnly: false,
      },
    }),
    read: () => ({ ok: true }),
    ...overrides,
  };
}

const messageTexts = () =>
  within(screen.getByTestId('message-list'))
    .queryAllByTestId('message')
    .map((item) => item.getAttribute('data-seq'));

describe('the thread page', () => {
  it('shows the messages, then new ones live, and who is online and typing', async () => {
    const app = renderApp({
      route: ROUTE,
      session: makeSession(),
      routes: routes(makeThread(), [makeMessage(1), makeMessage(2)]),
      socketHandlers: handlers(),
    });

    expect(await screen.findByText('Message number 2')).toBeInTheDocument();
    expect(await screen.findByText('Online in this channel: Jonas Weber')).toBeInTheDocument();
    const socket = app.socket();
    await waitFor(() =>
      expect(socket.emittedOf('thread:join')).toContainEqual({
        threadId: THREAD_ID,
        afterSeq: 0,
        afterChange: 0,
      }),
    );

    act(() => socket.serverEmit('typing', { threadId: THREAD_ID, who: 'Jonas Weber' }));
    expect(screen.getByTestId('typing')).toHaveTextContent('Jonas Weber is typing…');

    act(() => socket.serverEmit('message:new', makeMessage(3, { body: 'Live from Ghent' })));
    expect(await screen.findByText('Live from Ghent')).toBeInTheDocument();
    expect(messageTexts()).toEqual(['1', '2', '3']);
    // The author's message ends their typing; the newcomer is announced.
    expect(screen.getByTestId('typing')).toHaveTextContent('');
    expect(screen.getByText('New message from Jonas Weber')).toBeInTheDocument();

    // Another thread's message does not land here.
    act(() => socket.serverEmit('message:new', makeMessage(4, { threadId: 'another-thread' })));
    expect(messageTexts()).toEqual(['1', '2', '3']);
  });

  it('catches up after a dropped connection: each missed message exactly once, in order', async () => {
    const app = renderApp({
      route: ROUTE,
      session: makeSession(),
      routes: routes(makeThread(), [makeMessage(1), makeMessage(2)]),
      socketHandlers: handlers(),
    });
    await screen.findByText('Message number 2');
    const socket = app.socket();
    await waitFor(() => expect(socket.connected).toBe(true));

    act(() => socket.dropConnection());
    expect(await screen.findByText('Connection lost. Reconnecting…')).toBeInTheDocument();

    // Message 3 arrives live as the connection comes back and again in the catch-up.
    socket.handlers['thread:join'] = ({ afterSeq }) => {
      socket.serverEmit('message:new', makeMessage(3));
      return {
        ok: true,
        missed: [makeMessage(3), makeMessage(4)].filter((m) => m.seq > (afterSeq ?? 0)),
        hasMore: false,
      };
    };
    act(() => socket.reconnect());

    expect(await screen.findByText('Message number 4')).toBeInTheDocument();
    expect(messageTexts()).toEqual(['1', '2', '3', '4']);
    expect(socket.emittedOf('thread:join').at(-1)).toEqual({
      threadId: THREAD_ID,
      afterSeq: 2,
      afterChange: 0,
    });
    await waitFor(() =>
      expect(screen.queryByText('Connection lost. Reconnecting…')).not.toBeInTheDocument(),
    );
  });

  it('catches up on edits and deletions made while disconnected, by change stamp', async () => {
    const app = renderApp({
      route: ROUTE,
      session: makeSession(),
      routes: routes(makeThread({ lastChange: 4 }), [makeMessage(1), makeMessage(2)]),
      socketHandlers: handlers(),
    });
    await screen.findByText('Message number 2');
    const socket = app.socket();
    await waitFor(() => expect(socket.connected).toBe(true));
    // A live edit moves the stamp on.
    act(() =>
      socket.serverEmit(
        'message:updated',
        makeMessage(1, {
          body: 'First, edited live',
          edited: true,
          editedAt: '2026-01-13T10:00:00.000Z',
          changeSeq: 5,
        }),
      ),
    );
    expect(await screen.findByText('First, edited live')).toBeInTheDocument();

    act(() => socket.dropConnection());
    socket.handlers['thread:join'] = () => ({
      ok: true,
      missed: [],
      hasMore: false,
      changed: [makeMessage(2, { body: '', deleted: true, changeSeq: 6 })],
      lastChange: 6,
    });
    act(() => socket.reconnect());

    expect(await screen.findByText('This message was deleted.')).toBeInTheDocument();
    expect(socket.emittedOf('thread:join').at(-1)).toEqual({
      threadId: THREAD_ID,
      afterSeq: 2,
      afterChange: 5,
    });
  });

  it('pages the rest over HTTP when the catch-up was capped', async () => {
    let pages = 0;
    const app = renderApp({
      route: ROUTE,
      session: makeSession(),
      routes: routes(makeThread({ lastSeq: 0, messageCount: 0 }), [], 'member', {
        [`GET /api/threads/${THREAD_ID}/messages`]: (call: { url: string }) => {
          pages += 1;
          // The thread was empty when the page opened; five messages came in since.
          if (pages === 1) return reply(200, { items: [], hasMore: false });
          const afterSeq = Number(new URL(call.url, 'http://x').searchParams.get('afterSeq'));
          const all = [1, 2, 3, 4, 5].map((seq) => makeMessage(seq));
          return reply(200, { items: all.filter((m) => m.seq > afterSeq), hasMore: false });
        },
      }),
      socketHandlers: handlers({
        'thread:join': () => ({
          ok: true,
          missed: [makeMessage(1), makeMessage(2)],
          hasMore: true,
        }),
      }),
    });

    expect(await screen.findByText('Message number 5')).toBeInTheDocument();
    expect(messageTexts()).toEqual(['1', '2', '3', '4', '5']);
    expect(app.calls.map((call) => call.url)).toContain(
      `/api/threads/${THREAD_ID}/messages?afterSeq=2&limit=100`,
    );
  });

  it('shows a send as pending, then as the stored message the ack returns', async () => {
    let answer: (ack: { ok: true; message: MessageView; duplicate: boolean }) => void = () =>
      undefined;
    const app = renderApp({
      route: ROUTE,
      session: makeSession(),
      routes: routes(makeThread(), [makeMessage(1)]),
      socketHandlers: handlers({
        'message:send': ({ clientId, body }) =>
          new Promise((resolve) => {
            answer = resolve;
            void clientId;
            void body;
          }),
      }),
    });
    await screen.findByText('Message number 1');
    await waitFor(() => expect(app.socket().connected).toBe(true));

    await app.user.type(screen.getByRole('textbox', { name: 'Your message' }), 'On my way');
    await app.user.click(screen.getByRole('button', { name: 'Send' }));

    const pending = await screen.findByTestId('pending-message');
    expect(pending).toHaveTextContent('Sending…');
    expect(pending).toHaveTextContent('On my way');
    const [sent] = app.socket().emittedOf('message:send') as { clientId: string }[];
    expect(sent).toEqual({ threadId: THREAD_ID, body: 'On my way', clientId: expect.any(String) });

    act(() =>
      answer({
        ok: true,
        message: makeOwnMessage(2, sent.clientId, { body: 'On my way' }),
        duplicate: false,
      }),
    );
    await waitFor(() => expect(screen.queryByTestId('pending-message')).not.toBeInTheDocument());
    const mine = screen.getAllByTestId('message').at(-1) as HTMLElement;
    expect(mine).toHaveTextContent('On my way');
    expect(within(mine).getByText('You')).toBeInTheDocument();
    // Its live copy, arriving late, changes nothing.
    act(() =>
      app
        .socket()
        .serverEmit('message:new', makeOwnMessage(2, sent.clientId, { body: 'On my way' })),
    );
    expect(messageTexts()).toEqual(['1', '2']);
  });

  it('announces a refused send and retries it with the same clientId', async () => {
    let attempts = 0;
    const app = renderApp({
      route: ROUTE,
      session: makeSession(),
      routes: routes(makeThread(), [makeMessage(1)]),
      socketHandlers: handlers({
        'message:send': ({ clientId, body }) => {
          attempts += 1;
          return attempts === 1
            ? { ok: false, error: 'rate_limited', message: 'Slow down', retryAfterMs: 4200 }
            : { ok: true, message: makeOwnMessage(2, clientId, { body }), duplicate: false };
        },
      }),
    });
    await screen.findByText('Message number 1');
    await waitFor(() => expect(app.socket().connected).toBe(true));

    await app.user.type(screen.getByRole('textbox', { name: 'Your message' }), 'Quick one');
    await app.user.click(screen.getByRole('button', { name: 'Send' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You are posting too quickly. Try again in 5 s.',
    );
    await app.user.click(screen.getByRole('button', { name: 'Try again' }));

    await waitFor(() => expect(screen.queryByTestId('pending-message')).not.toBeInTheDocument());
    const sends = app.socket().emittedOf('message:send') as { clientId: string }[];
    expect(sends).toHaveLength(2);
    expect(sends[1].clientId).toBe(sends[0].clientId);
    expect(messageTexts()).toEqual(['1', '2']);
  });

  it('explains a send refused because the thread was locked, or the database is down', async () => {
    let reply_: 'locked' | 'unavailable' = 'locked';
    const app = renderApp({
      route: ROUTE,
      session: makeSession(),
      routes: routes(makeThread(), [makeMessage(1)]),
      socketHandlers: handlers({
        'message:send': () =>
          reply_ === 'locked'
            ? { ok: false, error: 'conflict', message: 'This thread is locked' }
            : { ok: false, error: 'unavailable', message: 'The database is unavailable' },
      }),
    });
    await screen.findByText('Message number 1');
    await waitFor(() => expect(app.socket().connected).toBe(true));

    await app.user.type(screen.getByRole('textbox', { name: 'Your message' }), 'One');
    await app.user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This thread has been locked; your message was not posted.',
    );
    await app.user.click(screen.getByRole('button', { name: 'Discard' }));

    reply_ = 'unavailable';
    await app.user.type(screen.getByRole('textbox', { name: 'Your message' }), 'Two');
    await app.user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Tandem cannot save messages right now. Nothing was posted',
    );
  });

  it('sends over HTTP with a clientId when the live connection is down', async () => {
    const app = renderApp({
      route: ROUTE,
      session: makeSession(),
      routes: routes(makeThread(), [makeMessage(1)], 'member', {
        [`POST /api/threads/${THREAD_ID}/messages`]: (call: { body: unknown }) => {
          const { clientId, body } = call.body as { clientId: string; body: string };
          return reply(201, makeOwnMessage(2, clientId, { body }));
        },
        [`POST /api/threads/${THREAD_ID}/read`]: reply(200, { lastReadSeq: 2, unreadCount: 0 }),
      }),
      socketHandlers: handlers(),
    });
    await screen.findByText('Message number 1');
    await waitFor(() => expect(app.socket().connected).toBe(true));
    act(() => app.socket().dropConnection());

    await app.user.type(screen.getByRole('textbox', { name: 'Your message' }), 'Via HTTP');
    await app.user.click(screen.getByRole('button', { name: 'Send' }));

    expect(await screen.findByText('Via HTTP')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('pending-message')).not.toBeInTheDocument());
    expect(app.writes()[0]).toMatchObject({
      path: `/api/threads/${THREAD_ID}/messages`,
      body: { body: 'Via HTTP', clientId: expect.any(String) },
    });
  });

  it('marks the thread read up to the newest message shown', async () => {
    const app = renderApp({
      route: ROUTE,
      session: makeSession(),
      routes: routes(makeThread({ lastReadSeq: 1, unreadCount: 1 }), [
        makeMessage(1),
        makeMessage(2),
      ]),
      socketHandlers: handlers(),
    });
    await screen.findByText('Message number 2');

    await waitFor(() =>
      expect(app.socket().emittedOf('read')).toEqual([{ threadId: THREAD_ID, seq: 2 }]),
    );
    act(() => app.socket().serverEmit('message:new', makeMessage(3)));
    await waitFor(() =>
      expect(app.socket().emittedOf('read').at(-1)).toEqual({ threadId: THREAD_ID, seq: 3 }),
    );
  });

  it('shows edits live and deleted messages as deleted', async () => {
    const app = renderApp({
      route: ROUTE,
      session: makeSession(),
      routes: routes(makeThread(), [makeMessage(1), makeMessage(2)]),
      socketHandlers: handlers(),
    });
    await screen.findByText('Message number 2');

    act(() =>
      app.socket().serverEmit(
        'message:updated',
        makeMessage(1, {
          body: 'Corrected text',
          edited: true,
          editedAt: '2026-01-13T10:00:00Z',
        }),
      ),
    );
    act(() =>
      app
        .socket()
        .serverEmit(
          'message:updated',
          makeMessage(2, { body: '', deleted: true, editedAt: '2026-01-13T10:01:00Z' }),
        ),
    );

    const [first, second] = screen.getAllByTestId('message');
    expect(first).toHaveTextContent('Corrected text');
    expect(first).toHaveTextContent('edited');
    expect(second).toHaveTextContent('This message was deleted.');
  });

  it('lets the author edit and delete their own message', async () => {
    const own = makeOwnMessage(2, 'client-a', { body: 'Frist draft' });
    const app = renderApp({
      route: ROUTE,
      session: makeSession(),
      routes: routes(makeThread(), [makeMessage(1), own], 'member', {
        'PATCH /api/messages/message-2': (call: { body: unknown }) =>
          reply(200, {
            ...own,
            body: (call.body as { body: string }).body,
            edited: true,
            editedAt: '2026-01-13T10:00:00.000Z',
          }),
        'DELETE /api/messages/message-2': reply(200, {
          ...own,
          body: '',
          deleted: true,
          editedAt: '2026-01-13T10:01:00.000Z',
        }),
      }),
      socketHandlers: handlers(),
    });
    await screen.findByText('Frist draft');
    // Only one's own message can be edited.
    expect(screen.queryByRole('button', { name: 'Edit message 1' })).not.toBeInTheDocument();

    await app.user.click(screen.getByRole('button', { name: 'Edit message 2' }));
    const box = screen.getByRole('textbox', { name: 'Edit your message' });
    await app.user.clear(box);
    await app.user.type(box, 'First draft');
    await app.user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('First draft')).toBeInTheDocument();

    await app.user.click(screen.getByRole('button', { name: 'Delete message 2' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this message?' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('This message was deleted.')).toBeInTheDocument();
    expect(app.writes().map((call) => call.method)).toEqual(['PATCH', 'DELETE']);
  });

  it('marks a Chatham House thread and shows authors by label only', async () => {
    const chatham = {
      kind: 'chatham' as const,
      label: 'Local government',
      labelCode: 'government.local' as const,
    };
    renderApp({
      route: ROUTE,
      session: makeSession(),
      routes: routes(makeThread({ attribution: 'chatham', author: chatham, isMine: true }), [
        makeMessage(1, { author: chatham }),
        makeMessage(2, { author: chatham, isMine: true }),
      ]),
      socketHandlers: handlers(),
    });

    expect(await screen.findByTestId('chatham-badge')).toHaveTextContent('Chatham House');
    expect(screen.getByRole('note')).toHaveTextContent('not reveal who said it');
    const [first, second] = await screen.findAllByTestId('message');
    expect(first).toHaveTextContent('Local government');
    expect(first).not.toHaveTextContent('You');
    expect(second).toHaveTextContent('You');
    expect(screen.queryByText('Jonas Weber')).not.toBeInTheDocument();
    // Presence shows how many, not who, beside a Chatham House conversation.
    expect(await screen.findByText('Others online in this channel: 1')).toBeInTheDocument();
  });

  it('tells the author the label their next post will carry, and shows anonymous typing', async () => {
    const chatham = { kind: 'chatham' as const, label: 'A member', labelCode: 'member' as const };
    const app = renderApp({
      route: ROUTE,
      session: makeSession(),
      routes: routes(
        makeThread({ attribution: 'chatham', author: chatham }),
        [makeMessage(1, { author: chatham })],
        'member',
        {
          [`GET /api/threads/${THREAD_ID}/attribution-preview`]: reply(200, {
            attribution: 'chatham',
            label: 'Government',
            labelCode: 'government',
            fineLabelCode: 'government.regional',
            fineLabel: 'Regional government',
            reason: 'coarsened',
            minGroup: 3,
          }),
        },
      ),
      socketHandlers: handlers(),
    });
    const preview = await screen.findByTestId('attribution-preview');
    expect(preview).toHaveTextContent(
      'Your post will appear as: Government — fewer than 3 members share “Regional government”',
    );
    const socket = app.socket();
    await waitFor(() => expect(socket.emittedOf('thread:join').length).toBeGreaterThan(0));
    act(() => socket.serverEmit('typing', { threadId: THREAD_ID, who: null }));
    expect(screen.getByTestId('typing')).toHaveTextContent('Someone is typing…');
  });

  it('lets a moderator lock the thread, which closes the composer', async () => {
    const app = renderApp({
      route: ROUTE,
      session: makeSession(),
      routes: routes(makeThread(), [makeMessage(1)], 'moderator', {
        [`POST /api/threads/${THREAD_ID}/lock`]: reply(200, makeThread({ locked: true })),
      }),
      socketHandlers: handlers(),
    });

    await app.user.click(await screen.findByRole('button', { name: 'Lock thread' }));

    expect(
      await screen.findByText('This thread is locked: no new messages can be posted.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Your message' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Unlock thread' })).toBeInTheDocument();
  });

  it('closes the composer when a moderator locks the thread elsewhere', async () => {
    const app = renderApp({
      route: ROUTE,
      session: makeSession(),
      routes: routes(makeThread(), [makeMessage(1)]),
      socketHandlers: handlers(),
    });
    await screen.findByText('Message number 1');
    expect(screen.queryByRole('button', { name: 'Lock thread' })).not.toBeInTheDocument();

    act(() => app.socket().serverEmit('thread:updated', makeThread({ locked: true })));

    expect(
      await screen.findByText('This thread is locked: no new messages can be posted.'),
    ).toBeInTheDocument();
  });
});
