import { NOTIFICATION_KINDS, type NotificationView } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import {
  allPages,
  Cast,
  makeCast,
  makeChannel,
  makeThread,
  post,
  sql,
} from '../support/discussions';
import { makeUser, TestUser } from '../support/factories';

let t: TestApp;
let cast: Cast;
let channelId: string;
let threadId: string;

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeCast(t.http);
  channelId = (await makeChannel(t.http, cast.admin, cast.network.slug)).id;
  threadId = (await makeThread(t.http, cast.admin, channelId, { title: 'Mentions here' })).id;
});
afterAll(async () => {
  await t.close();
});

const inbox = async (user: TestUser, query = '') => {
  const response = await t.http.get<{
    items: NotificationView[];
    nextCursor: string | null;
    unreadCount: number;
  }>(`/api/notifications${query}`, { token: user.token });
  expect(response.status).toBe(200);
  return response.body;
};

/** A user with nothing in their inbox yet who belongs to the cast's network. */
async function freshMember(): Promise<TestUser> {
  const user = await makeUser(t.http);
  const invitation = await t.http.post(
    `/api/networks/${cast.network.slug}/invitations`,
    { email: user.email, role: 'member' },
    { token: cast.admin.token },
  );
  await t.http.post(`/api/invitations/${invitation.body.token}/accept`, undefined, {
    token: user.token,
  });
  return user;
}

describe('mentions', () => {
  it('notifies a mentioned member who can read the channel, with the unread count', async () => {
    const target = await freshMember();
    const message = await post(
      t.http,
      cast.member,
      threadId,
      `**Thanks** @${target.user.handle} for the _housing_ figures!`,
    );
    const box = await inbox(target);
    expect(box.unreadCount).toBe(1);
    expect(box.nextCursor).toBeNull();
    expect(box.items).toEqual([
      {
        id: expect.any(String),
        kind: 'mention',
        networkId: cast.network.id,
        subject: { type: 'thread', id: threadId, title: 'Mentions here' },
        messageId: message.id,
        actor: {
          kind: 'named',
          userId: cast.member.user.id,
          displayName: cast.member.user.displayName,
          handle: cast.member.user.handle,
          organisationLabel: null,
          organisationLabelCode: null,
        },
        excerpt: `Thanks @${target.user.handle} for the housing figures!`,
        readAt: null,
        createdAt: expect.any(String),
      },
    ]);
  });

  it('notifies from a thread’s first message, once per message however often the handle appears, in any case', async () => {
    const target = await freshMember();
    const handle = target.user.handle;
    const thread = await makeThread(t.http, cast.member, channelId, {
      title: 'Opening',
      body: `@${handle.toUpperCase()} and again @${handle}, @${handle}!`,
    });
    const box = await inbox(target);
    expect(box.items).toHaveLength(1);
    expect(box.items[0]).toMatchObject({
      subject: { type: 'thread', id: thread.id, title: 'Opening' },
    });
  });

  it('does not treat an email address or a longer handle as a mention', async () => {
    const target = await freshMember();
    await post(
      t.http,
      cast.member,
      threadId,
      `write to someone@${target.user.handle} or @${target.user.handle}x or \`x@${target.user.handle}\``,
    );
    expect((await inbox(target)).items).toEqual([]);
  });

  it('does not notify the author, someone outside the network, or a member not on a private channel', async () => {
    const before = (await sql(t, 'SELECT count(*)::int AS n FROM notifications'))[0].n;
    await post(
      t.http,
      cast.member,
      threadId,
      `Talking to myself @${cast.member.user.handle} and to @${cast.outsider.user.handle}`,
    );
    const room = await makeChannel(t.http, cast.admin, cast.network.slug, {
      visibility: 'private',
    });
    const secret = await makeThread(t.http, cast.admin, room.id);
    // The moderator and the member are in the network, but not on the list.
    await post(
      t.http,
      cast.admin,
      secret.id,
      `@${cast.moderator.user.handle} @${cast.member.user.handle} @${cast.outsider.user.handle} @nobody-at-all`,
    );
    const after = (await sql(t, 'SELECT count(*)::int AS n FROM notifications'))[0].n;
    expect(after).toBe(before);
    for (const user of [cast.outsider, cast.moderator]) {
      const box = await inbox(user);
      expect(box.items.map((n) => n.subject.id)).not.toContain(secret.id);
    }

    // Once on the list, the same mention notifies.
    await t.http.post(
      `/api/channels/${room.id}/members`,
      { userId: cast.moderator.user.id },
      { token: cast.admin.token },
    );
    await post(
      t.http,
      cast.admin,
      secret.id,
      `now you can read it, @${cast.moderator.user.handle}`,
    );
    expect((await inbox(cast.moderator)).items.map((n) => n.subject.id)).toContain(secret.id);
  });
});

