import type { DiscussedInView, EntryView, ThreadLinkView, ThreadView } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import { addMember, makeNetwork, makeUser, TestUser } from '../support/factories';
import { makeChannel, makeThread } from '../support/discussions';
import { joinThread, named, record, SocketPool } from '../support/realtime';
import { until } from '../support/sockets';
import {
  curate,
  curationCounts,
  curationSetup,
  CurationSetup,
  publishEntry,
} from '../support/curation';

/**
 * Threads citing entries: the same rule as for library items — only published entries, readable
 * by everyone who reads the thread — and the entry's page lists where it is discussed.
 */
let t: TestApp;
let s: CurationSetup;
let entry: EntryView;
/** A second network; the cast's member belongs to both. */
let elsewhere: { slug: string; admin: TestUser; threadId: string };
const pool = new SocketPool();

beforeAll(async () => {
  t = await startTestApp();
  s = await curationSetup(t, 'named');
  const draft = await curate(t, s.cast.moderator, s.thread.id, { messageIds: [s.messages.member] });
  entry = await publishEntry(t, draft.id, s.cast.moderator, s.cast.admin);
  const admin = await makeUser(t.http);
  const network = await makeNetwork(t.http, admin, { visibility: 'private' });
  await addMember(t.http, admin, network.slug, s.cast.member);
  const channel = await makeChannel(t.http, admin, network.slug);
  const thread = await makeThread(t.http, admin, channel.id, { title: 'Across networks' });
  elsewhere = { slug: network.slug, admin, threadId: thread.id };
});
afterEach(() => pool.closeAll());
afterAll(async () => {
  await t.close();
});

const link = (threadId: string, targetId: string, user: TestUser, note?: string) =>
  t.http.post<ThreadLinkView[]>(
    `/api/threads/${threadId}/links`,
    { targetType: 'entry', targetId, ...(note ? { note } : {}) },
    { token: user.token },
  );

describe('linking an entry into a thread', () => {
  it('cites a published entry of the thread’s network, live and in the thread view', async () => {
    const other = await makeThread(t.http, s.cast.other, s.channelId, { title: 'Planning ours' });
    const socket = await pool.open(t, s.cast.admin);
    await joinThread(socket, other.id);
    const received = record(socket);
    const response = await link(other.id, entry.id, s.cast.other, 'The write-up of our pilot');
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      {
        id: expect.any(String),
        threadId: other.id,
        targetType: 'entry',
        targetId: entry.id,
        title: entry.content.title,
        note: 'The write-up of our pilot',
        createdAt: expect.any(String),
      },
    ]);
    const view = await t.http.get<ThreadView>(`/api/threads/${other.id}`, {
      token: s.cast.member.token,
    });
    expect(view.body.links?.map((l) => l.targetId)).toEqual([entry.id]);
    await until(() =>
      named<ThreadView>(received, 'thread:updated').some((u) => (u.links ?? []).length > 0),
    );
    expect(
      named<ThreadView>(received, 'thread:updated')
        .at(-1)
        ?.links?.map((l) => l.targetType),
    ).toEqual(['entry']);

    const discussed = await t.http.get<DiscussedInView[]>(`/api/entries/${entry.id}/discussions`, {
      token: s.cast.member.token,
    });
    expect(discussed.body.map((d) => [d.threadId, d.note])).toEqual([
      [other.id, 'The write-up of our pilot'],
    ]);
    expect(
      (await t.http.get<EntryView>(`/api/entries/${entry.id}`, { token: s.cast.member.token })).body
        .discussionCount,
    ).toBe(1);
  });

  it('refuses drafts (409 to moderators, 404 to members), writing nothing', async () => {
    const draft = await curate(t, s.cast.moderator, s.thread.id);
    const before = await curationCounts(t);
    expect((await link(s.thread.id, draft.id, s.cast.moderator)).status).toBe(409);
    expect((await link(s.thread.id, draft.id, s.cast.member)).status).toBe(404);
    expect((await link(s.thread.id, crypto.randomUUID(), s.cast.member)).status).toBe(404);
    expect(await curationCounts(t)).toEqual(before);
  });

  it('refuses another network’s network entry (409), but links it once it is public', async () => {
    const before = await curationCounts(t);
    const refused = await link(elsewhere.threadId, entry.id, s.cast.member);
    expect(refused.status).toBe(409);
    expect(await curationCounts(t)).toEqual(before);

    await t.http.patch(
      `/api/networks/${s.cast.network.slug}/entry-settings`,
      { allowPublicEntries: true },
      {
        token: s.cast.admin.token,
      },
    );
    const draft = await curate(t, s.cast.moderator, s.thread.id, { scope: 'public' });
    const open = await publishEntry(t, draft.id, s.cast.moderator, s.cast.admin);
    const linked = await link(elsewhere.threadId, open.id, s.cast.member);
    expect(linked.status).toBe(200);
    // The other network's admin reads it through the link; a withdrawn permission hides it again.
    const forAdmin = await t.http.get<ThreadLinkView[]>(
      `/api/threads/${elsewhere.threadId}/links`,
      {
        token: elsewhere.admin.token,
      },
    );
    expect(forAdmin.body.map((l) => l.targetId)).toEqual([open.id]);
    await t.http.patch(
      `/api/networks/${s.cast.network.slug}/entry-settings`,
      { allowPublicEntries: false },
      {
        token: s.cast.admin.token,
      },
    );
    const hidden = await t.http.get<ThreadLinkView[]>(`/api/threads/${elsewhere.threadId}/links`, {
      token: elsewhere.admin.token,
    });
    expect(hidden.body).toEqual([]);
    // The entry's own page lists only the discussions its reader may open.
    const discussed = await t.http.get<DiscussedInView[]>(`/api/entries/${open.id}/discussions`, {
      token: s.cast.admin.token,
    });
    expect(discussed.body).toEqual([]);
  });

  it('refuses archived entries (409)', async () => {
    const draft = await curate(t, s.cast.moderator, s.thread.id);
    const archived = await publishEntry(t, draft.id, s.cast.moderator, s.cast.admin);
    await t.http.post(`/api/entries/${archived.id}/archive`, undefined, {
      token: s.cast.admin.token,
    });
    expect((await link(s.thread.id, archived.id, s.cast.member)).status).toBe(409);
  });
});
