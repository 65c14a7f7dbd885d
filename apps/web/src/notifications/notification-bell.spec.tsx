import { act, screen, waitFor, within } from '@testing-library/react';
import { reply } from '../test-support/fake-api';
import { makeNotification, THREAD_ID } from '../test-support/discussion-fixtures';
import { makeSession, makeUser } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';

const baseRoutes = {
  'GET /api/me': reply(200, makeUser()),
  'GET /api/networks': reply(200, { items: [], nextCursor: null }),
};

describe('the notification bell', () => {
  it('shows the unread count, lists mentions and links to the thread', async () => {
    const app = renderApp({
      route: '/networks',
      session: makeSession(),
      routes: {
        ...baseRoutes,
        'GET /api/notifications': reply(200, {
          items: [makeNotification()],
          nextCursor: null,
          unreadCount: 1,
        }),
        'POST /api/notifications/notification-1/read': reply(
          200,
          makeNotification({ readAt: '2026-01-13T10:00:00.000Z' }),
        ),
        [`GET /api/threads/${THREAD_ID}`]: reply(404, {
          statusCode: 404,
          error: 'not_found',
          message: 'Thread not found',
        }),
      },
    });

    const bell = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    await app.user.click(bell);
    const dialog = screen.getByRole('dialog', { name: 'Notifications' });
    const link = within(dialog).getByRole('link', {
      name: 'Jonas Weber mentioned you in “Volunteer mentors after the first year”',
    });
    expect(within(dialog).getByText('@amira-haddad what did Ghent do?')).toBeInTheDocument();

    await app.user.click(link);
    expect(app.location()).toBe(`/threads/${THREAD_ID}`);
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
    expect(app.writes()).toEqual([
      expect.objectContaining({ path: '/api/notifications/notification-1/read' }),
    ]);
  });

  it('counts mentions arriving live and marks them all read', async () => {
    const app = renderApp({
      route: '/networks',
      session: makeSession(),
      routes: { ...baseRoutes, 'POST /api/notifications/read-all': reply(200, { updated: 2 }) },
    });
    await screen.findByRole('button', { name: 'Notifications' });
    await waitFor(() => expect(app.queryClient.getQueryData(['notifications'])).toBeDefined());
    const socket = app.socket();

    act(() => {
      socket.serverEmit('notification', makeNotification());
      socket.serverEmit('notification', makeNotification()); // the same one twice
      socket.serverEmit(
        'notification',
        makeNotification({
          id: 'notification-2',
          subject: { type: 'thread', id: 'thread-9', title: 'Tenders' },
          actor: { kind: 'chatham', label: 'National NGO', labelCode: 'ngo.national' },
        }),
      );
    });

    await app.user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    const dialog = screen.getByRole('dialog', { name: 'Notifications' });
    expect(
      within(dialog).getByRole('link', { name: 'National NGO mentioned you in “Tenders”' }),
    ).toBeInTheDocument();

    await app.user.click(within(dialog).getByRole('button', { name: 'Mark all as read' }));
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
    expect(app.writes()).toEqual([
      expect.objectContaining({ path: '/api/notifications/read-all' }),
    ]);
  });
});
