import {
  Attribution,
  attributionLabel,
  ChannelAccess,
  fineLabelCode,
  type FineLabelCode,
  type NetworkComposition,
  ChannelVisibility,
  Level,
  notFound,
  Sector,
  Standing,
  ThreadAccess,
  unauthorized,
} from '@tandem/domain';
import type { EntityManager } from 'typeorm';
import { networkCompositionSql, toComposition } from '../networks/chatham.repository';
import { hotQuery } from '../platform/database/sql';

interface AccessRow {
  visibility: ChannelVisibility;
  archived_at: Date | null;
  role: Standing;
  listed: boolean;
  network_id: string;
  channel_id: string;
  pairing_mentor_id: string | null;
  pairing_mentee_id: string | null;
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

/** The viewer's suspension and slow-mode clock, joined onto the channel row ($2: the viewer). */
const PARTICIPATION_COLUMNS = `c.slow_mode_seconds, s.ends_at AS suspended_until, cpt.posted_at AS last_posted_at`;
const PARTICIPATION_JOINS = `
  LEFT JOIN network_suspensions s ON s.network_id = c.network_id AND s.user_id = $2 AND s.lifted_at IS NULL
  LEFT JOIN channel_post_times cpt ON cpt.channel_id = c.id AND cpt.user_id = $2`;

export interface LoadedChannelAccess extends ChannelAccess, ParticipationFacts {
  networkId: string;
  channelId: string;
  /** The mentor and mentee when this is a pairing's channel, else empty. */
  pairingPartnerIds: string[];
}

export interface LoadedThreadAccess extends ThreadAccess, ParticipationFacts {
  networkId: string;
  channelId: string;
  threadId: string;
  /** How the thread shows its authors, which every message mapping needs. */
  attribution: Attribution;
  pairingPartnerIds: string[];
}

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
            p.mentor_id AS pairing_mentor_id, p.mentee_id AS pairing_mentee_id, ${PARTICIPATION_COLUMNS}
       FROM channels c
       LEFT JOIN network_memberships m ON m.network_id = c.network_id AND m.user_id = $2
       LEFT JOIN channel_members cm ON cm.channel_id = c.id AND cm.user_id = $2
       LEFT JOIN pairings p ON p.channel_id = c.id ${PARTICIPATION_JOINS}
      WHERE c.id = $1`,
    [channelId, userId],
  );
  if (rows.length === 0) throw notFound('Channel');
  return toAccess(rows[0], userId);
}

/**
 * What every thread policy needs, as SQL fragments shared by the loaders below so that a new
 * access fact (a column here, a join there) reaches all of them at once. `$1` is the thread,
 * `$2` the viewer.
 */
const THREAD_ACCESS_COLUMNS = `c.visibility, c.archived_at, m.role, (cm.user_id IS NOT NULL) AS listed,
  c.network_id, c.id AS channel_id, t.locked_at, t.attribution,
  p.mentor_id AS pairing_mentor_id, p.mentee_id AS pairing_mentee_id, ${PARTICIPATION_COLUMNS}`;
const THREAD_ACCESS_JOINS = `JOIN channels c ON c.id = t.channel_id
  LEFT JOIN network_memberships m ON m.network_id = c.network_id AND m.user_id = $2
  LEFT JOIN channel_members cm ON cm.channel_id = c.id AND cm.user_id = $2
  LEFT JOIN pairings p ON p.channel_id = c.id ${PARTICIPATION_JOINS}`;

type ThreadAccessRow = AccessRow & { locked_at: Date | null; attribution: Attribution };

export async function loadThreadAccess(
  manager: EntityManager,
  userId: string,
  threadId: string,
): Promise<LoadedThreadAccess> {
  if (typeof threadId !== 'string' || typeof userId !== 'string') throw notFound('Thread');
  const rows = await hotQuery<ThreadAccessRow>(
    manager,
    'thread-access',
    `SELECT ${THREAD_ACCESS_COLUMNS} FROM threads t ${THREAD_ACCESS_JOINS} WHERE t.id = $1`,
    [threadId, userId],
  );
  if (rows.length === 0) throw notFound('Thread');
  return toThreadAccess(rows[0], threadId, userId);
}

export interface PostingContext extends LoadedThreadAccess {
  /** The poster as others see them, and their own (fine) label. */
  author: { displayName: string; handle: string; label: string; fine: FineLabelCode };
  /**
   * Who is in the network by label, read in the same round trip, and the network's own group
   * size: what the post's Chatham House label is decided from. Null outside Chatham threads.
   */
  composition: NetworkComposition | null;
  networkMinGroup: number | null;
  /** The message this author already sent with this clientId (a retried send), if any. */
  previous: { id: string; threadId: string } | null;
  /** The thread of the message replied to: null when there is no such message. */
  replyToThreadId: string | null;
}

interface PostingRow extends ThreadAccessRow {
  thread_id: string | null;
  display_name: string;
  handle: string;
  sector: Sector | null;
  level: Level | null;
  previous_id: string | null;
  previous_thread_id: string | null;
  reply_to_thread_id: string | null;
  composition: unknown;
  network_min_group: number | null;
}

/**
 * Everything posting a message needs to know before it writes, in one round trip: the thread
 * access facts, the author and their organisation (for the label), an earlier send with the
 * same clientId, and the thread of the message replied to. The posting path is the hottest in
 * the product, and on this kind of machine every round trip to Postgres costs more than the
 * query itself.
 */
export async function loadPostingContext(
  manager: EntityManager,
  userId: string,
  threadId: string,
  clientId: string,
  replyToId: string | null,
): Promise<PostingContext> {
  if (typeof threadId !== 'string' || typeof userId !== 'string') throw notFound('Thread');
  const rows = await hotQuery<PostingRow>(
    manager,
    'posting-context',
    `SELECT ${THREAD_ACCESS_COLUMNS}, t.id AS thread_id,
            u.display_name, u.handle, o.sector, o.level,
            prev.id AS previous_id, prev.thread_id AS previous_thread_id,
            reply.thread_id AS reply_to_thread_id,
            CASE WHEN t.attribution = 'chatham' THEN ${networkCompositionSql('c.network_id')} END AS composition,
            (SELECT chatham_min_group FROM networks WHERE id = c.network_id) AS network_min_group
       FROM users u
       LEFT JOIN organisations o ON o.id = u.organisation_id
       LEFT JOIN (threads t ${THREAD_ACCESS_JOINS}) ON t.id = $1
       LEFT JOIN messages prev ON prev.author_id = u.id AND prev.client_id = $3
       LEFT JOIN messages reply ON reply.id = $4
      WHERE u.id = $2`,
    [threadId, userId, clientId, replyToId],
  );
  if (rows.length === 0) throw unauthorized('Your account no longer exists');
  const row = rows[0];
  if (row.thread_id === null) throw notFound('Thread');
  return {
    ...toThreadAccess(row, threadId, userId),
    author: {
      displayName: row.display_name,
      handle: row.handle,
      label: attributionLabelOf(row),
      fine: fineLabelCode(
        row.sector && row.level ? { sector: row.sector, level: row.level } : null,
      ),
    },
    composition: row.composition === null ? null : toComposition(row.composition),
    networkMinGroup: row.network_min_group,
    previous: row.previous_id
      ? { id: row.previous_id, threadId: row.previous_thread_id ?? '' }
      : null,
    replyToThreadId: row.reply_to_thread_id,
  };
}

function attributionLabelOf(row: { sector: Sector | null; level: Level | null }): string {
  return attributionLabel(
    row.sector && row.level ? { sector: row.sector, level: row.level } : null,
  );
}

function toThreadAccess(
  row: ThreadAccessRow,
  threadId: string,
  userId: string,
): LoadedThreadAccess {
  return {
    ...toAccess(row, userId),
    locked: row.locked_at !== null,
    threadId,
    attribution: row.attribution,
  };
}

function toAccess(row: AccessRow, userId: string): LoadedChannelAccess {
  const pairingPartnerIds = [row.pairing_mentor_id, row.pairing_mentee_id].filter(
    (id): id is string => id !== null,
  );
  return {
    pairing:
      pairingPartnerIds.length > 0 ? { isPartner: pairingPartnerIds.includes(userId) } : null,
    pairingPartnerIds,
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
