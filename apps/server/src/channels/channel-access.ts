import { ChannelAccess, ChannelVisibility, notFound, Standing, ThreadAccess } from '@tandem/domain';
import type { EntityManager } from 'typeorm';

interface AccessRow {
  visibility: ChannelVisibility;
  archived_at: Date | null;
  role: Standing;
  listed: boolean;
  network_id: string;
  channel_id: string;
  slow_mode_seconds: number;
  suspended_until: Date | null;
  last_posted_at: Date | null;
}

/** What moderation adds to every access check: suspension and slow mode (see moderation.ts). */
export interface ParticipationFacts {
  /** End of the viewer's current suspension from the network (may lie in the past), or null. */
  suspendedUntil: Date | null;
  slowModeSeconds: number;
  /** When the viewer last posted in this channel under slow mode, or null. */
  lastPostedAt: Date | null;
}

export interface LoadedChannelAccess extends ChannelAccess, ParticipationFacts {
  networkId: string;
  channelId: string;
}

export interface LoadedThreadAccess extends ThreadAccess, ParticipationFacts {
  networkId: string;
  channelId: string;
  threadId: string;
}

/** The viewer's suspension and slow-mode clock, joined onto the channel row ($2: the viewer). */
const PARTICIPATION_COLUMNS = `c.slow_mode_seconds, s.ends_at AS suspended_until, p.posted_at AS last_posted_at`;
const PARTICIPATION_JOINS = `
       LEFT JOIN network_suspensions s ON s.network_id = c.network_id AND s.user_id = $2 AND s.lifted_at IS NULL
       LEFT JOIN channel_post_times p ON p.channel_id = c.id AND p.user_id = $2`;

/**
 * Everything a channel policy needs about the viewer, in one query: the channel's visibility
 * and state, the viewer's network role and whether they are on the channel's list. Unknown ids
 * raise the same not-found as unreadable ones. The id must be defined: TypeORM-style undefined
 * keys would silently widen a query, so this checks first.
 */
export async function loadChannelAccess(
  manager: EntityManager,
  userId: string,
  channelId: string,
): Promise<LoadedChannelAccess> {
  if (typeof channelId !== 'string' || typeof userId !== 'string') throw notFound('Channel');
  const rows: AccessRow[] = await manager.query(
    `SELECT c.visibility, c.archived_at, m.role, (cm.user_id IS NOT NULL) AS listed, c.network_id, c.id AS channel_id,
            ${PARTICIPATION_COLUMNS}
       FROM channels c
       LEFT JOIN network_memberships m ON m.network_id = c.network_id AND m.user_id = $2
       LEFT JOIN channel_members cm ON cm.channel_id = c.id AND cm.user_id = $2 ${PARTICIPATION_JOINS}
      WHERE c.id = $1`,
    [channelId, userId],
  );
  if (rows.length === 0) throw notFound('Channel');
  return toAccess(rows[0]);
}

export async function loadThreadAccess(
  manager: EntityManager,
  userId: string,
  threadId: string,
): Promise<LoadedThreadAccess> {
  if (typeof threadId !== 'string' || typeof userId !== 'string') throw notFound('Thread');
  const rows: (AccessRow & { locked_at: Date | null })[] = await manager.query(
    `SELECT c.visibility, c.archived_at, m.role, (cm.user_id IS NOT NULL) AS listed, c.network_id,
            c.id AS channel_id, t.locked_at, ${PARTICIPATION_COLUMNS}
       FROM threads t
       JOIN channels c ON c.id = t.channel_id
       LEFT JOIN network_memberships m ON m.network_id = c.network_id AND m.user_id = $2
       LEFT JOIN channel_members cm ON cm.channel_id = c.id AND cm.user_id = $2 ${PARTICIPATION_JOINS}
      WHERE t.id = $1`,
    [threadId, userId],
  );
  if (rows.length === 0) throw notFound('Thread');
  return { ...toAccess(rows[0]), locked: rows[0].locked_at !== null, threadId };
}

function toAccess(row: AccessRow): LoadedChannelAccess {
  return {
    visibility: row.visibility,
    archived: row.archived_at !== null,
    standing: row.role,
    listed: row.listed,
    networkId: row.network_id,
    channelId: row.channel_id,
    suspendedUntil: row.suspended_until,
    slowModeSeconds: row.slow_mode_seconds,
    lastPostedAt: row.last_posted_at,
  };
}
