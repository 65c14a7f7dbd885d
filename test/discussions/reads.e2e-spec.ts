import type { ChannelView, ThreadView } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import { Cast, makeCast, makeChannel, makeThread, post, sql } from '../support/discussions';
import type { TestUser } from '../support/factories';

let t: TestApp;
let cast: Cast;

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeCast(t.http);
});
afterAll(async () => {
  await t.close();
});

const read = (user: TestUser, threadId: string, body: unknown) =>
  t.http.post(`/api/threads/${threadId}/read`, body, { token: user.token });

const thread = async (user: TestUser, id: string) =>
  (await t.http.get<ThreadView>(`/api/threads/${id}`, { token: user.token })).body;

const channel = async (user: TestUser, id: string) =>
  (await t.http.get<ChannelView>(`/api/channels/${id}`, { token: user.token })).body;

/** A thread of `n` messages written by the member, in a fresh channel. */
async function threadOf(n: number): Promise<{ channelId: string; threadId: string }> {
  const channelId = (await makeChannel(t.http, cast.admin, cast.network.slug)).id;
  const threadId = (await makeThread(t.http, cast.member, channelId)).id;
  for (let i = 2; i <= n; i++) await post(t.http, cast.member, threadId, `message ${i}`);
  return { channelId, threadId };
}

it('moves read state forward only, and the thread and channel unread counts follow', async () => {
  const { channelId, threadId } = await threadOf(6);
  expect(await thread(cast.other, threadId)).toMatchObject({
    lastSeq: 6,
    lastReadSeq: 0,
    unreadCount: 6,
  });
  expect((await channel(cast.other, channelId)).unreadCount).toBe(6);

  const first = await read(cast.other, threadId, { seq: 4 });
  expect(first.status).toBe(200);
  expect(first.body).toEqual({ lastReadSeq: 4, unreadCount: 2 });
  expect(await thread(cast.other, threadId)).toMatchObject({ lastReadSeq: 4, unreadCount: 2 });
  expect((await channel(cast.other, channelId)).unreadCount).toBe(2);

  // Backwards is ignored: read state never moves back.
  const back = await read(cast.other, threadId, { seq: 2 });
  expect(back.status).toBe(200);
  expect(back.body).toEqual({ lastReadSeq: 4, unreadCount: 2 });
  expect(await thread(cast.other, threadId)).toMatchObject({ lastReadSeq: 4, unreadCount: 2 });
  expect((await read(cast.other, threadId, { seq: 0 })).body).toEqual({
    lastReadSeq: 4,
    unreadCount: 2,
  });

  expect((await read(cast.other, threadId, { seq: 6 })).body).toEqual({
    lastReadSeq: 6,
    unreadCount: 0,
  });
  expect((await channel(cast.other, channelId)).unreadCount).toBe(0);

  // Someone else's reading changes nothing for me.
  expect(await thread(cast.moderator, threadId)).toMatchObject({ unreadCount: 6 });
});

it('caps read state at the thread’s last seq, so later messages still count as unread', async () => {
  const { channelId, threadId } = await threadOf(3);
  const ahead = await read(cast.other, threadId, { seq: 500 });
  expect(ahead.status).toBe(200);
  expect(ahead.body).toEqual({ lastReadSeq: 3, unreadCount: 0 });
  const [row] = await sql(
    t,
    'SELECT last_read_seq FROM thread_reads WHERE thread_id = $1 AND user_id = $2',
    [threadId, cast.other.user.id],
  );
  expect(row.last_read_seq).toBe(3);

  await post(t.http, cast.member, threadId, 'seq 4');
  await post(t.http, cast.member, threadId, 'seq 5');
  expect(await thread(cast.other, threadId)).toMatchObject({
    lastSeq: 5,
    lastReadSeq: 3,
    unreadCount: 2,
  });
  expect((await channel(cast.other, channelId)).unreadCount).toBe(2);
  // The maximum integer seq is accepted and capped as well.
  expect((await read(cast.other, threadId, { seq: 2_147_483_647 })).body).toEqual({
    lastReadSeq: 5,
    unreadCount: 0,
  });
});

it('sums the unread messages of every thread in the channel list', async () => {
  const channelId = (await makeChannel(t.http, cast.admin, cast.network.slug, { name: 'Sums' })).id;
  const a = await makeThread(t.http, cast.member, channelId);
  const b = await makeThread(t.http, cast.member, channelId);
  for (let i = 0; i < 3; i++) await post(t.http, cast.member, a.id);
  await post(t.http, cast.member, b.id);
  const unread = async () =>
    (
      await t.http.get<ChannelView[]>(`/api/networks/${cast.network.slug}/channels`, {
        token: cast.other.token,
      })
    ).body.find((c) => c.id === channelId)?.unreadCount;
  expect(await unread()).toBe(4 + 2);
  await read(cast.other, a.id, { seq: 4 });
  expect(await unread()).toBe(2);
  // Posting marks my own message read, and everything before it.
  await post(t.http, cast.other, b.id);
  expect(await unread()).toBe(0);
  expect((await thread(cast.member, b.id)).unreadCount).toBe(1);
});

it.each([
  ['a negative seq', { seq: -1 }],
  ['a fractional seq', { seq: 1.5 }],
  ['a seq given as a string', { seq: '3' }],
  ['a missing seq', {}],
  ['a seq beyond the integer range', { seq: 2_147_483_648 }],
  ['an unknown field', { seq: 1, threadId: 'x' }],
])('refuses %s with 400, changing nothing', async (_case, body) => {
  const { threadId } = await threadOf(2);
  await read(cast.other, threadId, { seq: 1 });
  const response = await read(cast.other, threadId, body);
  expect(response.status).toBe(400);
  expect(response.body.error).toBe('bad_request');
  expect((await thread(cast.other, threadId)).lastReadSeq).toBe(1);
});

it('answers 404 to someone who cannot read the thread, as for a thread that does not exist', async () => {
  const room = await makeChannel(t.http, cast.admin, cast.network.slug, { visibility: 'private' });
  const hiddenThread = await makeThread(t.http, cast.admin, room.id);
  const hidden = await read(cast.member, hiddenThread.id, { seq: 1 });
  const missing = await read(cast.member, '00000000-0000-4000-8000-0000000000aa', { seq: 1 });
  expect(hidden.status).toBe(404);
  expect(hidden.body).toEqual(missing.body);
  const rows = await sql(t, 'SELECT 1 FROM thread_reads WHERE thread_id = $1 AND user_id = $2', [
    hiddenThread.id,
    cast.member.user.id,
  ]);
  expect(rows).toEqual([]);
});
