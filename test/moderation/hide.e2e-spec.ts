import type { MessageView, NotificationView, SearchResults } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import {
  Cast,
  joinOrganisation,
  makeCast,
  makeChannel,
  makeThread,
  post,
  sql,
} from '../support/discussions';
import { uniqueWord } from '../support/library';
import { auditAbout, moderationApi, ok } from '../support/moderation';
import {
  fetchAllMessages,
  joinThread,
  named,
  record,
  SocketPool,
  ThreadMirror,
} from '../support/realtime';
import { request, settle, until } from '../support/sockets';

let t: TestApp;
let cast: Cast;
let api: ReturnType<typeof moderationApi>;
const pool = new SocketPool();

beforeAll(async () => {
  t = await startTestApp();
  api = moderationApi(t);
  cast = await makeCast(t.http);
});
afterAll(async () => {
  pool.closeAll();
  await t.close();
});

async function scene(attribution: 'named' | 'chatham' = 'named') {
  const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
  const thread = await makeThread(t.http, cast.admin, channel.id, { attribution });
  const word = uniqueWord();
  const message = await post(t.http, cast.member, thread.id, `Call me on 0612 ${word} tonight`);
  return { channel, thread, message, word };
}

const inList = (messages: MessageView[], id: string) => messages.find((m) => m.id === id)!;

