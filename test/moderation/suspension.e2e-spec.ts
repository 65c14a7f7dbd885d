import type { MySuspensionView, Page, SuspensionView } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import {
  Cast,
  clientId,
  makeCast,
  makeChannel,
  makeThread,
  post,
  sql,
} from '../support/discussions';
import { addMember, makeUser, TestUser } from '../support/factories';
import { auditAbout, moderationApi, moderationCounts, ok } from '../support/moderation';
import {
  joinChannel,
  joinThread,
  named,
  newClientId,
  postOverHttp,
  record,
  SocketPool,
} from '../support/realtime';
import { request, settle, until } from '../support/sockets';

const REDIS_URL = 'redis://127.0.0.1:6379';

let t: TestApp;
let cast: Cast;
let api: ReturnType<typeof moderationApi>;
const pool = new SocketPool();

beforeAll(async () => {
  t = await startTestApp();
  api = moderationApi(t);
  cast = await makeCast(t.http, 'open');
});
afterAll(async () => {
  pool.closeAll();
  await t.close();
});

/** A fresh member of the cast's network, so each test suspends someone of its own. */
async function newMember(role = 'member'): Promise<TestUser> {
  const user = await makeUser(t.http);
  await addMember(t.http, cast.admin, cast.network.slug, user, role);
  return user;
}

const mine = (user: TestUser) =>
  t.http.get<MySuspensionView>(`/api/networks/${cast.network.slug}/suspensions/mine`, {
    token: user.token,
  });

