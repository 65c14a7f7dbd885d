import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { dueFollowUp, FOLLOW_UP_WINDOW_MONTHS } from '@tandem/domain';
import { DataSource } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service';
import { pairingTitle } from './mentoring.service';

/** How often each server process looks for follow-ups that have come due. */
export const FOLLOW_UP_INTERVAL_MS = 60 * 60 * 1000;
/** The first look after start, so a restart does not wait an hour. */
const FIRST_RUN_DELAY_MS = 60 * 1000;

interface DueRow {
  id: string;
  network_id: string;
  mentor_id: string;
  mentee_id: string;
  ended_at: Date;
  mentor_name: string;
  mentee_name: string;
}

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

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

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
  async run(now: Date): Promise<{ notified: number }> {
    // A coarse filter with a month of slack on both sides; dueFollowUp decides exactly.
    const rows: DueRow[] = await this.dataSource.query(
      `SELECT p.id, p.network_id, p.mentor_id, p.mentee_id, p.ended_at,
              mu.display_name AS mentor_name, me.display_name AS mentee_name
         FROM pairings p
         JOIN users mu ON mu.id = p.mentor_id
         JOIN users me ON me.id = p.mentee_id
        WHERE p.state = 'completed'
          AND p.ended_at <= $1::timestamptz - interval '5 months'
          AND p.ended_at > $1::timestamptz - make_interval(months => $2)`,
      [now.toISOString(), 12 + FOLLOW_UP_WINDOW_MONTHS + 1],
    );
    let notified = 0;
    for (const row of rows) {
      const milestone = dueFollowUp(new Date(row.ended_at), now);
      if (milestone === null) continue;
      // Only those still in the network can read the pairing, so only they are asked.
      const members: { user_id: string }[] = await this.dataSource.query(
        `SELECT user_id FROM network_memberships WHERE network_id = $1 AND user_id = ANY($2::uuid[])`,
        [row.network_id, [row.mentor_id, row.mentee_id]],
      );
      const created = await this.notifications.notify({
        userIds: members.map((member) => member.user_id),
        kind: 'pairing_follow_up',
        networkId: row.network_id,
        subject: {
          type: 'pairing',
          id: row.id,
          title: pairingTitle(row.mentor_name, row.mentee_name),
        },
        actor: null,
        excerpt: '',
        dedupeKey: `follow-up:${row.id}:${milestone}`,
      });
      notified += created.length;
    }
    return { notified };
  }
}
