import { JobsService } from '../../apps/server/src/platform/jobs/jobs.service';
import { startTestApp, TestApp } from '../support/app';

// Queues that exist in this test only.
declare module '../../apps/server/src/platform/jobs/job-map' {
  interface JobMap {
    'test-tick': { from: string };
    'test-flaky': { label: string };
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await pause(200);
  }
}

describe('background jobs on two server processes sharing one database', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await startTestApp({ JOB_RETRY_DELAY_SECONDS: '1' });
    b = await startTestApp({ DATABASE_URL: a.db.url, JOB_RETRY_DELAY_SECONDS: '1' });
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('retries a failed job with backoff until it succeeds, in whichever process', async () => {
    const runs: { app: string; retryCount: number }[] = [];
    for (const [label, t] of [
      ['a', a],
      ['b', b],
    ] as const) {
      await t.app.get(JobsService).work('test-flaky', (job) => {
        runs.push({ app: label, retryCount: job.retryCount });
        return job.retryCount < 2
          ? Promise.reject(new Error(`failing run ${job.retryCount + 1} on purpose`))
          : Promise.resolve();
      });
    }
    await a.app.get(JobsService).send('test-flaky', { label: 'x' });
    await until(() => runs.length >= 3, 30_000, 'three runs');
    await pause(3000);

    expect(runs.map((run) => run.retryCount)).toEqual([0, 1, 2]);
    const counts = await b.app.get(JobsService).counts();
    expect(counts['test-flaky']).toMatchObject({ completed: 1, retry: 0, failed: 0, active: 0 });
  }, 60_000);

  it('runs a cron schedule once per period, however many processes schedule it', async () => {
    const runs: { app: string; at: number; id: string }[] = [];
    const start = Date.now();
    for (const [label, t] of [
      ['a', a],
      ['b', b],
    ] as const) {
      const jobs = t.app.get(JobsService);
      await jobs.work('test-tick', (job) => {
        runs.push({ app: label, at: Date.now(), id: job.id });
        return Promise.resolve();
      });
      // Both processes declare the same schedule at start, as a feature module would.
      await jobs.schedule('test-tick', '* * * * *', { from: label });
    }
    // The first run comes for the minute in progress, the second at the next minute.
    await until(() => runs.length >= 2, 150_000, 'two scheduled runs');
    await pause(8000);
    const end = Date.now();

    // Every run belongs to a distinct minute between start and end: two processes never
    // both fire the same due time.
    const minutes = Math.floor(end / 60_000) - Math.floor(start / 60_000) + 1;
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThanOrEqual(minutes);
    expect(new Set(runs.map((run) => run.id)).size).toBe(runs.length);
    await a.app.get(JobsService).unschedule('test-tick');
  }, 200_000);
});
