import type { ThreadView } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import { addMember, makeNetwork, makeUser, TestUser } from '../support/factories';
import { makeCast, makeChannel, makeThread, sql, type Cast } from '../support/discussions';
import { badFields, createCaseStudy, createSummary, libraryCounts } from '../support/library';

/**
 * Links from threads to library items, and the "discussed in" lists on the items' pages: who may
 * link what into which thread, who may remove a link, and that neither ever shows a reader a
 * thread or a title they could not open.
 */
let t: TestApp;
let cast: Cast;
let slug: string;
let general: { id: string };
let thread: ThreadView;
/** A second network; cast.member belongs to both. */
let elsewhere: { slug: string; admin: TestUser };

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeCast(t.http);
  slug = cast.network.slug;
  general = await makeChannel(t.http, cast.admin, slug);
  thread = await makeThread(t.http, cast.member, general.id, { title: 'Mentoring length' });
  const otherAdmin = await makeUser(t.http);
  const network = await makeNetwork(t.http, otherAdmin, { visibility: 'private' });
  await addMember(t.http, otherAdmin, network.slug, cast.member);
  elsewhere = { slug: network.slug, admin: otherAdmin };
});
afterAll(async () => {
  await t.close();
});

const link = (threadId: string, body: Record<string, unknown>, user: TestUser) =>
  t.http.post(`/api/threads/${threadId}/links`, body, { token: user.token });
const linksOf = (threadId: string, user: TestUser) =>
  t.http.get(`/api/threads/${threadId}/links`, { token: user.token });

const KINDS = [
  {
    targetType: 'research',
    path: '/api/research-summaries',
    create: (user: TestUser, network: string, overrides: Record<string, unknown> = {}) =>
      createSummary(t.http, user, network, overrides),
    title: (item: { title?: string; programmeName?: string }) => item.title,
  },
  {
    targetType: 'case_study',
    path: '/api/case-studies',
    create: (user: TestUser, network: string, overrides: Record<string, unknown> = {}) =>
      createCaseStudy(t.http, user, network, overrides),
    title: (item: { title?: string; programmeName?: string }) => item.programmeName,
  },
] as const;

