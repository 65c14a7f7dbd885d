import type { AccountExport } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import {
  Cast,
  joinOrganisation,
  makeCast,
  makeChannel,
  makeThread,
  post,
} from '../support/discussions';
import { caseStudyInput, summaryInput } from '../support/library';
import { moderationApi, ok } from '../support/moderation';

let t: TestApp;
let cast: Cast;

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeCast(t.http);
});
afterAll(async () => {
  await t.close();
});

const download = (token: string) => t.http.get<AccountExport>('/api/me/data', { token });

describe('downloading one’s own data', () => {
  it('holds the member’s profile, memberships, posts with revisions, reads, notifications, flags and library items', async () => {
    const { member, other, admin } = cast;
    const organisation = await joinOrganisation(t.http, member, { sector: 'ngo', level: 'local' });
    const channel = await makeChannel(t.http, admin, cast.network.slug);
    const started = await makeThread(t.http, member, channel.id, {
      title: 'My own thread title',
      body: 'My opening words',
    });
    const othersThread = await makeThread(t.http, other, channel.id, {
      title: 'Someone else’s title wallaby',
      body: 'Someone else’s opening dingo',
    });
    const mine = await post(t.http, member, othersThread.id, 'My first version');
    ok(
      await t.http.patch(
        `/api/messages/${mine.id}`,
        { body: 'My second version' },
        { token: member.token },
      ),
    );
    // A mention of the member by someone else: the notification is theirs, its excerpt is not.
    await post(t.http, other, othersThread.id, `@${member.user.handle} see the koala report`);
    ok(
      await t.http.post(
        `/api/threads/${othersThread.id}/read`,
        { seq: 3 },
        { token: member.token },
      ),
    );
    const othersMessage = await post(t.http, other, othersThread.id, 'A flaggable platypus claim');
    ok(
      await moderationApi(t).flag(member, othersMessage.id, {
        reason: 'misinformation',
        note: 'No source given',
      }),
    );
    const research = ok(
      await t.http.post(
        '/api/research-summaries',
        summaryInput(cast.network.slug, { title: 'My research summary' }),
        { token: member.token },
      ),
    );
    const caseStudy = ok(
      await t.http.post(
        '/api/case-studies',
        caseStudyInput(cast.network.slug, { programmeName: 'My buddy scheme' }),
        { token: member.token },
      ),
    );

    const response = await download(member.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.json"/);
    const data = response.body;
    expect(data).toMatchObject({
      format: 'tandem-account-export',
      version: 1,
      userId: member.user.id,
    });
    const parts = data.parts as Record<string, any>;
    expect(Object.keys(parts)).toEqual([
      'profile',
      'accountLinks',
      'sessions',
      'memberships',
      'discussions',
      'notifications',
      'moderation',
      'library',
      'mentoring',
      'curation',
    ]);
    expect(parts.profile).toMatchObject({
      id: member.user.id,
      email: member.email,
      displayName: member.user.displayName,
      handle: member.user.handle,
      organisation: { id: organisation.id, sector: 'ngo', level: 'local' },
    });
    expect(parts.profile).toMatchObject({
      locale: 'en',
      readingLanguages: [],
      // Verified by opening the invitation mailed to the address.
      emailVerifiedAt: expect.any(String),
    });
    // The sign-up verification link: when and where it went, never the token or its hash.
    expect(parts.accountLinks).toEqual([
      expect.objectContaining({ purpose: 'verify_email', email: member.email, usedAt: null }),
    ]);
    expect(JSON.stringify(parts.accountLinks)).not.toMatch(/token|hash/i);
    expect(parts.sessions.length).toBeGreaterThan(0);
    expect(parts.memberships.networks).toEqual([
      expect.objectContaining({ networkId: cast.network.id, role: 'member' }),
    ]);
    expect(parts.discussions.threadsStarted).toEqual([
      expect.objectContaining({ id: started.id, title: 'My own thread title' }),
    ]);
    const bodies = parts.discussions.messages.map((m: { body: string }) => m.body);
    expect(bodies).toEqual(['My opening words', 'My second version']);
    const edited = parts.discussions.messages.find((m: { id: string }) => m.id === mine.id);
    expect(edited.revisions).toEqual([
      { body: 'My first version', replacedAt: expect.any(String) },
    ]);
    expect(parts.discussions.readState).toEqual(
      expect.arrayContaining([expect.objectContaining({ threadId: othersThread.id })]),
    );
    expect(parts.notifications).toEqual([
      expect.objectContaining({
        kind: 'mention',
        subject: { type: 'thread', id: othersThread.id },
      }),
    ]);
    expect(parts.moderation.flagsRaised).toEqual([
      expect.objectContaining({
        messageId: othersMessage.id,
        reason: 'misinformation',
        note: 'No source given',
        status: 'open',
      }),
    ]);
    expect(parts.library.researchSummaries).toEqual([
      expect.objectContaining({ id: research.id, title: 'My research summary' }),
    ]);
    expect(parts.library.caseStudies).toEqual([
      expect.objectContaining({ id: caseStudy.id, programmeName: 'My buddy scheme' }),
    ]);

    // Nobody else's data: no one else's email, words or name.
    for (const foreign of [
      other.email,
      admin.email,
      cast.moderator.email,
      other.user.displayName,
      'wallaby',
      'dingo',
      'koala',
      'platypus',
    ]) {
      expect(response.text).not.toContain(foreign);
    }
    expect(response.text).not.toContain('refresh');
    expect(response.text).not.toMatch(/token|password/i);
  });

  it('holds only the member’s own posts from a Chatham House thread', async () => {
    const { member, other, admin } = cast;
    const channel = await makeChannel(t.http, admin, cast.network.slug);
    const thread = await makeThread(t.http, other, channel.id, {
      attribution: 'chatham',
      title: 'Under the rule',
      body: 'Their opening quetzal',
    });
    await post(t.http, member, thread.id, 'My words under the rule');
    await post(t.http, admin, thread.id, 'The admin’s words toucan');
    const response = await download(member.token);
    const parts = response.body.parts as Record<string, any>;
    const here = parts.discussions.messages.filter(
      (m: { threadId: string }) => m.threadId === thread.id,
    );
    expect(here).toEqual([
      expect.objectContaining({ body: 'My words under the rule', shownAs: expect.any(String) }),
    ]);
    expect(response.text).not.toContain('quetzal');
    expect(response.text).not.toContain('toucan');
  });

  it('is for the signed-in member only', async () => {
    expect((await t.http.get('/api/me/data')).status).toBe(401);
    const theirs = await download(cast.other.token);
    expect(theirs.body.userId).toBe(cast.other.user.id);
    expect(theirs.text).not.toContain(cast.member.email);
  });
});