describe('hiding a message', () => {
  it('leaves members a placeholder over HTTP; the author and moderators keep the text, marked', async () => {
    const { thread, message } = await scene();
    const hidden = await api.hide(cast.moderator, message.id, { reason: 'A phone number' });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ id: message.id, hidden: true, body: message.body });

    const asOther = inList(await fetchAllMessages(t.http, cast.other, thread.id), message.id);
    expect(asOther).toMatchObject({ hidden: true, body: '', deleted: false });
    const asAuthor = inList(await fetchAllMessages(t.http, cast.member, thread.id), message.id);
    expect(asAuthor).toMatchObject({ hidden: true, body: message.body, isMine: true });
    for (const staff of [cast.moderator, cast.admin]) {
      const seen = inList(await fetchAllMessages(t.http, staff, thread.id), message.id);
      expect(seen).toMatchObject({ hidden: true, body: message.body });
    }
    // The raw answer a member gets holds the text nowhere.
    const raw = await t.http.get(`/api/threads/${thread.id}/messages`, { token: cast.other.token });
    expect(raw.text).not.toContain('0612');

    // Hiding again changes nothing and records nothing more.
    ok(await api.hide(cast.moderator, message.id));
    const unhidden = ok(await api.unhide(cast.admin, message.id));
    expect(unhidden).toMatchObject({ hidden: false, body: message.body });
    const back = inList(await fetchAllMessages(t.http, cast.other, thread.id), message.id);
    expect(back).toMatchObject({ hidden: false, body: message.body });

    const entries = await auditAbout(t, message.id);
    expect(entries.map((entry) => entry.action)).toEqual(['message.hidden', 'message.unhidden']);
    expect(entries[0]).toMatchObject({
      actor_id: cast.moderator.user.id,
      details: {
        threadId: thread.id,
        reason: 'A phone number',
        resolvedFlags: 0,
        author: { userId: cast.member.user.id, displayName: cast.member.user.displayName },
      },
    });
    expect(entries[1].actor_id).toBe(cast.admin.user.id);
  });

  it('is for moderators and admins: members 403, outsiders 404, bad input 400', async () => {
    const { message } = await scene();
    expect((await api.hide(cast.other, message.id)).status).toBe(403);
    expect((await api.hide(cast.member, message.id)).status).toBe(403);
    const outsider = await api.hide(cast.outsider, message.id);
    expect(outsider.status).toBe(404);
    expect(outsider.body.message).toBe('Message not found');
    expect((await api.hide(cast.moderator, message.id, { reason: 7 })).status).toBe(400);
    expect((await api.hide(cast.moderator, message.id, { why: 'x' })).status).toBe(400);
    expect((await api.unhide(cast.other, message.id)).status).toBe(403);
    expect(await sql(t, 'SELECT hidden_at FROM messages WHERE id = $1', [message.id])).toEqual([
      { hidden_at: null },
    ]);
  });

  it('resolves the open flags, and a hidden message cannot be flagged or edited', async () => {
    const { message } = await scene();
    ok(await api.flag(cast.other, message.id, { reason: 'personal_data' }));
    ok(await api.hide(cast.moderator, message.id));
    expect(ok(await api.queue(cast.moderator, cast.network.slug)).items).toEqual([]);
    expect(
      (await auditAbout(t, message.id)).map((entry) => [entry.action, entry.details.count]),
    ).toEqual([
      ['message.hidden', undefined],
      ['flag.resolved', 1],
    ]);
    expect((await api.flag(cast.admin, message.id)).status).toBe(409);
    const edit = await t.http.patch(
      `/api/messages/${message.id}`,
      { body: 'Something harmless now' },
      { token: cast.member.token },
    );
    expect(edit.status).toBe(409);
    // The author may still delete it.
    expect(
      (await t.http.delete(`/api/messages/${message.id}`, { token: cast.member.token })).status,
    ).toBe(200);
  });

  it('keeps the real author in the audit log of a Chatham House thread, and the label elsewhere', async () => {
    await joinOrganisation(t.http, cast.member, { sector: 'ngo', level: 'local' });
    const { message, thread } = await scene('chatham');
    // The label the post was given (in this small network, a coarser one than "Local NGO").
    const { author: label } = inList(
      await fetchAllMessages(t.http, cast.member, thread.id),
      message.id,
    );
    expect(label).toMatchObject({ kind: 'chatham' });
    const hidden = ok(await api.hide(cast.moderator, message.id));
    expect(hidden.author).toEqual(label);
    const asOther = inList(await fetchAllMessages(t.http, cast.other, thread.id), message.id);
    expect(asOther.author).toEqual(label);
    const [entry] = await auditAbout(t, message.id);
    expect(entry.details.author).toEqual({
      userId: cast.member.user.id,
      displayName: cast.member.user.displayName,
    });
    expect(entry.details.attribution).toBe('chatham');
  });

  it('takes the text out of search for members and out of mention excerpts', async () => {
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const thread = await makeThread(t.http, cast.admin, channel.id);
    const word = uniqueWord();
    const message = await post(
      t.http,
      cast.member,
      thread.id,
      `@${cast.other.user.handle} here is ${word} and my number`,
    );
    const search = (user = cast.other) =>
      t.http.get<SearchResults>(`/api/search?q=${word}&types=message`, { token: user.token });
    expect(ok(await search()).hits.map((hit) => hit.id)).toEqual([message.id]);
    const mention = async () =>
      (
        await t.http.get<{ items: NotificationView[] }>('/api/notifications', {
          token: cast.other.token,
        })
      ).body.items.find((n) => n.messageId === message.id)!;
    expect((await mention()).excerpt).toContain(word);

    ok(await api.hide(cast.moderator, message.id));
    const afterHide = await search();
    expect(afterHide.body.hits).toEqual([]);
    expect(afterHide.text).not.toContain('my number');
    expect((await search(cast.member)).body.hits).toEqual([]);
    expect((await mention()).excerpt).toBe('');

    ok(await api.unhide(cast.moderator, message.id));
    expect(ok(await search()).hits.map((hit) => hit.id)).toEqual([message.id]);
    expect((await mention()).excerpt).toContain(word);
  });
});

