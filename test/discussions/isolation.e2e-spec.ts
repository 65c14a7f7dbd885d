import { startTestApp, TestApp } from '../support/app';
import {
  Cast,
  clientId,
  counts,
  makeCast,
  makeChannel,
  makeThread,
  post,
  sql,
} from '../support/discussions';
import type { TestUser } from '../support/factories';

/**
 * Whoever cannot read a channel must not learn that it, its threads or its messages exist:
 * every route answers exactly as it does for an id that was never created.
 */
let t: TestApp;
let cast: Cast;
let before: Record<string, number>;
const ids = {
  open: { channel: '', thread: '', message: '' },
  closed: { channel: '', thread: '', message: '' },
};
const NEVER = {
  channel: '00000000-0000-4000-8000-00000000c0de',
  thread: '00000000-0000-4000-8000-00000000feed',
  message: '00000000-0000-4000-8000-00000000babe',
};
const SECRET_WORDS = 'Kestrel quartz lagoon';

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeCast(t.http, 'private');
  const open = await makeChannel(t.http, cast.admin, cast.network.slug, {
    name: `${SECRET_WORDS} open`,
  });
  const openThread = await makeThread(t.http, cast.member, open.id, {
    title: `${SECRET_WORDS} thread`,
    body: `${SECRET_WORDS} body`,
  });
  const openMessage = await post(t.http, cast.member, openThread.id, `${SECRET_WORDS} reply`);
  ids.open = { channel: open.id, thread: openThread.id, message: openMessage.id };

  // A private channel made by the moderator: the admin and the members are not on its list.
  const closed = await makeChannel(t.http, cast.moderator, cast.network.slug, {
    name: `${SECRET_WORDS} closed`,
    visibility: 'private',
  });
  const closedThread = await makeThread(t.http, cast.moderator, closed.id, {
    title: `${SECRET_WORDS} closed thread`,
  });
  const closedMessage = await post(t.http, cast.moderator, closedThread.id, `${SECRET_WORDS} x`);
  // An edit, so that revisions exist to be hidden.
  await t.http.patch(
    `/api/messages/${closedMessage.id}`,
    { body: `${SECRET_WORDS} edited` },
    { token: cast.moderator.token },
  );
  ids.closed = { channel: closed.id, thread: closedThread.id, message: closedMessage.id };
  before = await counts(t);
});
afterAll(async () => {
  await t.close();
});

type Route = [method: string, path: string, body?: unknown];

/**
 * Rows for it.each with exactly three values: with fewer, jest would hand the test a `done`
 * callback as its third argument and wait for it. A null body means no body.
 */
const rows = (routes: Route[]): [string, string, unknown][] =>
  routes.map(([method, path, body]) => [method, path, body ?? null]);

const channelRoutes = (): Route[] => [
  ['GET', '/api/channels/CHANNEL'],
  ['PATCH', '/api/channels/CHANNEL', { name: 'Renamed', archived: true }],
  ['POST', '/api/channels/CHANNEL/members', { userId: 'SELF' }],
  ['DELETE', '/api/channels/CHANNEL/members/SELF'],
  ['DELETE', '/api/channels/CHANNEL/members/AUTHOR'],
  ['GET', '/api/channels/CHANNEL/threads'],
  ['GET', '/api/channels/CHANNEL/threads?limit=1'],
  [
    'POST',
    '/api/channels/CHANNEL/threads',
    { title: 'Hello', body: 'Hi', attribution: 'named', clientId: 'CLIENT' },
  ],
];

const threadRoutes = (): Route[] => [
  ['GET', '/api/threads/THREAD'],
  ['GET', '/api/threads/THREAD/messages'],
  ['GET', '/api/threads/THREAD/messages?afterSeq=0&limit=10'],
  ['POST', '/api/threads/THREAD/messages', { body: 'Hi', clientId: 'CLIENT' }],
  ['POST', '/api/threads/THREAD/read', { seq: 1 }],
  ['POST', '/api/threads/THREAD/lock'],
  ['POST', '/api/threads/THREAD/unlock'],
  ['PATCH', '/api/messages/MESSAGE', { body: 'Mine now' }],
  ['DELETE', '/api/messages/MESSAGE'],
  ['GET', '/api/messages/MESSAGE/revisions'],
];

