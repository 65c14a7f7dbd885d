import {
  FLAG_NOTE_MAX_LENGTH,
  QUEUE_NOTES_MAX,
  type ModerationQueueItem,
  type NotificationView,
} from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import {
  allPages,
  Cast,
  joinOrganisation,
  makeCast,
  makeChannel,
  makeThread,
  post,
  sql,
} from '../support/discussions';
import { addMember, makeUser, TestUser } from '../support/factories';
import { auditAbout, moderationApi, moderationCounts, ok } from '../support/moderation';

let t: TestApp;
let cast: Cast;
let api: ReturnType<typeof moderationApi>;

beforeAll(async () => {
  t = await startTestApp();
  api = moderationApi(t);
  cast = await makeCast(t.http);
});
afterAll(async () => {
  await t.close();
});

async function freshMessage(author: TestUser = cast.member, body = 'Something to flag') {
  const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
  const thread = await makeThread(t.http, author, channel.id, { body: 'Opening' });
  const message = await post(t.http, author, thread.id, body);
  return { channel, thread, message };
}

const notificationsOf = async (user: TestUser) =>
  (await t.http.get<{ items: NotificationView[] }>('/api/notifications', { token: user.token }))
    .body.items;

describe('flagging a message', () => {
  it('records one flag per reader, answers 201 with it, and a second time 409', async () => {
    const { message } = await freshMessage();
    const first = await api.flag(cast.other, message.id, { reason: 'spam' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      messageId: message.id,
      reason: 'spam',
      note: null,
      status: 'open',
      createdAt: expect.any(String),
    });
    const again = await api.flag(cast.other, message.id, { reason: 'abuse' });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already flagged/);
    // A moderator, an admin: readers too, each once.
    expect((await api.flag(cast.moderator, message.id)).status).toBe(201);
    expect((await api.flag(cast.admin, message.id)).status).toBe(201);
    const rows = await sql(t, 'SELECT reason FROM message_flags WHERE message_id = $1', [
      message.id,
    ]);
    expect(rows).toHaveLength(3);
  });

  it('refuses one’s own message with 403', async () => {
    const { message } = await freshMessage();
    const own = await api.flag(cast.member, message.id);
    expect(own.status).toBe(403);
    expect(own.body.message).toMatch(/own message/);
  });

  it('refuses a deleted message with 409', async () => {
    const { message } = await freshMessage();
    await t.http.delete(`/api/messages/${message.id}`, { token: cast.member.token });
    expect((await api.flag(cast.other, message.id)).status).toBe(409);
  });

  it.each<[string, unknown, string[]]>([
    ['no reason', {}, ['reason']],
    ['an unknown reason', { reason: 'rude' }, ['reason']],
    ['reason other without a note', { reason: 'other' }, ['note']],
    ['reason other with a blank note', { reason: 'other', note: '   ' }, ['note']],
    [
      'a note that is too long',
      { reason: 'spam', note: 'x'.repeat(FLAG_NOTE_MAX_LENGTH + 1) },
      ['note'],
    ],
    ['an object where text belongs', { reason: { $ne: 1 }, note: ['x'] }, ['reason', 'note']],
    ['an unknown field', { reason: 'spam', severity: 5 }, ['severity']],
  ])(
    'answers 400 naming each bad field for %s, and writes nothing',
    async (_case, body, fields) => {
      const { message } = await freshMessage();
      const before = await moderationCounts(t);
      const response = await api.flag(cast.other, message.id, body);
      expect(response.status).toBe(400);
      const named = (response.body.details as { field: string }[]).map((d) => d.field);
      expect([...new Set(named)].sort()).toEqual([...fields].sort());
      expect(await moderationCounts(t)).toEqual(before);
    },
  );

  it('accepts reason other with a note, and a note with any reason', async () => {
    const { message } = await freshMessage();
    const other = await api.flag(cast.other, message.id, {
      reason: 'other',
      note: '  It names a client’s landlord  ',
    });
    expect(other.status).toBe(201);
    expect(other.body.note).toBe('It names a client’s landlord');
    const noted = await api.flag(cast.moderator, message.id, {
      reason: 'personal_data',
      note: 'Phone number',
    });
    expect(noted.body).toMatchObject({ reason: 'personal_data', note: 'Phone number' });
  });

  it('answers 404, like a missing message, to whoever cannot read it', async () => {
    const { message } = await freshMessage();
    const missing = await api.flag(cast.other, '00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    const outsider = await api.flag(cast.outsider, message.id);
    expect(outsider.status).toBe(404);
    expect(outsider.body).toEqual(missing.body);

    // A member who is not on a private channel's list.
    const room = await makeChannel(t.http, cast.admin, cast.network.slug, {
      visibility: 'private',
    });
    const thread = await makeThread(t.http, cast.admin, room.id);
    const secret = await post(t.http, cast.admin, thread.id, 'Only for the list');
    const unlisted = await api.flag(cast.member, secret.id);
    expect(unlisted.status).toBe(404);
    expect(unlisted.body).toEqual(missing.body);
    expect((await api.flag(cast.member, 'not-a-uuid')).status).toBe(400);
  });
});

