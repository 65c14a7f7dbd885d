import { HIGHLIGHT_END, HIGHLIGHT_START, type SearchHit, type ThreadView } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import { addMember, makeNetwork, makeUser, TestUser } from '../support/factories';
import {
  joinOrganisation,
  makeCast,
  makeChannel,
  makeThread,
  post,
  sql,
  type Cast,
} from '../support/discussions';
import type { HttpResponse } from '../support/http';
import { badFields, createCaseStudy, createSummary, uniqueWord } from '../support/library';

/**
 * GET /api/search across threads, messages, research summaries and case studies: highlighted
 * snippets, the type and network filters, and that nobody ever finds what they cannot read or
 * learns who wrote in a Chatham House thread.
 */
let t: TestApp;
let cast: Cast;
let slug: string;
let general: { id: string };
let privateChannel: { id: string };
/** One word in a thread title, its first message, a summary and a case study of the network. */
const everywhere = uniqueWord();
let thread: ThreadView;
let summaryId: string;
let caseStudyId: string;

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeCast(t.http);
  slug = cast.network.slug;
  general = await makeChannel(t.http, cast.admin, slug);
  privateChannel = await makeChannel(t.http, cast.admin, slug, { visibility: 'private' });
  await t.http.post(
    `/api/channels/${privateChannel.id}/members`,
    { userId: cast.member.user.id },
    { token: cast.admin.token },
  );
  thread = await makeThread(t.http, cast.member, general.id, {
    title: `Planning the ${everywhere} programme`,
    body: `Our ${everywhere} pilot starts in spring with twelve families.`,
  });
  summaryId = (
    await createSummary(t.http, cast.member, slug, {
      title: 'Evidence on mentoring',
      keyFinding: `Mentoring in the ${everywhere} model halves drop-out.`,
      status: 'published',
    })
  ).id;
  caseStudyId = (
    await createCaseStudy(t.http, cast.member, slug, {
      programmeName: 'Neighbour pairs',
      summary: `A ${everywhere} scheme pairing neighbours with newcomers.`,
      status: 'published',
    })
  ).id;
});
afterAll(async () => {
  await t.close();
});

const search = (
  query: string,
  user: TestUser,
): Promise<HttpResponse<{ query: string; hits: SearchHit[] }>> =>
  t.http.get(`/api/search?${query}`, { token: user.token });
const typesOf = (hits: SearchHit[]) => hits.map((hit) => hit.type).sort();

