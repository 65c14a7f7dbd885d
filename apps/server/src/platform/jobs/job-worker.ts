import type { Logger } from '@nestjs/common';
import type PgBoss from 'pg-boss';

/** Seconds between two looks at an empty queue. */
const POLL_INTERVAL_MS = 2000;

/** What the worker does with one job; a throw fails the run. */
export type RunJob<T> = (job: PgBoss.JobWithMetadata<T>) => Promise<void>;

/**
 * One polling loop over one queue: fetch a job, run it, record the outcome, and sleep when the
 * queue is empty. pg-boss 10's own `work()` records the outcome without awaiting it, so a
 * database outage at that moment becomes an unhandled rejection that ends the process; here
 * every database call is awaited and a failure is logged, and a job whose outcome could not
 * be recorded simply expires and runs again.
 */
export class JobWorker<T> {
  private stopping = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly boss: PgBoss,
    private readonly name: string,
    private readonly run: RunJob<T>,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.loop ??= this.poll();
  }

  /** Stops fetching and waits for the job in hand, if any. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
  }

  private async poll(): Promise<void> {
    while (!this.stopping) {
      let job: PgBoss.JobWithMetadata<T> | undefined;
      try {
        // pg-boss's fetch answers an empty list when the database cannot be reached.
        [job] = await this.boss.fetch<T>(this.name, { includeMetadata: true, batchSize: 1 });
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        this.logger.warn(`Job ${this.name}: cannot fetch (${why})`);
      }
      if (!job) {
        await this.sleep(POLL_INTERVAL_MS);
        continue;
      }
      let failure: Error | null = null;
      try {
        await this.run(job);
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
      }
      try {
        if (failure) await this.boss.fail(this.name, job.id, { message: failure.message });
        else await this.boss.complete(this.name, job.id);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        this.logger.warn(
          `Job ${this.name} ${job.id}: outcome not recorded (${why}); it will run again`,
        );
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }
}