describe('who hears of a flag', () => {
  it('notifies the network’s moderators and admins once per queue item, not members', async () => {
    const { message } = await freshMessage(cast.member, 'A first message to be flagged');
    const before = {
      moderator: (await notificationsOf(cast.moderator)).length,
      admin: (await notificationsOf(cast.admin)).length,
      other: (await notificationsOf(cast.other)).length,
    };
    ok(await api.flag(cast.other, message.id));
    const mine = (await notificationsOf(cast.moderator)).filter((n) => n.messageId === message.id);
    expect(mine).toEqual([
      {
        id: expect.any(String),
        kind: 'message_flagged',
        networkId: cast.network.id,
        subject: { type: 'moderation_queue', id: cast.network.id, title: expect.any(String) },
        messageId: message.id,
        actor: null,
        excerpt: '',
        readAt: null,
        createdAt: expect.any(String),
      },
    ]);
    // A second flag on the same open item raises its count, not another notification.
    ok(await api.flag(cast.admin, message.id));
    expect((await notificationsOf(cast.moderator)).length).toBe(before.moderator + 1);
    // The admin flagged second: they were told by the first flag, not by their own.
    expect((await notificationsOf(cast.admin)).length).toBe(before.admin + 1);
    expect((await notificationsOf(cast.other)).length).toBe(before.other);
  });

  it('tells a moderator about a flag in a private channel they cannot read, without its content', async () => {
    const room = await makeChannel(t.http, cast.admin, cast.network.slug, {
      visibility: 'private',
    });
    await t.http.post(
      `/api/channels/${room.id}/members`,
      { userId: cast.member.user.id },
      { token: cast.admin.token },
    );
    await t.http.post(
      `/api/channels/${room.id}/members`,
      { userId: cast.other.user.id },
      { token: cast.admin.token },
    );
    const thread = await makeThread(t.http, cast.member, room.id, {
      title: 'Pairing notes zebra-title',
    });
    const message = await post(t.http, cast.member, thread.id, 'Private words zebra-body');
    ok(await api.flag(cast.other, message.id, { reason: 'personal_data' }));
    const response = await t.http.get('/api/notifications', { token: cast.moderator.token });
    const notification = (response.body.items as NotificationView[]).find(
      (n) => n.messageId === message.id,
    );
    expect(notification?.subject).toEqual({
      type: 'moderation_queue',
      id: cast.network.id,
      title: expect.any(String),
    });
    expect(response.text).not.toContain('zebra-title');
    expect(response.text).not.toContain('zebra-body');
  });
});

