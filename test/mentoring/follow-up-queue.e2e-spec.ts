import { addMonths } from '@tandem/domain';
import { FOLLOW_UP_CRON, FOLLOW_UP_QUEUE } from '../../apps/server/src/mentoring/follow-up.job';
import { JobsService } from '../../apps/server/src/platform/jobs/jobs.service';
import { startTestApp, TestApp } from '../support/app';
import { sql } from '../support/discussions';
import { act, activePairing, makeMentoringCast, MentoringCast } from './fixtures';

/**
 * The follow-up sweep runs from the job queue, not from a timer in each process: the schedule
 * is registered at start, and a run of the queue's job sends what has come due.
 */
let t: TestApp;
let cast: MentoringCast;
let pairingId: string;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeMentoringCast(t.http);
  const pairing = await activePairing(t.http, cast);
  await act(t.http, cast.mentor, pairing.id, 'complete');
  pairingId = pairing.id;
  const completedAt = addMonths(new Date(), -7);
  await sql(t, 'UPDATE pairings SET ended_at = $2, activated_at = $3 WHERE id = $1', [
    pairingId,
    completedAt,
    addMonths(completedAt, -3),
  ]);
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const reminders = () =>
  sql(t, `SELECT user_id FROM notifications WHERE kind = 'pairing_follow_up' ORDER BY user_id`);

it('registers the hourly schedule on the queue', async () => {
  let schedules: { name: string; cron: string }[] = [];
  for (let tries = 0; tries < 50 && schedules.length === 0; tries++) {
    schedules = await sql(t, 'SELECT name, cron FROM pgboss.schedule WHERE name = $1', [
      FOLLOW_UP_QUEUE,
    ]);
    if (schedules.length === 0) await pause(200);
  }
  expect(schedules).toEqual([{ name: FOLLOW_UP_QUEUE, cron: FOLLOW_UP_CRON }]);
});

it('sends the due reminders when the queue runs the sweep, and nothing twice', async () => {
  expect(await reminders()).toEqual([]);
  const jobs = t.app.get(JobsService);
  await jobs.send(FOLLOW_UP_QUEUE, {});
  let rows: { user_id: string }[] = [];
  for (let tries = 0; tries < 150 && rows.length < 2; tries++) {
    await pause(200);
    rows = await reminders();
  }
  expect(rows.map((r) => r.user_id).sort()).toEqual(
    [cast.mentor.user.id, cast.mentee.user.id].sort(),
  );
  await jobs.send(FOLLOW_UP_QUEUE, {});
  for (let tries = 0; tries < 150; tries++) {
    const counts = await jobs.counts();
    if (counts[FOLLOW_UP_QUEUE]?.completed === 2) break;
    await pause(200);
  }
  expect((await jobs.counts())[FOLLOW_UP_QUEUE]).toMatchObject({ completed: 2, failed: 0 });
  expect(await reminders()).toHaveLength(2);
}, 60_000);
