import { addMonths } from '@tandem/domain';
import { MentoringFollowUpJob } from '../../apps/server/src/mentoring/follow-up.job';
import { startTestApp, TestApp } from '../support/app';
import { sql } from '../support/discussions';
import { act, activePairing, makeMentoringCast, MentoringCast } from './fixtures';

/**
 * Six and twelve months after completion each side is asked what lasted: once, however often
 * the job runs and however many server processes run it. The job takes "now" as an argument.
 */
let t: TestApp;
let second: TestApp;
let cast: MentoringCast;
let pairingId: string;
// Seven months ago: the six-month reminder is due today, the twelve-month one is not yet, so the
// answer endpoint (which uses the real clock) opens the first milestone only.
const completedAt = addMonths(new Date(), -7);
const DAY = 86_400_000;

beforeAll(async () => {
  t = await startTestApp();
  second = await startTestApp({ DATABASE_URL: t.db.url });
  cast = await makeMentoringCast(t.http);
  const pairing = await activePairing(t.http, cast);
  await act(t.http, cast.mentor, pairing.id, 'complete');
  pairingId = pairing.id;
  await sql(t, 'UPDATE pairings SET ended_at = $2, activated_at = $3 WHERE id = $1', [
    pairingId,
    completedAt,
    addMonths(completedAt, -3),
  ]);
});
afterAll(async () => {
  await second?.close();
  await t?.close();
});

const jobOf = (app: TestApp) => app.app.get(MentoringFollowUpJob);
const reminders = () =>
  sql(
    t,
    `SELECT user_id, dedupe_key FROM notifications WHERE kind = 'pairing_follow_up' ORDER BY dedupe_key, user_id`,
  );

it('sends nothing before six months', async () => {
  const result = await jobOf(t).run(new Date(addMonths(completedAt, 6).getTime() - DAY));
  expect(result.notified).toBe(0);
  expect(await reminders()).toEqual([]);
});

it('asks both sides at six months, once, even run twice on two processes at once', async () => {
  const sixMonths = addMonths(completedAt, 6);
  const results = await Promise.all([
    jobOf(t).run(sixMonths),
    jobOf(second).run(sixMonths),
    jobOf(t).run(new Date(sixMonths.getTime() + 3600_000)),
    jobOf(second).run(new Date(sixMonths.getTime() + 7200_000)),
  ]);
  expect(results.reduce((sum, r) => sum + r.notified, 0)).toBe(2);
  const rows = await reminders();
  expect(rows.map((r) => r.user_id).sort()).toEqual(
    [cast.mentor.user.id, cast.mentee.user.id].sort(),
  );
  expect(new Set(rows.map((r) => r.dedupe_key))).toEqual(new Set([`follow-up:${pairingId}:6`]));
  // A month later, nothing new.
  expect((await jobOf(t).run(new Date(sixMonths.getTime() + 30 * DAY))).notified).toBe(0);
  const list = await t.http.get('/api/notifications', { token: cast.mentee.token });
  expect(list.body.items[0]).toMatchObject({
    kind: 'pairing_follow_up',
    subject: { type: 'pairing', id: pairingId, title: 'Mentor Ghent & Mentee Turin' },
    actor: null,
  });
});

it('takes each side’s answer once, from the milestone on', async () => {
  const answer = {
    milestone: 6,
    lasting: 'The buddy scheme runs in two districts',
    stillInContact: true,
    usefulness: 5,
  };
  const first = await t.http.post(`/api/pairings/${pairingId}/follow-ups`, answer, {
    token: cast.mentee.token,
  });
  expect(first.status).toBe(201);
  expect(first.body.followUps).toEqual([
    expect.objectContaining({ side: 'mentee', milestone: 6, stillInContact: true }),
  ]);
  const again = await t.http.post(`/api/pairings/${pairingId}/follow-ups`, answer, {
    token: cast.mentee.token,
  });
  expect(again.status).toBe(409);
  const twelve = await t.http.post(
    `/api/pairings/${pairingId}/follow-ups`,
    { ...answer, milestone: 12 },
    { token: cast.mentor.token },
  );
  expect(twelve.status).toBe(409);
  const coordinator = await t.http.post(`/api/pairings/${pairingId}/follow-ups`, answer, {
    token: cast.admin.token,
  });
  expect(coordinator.status).toBe(403);
  const overview = await t.http.get(`/api/networks/${cast.network.slug}/mentoring/overview`, {
    token: cast.admin.token,
  });
  expect(overview.body.followUps).toEqual({ responses: 1, stillInContact: 1 });
});

it('asks again at twelve months, once, and not a third time', async () => {
  const twelve = addMonths(completedAt, 12);
  const results = await Promise.all([jobOf(t).run(twelve), jobOf(second).run(twelve)]);
  expect(results.reduce((sum, r) => sum + r.notified, 0)).toBe(2);
  const rows = await reminders();
  expect(rows.map((r) => r.dedupe_key)).toEqual([
    `follow-up:${pairingId}:12`,
    `follow-up:${pairingId}:12`,
    `follow-up:${pairingId}:6`,
    `follow-up:${pairingId}:6`,
  ]);
  expect((await jobOf(t).run(new Date(twelve.getTime() + 60 * DAY))).notified).toBe(0);
  expect((await jobOf(t).run(addMonths(completedAt, 19))).notified).toBe(0);
  expect(await reminders()).toHaveLength(4);
});

it('asks only those still in the network', async () => {
  const pairing = await activePairing(t.http, cast);
  await act(t.http, cast.mentee, pairing.id, 'complete');
  const ended = addMonths(new Date(), -8);
  await sql(t, 'UPDATE pairings SET ended_at = $2, activated_at = $3 WHERE id = $1', [
    pairing.id,
    ended,
    addMonths(ended, -2),
  ]);
  const left = await t.http.post(`/api/networks/${cast.network.slug}/leave`, undefined, {
    token: cast.mentee.token,
  });
  expect([200, 204]).toContain(left.status);
  expect((await jobOf(t).run(addMonths(ended, 6))).notified).toBe(1);
  const rows = await sql(t, `SELECT user_id FROM notifications WHERE dedupe_key = $1`, [
    `follow-up:${pairing.id}:6`,
  ]);
  expect(rows).toEqual([{ user_id: cast.mentor.user.id }]);
});