describe('hiding, live', () => {
  it('sends members the placeholder, the author their own copy, and nothing with the text to anyone else', async () => {
    const { thread, message } = await scene();
    const other = await pool.open(t, cast.other);
    const author = await pool.open(t, cast.member);
    const moderator = await pool.open(t, cast.moderator);
    for (const socket of [other, author, moderator]) await joinThread(socket, thread.id);
    const [ro, ra, rm] = [other, author, moderator].map(record);

    ok(await api.hide(cast.moderator, message.id));
    await until(() =>
      [ro, ra, rm].every((events) => named(events, 'message:updated').length === 1),
    );
    await settle();
    const [toOther] = named<MessageView>(ro, 'message:updated');
    expect(toOther).toMatchObject({ id: message.id, hidden: true, body: '', isMine: false });
    const [toAuthor] = named<MessageView>(ra, 'message:updated');
    expect(toAuthor).toMatchObject({
      id: message.id,
      hidden: true,
      body: message.body,
      isMine: true,
    });
    // The room's copy is the members' one (moderators fetch the text over HTTP).
    expect(named<MessageView>(rm, 'message:updated')[0]).toMatchObject({ hidden: true, body: '' });
    expect(JSON.stringify([ro, rm])).not.toContain('0612');
  });

  it('reaches a reconnecting member through the change-stamp catch-up, as a placeholder', async () => {
    const { thread, message } = await scene();
    const later = await post(t.http, cast.admin, thread.id, 'A later message');
    // A member's copy of the thread, then they go away.
    const first = await pool.open(t, cast.other);
    const mirror = new ThreadMirror(thread.id, first);
    const joined = await joinThread(first, thread.id, 0, 0);
    mirror.applyMissed(joined.missed);
    const lastChange = joined.lastChange ?? 0;
    first.close();

    ok(await api.hide(cast.moderator, message.id));
    const socket = await pool.open(t, cast.other);
    const caughtUp = await joinThread(socket, thread.id, mirror.lastSeq, lastChange);
    expect(caughtUp.missed).toEqual([]);
    expect(caughtUp.changed).toEqual([
      expect.objectContaining({ id: message.id, hidden: true, body: '' }),
    ]);
    expect(caughtUp.lastChange).toBeGreaterThan(lastChange);
    for (const changed of caughtUp.changed ?? []) mirror.apply(changed, true);
    // Zulip's test: the copy kept by events equals a fresh fetch.
    expect(mirror.ordered()).toEqual(await fetchAllMessages(t.http, cast.other, thread.id));
    expect(mirror.bySeq.get(later.seq)?.body).toBe('A later message');

    // A moderator catching up gets the text, marked hidden.
    const staff = await pool.open(t, cast.moderator);
    const staffCatchUp = await joinThread(staff, thread.id, mirror.lastSeq, lastChange);
    expect(staffCatchUp.changed?.[0]).toMatchObject({ hidden: true, body: message.body });
    // And a fresh join with no seq returns a placeholder in `missed` for members.
    const fresh = await request(socket, 'thread:join', { threadId: thread.id, afterSeq: 0 });
    expect(fresh.missed.find((m: MessageView) => m.id === message.id)).toMatchObject({
      hidden: true,
      body: '',
    });
  });
});

describe('locking, which moderators already had', () => {
  it('locks and unlocks, refuses members, records both, and stops new posts', async () => {
    const { thread } = await scene();
    expect(
      (await t.http.post(`/api/threads/${thread.id}/lock`, undefined, { token: cast.other.token }))
        .status,
    ).toBe(403);
    const locked = await t.http.post(`/api/threads/${thread.id}/lock`, undefined, {
      token: cast.moderator.token,
    });
    expect(locked.body.locked).toBe(true);
    const refused = await t.http.post(
      `/api/threads/${thread.id}/messages`,
      { body: 'Too late', clientId: 'late-1' },
      { token: cast.member.token },
    );
    expect(refused.status).toBe(409);
    ok(
      await t.http.post(`/api/threads/${thread.id}/unlock`, undefined, { token: cast.admin.token }),
    );
    expect((await auditAbout(t, thread.id)).map((entry) => entry.action)).toEqual([
      'thread.locked',
      'thread.unlocked',
    ]);
  });
});
