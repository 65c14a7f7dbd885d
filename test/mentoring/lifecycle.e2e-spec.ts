import type { NotificationView, PairingView, SuggestionsView } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import { clientId, sql } from '../support/discussions';
import { act, makeMentoringCast, MentoringCast, propose } from './fixtures';

/**
 * A pairing's whole life through the API: suggestion, proposal, both acceptances, the private
 * channel, goals, a session, completion, feedback from each side and the overview.
 */
let t: TestApp;
let cast: MentoringCast;

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeMentoringCast(t.http);
});
afterAll(async () => {
  await t.close();
});

const notificationsOf = async (token: string) =>
  (await t.http.get<{ items: NotificationView[] }>('/api/notifications', { token })).body.items;

it('walks from a suggestion to completed, with feedback and an overview', async () => {
  const slug = cast.network.slug;
  const { admin, mentor, mentee } = cast;

  // The coordinator asks for suggestions for the mentee: the mentor, with reasons.
  const suggested = await t.http.get<SuggestionsView>(
    `/api/networks/${slug}/mentoring/suggestions?menteeId=${mentee.user.id}`,
    { token: admin.token },
  );
  expect(suggested.status).toBe(200);
  expect(suggested.body.mentee.person.userId).toBe(mentee.user.id);
  expect(suggested.body.suggestions.map((s) => s.mentor.person.userId)).toEqual([mentor.user.id]);
  const reasons = suggested.body.suggestions[0].reasons;
  expect(reasons).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        code: 'topic_overlap',
        count: 2,
        topics: ['housing', 'evaluation'],
      }),
      expect.objectContaining({ code: 'shared_language', languages: ['en'] }),
      expect.objectContaining({ code: 'cross_country', menteeCountry: 'IT', mentorCountry: 'BE' }),
      expect.objectContaining({ code: 'similar_level', distance: 0 }),
      expect.objectContaining({ code: 'same_sector' }),
      expect.objectContaining({ code: 'capacity_left', free: 1 }),
    ]),
  );
  expect(suggested.body.suggestions[0].score).toBe(
    reasons.reduce((sum, reason) => sum + reason.points, 0),
  );

  // Proposed by the coordinator: both sides must accept; both are told.
  const proposed = await propose(t.http, admin, slug, {
    mentorId: mentor.user.id,
    menteeId: mentee.user.id,
    topics: ['housing', 'evaluation'],
    goals: ['Set up a housing buddy scheme', 'Agree an evaluation template'],
  });
  expect(proposed).toMatchObject({
    state: 'proposed',
    mySide: null,
    myActions: ['cancel'],
    channelId: null,
    proposedBy: { userId: admin.user.id },
    topics: ['housing', 'evaluation'],
  });
  expect(proposed.goals.map((g) => [g.position, g.title, g.status])).toEqual([
    [1, 'Set up a housing buddy scheme', 'not_started'],
    [2, 'Agree an evaluation template', 'not_started'],
  ]);
  for (const side of [mentor, mentee]) {
    const items = await notificationsOf(side.token);
    expect(items.map((n) => [n.kind, n.subject])).toContainEqual([
      'pairing_proposed',
      { type: 'pairing', id: proposed.id, title: 'Mentor Ghent & Mentee Turin' },
    ]);
  }
  const audit = await t.http.get(`/api/networks/${slug}/audit-log?action=pairing.proposed`, {
    token: admin.token,
  });
  expect(audit.body.items).toHaveLength(1);
  expect(audit.body.items[0].subject).toEqual({ type: 'pairing', id: proposed.id });

  // The mentor accepts: still proposed, waiting for the mentee.
  const halfway = await act(t.http, mentor, proposed.id, 'accept');
  expect(halfway).toMatchObject({ state: 'proposed', mySide: 'mentor', channelId: null });
  expect(halfway.mentorAcceptedAt).not.toBeNull();
  expect(halfway.myActions).toEqual(['decline', 'cancel']);

  // The mentee accepts: active, with a private channel and a thread for the pair.
  const active = await act(t.http, mentee, proposed.id, 'accept');
  expect(active.state).toBe('active');
  expect(active.activatedAt).not.toBeNull();
  expect(active.channelId).toEqual(expect.any(String));
  expect(active.threadId).toEqual(expect.any(String));
  expect(active.myActions).toEqual(['complete', 'cancel']);
  const [link] = await sql(t, 'SELECT channel_id, thread_id FROM pairings WHERE id = $1', [
    proposed.id,
  ]);
  expect(link).toEqual({ channel_id: active.channelId, thread_id: active.threadId });
  const members = await sql(
    t,
    'SELECT user_id FROM channel_members WHERE channel_id = $1 ORDER BY user_id',
    [active.channelId],
  );
  expect(members.map((m) => m.user_id).sort()).toEqual([mentor.user.id, mentee.user.id].sort());

  // Coordinators see the pairing but not its conversation.
  const asAdmin = await t.http.get<PairingView>(`/api/pairings/${proposed.id}`, {
    token: admin.token,
  });
  expect(asAdmin.status).toBe(200);
  expect(asAdmin.body).toMatchObject({ state: 'active', channelId: null, threadId: null });

  // The pair talk in their thread.
  const sent = await t.http.post(
    `/api/threads/${active.threadId}/messages`,
    { body: 'Welcome! Shall we start with the buddy scheme?', clientId: clientId() },
    { token: mentor.token },
  );
  expect(sent.status).toBe(201);
  const read = await t.http.get(`/api/threads/${active.threadId}/messages`, {
    token: mentee.token,
  });
  expect(read.body.items.map((m: { body: string }) => m.body)).toEqual([
    'Welcome! Shall we start with the buddy scheme?',
  ]);

  // Goals: one more, and progress on the first.
  const withGoal = await t.http.post<PairingView>(
    `/api/pairings/${proposed.id}/goals`,
    { title: 'Visit two reception centres' },
    { token: mentee.token },
  );
  expect(withGoal.status).toBe(201);
  expect(withGoal.body.goals.map((g) => g.position)).toEqual([1, 2, 3]);
  const achieved = await t.http.patch<PairingView>(
    `/api/pairings/${proposed.id}/goals/${withGoal.body.goals[0].id}`,
    { status: 'achieved', note: 'Six buddies recruited' },
    { token: mentor.token },
  );
  expect(achieved.status).toBe(200);
  expect(achieved.body.goals[0]).toMatchObject({
    status: 'achieved',
    note: 'Six buddies recruited',
    achievedAt: expect.any(String),
  });

  // A study visit, held last week; the other side hears of it.
  const session = await t.http.post(
    `/api/pairings/${proposed.id}/sessions`,
    {
      startsAt: new Date(Date.now() - 7 * 86_400_000).toISOString(),
      durationMinutes: 480,
      format: 'visit',
      location: 'Ghent city hall',
      agenda: 'Tour of the buddy programme',
      otherParticipants: 'Two housing officers from Turin',
    },
    { token: mentee.token },
  );
  expect(session.status).toBe(201);
  expect(session.body).toMatchObject({
    format: 'visit',
    durationMinutes: 480,
    participantIds: [mentor.user.id, mentee.user.id],
    cancelled: false,
  });
  expect((await notificationsOf(mentor.token)).map((n) => n.kind)).toContain('pairing_session');
  expect((await notificationsOf(mentee.token)).map((n) => n.kind)).not.toContain('pairing_session');
  const listed = await t.http.get(`/api/pairings/${proposed.id}/sessions`, {
    token: admin.token,
  });
  expect(listed.status).toBe(200);
  expect(listed.body.items.map((s: { id: string }) => s.id)).toEqual([session.body.id]);

  // Completed by the mentor: the channel is archived and read-only, feedback is asked for.
  const completed = await act(t.http, mentor, proposed.id, 'complete');
  expect(completed).toMatchObject({ state: 'completed', myActions: [] });
  expect(completed.endedAt).not.toBeNull();
  const [channel] = await sql(t, 'SELECT archived_at FROM channels WHERE id = $1', [
    active.channelId,
  ]);
  expect(channel.archived_at).not.toBeNull();
  const late = await t.http.post(
    `/api/threads/${active.threadId}/messages`,
    { body: 'One more thing', clientId: clientId() },
    { token: mentee.token },
  );
  expect(late.status).toBe(409);
  expect((await notificationsOf(mentee.token)).map((n) => n.kind)).toContain('pairing_completed');

  for (const [who, usefulness] of [
    [mentor, 4],
    [mentee, 5],
  ] as const) {
    const given = await t.http.post<PairingView>(
      `/api/pairings/${proposed.id}/feedback`,
      {
        usefulness,
        programmeChanges: 'We now pair every family with a buddy',
        wouldRecommend: true,
      },
      { token: who.token },
    );
    expect(given.status).toBe(201);
  }
  const again = await t.http.post(
    `/api/pairings/${proposed.id}/feedback`,
    { usefulness: 1, programmeChanges: '', wouldRecommend: false },
    { token: mentee.token },
  );
  expect(again.status).toBe(409);
  const coordinatorFeedback = await t.http.post(
    `/api/pairings/${proposed.id}/feedback`,
    { usefulness: 3, programmeChanges: '', wouldRecommend: true },
    { token: admin.token },
  );
  expect(coordinatorFeedback.status).toBe(403);

  const final = await t.http.get<PairingView>(`/api/pairings/${proposed.id}`, {
    token: admin.token,
  });
  expect(final.body.feedback.map((f) => [f.side, f.usefulness]).sort()).toEqual([
    ['mentee', 5],
    ['mentor', 4],
  ]);

  // Too early for the six-month follow-up.
  const early = await t.http.post(
    `/api/pairings/${proposed.id}/follow-ups`,
    { milestone: 6, lasting: 'Still running', stillInContact: true, usefulness: 5 },
    { token: mentee.token },
  );
  expect(early.status).toBe(409);

  const overview = await t.http.get(`/api/networks/${slug}/mentoring/overview`, {
    token: cast.moderator.token,
  });
  expect(overview.status).toBe(200);
  expect(overview.body).toMatchObject({
    pairingsByState: { proposed: 0, active: 0, completed: 1, declined: 0, cancelled: 0 },
    sessionsHeld: 1,
    hoursHeld: 8,
    goalsTotal: 3,
    goalsAchieved: 1,
    feedback: { responses: 2, averageUsefulness: 4.5, wouldRecommend: 2 },
    followUps: { responses: 0, stillInContact: 0 },
    profiles: { offering: 1, seeking: 1 },
  });

  // Lists: the coordinator sees it; a member sees only their own.
  const all = await t.http.get(`/api/networks/${slug}/pairings`, { token: admin.token });
  expect(all.body.items.map((p: { id: string }) => p.id)).toEqual([proposed.id]);
  expect(all.body.items[0]).toMatchObject({ goalsTotal: 3, goalsAchieved: 1, sessionsHeld: 1 });
  const own = await t.http.get(`/api/networks/${slug}/pairings`, { token: mentee.token });
  expect(own.body.items).toHaveLength(1);
  const others = await t.http.get(`/api/networks/${slug}/pairings`, { token: cast.member.token });
  expect(others.body.items).toEqual([]);
});