function fill(
  value: unknown,
  target: { channel: string; thread: string; message: string },
  viewer: TestUser,
): unknown {
  const json = JSON.stringify(value ?? null)
    .replaceAll('CHANNEL', target.channel)
    .replaceAll('THREAD', target.thread)
    .replaceAll('MESSAGE', target.message)
    .replaceAll('SELF', viewer.user.id)
    .replaceAll('AUTHOR', cast.member.user.id)
    .replaceAll('CLIENT', clientId('probe'));
  return JSON.parse(json);
}

async function expectHidden(
  viewer: TestUser,
  target: { channel: string; thread: string; message: string },
  [method, path, body]: Route,
): Promise<void> {
  const real = await t.http.request(
    method,
    fill(path, target, viewer) as string,
    body === undefined || body === null ? undefined : fill(body, target, viewer),
    { token: viewer.token },
  );
  const missing = await t.http.request(
    method,
    fill(path, NEVER, viewer) as string,
    body === undefined || body === null ? undefined : fill(body, NEVER, viewer),
    { token: viewer.token },
  );
  expect({ route: `${method} ${path}`, status: real.status }).toEqual({
    route: `${method} ${path}`,
    status: 404,
  });
  expect(real.body).toEqual(missing.body);
  expect(real.text).not.toContain('Kestrel');
}

describe('an outsider of a private network', () => {
  it.each(rows([...channelRoutes(), ...threadRoutes()]))(
    'gets the same 404 from %s %s for a network channel as for nothing',
    async (method, path, body) => {
      await expectHidden(cast.outsider, ids.open, [method, path, body]);
    },
  );

  it.each(rows([...channelRoutes(), ...threadRoutes()]))(
    'gets the same 404 from %s %s for a private channel as for nothing',
    async (method, path, body) => {
      await expectHidden(cast.outsider, ids.closed, [method, path, body]);
    },
  );

  it('gets the same 404 for the network’s channel list and channel creation as for no network', async () => {
    for (const [method, path, body] of [
      ['GET', '/api/networks/SLUG/channels'],
      ['GET', '/api/networks/SLUG/channels?archived=true'],
      ['POST', '/api/networks/SLUG/channels', { slug: 'probe', name: 'P', visibility: 'network' }],
    ] as Route[]) {
      const real = await t.http.request(method, path.replace('SLUG', cast.network.slug), body, {
        token: cast.outsider.token,
      });
      const missing = await t.http.request(method, path.replace('SLUG', 'never-a-network'), body, {
        token: cast.outsider.token,
      });
      expect(real.status).toBe(404);
      expect(real.body).toEqual(missing.body);
    }
  });

  it('finds no trace of it in its own notifications or read state', async () => {
    const inbox = await t.http.get('/api/notifications', { token: cast.outsider.token });
    expect(inbox.body.items).toEqual([]);
    expect(
      await sql(t, 'SELECT 1 FROM thread_reads WHERE user_id = $1', [cast.outsider.user.id]),
    ).toEqual([]);
  });
});

describe('a network member not on a private channel’s list', () => {
  it.each(rows([...channelRoutes(), ...threadRoutes()]))(
    'gets the same 404 from %s %s as for nothing',
    async (method, path, body) => {
      await expectHidden(cast.member, ids.closed, [method, path, body]);
    },
  );

  it.each(rows(threadRoutes()))(
    'gets the same 404 from %s %s as for nothing, even as the network’s admin',
    async (method, path, body) => {
      await expectHidden(cast.admin, ids.closed, [method, path, body]);
    },
  );
});

it('changed nothing for all those attempts', async () => {
  expect(await counts(t)).toEqual(before);
  const [thread] = await sql(t, 'SELECT last_seq, locked_at FROM threads WHERE id = $1', [
    ids.closed.thread,
  ]);
  expect(thread).toEqual({ last_seq: 2, locked_at: null });
  const [channel] = await sql(t, 'SELECT name, archived_at FROM channels WHERE id = $1', [
    ids.closed.channel,
  ]);
  expect(channel).toEqual({ name: `${SECRET_WORDS} closed`, archived_at: null });
  const [message] = await sql(t, 'SELECT body, deleted_at FROM messages WHERE id = $1', [
    ids.open.message,
  ]);
  expect(message).toEqual({ body: `${SECRET_WORDS} reply`, deleted_at: null });
  expect(
    await sql(t, 'SELECT user_id FROM thread_reads WHERE thread_id = $1 ORDER BY user_id', [
      ids.closed.thread,
    ]),
  ).toEqual([{ user_id: cast.moderator.user.id }]);
});