describe('who may suspend whom', () => {
  it('moderators suspend members; admins members and moderators; nobody an admin or themselves', async () => {
    const member = await newMember();
    const moderator = await newMember('moderator');
    const secondAdmin = await newMember('admin');
    const body = { days: 1, reason: 'Repeated personal attacks' };
    expect((await api.suspend(cast.other, cast.network.slug, member, body)).status).toBe(403);
    expect((await api.suspend(cast.moderator, cast.network.slug, moderator, body)).status).toBe(
      403,
    );
    expect((await api.suspend(cast.moderator, cast.network.slug, cast.admin, body)).status).toBe(
      403,
    );
    expect((await api.suspend(cast.admin, cast.network.slug, secondAdmin, body)).status).toBe(403);
    expect(
      (await api.suspend(cast.moderator, cast.network.slug, cast.moderator, body)).status,
    ).toBe(403);
    expect((await api.suspend(cast.admin, cast.network.slug, cast.admin, body)).status).toBe(403);
    expect((await api.suspend(cast.moderator, cast.network.slug, member, body)).status).toBe(201);
    expect((await api.suspend(cast.admin, cast.network.slug, moderator, body)).status).toBe(201);
    // Not a member: 404; an outsider of an open network: 403 (it exists); of a private one: 404.
    expect((await api.suspend(cast.admin, cast.network.slug, cast.outsider, body)).status).toBe(
      404,
    );
    expect((await api.suspend(cast.outsider, cast.network.slug, member, body)).status).toBe(403);
    const privateCast = await makeCast(t.http, 'private');
    expect(
      (await api.suspend(cast.outsider, privateCast.network.slug, privateCast.member, body)).status,
    ).toBe(404);
  });

  it.each<[string, unknown, string]>([
    ['neither days nor until', { reason: 'x' }, 'until'],
    ['both days and until', { reason: 'x', days: 1, until: '2999-01-01T00:00:00Z' }, 'until'],
    ['an end in the past', { reason: 'x', until: '2001-01-01T00:00:00Z' }, 'until'],
    ['an end more than a year ahead', { reason: 'x', until: '2999-01-01T00:00:00Z' }, 'until'],
    ['a date that is not one', { reason: 'x', until: 'next week' }, 'until'],
    ['zero days', { reason: 'x', days: 0 }, 'days'],
    ['days as text', { reason: 'x', days: '3' }, 'days'],
    ['no reason', { days: 3 }, 'reason'],
    ['a blank reason', { days: 3, reason: '   ' }, 'reason'],
    ['an unknown field', { days: 3, reason: 'x', ban: true }, 'ban'],
  ])('answers 400 for %s, naming the field, and writes nothing', async (_case, body, field) => {
    const member = await newMember();
    const before = await moderationCounts(t);
    const response = await api.suspend(cast.moderator, cast.network.slug, member, body);
    expect(response.status).toBe(400);
    expect((response.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
    expect(await moderationCounts(t)).toEqual(before);
  });
});

describe('what a suspended member can do', () => {
  it('reads over HTTP but cannot post, start threads, edit, delete or flag: 403 naming the end', async () => {
    const member = await newMember();
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const thread = await makeThread(t.http, cast.admin, channel.id);
    const own = await post(t.http, member, thread.id, 'Written before the suspension');
    const suspended = await api.suspend(cast.moderator, cast.network.slug, member, {
      days: 3,
      reason: 'Posted a client’s address',
    });
    expect(suspended.status).toBe(201);
    expect(suspended.body).toMatchObject({
      networkId: cast.network.id,
      userId: member.user.id,
      displayName: member.user.displayName,
      reason: 'Posted a client’s address',
      suspendedBy: { userId: cast.moderator.user.id },
    });
    const endsAt = suspended.body.endsAt;
    expect(new Date(endsAt).getTime() - Date.now()).toBeGreaterThan(3 * 86_400_000 - 60_000);

    const refusals = [
      await t.http.post(
        `/api/threads/${thread.id}/messages`,
        { body: 'Still here', clientId: clientId() },
        { token: member.token },
      ),
      await t.http.post(
        `/api/channels/${channel.id}/threads`,
        { title: 'New', body: 'Thread', attribution: 'named', clientId: clientId() },
        { token: member.token },
      ),
      await t.http.patch(`/api/messages/${own.id}`, { body: 'Edited' }, { token: member.token }),
      await t.http.delete(`/api/messages/${own.id}`, { token: member.token }),
      await api.flag(member, (await post(t.http, cast.admin, thread.id, 'Flag me')).id),
    ];
    for (const refusal of refusals) {
      expect(refusal.status).toBe(403);
      expect(refusal.body.message).toContain(endsAt);
      expect(refusal.body.details).toEqual({ suspendedUntil: endsAt });
    }
    // Reading stays open: the thread, its messages, the channel, search, their own data.
    for (const path of [
      `/api/threads/${thread.id}`,
      `/api/threads/${thread.id}/messages`,
      `/api/channels/${channel.id}`,
      `/api/networks/${cast.network.slug}/channels`,
      '/api/me/data',
    ]) {
      expect((await t.http.get(path, { token: member.token })).status).toBe(200);
    }
    expect(
      (await t.http.post(`/api/threads/${thread.id}/read`, { seq: 1 }, { token: member.token }))
        .status,
    ).toBe(200);
    expect(ok(await mine(member))).toEqual({
      suspension: { endsAt, reason: 'Posted a client’s address' },
    });
    expect(ok(await mine(cast.other))).toEqual({ suspension: null });
  });

  it('stops a suspended moderator from moderating', async () => {
    const moderator = await newMember('moderator');
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const thread = await makeThread(t.http, cast.admin, channel.id);
    const message = await post(t.http, cast.other, thread.id, 'Some words');
    ok(await api.suspend(cast.admin, cast.network.slug, moderator, { days: 1, reason: 'Review' }));
    expect((await api.hide(moderator, message.id)).status).toBe(403);
    expect((await api.slowMode(moderator, channel.id, 30)).status).toBe(403);
    expect(
      (await t.http.post(`/api/threads/${thread.id}/lock`, undefined, { token: moderator.token }))
        .status,
    ).toBe(403);
    expect(
      (await api.suspend(moderator, cast.network.slug, cast.other, { days: 1, reason: 'x' }))
        .status,
    ).toBe(403);
    // Reading the queue stays open to them, like any reading.
    expect((await api.queue(moderator, cast.network.slug)).status).toBe(200);
  });

  it('is not escaped by leaving and rejoining an open network', async () => {
    const member = await newMember();
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const thread = await makeThread(t.http, cast.admin, channel.id);
    ok(await api.suspend(cast.moderator, cast.network.slug, member, { days: 2, reason: 'Spam' }));
    expect(
      (
        await t.http.post(`/api/networks/${cast.network.slug}/leave`, undefined, {
          token: member.token,
        })
      ).status,
    ).toBe(204);
    ok(
      await t.http.post(`/api/networks/${cast.network.slug}/join`, undefined, {
        token: member.token,
      }),
    );
    const again = await t.http.post(
      `/api/threads/${thread.id}/messages`,
      { body: 'Back again', clientId: clientId() },
      { token: member.token },
    );
    expect(again.status).toBe(403);
  });
});

describe('a suspended member’s open sockets', () => {
  it('are evicted at once: no further events, rejoins and sends refused, other networks untouched', async () => {
    const member = await newMember();
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const thread = await makeThread(t.http, cast.admin, channel.id);
    // Another network the member also belongs to keeps working.
    const elsewhere = await makeCast(t.http);
    await addMember(t.http, elsewhere.admin, elsewhere.network.slug, member);
    const otherChannel = await makeChannel(t.http, elsewhere.admin, elsewhere.network.slug);
    const otherThread = await makeThread(t.http, elsewhere.admin, otherChannel.id);

    const inThread = await pool.open(t, member);
    const inChannel = await pool.open(t, member);
    await joinThread(inThread, thread.id);
    await joinThread(inThread, otherThread.id);
    await joinChannel(inChannel, channel.id);
    const staff = await pool.open(t, cast.admin);
    await joinThread(staff, thread.id);
    await joinChannel(staff, channel.id);
    const [events1, events2] = [record(inThread), record(inChannel)];
    const staffEvents = record(staff);

    ok(await api.suspend(cast.moderator, cast.network.slug, member, { days: 1, reason: 'Abuse' }));
    // At once: no settling between the suspension and the next activity.
    const sent = await request(staff, 'message:send', {
      threadId: thread.id,
      body: 'Right after',
      clientId: newClientId(),
    });
    expect(sent.ok).toBe(true);
    staff.emit('typing', { threadId: thread.id });
    await makeThread(t.http, cast.admin, channel.id, { title: 'Newer thread' });
    await until(() => named(staffEvents, 'thread:new').length === 1);
    await settle();
    const fromThisNetwork = (events: ReturnType<typeof record>) =>
      events.filter(
        (e) => e.event !== 'notification' && !JSON.stringify(e.payload).includes(otherThread.id),
      );
    expect(fromThisNetwork(events1)).toEqual([]);
    expect(fromThisNetwork(events2)).toEqual([]);
    expect(inThread.connected && inChannel.connected).toBe(true);

    for (const socket of [inThread, inChannel]) {
      const rejoinThread = await request(socket, 'thread:join', { threadId: thread.id });
      expect(rejoinThread).toMatchObject({ ok: false, error: 'forbidden' });
      expect(rejoinThread.message).toMatch(/suspended .* until/);
      expect(await request(socket, 'channel:join', { channelId: channel.id })).toMatchObject({
        ok: false,
        error: 'forbidden',
      });
      expect(
        await request(socket, 'message:send', {
          threadId: thread.id,
          body: 'Let me in',
          clientId: newClientId(),
        }),
      ).toMatchObject({ ok: false, error: 'forbidden' });
    }
    await settle();
    expect(fromThisNetwork(events1)).toEqual([]);

    // The other network still reaches them.
    const otherMessage = await postOverHttp(t.http, elsewhere.admin, otherThread.id, 'Elsewhere');
    await until(() => named(events1, 'message:new').some((m) => m.id === otherMessage.id));
    // And so does their own room (notifications).
    expect(inThread.connected).toBe(true);
  });

  it('ends when the period ends: posting and joining work again', async () => {
    const member = await newMember();
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const thread = await makeThread(t.http, cast.admin, channel.id);
    const endsAt = new Date(Date.now() + 2500).toISOString();
    ok(
      await api.suspend(cast.moderator, cast.network.slug, member, {
        until: endsAt,
        reason: 'Cool off',
      }),
    );
    const socket = await pool.open(t, member);
    expect((await request(socket, 'thread:join', { threadId: thread.id })).ok).toBe(false);
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, Date.parse(endsAt) - Date.now() + 200)),
    );
    await joinThread(socket, thread.id);
    const sent = await request(socket, 'message:send', {
      threadId: thread.id,
      body: 'Back after the pause',
      clientId: newClientId(),
    });
    expect(sent.ok).toBe(true);
    expect(ok(await mine(member))).toEqual({ suspension: null });
  });
});

