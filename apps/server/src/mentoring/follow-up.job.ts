import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobsService } from '../platform/jobs/jobs.service';
import { PairingClosingService } from './pairing-closing.service';

/** The job queue's name for the follow-up sweep. */
export const FOLLOW_UP_QUEUE = 'mentoring-follow-ups';
/** Hourly, at seven past: one sweep per cluster, however many server processes run. */
export const FOLLOW_UP_CRON = '7 * * * *';

/**
 * Six and twelve months after a pairing is completed, each side still in the network is asked
 * what lasted (`pairing_follow_up`). The sweep is a scheduled job on the queue (platform/jobs):
 * pg-boss fires it once per due time across the cluster, retries a failed run with backoff, and
 * shows it in the queue counts. The notification's dedupe key `follow-up:<pairing>:<months>`
 * (unique per recipient and kind in the database) still makes each reminder go out once, even
 * if a run is retried after sending some. `run(now)` takes the clock as an argument, so tests
 * run it at any date.
 */
@Injectable()
export class MentoringFollowUpJob implements OnApplicationBootstrap {
  private readonly logger = new Logger('MentoringFollowUpJob');

  constructor(
    private readonly closing: PairingClosingService,
    private readonly jobs: JobsService,
  ) {}

  /**
   * Registers the worker and the schedule without holding up the start: the queue may still be
   * starting (JobsService.ready), and the application serves meanwhile.
   */
  onApplicationBootstrap(): void {
    const register = async () => {
      await this.jobs.work(FOLLOW_UP_QUEUE, async () => {
        const { notified } = await this.run(new Date());
        if (notified > 0) this.logger.log(`Sent ${notified} follow-up reminder(s)`);
      });
      await this.jobs.schedule(FOLLOW_UP_QUEUE, FOLLOW_UP_CRON, {});
    };
    register().catch((error: unknown) =>
      this.logger.error(
        `Follow-up reminders are not scheduled: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }

  /** Sends the reminders due at `now`; returns how many notifications were created. */
  run(now: Date): Promise<{ notified: number }> {
    return this.closing.remindDueFollowUps(now);
  }
}