describe('hits and snippets', () => {
  it('finds threads, messages, research summaries and case studies with highlighted snippets', async () => {
    const response = await search(`q=${everywhere}`, cast.other);
    expect(response.status).toBe(200);
    expect(response.body.query).toBe(everywhere);
    expect(typesOf(response.body.hits)).toEqual(['case_study', 'message', 'research', 'thread']);
    for (const hit of response.body.hits) {
      expect(hit.snippet).toContain(`${HIGHLIGHT_START}${everywhere}${HIGHLIGHT_END}`);
      expect(hit.snippet).not.toMatch(/<\/?b>/);
      expect(hit.networkId).toBe(cast.network.id);
      expect(typeof hit.rank).toBe('number');
      expect(Date.parse(hit.createdAt)).not.toBeNaN();
    }
    const byType = Object.fromEntries(response.body.hits.map((hit) => [hit.type, hit]));
    expect(byType.thread).toMatchObject({
      id: thread.id,
      threadId: thread.id,
      channelId: general.id,
      title: thread.title,
      author: {
        kind: 'named',
        userId: cast.member.user.id,
        displayName: cast.member.user.displayName,
      },
    });
    expect(byType.message).toMatchObject({
      threadId: thread.id,
      channelId: general.id,
      title: thread.title,
    });
    expect(byType.message.id).not.toBe(thread.id);
    expect(byType.research).toMatchObject({
      id: summaryId,
      title: 'Evidence on mentoring',
      threadId: null,
      channelId: null,
      author: null,
    });
    expect(byType.case_study).toMatchObject({
      id: caseStudyId,
      title: 'Neighbour pairs',
      author: null,
    });
  });

  it('filters by type', async () => {
    const cases: [string, string[]][] = [
      ['thread', ['thread']],
      ['message', ['message']],
      ['research', ['research']],
      ['case_study', ['case_study']],
      ['research,case_study', ['case_study', 'research']],
      ['thread, message', ['message', 'thread']],
      ['entry', []],
      ['', ['case_study', 'message', 'research', 'thread']],
    ];
    for (const [types, expected] of cases) {
      const response = await search(
        `q=${everywhere}&types=${encodeURIComponent(types)}`,
        cast.member,
      );
      expect(response.status).toBe(200);
      expect(typesOf(response.body.hits)).toEqual(expected);
    }
  });

  it('filters by network', async () => {
    const second = await makeNetwork(t.http, cast.member);
    const channel = await makeChannel(t.http, cast.member, second.slug);
    const there = await makeThread(t.http, cast.member, channel.id, {
      title: `Also ${everywhere}`,
    });
    const all = await search(`q=${everywhere}&types=thread`, cast.member);
    expect(all.body.hits.map((hit) => hit.id).sort()).toEqual([thread.id, there.id].sort());
    const first = await search(`q=${everywhere}&types=thread&network=${slug}`, cast.member);
    expect(first.body.hits.map((hit) => hit.id)).toEqual([thread.id]);
    const other = await search(`q=${everywhere}&network=${second.slug}`, cast.member);
    expect(other.body.hits.map((hit) => hit.id)).toEqual([there.id]);
    expect((await search(`q=${everywhere}&network=never-created`, cast.member)).body.hits).toEqual(
      [],
    );
  });

  it('applies English stemming to the library and finds French words in French items', async () => {
    const english = uniqueWord();
    const volunteers = await createSummary(t.http, cast.member, slug, {
      title: `Volunteers ${english}`,
      status: 'published',
    });
    const french = await createSummary(t.http, cast.member, slug, {
      title: 'Le rôle des bénévoles',
      summary: 'Les bénévoles du quartier accueillent les familles.',
      keyFinding: 'Un accueil de proximité.',
      practiceImplications: 'Former les bénévoles.',
      language: 'fr',
      status: 'published',
    });
    const found = await search(
      `q=${encodeURIComponent(`volunteer ${english}`)}&types=research`,
      cast.member,
    );
    expect(found.body.hits.map((hit) => hit.id)).toEqual([volunteers.id]);
    const fr = await search(`q=${encodeURIComponent('bénévoles')}&types=research`, cast.member);
    expect(fr.body.hits.map((hit) => hit.id)).toEqual([french.id]);
    expect(fr.body.hits[0].snippet).toContain(`${HIGHLIGHT_START}bénévoles${HIGHLIGHT_END}`);
  });

  it('highlights a match in any searchable text of a library item, not just the first paragraphs', async () => {
    const inImplications = uniqueWord();
    const inAdaptation = uniqueWord();
    const inTwoWay = uniqueWord();
    const summary = await createSummary(t.http, cast.member, slug, {
      practiceImplications: `Budget for ${inImplications} from the start.`,
      status: 'published',
    });
    const study = await createCaseStudy(t.http, cast.member, slug, {
      adaptation: `Smaller towns need ${inAdaptation} first.`,
      twoWay: `Neighbours run ${inTwoWay} evenings.`,
      status: 'published',
    });
    for (const [word, id] of [
      [inImplications, summary.id],
      [inAdaptation, study.id],
      [inTwoWay, study.id],
    ]) {
      const response = await search(`q=${word}`, cast.member);
      expect(response.body.hits.map((hit) => hit.id)).toEqual([id]);
      expect(response.body.hits[0].snippet).toContain(`${HIGHLIGHT_START}${word}${HIGHLIGHT_END}`);
    }
  });

  it('caps the number of hits at limit', async () => {
    const response = await search(`q=${everywhere}&limit=2`, cast.member);
    expect(response.body.hits).toHaveLength(2);
  });

  it('forgets deleted messages and the old text of edited ones', async () => {
    const gone = uniqueWord();
    const before = uniqueWord();
    const after = uniqueWord();
    const deleted = await post(t.http, cast.member, thread.id, `This ${gone} will be deleted`);
    const edited = await post(t.http, cast.member, thread.id, `This says ${before}`);
    expect((await search(`q=${gone}`, cast.other)).body.hits).toHaveLength(1);
    expect(
      (await t.http.delete(`/api/messages/${deleted.id}`, { token: cast.member.token })).status,
    ).toBeLessThan(300);
    const patched = await t.http.patch(
      `/api/messages/${edited.id}`,
      { body: `This says ${after}` },
      { token: cast.member.token },
    );
    expect(patched.status).toBe(200);
    expect((await search(`q=${gone}`, cast.other)).body.hits).toEqual([]);
    expect((await search(`q=${before}`, cast.other)).body.hits).toEqual([]);
    expect((await search(`q=${after}`, cast.other)).body.hits.map((hit) => hit.id)).toEqual([
      edited.id,
    ]);
  });
});