describe.each(KINDS)('linking $targetType', (kind) => {
  it('links a published item with a note; linking it again changes nothing', async () => {
    const item: any = await kind.create(cast.member, slug, { status: 'published' });
    const first = await link(
      thread.id,
      {
        targetType: kind.targetType,
        targetId: item.id,
        note: '  Evidence for a year-long scheme  ',
      },
      cast.member,
    );
    expect(first.status).toBe(200);
    const mine = first.body.filter((l: any) => l.targetId === item.id);
    expect(mine).toEqual([
      {
        id: expect.any(String),
        threadId: thread.id,
        targetType: kind.targetType,
        targetId: item.id,
        title: kind.title(item),
        note: 'Evidence for a year-long scheme',
        createdAt: expect.any(String),
      },
    ]);
    const before = await libraryCounts(t);
    const again = await link(
      thread.id,
      { targetType: kind.targetType, targetId: item.id, note: 'Another note' },
      cast.other,
    );
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await libraryCounts(t)).toEqual(before);
    const listed = await linksOf(thread.id, cast.other);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual(first.body);
    const page = await t.http.get(`${kind.path}/${item.id}`, { token: cast.other.token });
    expect(page.body.discussionCount).toBe(1);
  });

  it('accepts a note of 300 characters and refuses 301, writing nothing', async () => {
    const item = await kind.create(cast.member, slug, { status: 'published' });
    const before = await libraryCounts(t);
    const long = await link(
      thread.id,
      { targetType: kind.targetType, targetId: item.id, note: 'n'.repeat(301) },
      cast.member,
    );
    expect(long.status).toBe(400);
    expect(badFields(long)).toEqual(['note']);
    expect(await libraryCounts(t)).toEqual(before);
    const exact = await link(
      thread.id,
      { targetType: kind.targetType, targetId: item.id, note: 'n'.repeat(300) },
      cast.member,
    );
    expect(exact.status).toBe(200);
    expect(exact.body.find((l: any) => l.targetId === item.id).note).toBe('n'.repeat(300));
  });

  it('refuses drafts with 409, for the author and for moderators', async () => {
    const draft = await kind.create(cast.member, slug);
    const before = await libraryCounts(t);
    for (const user of [cast.member, cast.moderator]) {
      const response = await link(
        thread.id,
        { targetType: kind.targetType, targetId: draft.id },
        user,
      );
      expect(response.status).toBe(409);
      expect(response.body.error).toBe('conflict');
    }
    // Another member cannot see the draft at all.
    const byOther = await link(
      thread.id,
      { targetType: kind.targetType, targetId: draft.id },
      cast.other,
    );
    expect(byOther.status).toBe(404);
    expect(await libraryCounts(t)).toEqual(before);
  });

  it("refuses another network's network item with 409, but links its public items", async () => {
    const networkOnly = await kind.create(elsewhere.admin, elsewhere.slug, { status: 'published' });
    const open: any = await kind.create(elsewhere.admin, elsewhere.slug, {
      status: 'published',
      scope: 'public',
    });
    const before = await libraryCounts(t);
    // cast.member can read both (a member of both networks), yet the thread's readers could not.
    const refused = await link(
      thread.id,
      { targetType: kind.targetType, targetId: networkOnly.id },
      cast.member,
    );
    expect(refused.status).toBe(409);
    // Someone outside that network does not learn it exists.
    const hidden = await link(
      thread.id,
      { targetType: kind.targetType, targetId: networkOnly.id },
      cast.other,
    );
    expect(hidden.status).toBe(404);
    expect(await libraryCounts(t)).toEqual(before);

    const allowed = await link(
      thread.id,
      { targetType: kind.targetType, targetId: open.id },
      cast.other,
    );
    expect(allowed.status).toBe(200);
    expect(allowed.body.map((l: any) => l.targetId)).toContain(open.id);
    const page = await t.http.get(`${kind.path}/${open.id}`, { token: cast.other.token });
    expect(page.body.discussionCount).toBe(1);
  });

  it('answers 404 to someone who cannot read the thread, and writes nothing', async () => {
    const open = await kind.create(cast.admin, slug, { status: 'published', scope: 'public' });
    const privateChannel = await makeChannel(t.http, cast.admin, slug, { visibility: 'private' });
    const privateThread = await makeThread(t.http, cast.admin, privateChannel.id);
    const before = await libraryCounts(t);
    for (const [threadId, user] of [
      [thread.id, cast.outsider],
      [privateThread.id, cast.other],
      [privateThread.id, cast.moderator],
      ['00000000-0000-4000-8000-000000000000', cast.admin],
    ] as const) {
      const response = await link(
        threadId,
        { targetType: kind.targetType, targetId: open.id },
        user,
      );
      expect(response.status).toBe(404);
      expect((await linksOf(threadId, user)).status).toBe(404);
    }
    expect(await libraryCounts(t)).toEqual(before);
  });

  it('lets the link creator or a moderator remove a link, nobody else', async () => {
    const item = await kind.create(cast.admin, slug, { status: 'published' });
    const added = await link(
      thread.id,
      { targetType: kind.targetType, targetId: item.id },
      cast.member,
    );
    const linkId = added.body.find((l: any) => l.targetId === item.id).id;
    const remove = (user: TestUser, threadId = thread.id) =>
      t.http.delete(`/api/threads/${threadId}/links/${linkId}`, { token: user.token });

    const byOther = await remove(cast.other);
    expect(byOther.status).toBe(403);
    expect((await remove(cast.outsider)).status).toBe(404);
    const otherThread = await makeThread(t.http, cast.admin, general.id);
    expect((await remove(cast.member, otherThread.id)).status).toBe(404);
    expect((await linksOf(thread.id, cast.member)).body.map((l: any) => l.id)).toContain(linkId);

    expect((await remove(cast.member)).status).toBe(204);
    expect((await linksOf(thread.id, cast.member)).body.map((l: any) => l.id)).not.toContain(
      linkId,
    );
    expect((await remove(cast.member)).status).toBe(404);

    const again = await link(
      thread.id,
      { targetType: kind.targetType, targetId: item.id },
      cast.other,
    );
    const secondId = again.body.find((l: any) => l.targetId === item.id).id;
    const byModerator = await t.http.delete(`/api/threads/${thread.id}/links/${secondId}`, {
      token: cast.moderator.token,
    });
    expect(byModerator.status).toBe(204);
    const gone = await t.http.get(`${kind.path}/${item.id}/discussions`, {
      token: cast.admin.token,
    });
    expect(gone.body).toEqual([]);
  });
});