describe('lifting, listing and the audit log', () => {
  it('lists suspensions in force for moderators, lifts them, and records each step', async () => {
    const member = await newMember();
    const first = ok(
      await api.suspend(cast.moderator, cast.network.slug, member, { days: 7, reason: 'First' }),
    );
    // Suspending again replaces the suspension in force.
    const second = ok(
      await api.suspend(cast.admin, cast.network.slug, member, { days: 1, reason: 'Shortened' }),
    );
    expect(new Date(second.endsAt).getTime()).toBeLessThan(new Date(first.endsAt).getTime());
    const list = (user: TestUser) =>
      t.http.get<Page<SuspensionView>>(`/api/networks/${cast.network.slug}/suspensions`, {
        token: user.token,
      });
    expect((await list(cast.other)).status).toBe(403);
    const listed = ok(await list(cast.moderator)).items.filter((s) => s.userId === member.user.id);
    expect(listed).toEqual([
      expect.objectContaining({ reason: 'Shortened', endsAt: second.endsAt }),
    ]);

    expect((await api.unsuspend(cast.other, cast.network.slug, member)).status).toBe(403);
    expect((await api.unsuspend(cast.moderator, cast.network.slug, member)).status).toBe(204);
    expect((await api.unsuspend(cast.moderator, cast.network.slug, member)).status).toBe(409);
    expect(ok(await list(cast.moderator)).items.some((s) => s.userId === member.user.id)).toBe(
      false,
    );
    expect(ok(await mine(member))).toEqual({ suspension: null });

    const entries = await auditAbout(t, member.user.id);
    expect(entries.map((entry) => entry.action)).toEqual([
      'member.suspended',
      'member.suspended',
      'member.unsuspended',
    ]);
    expect(entries[0]).toMatchObject({
      actor_id: cast.moderator.user.id,
      details: { until: first.endsAt, reason: 'First', role: 'member' },
    });
    expect(entries[1].details).toMatchObject({ replacedUntil: first.endsAt, reason: 'Shortened' });
    expect(entries[2]).toMatchObject({
      actor_id: cast.moderator.user.id,
      details: { until: second.endsAt, reason: 'Shortened' },
    });
    const rows = await sql(
      t,
      'SELECT count(*)::int AS n FROM network_suspensions WHERE user_id = $1 AND lifted_at IS NULL',
      [member.user.id],
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('two processes joined through Redis', () => {
  let A: TestApp;
  let B: TestApp;
  const twoPool = new SocketPool();
  beforeAll(async () => {
    A = await startTestApp({ REDIS_URL });
    B = await startTestApp({ REDIS_URL, DATABASE_URL: A.db.url });
  }, 60_000);
  afterAll(async () => {
    twoPool.closeAll();
    await B?.close();
    await A?.close();
  });

  it('evicts a suspended member’s socket on the other process at once', async () => {
    const local = await makeCast(A.http);
    const channel = await makeChannel(A.http, local.admin, local.network.slug);
    const thread = await makeThread(A.http, local.admin, channel.id);
    const onB = await twoPool.open(B, local.member);
    await joinThread(onB, thread.id);
    await joinChannel(onB, channel.id);
    const staffOnA = await twoPool.open(A, local.admin);
    await joinThread(staffOnA, thread.id);
    const received = record(onB);
    const staffReceived = record(staffOnA);

    ok(
      await moderationApi(A).suspend(local.moderator, local.network.slug, local.member, {
        days: 1,
        reason: 'Abuse',
      }),
    );
    const sent = await request(staffOnA, 'message:send', {
      threadId: thread.id,
      body: 'Immediately after',
      clientId: newClientId(),
    });
    expect(sent.ok).toBe(true);
    await until(() => named(staffReceived, 'message:new').length === 1);
    await settle();
    expect(received).toEqual([]);
    expect(await request(onB, 'thread:join', { threadId: thread.id })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
  });
});
