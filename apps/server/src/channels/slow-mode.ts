import {
  checkSlowMode,
  enforce,
  slowModeApplies,
  slowModeError,
  slowModeWaitMs,
} from '@tandem/domain';
import type { EntityManager } from 'typeorm';
import type { LoadedChannelAccess } from './channel-access';
import { returnedRows } from '../platform/database/sql';

/**
 * Slow mode for one post: refuses a member who posted in the channel less than its interval ago
 * (429 with the wait), and otherwise claims the slot. The claim is one conditional upsert on the
 * member's row in `channel_post_times`, so of two concurrent sends (two tabs, two server
 * processes) exactly one passes: the other sees the winner's row and waits. Moderators and
 * admins are exempt and claim nothing.
 *
 * Call it last among a post's checks, right before the post's transaction: a send refused
 * earlier (bad input, another limit) must not use the slot up.
 */
export async function claimSlowModeSlot(
  manager: EntityManager,
  access: LoadedChannelAccess,
  userId: string,
  now = new Date(),
): Promise<void> {
  const seconds = access.slowModeSeconds;
  if (!slowModeApplies(seconds, access.standing)) return;
  // The cheap refusal, from the access query's row, with no write.
  enforce(
    checkSlowMode({ seconds, standing: access.standing, lastPostedAt: access.lastPostedAt, now }),
  );
  const claimed = returnedRows(
    await manager.query(
      `INSERT INTO channel_post_times AS p (channel_id, user_id, posted_at) VALUES ($1, $2, now())
       ON CONFLICT (channel_id, user_id) DO UPDATE SET posted_at = now()
         WHERE p.posted_at <= now() - make_interval(secs => $3)
       RETURNING posted_at`,
      [access.channelId, userId, seconds],
    ),
  );
  if (claimed.length > 0) return;
  // Another send took the slot since the access query ran: wait from its time, by the
  // database's clock (the one the claim compares with).
  const rows: { posted_at: Date; db_now: Date }[] = await manager.query(
    `SELECT posted_at, now() AS db_now FROM channel_post_times WHERE channel_id = $1 AND user_id = $2`,
    [access.channelId, userId],
  );
  const wait = rows[0]
    ? slowModeWaitMs({
        seconds,
        standing: access.standing,
        lastPostedAt: rows[0].posted_at,
        now: rows[0].db_now,
      })
    : 0;
  throw slowModeError(Math.max(wait, 1000));
}