describe('bad queries', () => {
  it.each([
    ['a missing q', '', 'q'],
    ['an empty q', 'q=', 'q'],
    ['a q over 200 characters', `q=${'a'.repeat(201)}`, 'q'],
    ['a NUL in q', 'q=a%00b', 'q'],
    ['a NUL in the network', 'q=ab&network=x%00y', 'network'],
    ['an unknown type', 'q=ab&types=thread,bogus', 'types'],
    ['limit 0', 'q=ab&limit=0', 'limit'],
    ['limit 51', 'q=ab&limit=51', 'limit'],
    ['an unknown parameter', 'q=ab&sort=rank', 'sort'],
  ])('refuses %s with 400', async (_name, query, field) => {
    const response = await search(query, cast.member);
    expect(response.status).toBe(400);
    expect(badFields(response)).toContain(field);
  });

  it('requires a token', async () => {
    expect((await t.http.get(`/api/search?q=${everywhere}`)).status).toBe(401);
  });
});

describe('isolation', () => {
  it("never shows a private network's threads, messages or library items to an outsider searching their exact words", async () => {
    const words = {
      thread: uniqueWord(),
      message: uniqueWord(),
      research: uniqueWord(),
      caseStudy: uniqueWord(),
    };
    const secret = await makeThread(t.http, cast.member, general.id, {
      title: `Secret ${words.thread}`,
      body: `Body ${words.message}`,
    });
    const summary = await createSummary(t.http, cast.member, slug, {
      title: `Summary ${words.research}`,
      status: 'published',
    });
    const study = await createCaseStudy(t.http, cast.member, slug, {
      programmeName: `Scheme ${words.caseStudy}`,
      status: 'published',
    });
    const all = Object.values(words);
    for (const query of [...all, all.join(' or '), `${everywhere} or ${all.join(' or ')}`]) {
      for (const extra of ['', `&network=${slug}`, '&types=thread,message,research,case_study']) {
        const response = await search(`q=${encodeURIComponent(query)}${extra}`, cast.outsider);
        expect(response.status).toBe(200);
        expect(response.body.hits).toEqual([]);
        for (const id of [secret.id, summary.id, study.id, cast.network.id])
          expect(response.text).not.toContain(id);
      }
    }
    // The network's members do find them.
    const found = await search(`q=${encodeURIComponent(all.join(' or '))}`, cast.other);
    expect(typesOf(found.body.hits)).toEqual(['case_study', 'message', 'research', 'thread']);
  });

  it('shows a public item of a private network to outsiders, but not its network-only neighbours', async () => {
    const word = uniqueWord();
    const open = await createSummary(t.http, cast.admin, slug, {
      title: `Open ${word}`,
      status: 'published',
      scope: 'public',
    });
    await createSummary(t.http, cast.admin, slug, { title: `Closed ${word}`, status: 'published' });
    await createCaseStudy(t.http, cast.admin, slug, {
      programmeName: `Closed ${word}`,
      status: 'published',
    });
    const response = await search(`q=${word}`, cast.outsider);
    expect(response.body.hits.map((hit) => hit.id)).toEqual([open.id]);
  });

  it("never shows a private channel's threads and messages to members not on its list", async () => {
    const titleWord = uniqueWord();
    const bodyWord = uniqueWord();
    const replyWord = uniqueWord();
    const hidden = await makeThread(t.http, cast.member, privateChannel.id, {
      title: `Private ${titleWord}`,
      body: `Private body ${bodyWord}`,
    });
    await post(t.http, cast.admin, hidden.id, `A reply ${replyWord}`);
    const query = encodeURIComponent(`${titleWord} or ${bodyWord} or ${replyWord}`);
    for (const user of [cast.other, cast.moderator, cast.outsider]) {
      const response = await search(`q=${query}`, user);
      expect(response.status).toBe(200);
      expect(response.body.hits).toEqual([]);
      expect(response.text).not.toContain(hidden.id);
    }
    for (const user of [cast.member, cast.admin]) {
      const response = await search(`q=${query}`, user);
      expect(typesOf(response.body.hits)).toEqual(['message', 'message', 'thread']);
    }
  });

  it('finds what the caller may read even when thousands of newer matches are elsewhere', async () => {
    // Another network, busy with the same word: more newer matches than the ranking looks at.
    const word = uniqueWord();
    const busyAdmin = await makeUser(t.http);
    const busy = await makeNetwork(t.http, busyAdmin, { visibility: 'private' });
    const busyChannel = await makeChannel(t.http, busyAdmin, busy.slug);
    const busyThread = await makeThread(t.http, busyAdmin, busyChannel.id);
    const mine = await makeThread(t.http, cast.member, general.id, {
      title: `Mine ${word}`,
      body: `Mine ${word}`,
    });
    const summary = await createSummary(t.http, cast.member, slug, {
      title: `Mine ${word}`,
      status: 'published',
    });
    const study = await createCaseStudy(t.http, cast.member, slug, {
      programmeName: `Mine ${word}`,
      status: 'published',
    });
    const n = 2100;
    await sql(
      t,
      `INSERT INTO messages (thread_id, seq, author_id, author_label, client_id, body, created_at)
       SELECT $1, 100 + g, $2, 'Independent practitioner', 'bulk-' || g, 'busy ' || $3, now() + interval '1 hour'
         FROM generate_series(1, $4::int) g`,
      [busyThread.id, busyAdmin.user.id, word, n],
    );
    await sql(
      t,
      `INSERT INTO threads (channel_id, network_id, title, attribution, author_id, author_label, client_id, created_at)
       SELECT $1, $2, 'busy ' || $3, 'named', $4, 'Independent practitioner', 'bulk-' || g, now() + interval '1 hour'
         FROM generate_series(1, $5::int) g`,
      [busyChannel.id, busy.id, word, busyAdmin.user.id, n],
    );
    for (const table of ['research_summaries', 'case_studies']) {
      const columns =
        table === 'research_summaries'
          ? `title, summary, key_finding, practice_implications, question, phase, sources`
          : `programme_name, summary, country, annual_budget_eur, staff_fte, volunteers, duration_months`;
      const values =
        table === 'research_summaries'
          ? `'busy ' || $3, 'busy', 'busy', 'busy', 'what_works', 'evaluation', '[{"url":"https://example.org","citation":"x"}]'::jsonb`
          : `'busy ' || $3, 'busy', 'IT', 1, 1, 1, 1`;
      await sql(
        t,
        `INSERT INTO ${table} (network_id, author_id, ${columns}, language, search_config, status, scope, published_at, created_at)
         SELECT $1, $2, ${values}, 'en', 'english', 'published', 'network', now(), now() + interval '1 hour'
           FROM generate_series(1, $4::int) g`,
        [busy.id, busyAdmin.user.id, word, n],
      );
    }
    // Readers of the busy network see its matches; the member sees their own, ranked or filtered.
    const response = await search(`q=${word}&limit=50`, cast.member);
    expect(response.status).toBe(200);
    expect(response.body.hits.map((hit) => hit.id).sort()).toEqual(
      [
        mine.id,
        summary.id,
        study.id,
        (await t.http.get(`/api/threads/${mine.id}/messages`, { token: cast.member.token })).body
          .items[0].id,
      ].sort(),
    );
    // The same when the member also belongs to the busy network and filters to their own.
    await addMember(t.http, busyAdmin, busy.slug, cast.other);
    const filtered = await search(
      `q=${word}&network=${slug}&types=message,research,case_study,thread`,
      cast.other,
    );
    expect(typesOf(filtered.body.hits)).toEqual(['case_study', 'message', 'research', 'thread']);
    const forBusy = await search(
      `q=${word}&network=${busy.slug}&types=message&limit=5`,
      cast.other,
    );
    expect(forBusy.body.hits).toHaveLength(5);
  });

  it('stops finding a network for someone who has left it', async () => {
    const leaver = await makeUser(t.http);
    await addMember(t.http, cast.admin, slug, leaver);
    expect((await search(`q=${everywhere}`, leaver)).body.hits.length).toBe(4);
    await t.http.post(`/api/networks/${slug}/leave`, undefined, { token: leaver.token });
    expect((await search(`q=${everywhere}`, leaver)).body.hits).toEqual([]);
  });
});