describe('the moderation queue', () => {
  it('is for moderators and admins: members 403, outsiders of a private network 404', async () => {
    expect((await api.queue(cast.moderator, cast.network.slug)).status).toBe(200);
    expect((await api.queue(cast.admin, cast.network.slug)).status).toBe(200);
    expect((await api.queue(cast.member, cast.network.slug)).status).toBe(403);
    const hidden = await api.queue(cast.outsider, cast.network.slug);
    const missing = await api.queue(cast.outsider, 'no-such-network');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
  });

  it('groups open flags per message with counts and reasons, the latest flagged first', async () => {
    const local = await makeCast(t.http);
    const q = moderationApi(t);
    const channel = await makeChannel(t.http, local.admin, local.network.slug);
    const thread = await makeThread(t.http, local.member, channel.id, { title: 'Volunteers' });
    const older = await post(t.http, local.member, thread.id, 'Older flagged message');
    const newer = await post(t.http, local.other, thread.id, 'Newer flagged message');
    ok(await q.flag(local.other, older.id, { reason: 'spam' }));
    ok(await q.flag(local.moderator, older.id, { reason: 'spam' }));
    ok(await q.flag(local.admin, older.id, { reason: 'other', note: 'Looks like an advert' }));
    ok(await q.flag(local.member, newer.id, { reason: 'misinformation' }));
    // Flagged again later: the older message comes back to the top.
    const extra = await makeUser(t.http);
    await addMember(t.http, local.admin, local.network.slug, extra);
    ok(await q.flag(extra, older.id, { reason: 'abuse' }));

    const queue = ok(await q.queue(local.moderator, local.network.slug));
    expect(queue.items.map((item) => item.message.id)).toEqual([older.id, newer.id]);
    const [top, second] = queue.items;
    expect(top).toMatchObject({
      message: {
        id: older.id,
        body: 'Older flagged message',
        seq: older.seq,
        hidden: false,
        deleted: false,
        author: { kind: 'named', userId: local.member.user.id },
      },
      context: {
        threadId: thread.id,
        threadTitle: 'Volunteers',
        channelId: channel.id,
        channelName: channel.name,
      },
      flagCount: 4,
      reasons: { spam: 2, other: 1, abuse: 1 },
    });
    expect(top.flags.map((flag) => flag.reason)).toEqual(['abuse', 'other', 'spam', 'spam']);
    expect(top.flags.find((flag) => flag.reason === 'other')?.note).toBe('Looks like an advert');
    // Who flagged stays out of the queue.
    expect(JSON.stringify(top.flags)).not.toContain(local.other.user.id);
    expect(second).toMatchObject({ flagCount: 1, reasons: { misinformation: 1 } });

    // Dismissing takes an item off; the other remains.
    const dismissed = await q.close(local.moderator, newer.id, 'dismiss', {
      reason: 'Accurate, sourced',
    });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toEqual({ messageId: newer.id, closed: 1, status: 'dismissed' });
    expect((await q.close(local.moderator, newer.id, 'dismiss')).status).toBe(409);
    const after = ok(await q.queue(local.admin, local.network.slug));
    expect(after.items.map((item) => item.message.id)).toEqual([older.id]);
    // A new flag after the dismissal opens a new item.
    ok(await q.flag(local.admin, newer.id, { reason: 'spam' }));
    expect(ok(await q.queue(local.admin, local.network.slug)).items).toHaveLength(2);
  });

  it('pages by cursor without gaps or repeats', async () => {
    const local = await makeCast(t.http);
    const q = moderationApi(t);
    const channel = await makeChannel(t.http, local.admin, local.network.slug);
    const thread = await makeThread(t.http, local.member, channel.id);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const message = await post(t.http, local.member, thread.id, `Flag me ${i}`);
      ok(await q.flag(local.other, message.id, { reason: 'spam' }));
      ids.unshift(message.id);
    }
    const paged = await allPages<ModerationQueueItem>(
      t.http,
      local.moderator.token,
      `/api/networks/${local.network.slug}/moderation/queue`,
      2,
    );
    expect(paged.pages).toBe(3);
    expect(paged.items.map((item) => item.message.id)).toEqual(ids);
    expect((await q.queue(local.moderator, local.network.slug, '?cursor=nonsense')).status).toBe(
      400,
    );
  });

  it('shows a Chatham House post by its label, not its author', async () => {
    const local = await makeCast(t.http);
    const q = moderationApi(t);
    await joinOrganisation(t.http, local.member, { sector: 'government', level: 'local' });
    const channel = await makeChannel(t.http, local.admin, local.network.slug);
    const thread = await makeThread(t.http, local.member, channel.id, { attribution: 'chatham' });
    const message = await post(t.http, local.member, thread.id, 'Said under the rule');
    ok(await q.flag(local.other, message.id, { reason: 'abuse' }));
    const response = await q.queue(local.moderator, local.network.slug);
    // The label the post was given: the only local-government member of a small network is
    // "A member".
    expect(response.body.items[0].message.author).toEqual(message.author);
    expect(message.author).toEqual({ kind: 'chatham', label: 'A member', labelCode: 'member' });
    expect(response.text).not.toContain(local.member.user.id);
    expect(response.text).not.toContain(local.member.user.displayName);

    // The audit entry of the decision keeps the real author for the admins.
    ok(await q.close(local.moderator, message.id, 'resolve', { reason: 'Spoke to the author' }));
    const [entry] = await auditAbout(t, message.id);
    expect(entry).toMatchObject({
      action: 'flag.resolved',
      actor_id: local.moderator.user.id,
      details: {
        author: { userId: local.member.user.id, displayName: local.member.user.displayName },
        attribution: 'chatham',
        count: 1,
        reason: 'Spoke to the author',
      },
    });
  });

  it('brings a flagged message from a private channel the moderator is not on, alone', async () => {
    const local = await makeCast(t.http);
    const q = moderationApi(t);
    // A private pairing-like channel of two members; the moderator is not listed.
    const room = await makeChannel(t.http, local.admin, local.network.slug, {
      visibility: 'private',
    });
    for (const user of [local.member, local.other]) {
      await t.http.post(
        `/api/channels/${room.id}/members`,
        { userId: user.user.id },
        { token: local.admin.token },
      );
    }
    await t.http.delete(`/api/channels/${room.id}/members/${local.admin.user.id}`, {
      token: local.admin.token,
    });
    const thread = await makeThread(t.http, local.member, room.id, {
      title: 'Our pairing plan quokka',
      body: 'Opening words wombat',
    });
    await post(t.http, local.other, thread.id, 'A reply nobody flagged numbat');
    const flagged = await post(t.http, local.member, thread.id, 'This one was flagged');
    await post(t.http, local.other, thread.id, 'A later reply bilby');
    ok(await q.flag(local.other, flagged.id, { reason: 'personal_data' }));

    // The moderator cannot read the channel...
    expect(
      (await t.http.get(`/api/threads/${thread.id}`, { token: local.moderator.token })).status,
    ).toBe(404);
    // ...yet the message reaches the queue, alone: no title, no channel, no other message.
    const response = await q.queue(local.moderator, local.network.slug);
    expect(response.body.items).toHaveLength(1);
    expect(response.body.items[0]).toMatchObject({
      message: { id: flagged.id, body: 'This one was flagged' },
      context: null,
      flagCount: 1,
    });
    for (const word of ['quokka', 'wombat', 'numbat', 'bilby', room.name]) {
      expect(response.text).not.toContain(word);
    }
    // The admin, also not listed, sees the same; a listed reader gets the context... only if
    // they moderate: the queue stays closed to members.
    const asAdmin = await q.queue(local.admin, local.network.slug);
    expect(asAdmin.body.items[0].context).toBeNull();

    // The moderator can act on it (it was flagged), not on its unflagged neighbours.
    const [neighbour] = await sql(t, 'SELECT id FROM messages WHERE thread_id = $1 AND seq = 2', [
      thread.id,
    ]);
    expect((await q.hide(local.moderator, neighbour.id)).status).toBe(404);
    const hidden = await q.hide(local.moderator, flagged.id, { reason: 'Phone number' });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({
      id: flagged.id,
      hidden: true,
      body: 'This one was flagged',
    });
    expect(ok(await q.queue(local.moderator, local.network.slug)).items).toEqual([]);
  });

  it('keeps the newest notes only, with counts over all flags', async () => {
    const local = await makeCast(t.http);
    const q = moderationApi(t);
    const channel = await makeChannel(t.http, local.admin, local.network.slug);
    const thread = await makeThread(t.http, local.admin, channel.id);
    const message = await post(t.http, local.admin, thread.id, 'Popular with flaggers');
    const flaggers = await Promise.all(
      Array.from({ length: QUEUE_NOTES_MAX + 2 }, () => makeUser(t.http)),
    );
    for (const flagger of flaggers) {
      await addMember(t.http, local.admin, local.network.slug, flagger);
      ok(await q.flag(flagger, message.id, { reason: 'spam' }));
    }
    const [item] = ok(await q.queue(local.moderator, local.network.slug)).items;
    expect(item.flagCount).toBe(QUEUE_NOTES_MAX + 2);
    expect(item.flags).toHaveLength(QUEUE_NOTES_MAX);
    expect(item.reasons).toEqual({ spam: QUEUE_NOTES_MAX + 2 });
  });

  it('answers members 403 on resolve and dismiss where they read, outsiders 404', async () => {
    const { message } = await freshMessage();
    ok(await api.flag(cast.other, message.id));
    expect((await api.close(cast.other, message.id, 'resolve')).status).toBe(403);
    expect((await api.close(cast.outsider, message.id, 'dismiss')).status).toBe(404);
    expect((await api.close(cast.moderator, message.id, 'resolve', { reason: '' })).status).toBe(
      400,
    );
    expect(
      (await api.close(cast.moderator, message.id, 'resolve', { reason: 'ok', x: 1 })).status,
    ).toBe(400);
    const resolved = ok(await api.close(cast.moderator, message.id, 'resolve'));
    expect(resolved).toEqual({ messageId: message.id, closed: 1, status: 'resolved' });
  });
});