it('lets a mentee propose for themselves (their side counts as accepted)', async () => {
  const slug = cast.network.slug;
  const proposed = await propose(t.http, cast.mentee, slug, {
    mentorId: cast.mentor.user.id,
    menteeId: cast.mentee.user.id,
  });
  expect(proposed.menteeAcceptedAt).not.toBeNull();
  expect(proposed.mentorAcceptedAt).toBeNull();
  // Not a coordinator action: nothing in the audit log for it.
  const audit = await sql(t, `SELECT count(*)::int AS n FROM audit_log WHERE subject_id = $1`, [
    proposed.id,
  ]);
  expect(audit[0].n).toBe(0);
  const forSomeoneElse = await t.http.post(
    `/api/networks/${slug}/pairings`,
    { mentorId: cast.mentor.user.id, menteeId: cast.other.user.id, topics: [], goals: [] },
    { token: cast.mentee.token },
  );
  expect(forSomeoneElse.status).toBe(403);
  const twice = await t.http.post(
    `/api/networks/${slug}/pairings`,
    { mentorId: cast.mentor.user.id, menteeId: cast.mentee.user.id, topics: [], goals: [] },
    { token: cast.admin.token },
  );
  expect(twice.status).toBe(409);
  const declined = await act(t.http, cast.mentor, proposed.id, 'decline');
  expect(declined.state).toBe('declined');
  expect((await notificationsOf(cast.mentee.token)).map((n) => n.kind)).toContain(
    'pairing_declined',
  );
});

it('records a coordinator cancelling in the audit log, in the same transaction', async () => {
  const slug = cast.network.slug;
  const proposed = await propose(t.http, cast.moderator, slug, {
    mentorId: cast.mentor.user.id,
    menteeId: cast.mentee.user.id,
  });
  const cancelled = await act(t.http, cast.moderator, proposed.id, 'cancel');
  expect(cancelled.state).toBe('cancelled');
  const rows = await sql(
    t,
    `SELECT action, actor_id, details FROM audit_log WHERE subject_id = $1 ORDER BY seq`,
    [proposed.id],
  );
  expect(rows).toEqual([
    expect.objectContaining({ action: 'pairing.proposed', actor_id: cast.moderator.user.id }),
    {
      action: 'pairing.cancelled',
      actor_id: cast.moderator.user.id,
      details: { from: 'proposed', to: 'cancelled' },
    },
  ]);
});
