import { ChannelAccess, ChannelVisibility, notFound, Standing, ThreadAccess } from '@tandem/domain';
import type { EntityManager } from 'typeorm';

interface AccessRow {
  visibility: ChannelVisibility;
  archived_at: Date | null;
  role: Standing;
  listed: boolean;
  network_id: string;
  channel_id: string;
  pairing_mentor_id: string | null;
  pairing_mentee_id: string | null;
}

export interface LoadedChannelAccess extends ChannelAccess {
  networkId: string;
  channelId: string;
  /** The mentor and mentee when this is a pairing's channel, else empty. */
  pairingPartnerIds: string[];
}

export interface LoadedThreadAccess extends ThreadAccess {
  networkId: string;
  channelId: string;
  threadId: string;
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
            p.mentor_id AS pairing_mentor_id, p.mentee_id AS pairing_mentee_id
       FROM channels c
       LEFT JOIN network_memberships m ON m.network_id = c.network_id AND m.user_id = $2
       LEFT JOIN channel_members cm ON cm.channel_id = c.id AND cm.user_id = $2
       LEFT JOIN pairings p ON p.channel_id = c.id
      WHERE c.id = $1`,
    [channelId, userId],
  );
  if (rows.length === 0) throw notFound('Channel');
  return toAccess(rows[0], userId);
}

export async function loadThreadAccess(
  manager: EntityManager,
  userId: string,
  threadId: string,
): Promise<LoadedThreadAccess> {
  if (typeof threadId !== 'string' || typeof userId !== 'string') throw notFound('Thread');
  const rows: (AccessRow & { locked_at: Date | null })[] = await manager.query(
    `SELECT c.visibility, c.archived_at, m.role, (cm.user_id IS NOT NULL) AS listed, c.network_id,
            c.id AS channel_id, t.locked_at,
            p.mentor_id AS pairing_mentor_id, p.mentee_id AS pairing_mentee_id
       FROM threads t
       JOIN channels c ON c.id = t.channel_id
       LEFT JOIN network_memberships m ON m.network_id = c.network_id AND m.user_id = $2
       LEFT JOIN channel_members cm ON cm.channel_id = c.id AND cm.user_id = $2
       LEFT JOIN pairings p ON p.channel_id = c.id
      WHERE t.id = $1`,
    [threadId, userId],
  );
  if (rows.length === 0) throw notFound('Thread');
  return { ...toAccess(rows[0], userId), locked: rows[0].locked_at !== null, threadId };
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
  };
}
