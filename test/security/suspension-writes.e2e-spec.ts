import {
  activePairing,
  makeMentoringCast,
  MentoringCast,
  propose,
  saveProfile,
} from '../mentoring/fixtures';
import { startTestApp, TestApp } from '../support/app';
import { curate } from '../support/curation';
import { clientId, makeChannel, makeThread, post, sql } from '../support/discussions';
import type { TestUser } from '../support/factories';
import type { HttpResponse } from '../support/http';
import { caseStudyInput, createCaseStudy, createSummary, summaryInput } from '../support/library';

/**
 * A member suspended from a network writes nothing in it, whatever the feature: discussions,
 * links, library records, mentoring profiles, proposals and pairing work, curation. Each attempt
 * answers 403 `forbidden` naming when the suspension ends, and changes no row. They still read.
 */
describe('a suspended member writes nothing in the network', () => {
  let t: TestApp;
  let cast: MentoringCast;
  let threadId: string;
  let messageId: string;
  let summaryId: string;
  let caseStudyId: string;
  let linkId: string;
  let pairingId: string;
  let proposedId: string;
  let goalId: string;
  let entryId: string;

  /** The whole network's rows, to show a refusal changed nothing. */
  async function snapshot(): Promise<string> {
    const tables = [
      'threads',
      'messages',
      'thread_links',
      'research_summaries',
      'case_studies',
      'mentoring_profiles',
      'pairings',
      'pairing_goals',
      'pairing_sessions',
      'pairing_feedback',
      'entries',
      'message_flags',
    ];
    const rows = await Promise.all(
      tables.map((table) =>
        sql(
          t,
          `SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS h FROM ${table} x`,
        ),
      ),
    );
    return rows.map((row) => row[0].h as string).join(':');
  }

  beforeAll(async () => {
    t = await startTestApp();
    cast = await makeMentoringCast(t.http);
    const slug = cast.network.slug;
    const channel = await makeChannel(t.http, cast.admin, slug);
    const thread = await makeThread(t.http, cast.mentee, channel.id);
    threadId = thread.id;
    messageId = (await post(t.http, cast.mentee, threadId, 'Before the suspension')).id;
    summaryId = (await createSummary(t.http, cast.mentee, slug, { status: 'published' })).id;
    caseStudyId = (await createCaseStudy(t.http, cast.mentee, slug, { status: 'published' })).id;
    const link = await t.http.post(
      `/api/threads/${threadId}/links`,
      { targetType: 'research', targetId: summaryId },
      { token: cast.mentee.token },
    );
    expect(link.status).toBe(200);
    linkId = (link.body as { id: string }[])[0].id;
    const pairing = await activePairing(t.http, cast);
    pairingId = pairing.id;
    goalId = pairing.goals[0].id;
    // A second proposal, waiting for the mentee's answer.
    await saveProfile(t.http, cast.member, slug, { mode: 'offering', capacity: 3 });
    proposedId = (
      await propose(t.http, cast.admin, slug, {
        mentorId: cast.member.user.id,
        menteeId: cast.mentee.user.id,
      })
    ).id;
    entryId = (await curate(t, cast.admin, threadId)).id;
    // The mentee and the moderator are suspended.
    for (const user of [cast.mentee, cast.moderator]) {
      const suspended = await t.http.post(
        `/api/networks/${slug}/members/${user.user.id}/suspend`,
        { days: 2, reason: 'Cooling off' },
        { token: cast.admin.token },
      );
      expect(suspended.status).toBe(201);
    }
  }, 120_000);
  afterAll(() => t.close());

  const attempts: [string, () => [TestUser, string, string, unknown?]][] = [
    [
      'start a thread',
      () => [
        cast.mentee,
        'POST',
        `/api/channels/${channelOf()}/threads`,
        { title: 'New', body: 'Text', attribution: 'named', clientId: clientId() },
      ],
    ],
    [
      'post a message',
      () => [
        cast.mentee,
        'POST',
        `/api/threads/${threadId}/messages`,
        { body: 'Text', clientId: clientId() },
      ],
    ],
    [
      'edit a message',
      () => [cast.mentee, 'PATCH', `/api/messages/${messageId}`, { body: 'Edited' }],
    ],
    ['delete a message', () => [cast.mentee, 'DELETE', `/api/messages/${messageId}`]],
    [
      'flag a message',
      () => [cast.mentee, 'POST', `/api/messages/${messageId}/flags`, { reason: 'spam' }],
    ],
    [
      'link evidence to a thread',
      () => [
        cast.mentee,
        'POST',
        `/api/threads/${threadId}/links`,
        { targetType: 'case_study', targetId: caseStudyId },
      ],
    ],
    ['remove a link', () => [cast.mentee, 'DELETE', `/api/threads/${threadId}/links/${linkId}`]],
    [
      'add a research summary',
      () => [cast.mentee, 'POST', '/api/research-summaries', summaryInput(cast.network.slug)],
    ],
    [
      'edit their research summary',
      () => [
        cast.mentee,
        'PATCH',
        `/api/research-summaries/${summaryId}`,
        { title: 'Changed while suspended' },
      ],
    ],
    [
      'add a case study',
      () => [cast.mentee, 'POST', '/api/case-studies', caseStudyInput(cast.network.slug)],
    ],
    [
      'edit their case study',
      () => [
        cast.mentee,
        'PATCH',
        `/api/case-studies/${caseStudyId}`,
        { programmeName: 'Changed while suspended' },
      ],
    ],
    [
      'save a mentoring profile',
      () => [
        cast.mentee,
        'POST',
        `/api/networks/${cast.network.slug}/mentoring/profiles`,
        { mode: 'seeking', topics: ['housing'], languages: ['en'] },
      ],
    ],
    [
      'propose a pairing',
      () => [
        cast.mentee,
        'POST',
        `/api/networks/${cast.network.slug}/pairings`,
        {
          mentorId: cast.mentor.user.id,
          menteeId: cast.mentee.user.id,
          topics: ['housing'],
          goals: ['A goal'],
        },
      ],
    ],
    ['accept a proposal', () => [cast.mentee, 'POST', `/api/pairings/${proposedId}/accept`]],
    [
      'add a goal',
      () => [cast.mentee, 'POST', `/api/pairings/${pairingId}/goals`, { title: 'Another goal' }],
    ],
    [
      'update a goal',
      () => [
        cast.mentee,
        'PATCH',
        `/api/pairings/${pairingId}/goals/${goalId}`,
        { title: 'Renamed while suspended' },
      ],
    ],
    [
      'log a session',
      () => [
        cast.mentee,
        'POST',
        `/api/pairings/${pairingId}/sessions`,
        {
          startsAt: new Date(Date.now() - 86_400_000).toISOString(),
          durationMinutes: 60,
          format: 'call',
        },
      ],
    ],
    ['complete a pairing', () => [cast.mentee, 'POST', `/api/pairings/${pairingId}/complete`]],
    [
      'curate a thread (a suspended moderator)',
      () => [cast.moderator, 'POST', `/api/threads/${threadId}/curate`, {}],
    ],
    [
      'edit an entry (a suspended moderator)',
      () => [
        cast.moderator,
        'PATCH',
        `/api/entries/${entryId}`,
        { summary: 'Changed while suspended' },
      ],
    ],
    [
      'lock a thread (a suspended moderator)',
      () => [cast.moderator, 'POST', `/api/threads/${threadId}/lock`],
    ],
  ];

  let channelId = '';
  const channelOf = (): string => channelId;

  beforeAll(async () => {
    const [row] = await sql<{ channel_id: string }>(
      t,
      'SELECT channel_id FROM threads WHERE id = $1',
      [threadId],
    );
    channelId = row.channel_id;
  });

  it.each(attempts)('cannot %s', async (_what, attempt) => {
    const [user, method, path, body] = attempt();
    const before = await snapshot();
    const response: HttpResponse = await t.http.request(method, path, body, { token: user.token });
    expect({ status: response.status, error: response.body?.error }).toEqual({
      status: 403,
      error: 'forbidden',
    });
    expect(response.body.message).toMatch(/suspended/);
    expect(await snapshot()).toBe(before);
  });

  it('still reads', async () => {
    for (const path of [
      `/api/threads/${threadId}`,
      `/api/research-summaries/${summaryId}`,
      `/api/pairings/${pairingId}`,
    ]) {
      expect((await t.http.get(path, { token: cast.mentee.token })).status).toBe(200);
    }
  });
});
