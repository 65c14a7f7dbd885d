import { SLOW_MODE_MAX_SECONDS, type ChannelView } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import { Cast, clientId, makeCast, makeChannel, makeThread, sql } from '../support/discussions';
import { auditAbout, moderationApi, moderationCounts, ok } from '../support/moderation';
import { joinThread, SocketPool } from '../support/realtime';
import { request } from '../support/sockets';

let A: TestApp;
let B: TestApp;
let cast: Cast;
let api: ReturnType<typeof moderationApi>;
const pool = new SocketPool();

beforeAll(async () => {
  A = await startTestApp();
  // A second server process on the same database: slow mode must hold across both.
  B = await startTestApp({ DATABASE_URL: A.db.url });
  api = moderationApi(A);
  cast = await makeCast(A.http);
}, 60_000);
afterAll(async () => {
  pool.closeAll();
  await B?.close();
  await A?.close();
});

const send = (t: TestApp, user: Cast['member'], threadId: string, body = 'A message') =>
  t.http.post(
    `/api/threads/${threadId}/messages`,
    { body, clientId: clientId() },
    {
      token: user.token,
    },
  );

async function slowChannel(seconds: number) {
  const channel = await makeChannel(A.http, cast.admin, cast.network.slug);
  const thread = await makeThread(A.http, cast.admin, channel.id);
  ok(await api.slowMode(cast.moderator, channel.id, seconds));
  return { channel, thread };
}

describe('setting slow mode', () => {
  it('is for moderators and admins, shows on the channel, and is recorded once per change', async () => {
    const channel = await makeChannel(A.http, cast.admin, cast.network.slug);
    const set = await api.slowMode(cast.moderator, channel.id, 30);
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ channelId: channel.id, slowModeSeconds: 30 });
    ok(await api.slowMode(cast.moderator, channel.id, 30));
    const seen = await A.http.get<ChannelView>(`/api/channels/${channel.id}`, {
      token: cast.member.token,
    });
    expect(seen.body.slowModeSeconds).toBe(30);
    const listed = await A.http.get<ChannelView[]>(`/api/networks/${cast.network.slug}/channels`, {
      token: cast.member.token,
    });
    expect(listed.body.find((c) => c.id === channel.id)?.slowModeSeconds).toBe(30);
    ok(await api.slowMode(cast.admin, channel.id, 0));
    const entries = await auditAbout(A, channel.id);
    expect(entries.map((entry) => [entry.action, entry.details])).toEqual([
      ['channel.slow_mode', { from: 0, to: 30 }],
      ['channel.slow_mode', { from: 30, to: 0 }],
    ]);
  });

  it('refuses members (403), outsiders (404) and bad input (400), writing nothing', async () => {
    const channel = await makeChannel(A.http, cast.admin, cast.network.slug);
    const before = await moderationCounts(A);
    expect((await api.slowMode(cast.member, channel.id, 30)).status).toBe(403);
    expect((await api.slowMode(cast.outsider, channel.id, 30)).status).toBe(404);
    for (const seconds of [-1, SLOW_MODE_MAX_SECONDS + 1, 1.5, '30', null, { n: 1 }]) {
      const response = await api.slowMode(cast.moderator, channel.id, seconds);
      expect(response.status).toBe(400);
      expect(response.body.details[0].field).toBe('seconds');
    }
    expect(await moderationCounts(A)).toEqual(before);
  });

  it('is managed on a private channel by a moderator who is not on its list', async () => {
    const room = await makeChannel(A.http, cast.admin, cast.network.slug, {
      visibility: 'private',
    });
    expect((await api.slowMode(cast.moderator, room.id, 60)).status).toBe(200);
    expect((await api.slowMode(cast.member, room.id, 60)).status).toBe(404);
  });
});