describe('Chatham House threads', () => {
  it('shows authors only as their label, and the raw JSON carries no id, name, handle or email', async () => {
    const author = cast.member;
    const speaker = cast.other;
    await joinOrganisation(t.http, author, { sector: 'government', level: 'local' });
    await joinOrganisation(t.http, speaker, { sector: 'ngo', level: 'national' });
    const titleWord = uniqueWord();
    const word = uniqueWord();
    const created = await t.http.post<ThreadView>(
      `/api/channels/${general.id}/threads`,
      {
        title: `Candid ${titleWord}`,
        body: `What went wrong: ${word} placements far from schools.`,
        attribution: 'chatham',
        clientId: `chatham-${word}`,
      },
      { token: author.token },
    );
    expect(created.status).toBe(201);
    const spoken = await post(t.http, speaker, created.body.id, `We saw ${word} problems too.`);
    // The labels the posts were given (coarser than the organisations' own in a small network).
    const authorLabel = created.body.author;
    const speakerLabel = spoken.author;

    const traces = [author, speaker].flatMap((user) => [
      user.user.id,
      user.user.displayName,
      user.user.handle,
      user.email,
    ]);
    for (const viewer of [cast.admin, cast.moderator, author, speaker]) {
      const response = await search(`q=${encodeURIComponent(`${word} or ${titleWord}`)}`, viewer);
      expect(response.status).toBe(200);
      expect(typesOf(response.body.hits)).toEqual(['message', 'message', 'thread']);
      const authors = response.body.hits.map((hit) => hit.author);
      for (const shown of authors)
        expect(Object.keys(shown ?? {}).sort()).toEqual(['kind', 'label', 'labelCode']);
      expect(authors).toEqual(expect.arrayContaining([authorLabel, speakerLabel]));
      const threadHit = response.body.hits.find((hit) => hit.type === 'thread');
      expect(threadHit?.author).toEqual(authorLabel);
      const text = response.text.toLowerCase();
      for (const trace of traces) expect(text).not.toContain(trace.toLowerCase());
    }
  });
});
