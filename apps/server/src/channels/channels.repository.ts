import { Injectable } from '@nestjs/common';
import type { ChannelView, ChannelVisibility, Topic } from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
import { MembershipEntity } from '../networks/membership.entity';
import { returnedRows } from '../platform/database/sql';
import { ChannelEntity, ChannelMemberEntity } from './channel.entity';

interface ChannelRow {
  id: string;
  network_id: string;
  network_slug: string;
  slug: string;
  name: string;
  description: string;
  topics: Topic[];
  visibility: ChannelVisibility;
  archived_at: Date | null;
  slow_mode_seconds: number;
  created_at: Date;
  thread_count: string;
  unread_count: string;
}

/** `$1` is the viewer, whose unread count comes with each channel. */
const CHANNEL_SELECT = `
  SELECT c.id, c.network_id, n.slug AS network_slug, c.slug, c.name, c.description, c.topics, c.visibility,
         c.archived_at, c.slow_mode_seconds, c.created_at,
         (SELECT count(*) FROM threads t WHERE t.channel_id = c.id) AS thread_count,
         (SELECT coalesce(sum(greatest(t.last_seq - coalesce(r.last_read_seq, 0), 0)), 0)
            FROM threads t LEFT JOIN thread_reads r ON r.thread_id = t.id AND r.user_id = $1
           WHERE t.channel_id = c.id) AS unread_count
    FROM channels c JOIN networks n ON n.id = c.network_id`;

/** The SQL form of canReadChannel for a member: network channels, or private ones they are listed on. */
const READABLE = `(c.visibility = 'network' OR EXISTS (SELECT 1 FROM channel_members cm WHERE cm.channel_id = c.id AND cm.user_id = $1))`;

/** What a new channel is made of. */
export interface NewChannel {
  networkId: string;
  slug: string;
  name: string;
  description: string;
  topics: Topic[];
  visibility: ChannelVisibility;
  createdBy: string;
}

/** Channels and their member lists (the access facts are channel-access.ts's). */
@Injectable()
export class ChannelsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The channels of a network that the viewer reads, archived ones last (and only when asked
   * for), by name. The caller has checked that the viewer is a member.
   */
  async listReadable(
    viewerId: string,
    networkId: string,
    includeArchived: boolean,
  ): Promise<ChannelView[]> {
    const rows: ChannelRow[] = await this.dataSource.query(
      `${CHANNEL_SELECT}
        WHERE c.network_id = $2 AND ${READABLE} ${includeArchived ? '' : 'AND c.archived_at IS NULL'}
        ORDER BY c.archived_at NULLS FIRST, lower(c.name), c.id`,
      [viewerId, networkId],
    );
    return rows.map(toChannelView);
  }

  /** The channel with this viewer's unread count; the caller has authorized the viewer. */
  async viewFor(viewerId: string, channelId: string): Promise<ChannelView> {
    const rows: ChannelRow[] = await this.dataSource.query(`${CHANNEL_SELECT} WHERE c.id = $2`, [
      viewerId,
      channelId,
    ]);
    return toChannelView(rows[0]);
  }

  slugTaken(manager: EntityManager, networkId: string, slug: string): Promise<boolean> {
    return manager.existsBy(ChannelEntity, { networkId, slug });
  }

  create(manager: EntityManager, channel: NewChannel): Promise<ChannelEntity> {
    return manager.save(manager.create(ChannelEntity, channel));
  }

  async update(
    manager: EntityManager,
    channelId: string,
    changes: Partial<ChannelEntity>,
  ): Promise<void> {
    await manager.update(ChannelEntity, { id: channelId }, changes);
  }

  /** Puts a member on a channel's list; false when they were on it already. */
  async addToList(
    manager: EntityManager,
    channelId: string,
    userId: string,
    addedBy: string,
  ): Promise<boolean> {
    const inserted = returnedRows(
      await manager.query(
        `INSERT INTO channel_members (channel_id, user_id, added_by) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING user_id`,
        [channelId, userId, addedBy],
      ),
    );
    return inserted.length > 0;
  }

  /** Takes a member off a channel's list; false when they were not on it. */
  async removeFromList(
    manager: EntityManager,
    channelId: string,
    userId: string,
  ): Promise<boolean> {
    const result = await manager.delete(ChannelMemberEntity, { channelId, userId });
    return Boolean(result.affected);
  }

  /** The members of the network who are not on the channel's list. */
  async unlistedMembers(
    manager: EntityManager,
    networkId: string,
    channelId: string,
  ): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT m.user_id FROM network_memberships m
        WHERE m.network_id = $1
          AND NOT EXISTS (SELECT 1 FROM channel_members cm WHERE cm.channel_id = $2 AND cm.user_id = m.user_id)`,
      [networkId, channelId],
    );
    return rows.map((row) => row.user_id);
  }

  isNetworkMember(manager: EntityManager, networkId: string, userId: string): Promise<boolean> {
    return manager.existsBy(MembershipEntity, { networkId, userId });
  }
}

function toChannelView(row: ChannelRow): ChannelView {
  return {
    id: row.id,
    networkId: row.network_id,
    networkSlug: row.network_slug,
    slug: row.slug,
    name: row.name,
    description: row.description,
    topics: row.topics,
    visibility: row.visibility,
    archived: row.archived_at !== null,
    slowModeSeconds: row.slow_mode_seconds,
    threadCount: Number(row.thread_count),
    unreadCount: Number(row.unread_count),
    createdAt: row.created_at.toISOString(),
  };
}