describe('mentions in messages that change', () => {
  it('shows the edited text, not the replaced one (edit history is for moderators and the author)', async () => {
    const target = await freshMember();
    const message = await post(
      t.http,
      cast.member,
      threadId,
      `first draft with a rash remark, @${target.user.handle}`,
    );
    const edited = await t.http.patch(
      `/api/messages/${message.id}`,
      { body: `considered words, @${target.user.handle}` },
      { token: cast.member.token },
    );
    expect(edited.status).toBe(200);
    // The member may not read the revisions...
    expect(
      (await t.http.get(`/api/messages/${message.id}/revisions`, { token: target.token })).status,
    ).toBe(403);
    // ...so the notification must not show them the replaced text either.
    const box = await inbox(target);
    expect(JSON.stringify(box)).not.toContain('rash remark');
    expect(box.items[0].excerpt).toBe(`considered words, @${target.user.handle}`);
  });

  it('shows nothing of a deleted message', async () => {
    const target = await freshMember();
    const message = await post(
      t.http,
      cast.member,
      threadId,
      `something regrettable, @${target.user.handle}`,
    );
    const deleted = await t.http.delete(`/api/messages/${message.id}`, {
      token: cast.moderator.token,
    });
    expect(deleted.status).toBe(200);
    const box = await inbox(target);
    expect(JSON.stringify(box)).not.toContain('regrettable');
    expect(box.items[0]).toMatchObject({ messageId: message.id, excerpt: '' });
  });
});

describe('reading notifications', () => {
  it('marks one read, then all read, with the unread count following', async () => {
    const target = await freshMember();
    for (let i = 0; i < 3; i++)
      await post(t.http, cast.member, threadId, `ping ${i} @${target.user.handle}`);
    let box = await inbox(target);
    expect(box.unreadCount).toBe(3);
    expect(box.items.map((n) => n.excerpt)).toEqual([
      `ping 2 @${target.user.handle}`,
      `ping 1 @${target.user.handle}`,
      `ping 0 @${target.user.handle}`,
    ]);

    const one = await t.http.post(`/api/notifications/${box.items[1].id}/read`, undefined, {
      token: target.token,
    });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: box.items[1].id, readAt: expect.any(String) });
    box = await inbox(target);
    expect(box.unreadCount).toBe(2);
    expect(box.items.map((n) => n.readAt !== null)).toEqual([false, true, false]);
    expect((await inbox(target, '?unread=true')).items.map((n) => n.excerpt)).toEqual([
      `ping 2 @${target.user.handle}`,
      `ping 0 @${target.user.handle}`,
    ]);

    // Marking it again changes nothing.
    const again = await t.http.post(`/api/notifications/${box.items[1].id}/read`, undefined, {
      token: target.token,
    });
    expect(again.status).toBe(200);
    expect(again.body.readAt).toBe(one.body.readAt);

    const all = await t.http.post('/api/notifications/read-all', undefined, {
      token: target.token,
    });
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ updated: 2 });
    box = await inbox(target);
    expect(box.unreadCount).toBe(0);
    expect(box.items.every((n) => n.readAt !== null)).toBe(true);
    expect((await inbox(target, '?unread=true')).items).toEqual([]);
    expect(
      (await t.http.post('/api/notifications/read-all', undefined, { token: target.token })).body,
    ).toEqual({ updated: 0 });
  });

  it('answers 404 for another user’s notification, as for one that does not exist, and leaves it unread', async () => {
    const target = await freshMember();
    const snoop = await freshMember();
    await post(t.http, cast.member, threadId, `private note for @${target.user.handle}`);
    const [notification] = (await inbox(target)).items;
    const theirs = await t.http.post(`/api/notifications/${notification.id}/read`, undefined, {
      token: snoop.token,
    });
    const missing = await t.http.post(
      '/api/notifications/00000000-0000-4000-8000-000000000000/read',
      undefined,
      { token: snoop.token },
    );
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(missing.body);
    expect(theirs.text).not.toContain('private note');
    // read-all marks only one's own.
    await t.http.post('/api/notifications/read-all', undefined, { token: snoop.token });
    const box = await inbox(target);
    expect(box.unreadCount).toBe(1);
    expect(box.items[0].readAt).toBeNull();
    expect((await inbox(snoop)).items).toEqual([]);
    expect(
      (await t.http.post('/api/notifications/not-a-uuid/read', undefined, { token: snoop.token }))
        .status,
    ).toBe(400);
  });
});