describe('posting under slow mode', () => {
  it('lets a member post once per interval over HTTP: 429 with Retry-After, shared by two processes', async () => {
    const { thread } = await slowChannel(60);
    expect((await send(A, cast.member, thread.id)).status).toBe(201);
    const onA = await send(A, cast.member, thread.id);
    expect(onA.status).toBe(429);
    expect(onA.body.error).toBe('rate_limited');
    expect(onA.body.message).toMatch(/Slow mode/);
    const retryAfter = Number(onA.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(58);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The other process knows: the clock lives in the database.
    const onB = await send(B, cast.member, thread.id);
    expect(onB.status).toBe(429);
    expect(Number(onB.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another member is not held back by the first one's post.
    expect((await send(B, cast.other, thread.id)).status).toBe(201);
  });

  it('counts starting a thread as posting in the channel', async () => {
    const { channel } = await slowChannel(60);
    await makeThread(A.http, cast.member, channel.id);
    const second = await A.http.post(
      `/api/channels/${channel.id}/threads`,
      { title: 'Again', body: 'So soon', attribution: 'named', clientId: clientId() },
      { token: cast.member.token },
    );
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBeTruthy();
  });

  it('exempts moderators and admins', async () => {
    const { thread } = await slowChannel(60);
    for (const staff of [cast.moderator, cast.admin]) {
      for (let i = 0; i < 3; i++) expect((await send(A, staff, thread.id)).status).toBe(201);
    }
  });

  it('refuses over the socket with ack rate_limited and retryAfterMs, on either process', async () => {
    const { thread } = await slowChannel(120);
    const onA = await pool.open(A, cast.member);
    const onB = await pool.open(B, cast.member);
    await joinThread(onA, thread.id);
    await joinThread(onB, thread.id);
    const first = await request(onA, 'message:send', {
      threadId: thread.id,
      body: 'First over the socket',
      clientId: clientId(),
    });
    expect(first.ok).toBe(true);
    for (const socket of [onA, onB]) {
      const refused = await request(socket, 'message:send', {
        threadId: thread.id,
        body: 'Too soon',
        clientId: clientId(),
      });
      expect(refused).toMatchObject({ ok: false, error: 'rate_limited' });
      expect(refused.retryAfterMs).toBeGreaterThan(100_000);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(120_000);
    }
    // HTTP and socket share it too.
    expect((await send(B, cast.member, thread.id)).status).toBe(429);
    // A retry of the accepted send is not a new post: it returns the original.
    const retried = await request(onB, 'message:send', {
      threadId: thread.id,
      body: 'First over the socket',
      clientId: first.message.clientId,
    });
    expect(retried).toMatchObject({ ok: true, duplicate: true });
  });

  it('lets exactly one of many concurrent sends through, across both processes', async () => {
    const { thread } = await slowChannel(60);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => send(i % 2 ? A : B, cast.other, thread.id, `Race ${i}`)),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
    const [{ n }] = await sql(
      A,
      `SELECT count(*)::int AS n FROM messages WHERE thread_id = $1 AND author_id = $2`,
      [thread.id, cast.other.user.id],
    );
    expect(n).toBe(1);
  });

  it('lets members post again once the interval has passed, and not before', async () => {
    const { thread } = await slowChannel(2);
    expect((await send(A, cast.member, thread.id)).status).toBe(201);
    expect((await send(A, cast.member, thread.id)).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await send(B, cast.member, thread.id)).status).toBe(201);
  });

  it('stops holding anyone back when turned off, and starts afresh when turned on again', async () => {
    const { channel, thread } = await slowChannel(600);
    expect((await send(A, cast.member, thread.id)).status).toBe(201);
    expect((await send(A, cast.member, thread.id)).status).toBe(429);
    ok(await api.slowMode(cast.moderator, channel.id, 0));
    expect((await send(A, cast.member, thread.id)).status).toBe(201);
    expect((await send(A, cast.member, thread.id)).status).toBe(201);
    ok(await api.slowMode(cast.moderator, channel.id, 600));
    expect((await send(B, cast.member, thread.id)).status).toBe(201);
    expect((await send(B, cast.member, thread.id)).status).toBe(429);
  });

  it('does not use the slot for a refused post (a reply to a message elsewhere)', async () => {
    const { thread } = await slowChannel(600);
    const elsewhere = await slowChannel(0);
    const [first] = await sql(A, 'SELECT id FROM messages WHERE thread_id = $1', [
      elsewhere.thread.id,
    ]);
    const refused = await A.http.post(
      `/api/threads/${thread.id}/messages`,
      { body: 'A reply', clientId: clientId(), replyToId: first.id },
      { token: cast.member.token },
    );
    expect(refused.status).toBe(400);
    expect((await send(A, cast.member, thread.id)).status).toBe(201);
  });
});