describe('bad link requests', () => {
  let item: { id: string };
  beforeAll(async () => {
    item = await createSummary(t.http, cast.member, slug, { status: 'published' });
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'an unknown target type',
      { targetType: 'thread', targetId: '00000000-0000-4000-8000-000000000000' },
      'targetType',
    ],
    ['a target id that is not a UUID', { targetType: 'research', targetId: 'abc' }, 'targetId'],
    ['a missing target id', { targetType: 'research' }, 'targetId'],
    [
      'an object for the note',
      { targetType: 'research', targetId: 'ITEM', note: { a: 1 } },
      'note',
    ],
    [
      'a control character in the note',
      { targetType: 'research', targetId: 'ITEM', note: 'a\u0000b' },
      'note',
    ],
    ['an unknown field', { targetType: 'research', targetId: 'ITEM', weight: 3 }, 'weight'],
  ])('refuses %s with 400 and writes nothing', async (_name, body, field) => {
    const before = await libraryCounts(t);
    const filled = { ...body, ...(body.targetId === 'ITEM' ? { targetId: item.id } : {}) };
    const response = await link(thread.id, filled, cast.member);
    expect(response.status).toBe(400);
    expect(badFields(response)).toEqual([field]);
    expect(await libraryCounts(t)).toEqual(before);
  });

  it('answers 404 for an unknown item, and for a case study id given as research', async () => {
    const study = await createCaseStudy(t.http, cast.member, slug, { status: 'published' });
    const before = await libraryCounts(t);
    const unknown = await link(
      thread.id,
      { targetType: 'research', targetId: '00000000-0000-4000-8000-000000000000' },
      cast.member,
    );
    expect(unknown.status).toBe(404);
    const mismatched = await link(
      thread.id,
      { targetType: 'research', targetId: study.id },
      cast.member,
    );
    expect(mismatched.status).toBe(404);
    expect(await libraryCounts(t)).toEqual(before);
  });

  it('refuses links into a locked thread with 409', async () => {
    const locked = await makeThread(t.http, cast.member, general.id);
    expect(
      (
        await t.http.post(`/api/threads/${locked.id}/lock`, undefined, {
          token: cast.moderator.token,
        })
      ).status,
    ).toBeLessThan(300);
    const before = await libraryCounts(t);
    const response = await link(
      locked.id,
      { targetType: 'research', targetId: item.id },
      cast.member,
    );
    expect(response.status).toBe(409);
    expect(await libraryCounts(t)).toEqual(before);
  });

  it('requires a token', async () => {
    const response = await t.http.post(`/api/threads/${thread.id}/links`, {
      targetType: 'research',
      targetId: item.id,
    });
    expect(response.status).toBe(401);
    expect((await t.http.get(`/api/threads/${thread.id}/links`)).status).toBe(401);
  });
});

describe('links whose target changes after linking', () => {
  it('stops showing a public item from another network once it is made network-only or unpublished', async () => {
    const summary = await createSummary(t.http, elsewhere.admin, elsewhere.slug, {
      title: 'Borrowed public study',
      status: 'published',
      scope: 'public',
    });
    const study = await createCaseStudy(t.http, elsewhere.admin, elsewhere.slug, {
      programmeName: 'Borrowed public scheme',
      status: 'published',
      scope: 'public',
    });
    const own = await makeThread(t.http, cast.admin, general.id);
    await link(own.id, { targetType: 'research', targetId: summary.id, note: 'see' }, cast.admin);
    await link(own.id, { targetType: 'case_study', targetId: study.id, note: 'see' }, cast.admin);
    expect((await linksOf(own.id, cast.other)).body.map((l: any) => l.title).sort()).toEqual([
      'Borrowed public scheme',
      'Borrowed public study',
    ]);

    // Its own network narrows one and unpublishes the other.
    const narrowed = await t.http.patch(
      `/api/research-summaries/${summary.id}`,
      { scope: 'network' },
      { token: elsewhere.admin.token },
    );
    expect(narrowed.status).toBe(200);
    const unpublished = await t.http.patch(
      `/api/case-studies/${study.id}`,
      { status: 'draft' },
      { token: elsewhere.admin.token },
    );
    expect(unpublished.status).toBe(200);

    // Readers of the thread who cannot open them no longer see their titles.
    for (const user of [cast.other, cast.admin, cast.moderator]) {
      expect(
        (await t.http.get(`/api/research-summaries/${summary.id}`, { token: user.token })).status,
      ).toBe(404);
      const response = await linksOf(own.id, user);
      expect(response.status).toBe(200);
      expect(response.body).toEqual([]);
      expect(response.text).not.toContain('Borrowed public');
    }
    // cast.member belongs to the other network too and may still open the summary.
    const forMember = await linksOf(own.id, cast.member);
    expect(forMember.body.map((l: any) => l.title)).toEqual(['Borrowed public study']);
  });
});