describe('paging notifications', () => {
  it('pages newest first without duplicates or gaps', async () => {
    const target = await freshMember();
    for (let i = 0; i < 7; i++)
      await post(t.http, cast.other, threadId, `page ${i} @${target.user.handle}`);
    const whole = await inbox(target, '?limit=100');
    expect(whole.items).toHaveLength(7);
    for (const limit of [1, 2, 3]) {
      const { items } = await allPages<NotificationView>(
        t.http,
        target.token,
        '/api/notifications',
        limit,
      );
      expect(items.map((n) => n.id)).toEqual(whole.items.map((n) => n.id));
    }
  });

  it('keeps every notification when several fall within the same millisecond', async () => {
    const target = await freshMember();
    for (let i = 0; i < 4; i++)
      await post(t.http, cast.other, threadId, `burst ${i} @${target.user.handle}`);
    // Postgres keeps microseconds; a busy server creates several notifications per millisecond.
    await sql(
      t,
      `UPDATE notifications n SET created_at = '2030-06-01T08:00:00.123000Z'::timestamptz + (s.i * interval '200 microseconds')
         FROM (SELECT id, row_number() OVER (ORDER BY created_at) AS i FROM notifications WHERE user_id = $1) s
        WHERE n.id = s.id`,
      [target.user.id],
    );
    const whole = await inbox(target, '?limit=100');
    expect(whole.items.map((n) => n.excerpt).sort()).toEqual(
      [0, 1, 2, 3].map((i) => `burst ${i} @${target.user.handle}`),
    );
    const times = whole.items.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    for (const limit of [1, 2, 3]) {
      const { items } = await allPages<NotificationView>(
        t.http,
        target.token,
        '/api/notifications',
        limit,
      );
      expect(items.map((n) => n.id)).toEqual(whole.items.map((n) => n.id));
    }
  });

  it('refuses a cursor it did not issue with 400', async () => {
    const response = await t.http.get('/api/notifications?cursor=garbage', {
      token: cast.member.token,
    });
    expect(response.status).toBe(400);
  });
});

describe('the notifications table', () => {
  it('knows exactly the kinds the domain declares, each about the same subject type', async () => {
    const rows = await sql<{ kind: string; subject_type: string }>(
      t,
      'SELECT kind, subject_type FROM notification_kinds ORDER BY kind',
    );
    expect(Object.fromEntries(rows.map((row) => [row.kind, row.subject_type]))).toEqual(
      NOTIFICATION_KINDS,
    );
  });

  async function refused(text: string, params: unknown[]): Promise<string> {
    try {
      await sql(t, text, params);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('the insert was accepted');
  }

  it('refuses a kind it does not know and a kind about the wrong type of subject', async () => {
    const insert = `INSERT INTO notifications (user_id, kind, network_id, subject_type, subject_id, thread_id)
                    VALUES ($1, $2, $3, $4, $5, $6)`;
    const user = cast.member.user.id;
    expect(
      await refused(insert, [user, 'made_up', cast.network.id, 'thread', threadId, threadId]),
    ).toMatch(/notifications_kind_fkey/);
    expect(
      await refused(insert, [user, 'mention', cast.network.id, 'pairing', threadId, null]),
    ).toMatch(/notifications_kind_fkey/);
    expect(
      await refused(insert, [user, 'mention', cast.network.id, 'thread', threadId, null]),
    ).toMatch(/notifications_thread_subject/);
  });
});
