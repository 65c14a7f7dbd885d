import type { EntrySummaryView, NotificationView, ThreadView } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import { addMember, makeUser, TestUser } from '../support/factories';
import { post } from '../support/discussions';
import { joinChannel, joinThread, named, record, SocketPool } from '../support/realtime';
import { settle, until } from '../support/sockets';
import {
  curate,
  curationSetup,
  CurationSetup,
  publishEntry,
  readyFields,
} from '../support/curation';

/**
 * Who hears of curation: a publish notifies the source thread's participants who can read the
 * entry (never the publisher, never a former member of a network-only entry), and
 * `entry:published` reaches the thread's and channel's rooms and those participants — nobody
 * else. Submissions ask the other moderators for review; a request for changes tells the drafter.
 */
let t: TestApp;
let s: CurationSetup;
const pool = new SocketPool();

beforeAll(async () => {
  t = await startTestApp();
  s = await curationSetup(t, 'chatham');
});
afterEach(() => pool.closeAll());
afterAll(async () => {
  await t.close();
});

async function inbox(user: TestUser, kind?: string): Promise<NotificationView[]> {
  const response = await t.http.get<{ items: NotificationView[] }>('/api/notifications', {
    token: user.token,
  });
  expect(response.status).toBe(200);
  return response.body.items.filter((n) => !kind || n.kind === kind);
}

describe('a publish', () => {
  it('notifies the participants who can read the entry, and emits entry:published to its audience only', async () => {
    // A participant who left the network since, and a member who never wrote in the thread.
    const leaver = await makeUser(t.http);
    await addMember(t.http, s.cast.admin, s.cast.network.slug, leaver);
    await post(t.http, leaver, s.thread.id, 'I ran this in my previous job.');
    const left = await t.http.post(`/api/networks/${s.cast.network.slug}/leave`, undefined, {
      token: leaver.token,
    });
    expect(left.status).toBe(204);
    const bystander = await makeUser(t.http);
    await addMember(t.http, s.cast.admin, s.cast.network.slug, bystander);

    const draft = await curate(t, s.cast.moderator, s.thread.id, {
      messageIds: [s.messages.member],
    });

    const sockets = {
      member: await pool.open(t, s.cast.member),
      other: await pool.open(t, s.cast.other),
      publisher: await pool.open(t, s.cast.admin),
      bystanderInChannel: await pool.open(t, bystander),
      bystanderElsewhere: await pool.open(t, bystander),
      outsider: await pool.open(t, s.cast.outsider),
      leaver: await pool.open(t, leaver),
    };
    await joinChannel(sockets.bystanderInChannel, s.channelId);
    await joinThread(sockets.publisher, s.thread.id);
    const received = Object.fromEntries(
      Object.entries(sockets).map(([name, socket]) => [name, record(socket)]),
    );

    const entry = await publishEntry(t, draft.id, s.cast.moderator, s.cast.admin);

    await until(() =>
      ['member', 'other', 'publisher', 'bystanderInChannel'].every(
        (name) => named(received[name], 'entry:published').length === 1,
      ),
    );
    await settle();
    const expected: Partial<EntrySummaryView> = {
      id: entry.id,
      networkId: s.cast.network.id,
      status: 'published',
      currentVersion: 1,
      title: entry.content.title,
      summary: readyFields().summary as string,
    };
    for (const name of ['member', 'other', 'publisher', 'bystanderInChannel']) {
      expect(named(received[name], 'entry:published')).toEqual([expect.objectContaining(expected)]);
    }
    for (const name of ['bystanderElsewhere', 'outsider', 'leaver']) {
      expect(named(received[name], 'entry:published')).toEqual([]);
    }
    // The thread's "curated into" travels with thread:updated to the thread's room.
    const updates = named<ThreadView>(received.publisher, 'thread:updated').filter(
      (thread) => thread.id === s.thread.id,
    );
    expect(updates.at(-1)?.curatedInto).toEqual([
      { entryId: entry.id, title: entry.content.title, status: 'published', currentVersion: 1 },
    ]);

    // Notifications: the participants who can read it, not the publisher or the leaver.
    for (const user of [s.cast.member, s.cast.other]) {
      const published = await inbox(user, 'entry_published');
      expect(published).toEqual([
        expect.objectContaining({
          kind: 'entry_published',
          networkId: s.cast.network.id,
          subject: { type: 'entry', id: entry.id, title: entry.content.title },
          actor: expect.objectContaining({ kind: 'named', userId: s.cast.admin.user.id }),
        }),
      ]);
    }
    // The drafter wrote nothing in the thread; the admin published it.
    expect(await inbox(s.cast.moderator, 'entry_published')).toEqual([]);
    expect(await inbox(s.cast.admin, 'entry_published')).toEqual([]);
    expect(await inbox(leaver, 'entry_published')).toEqual([]);
    expect(await inbox(bystander, 'entry_published')).toEqual([]);
    // Live, to the participants' own rooms.
    expect(named(received.member, 'notification')).toEqual([
      expect.objectContaining({ kind: 'entry_published' }),
    ]);
  });
});

describe('the review', () => {
  it('asks the other moderators and admins on submit, and tells the drafter about changes', async () => {
    const secondModerator = await makeUser(t.http);
    await addMember(t.http, s.cast.admin, s.cast.network.slug, secondModerator, 'moderator');
    const draft = await curate(t, s.cast.moderator, s.thread.id, { title: 'Review me' });
    await t.http.patch(`/api/entries/${draft.id}`, readyFields(), {
      token: s.cast.moderator.token,
    });
    await t.http.post(`/api/entries/${draft.id}/submit`, undefined, {
      token: s.cast.moderator.token,
    });
    const about = (items: NotificationView[]) => items.filter((n) => n.subject.id === draft.id);
    expect(about(await inbox(s.cast.admin, 'entry_submitted'))).toHaveLength(1);
    expect(about(await inbox(secondModerator, 'entry_submitted'))).toHaveLength(1);
    expect(about(await inbox(s.cast.moderator, 'entry_submitted'))).toEqual([]);
    expect(about(await inbox(s.cast.member, 'entry_submitted'))).toEqual([]);

    await t.http.post(
      `/api/entries/${draft.id}/request-changes`,
      { note: 'Add the recruitment costs.' },
      { token: secondModerator.token },
    );
    expect(about(await inbox(s.cast.moderator, 'entry_changes_requested'))).toEqual([
      expect.objectContaining({ excerpt: 'Add the recruitment costs.' }),
    ]);
    expect(about(await inbox(s.cast.admin, 'entry_changes_requested'))).toEqual([]);
  });
});
