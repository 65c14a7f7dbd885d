import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PairingClosingService } from './pairing-closing.service';

/** How often each server process looks for follow-ups that have come due. */
export const FOLLOW_UP_INTERVAL_MS = 60 * 60 * 1000;
/** The first look after start, so a restart does not wait an hour. */
const FIRST_RUN_DELAY_MS = 60 * 1000;

/**
 * Six and twelve months after a pairing is completed, each side still in the network is asked
 * what lasted (`pairing_follow_up`). Every server process runs this hourly; the notification's
 * dedupe key `follow-up:<pairing>:<months>` (unique per recipient and kind in the database) makes
 * the reminder go out once however many processes run it, and however often. `run(now)` takes
 * the clock as an argument, so tests run it at any date.
 */
@Injectable()
export class MentoringFollowUpJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('MentoringFollowUpJob');
  private timers: NodeJS.Timeout[] = [];

  constructor(private readonly closing: PairingClosingService) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      this.run(new Date()).catch((error: unknown) =>
        this.logger.error(
          `Follow-up reminders failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    };
    const first = setTimeout(tick, FIRST_RUN_DELAY_MS);
    const every = setInterval(tick, FOLLOW_UP_INTERVAL_MS);
    first.unref();
    every.unref();
    this.timers = [first, every];
  }

  onModuleDestroy(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }

  /** Sends the reminders due at `now`; returns how many notifications were created. */
  run(now: Date): Promise<{ notified: number }> {
    return this.closing.remindDueFollowUps(now);
  }
}