describe('discussed in', () => {
  it('lists only the threads the caller may read, and discussionCount agrees', async () => {
    const summary = await createSummary(t.http, cast.admin, slug, {
      status: 'published',
      scope: 'public',
    });
    const study = await createCaseStudy(t.http, cast.admin, slug, {
      status: 'published',
      scope: 'public',
    });
    const privateChannel = await makeChannel(t.http, cast.admin, slug, { visibility: 'private' });
    await t.http.post(
      `/api/channels/${privateChannel.id}/members`,
      { userId: cast.member.user.id },
      {
        token: cast.admin.token,
      },
    );
    const open = await makeThread(t.http, cast.other, general.id, { title: 'Open discussion' });
    const closed = await makeThread(t.http, cast.admin, privateChannel.id, {
      title: 'Closed circle talk',
    });
    const foreignChannel = await makeChannel(t.http, elsewhere.admin, elsewhere.slug);
    const foreign = await makeThread(t.http, elsewhere.admin, foreignChannel.id, {
      title: 'Foreign network talk',
    });
    for (const [threadId, user] of [
      [open.id, cast.other],
      [closed.id, cast.member],
      [foreign.id, elsewhere.admin],
    ] as const) {
      for (const [targetType, targetId] of [
        ['research', summary.id],
        ['case_study', study.id],
      ]) {
        const response = await link(
          threadId,
          { targetType, targetId, note: `from ${threadId}` },
          user,
        );
        expect(response.status).toBe(200);
      }
    }

    const expectations: [TestUser, string[]][] = [
      [cast.member, [open.id, closed.id, foreign.id]],
      [cast.admin, [open.id, closed.id]],
      [cast.other, [open.id]],
      [cast.moderator, [open.id]],
      [cast.outsider, []],
      [elsewhere.admin, [foreign.id]],
    ];
    for (const [path, id] of [
      ['/api/research-summaries', summary.id],
      ['/api/case-studies', study.id],
    ]) {
      for (const [user, threads] of expectations) {
        const response = await t.http.get(`${path}/${id}/discussions`, { token: user.token });
        expect(response.status).toBe(200);
        expect(response.body.map((d: any) => d.threadId).sort()).toEqual([...threads].sort());
        if (!threads.includes(closed.id)) expect(response.text).not.toContain('Closed circle talk');
        if (!threads.includes(foreign.id))
          expect(response.text).not.toContain('Foreign network talk');
        const page = await t.http.get(`${path}/${id}`, { token: user.token });
        expect(page.body.discussionCount).toBe(threads.length);
      }
    }
    const forOther = await t.http.get(`/api/research-summaries/${summary.id}/discussions`, {
      token: cast.other.token,
    });
    expect(forOther.body).toEqual([
      {
        threadId: open.id,
        threadTitle: 'Open discussion',
        channelId: general.id,
        networkId: cast.network.id,
        note: `from ${open.id}`,
        linkedAt: expect.any(String),
      },
    ]);
  });

  it('answers 404 for an item the caller cannot read', async () => {
    const hidden = await createSummary(t.http, cast.admin, slug, { status: 'published' });
    const response = await t.http.get(`/api/research-summaries/${hidden.id}/discussions`, {
      token: cast.outsider.token,
    });
    expect(response.status).toBe(404);
    const study = await createCaseStudy(t.http, cast.member, slug);
    const draft = await t.http.get(`/api/case-studies/${study.id}/discussions`, {
      token: cast.other.token,
    });
    expect(draft.status).toBe(404);
  });

  it('keeps the link rows for removed members out of sight without deleting them', async () => {
    const summary = await createSummary(t.http, cast.admin, slug, { status: 'published' });
    const leaver = await makeUser(t.http);
    await addMember(t.http, cast.admin, slug, leaver);
    const own = await makeThread(t.http, leaver, general.id);
    await link(own.id, { targetType: 'research', targetId: summary.id }, leaver);
    await t.http.post(`/api/networks/${slug}/leave`, undefined, { token: leaver.token });
    const [row] = await sql(t, `SELECT count(*)::int AS n FROM thread_links WHERE target_id = $1`, [
      summary.id,
    ]);
    expect(row.n).toBe(1);
    const forLeaver = await t.http.get(`/api/research-summaries/${summary.id}/discussions`, {
      token: leaver.token,
    });
    expect(forLeaver.status).toBe(404);
    const forAdmin = await t.http.get(`/api/research-summaries/${summary.id}/discussions`, {
      token: cast.admin.token,
    });
    expect(forAdmin.body.map((d: any) => d.threadId)).toEqual([own.id]);
  });
});
