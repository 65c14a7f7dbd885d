import { Injectable } from '@nestjs/common';
import { FlagReason, notFound, QUEUE_NOTES_MAX } from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
import { loadThreadAccess, LoadedThreadAccess } from '../channels/channel-access';
import { returnedRows } from '../platform/database/sql';
import { MessageEntity } from '../discussions/message.entity';
import { ThreadEntity } from '../discussions/thread.entity';
import { NetworkEntity } from '../networks/network.entity';
import { MessageFlagEntity } from './moderation.entities';
import type { QueueRow } from './moderation-views';

export interface MessageForModeration {
  message: MessageEntity;
  thread: ThreadEntity;
  /** The caller's access to the message's thread (role, listing, suspension). */
  access: LoadedThreadAccess;
  /** Whether anyone ever flagged it: the way a private conversation reaches moderators. */
  flagged: boolean;
}

export interface NewFlag {
  messageId: string;
  networkId: string;
  flaggerId: string;
  reason: FlagReason;
  note: string | null;
}

/** Flags, the queue, and the channel settings moderators change (slow mode). */
@Injectable()
export class ModerationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A message with what the moderation policies need about the caller. With `lock` (inside a
   * transaction) the message row is held FOR UPDATE, so two moderators hiding at once take
   * turns. The id must be defined: an undefined key would widen the lookup.
   */
  async loadMessageForModeration(
    manager: EntityManager,
    userId: string,
    messageId: string,
    options: { lock?: boolean } = {},
  ): Promise<MessageForModeration> {
    if (typeof messageId !== 'string' || typeof userId !== 'string') throw notFound('Message');
    const message = await manager.findOne(MessageEntity, {
      where: { id: messageId },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!message) throw notFound('Message');
    const access = await loadThreadAccess(manager, userId, message.threadId);
    const thread = await manager.findOneByOrFail(ThreadEntity, { id: message.threadId });
    const flagged: { flagged: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM message_flags WHERE message_id = $1) AS flagged`,
      [messageId],
    );
    return { message, thread, access, flagged: flagged[0].flagged };
  }

  /**
   * Records one person's flag, or returns null when they had flagged this message already (the
   * unique (message, flagger) index decides, also between concurrent requests).
   */
  async insertFlag(manager: EntityManager, flag: NewFlag): Promise<MessageFlagEntity | null> {
    const inserted = returnedRows<{ id: string }>(
      await manager.query(
        `INSERT INTO message_flags (message_id, network_id, flagger_id, reason, note)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (message_id, flagger_id) DO NOTHING RETURNING id`,
        [flag.messageId, flag.networkId, flag.flaggerId, flag.reason, flag.note],
      ),
    );
    if (inserted.length === 0) return null;
    return manager.findOneByOrFail(MessageFlagEntity, { id: inserted[0].id });
  }

  async countOpenFlags(manager: EntityManager, messageId: string): Promise<number> {
    const open: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM message_flags WHERE message_id = $1 AND status = 'open'`,
      [messageId],
    );
    return open[0].n;
  }

  /** Closes every open flag on a message; returns the ids closed. Inside the action's transaction. */
  async closeOpenFlags(
    manager: EntityManager,
    messageId: string,
    status: 'resolved' | 'dismissed',
    closedBy: string,
  ): Promise<string[]> {
    const rows = returnedRows<{ id: string }>(
      await manager.query(
        `UPDATE message_flags SET status = $2, closed_by = $3, closed_at = now()
          WHERE message_id = $1 AND status = 'open' RETURNING id`,
        [messageId, status, closedBy],
      ),
    );
    return rows.map((row) => row.id);
  }

  /**
   * One page of a network's queue: messages with open flags, the most recently flagged first,
   * each with its counts per reason and its newest notes. `viewerId` decides, per item, whether
   * the thread and channel may be named (a private channel the viewer is not on: no). The cursor
   * is (last flag time, message id). Returns up to `limit + 1` rows.
   */
  async findQueuePage(
    networkId: string,
    viewerId: string,
    limit: number,
    after: (string | number)[] | null,
  ): Promise<QueueRow[]> {
    const params: unknown[] = [networkId, viewerId, limit + 1];
    let cursor = '';
    if (after) {
      params.push(String(after[0]), String(after[1]));
      cursor = `WHERE (i.last_flagged_at, i.message_id) < (($4::timestamp AT TIME ZONE 'UTC'), $5::uuid)`;
    }
    return this.dataSource.query(
      `WITH open_flags AS (
         SELECT f.id, f.message_id, f.reason, f.note, f.created_at
           FROM message_flags f WHERE f.network_id = $1 AND f.status = 'open'
       ), items AS (
         SELECT message_id, count(*)::int AS flag_count,
                min(created_at) AS first_flagged_at, max(created_at) AS last_flagged_at
           FROM open_flags GROUP BY message_id
       ), page AS (
         SELECT i.*, (i.last_flagged_at AT TIME ZONE 'UTC')::text AS cursor_key
           FROM items i ${cursor}
          ORDER BY i.last_flagged_at DESC, i.message_id DESC
          LIMIT $3
       )
       SELECT p.message_id, p.flag_count, p.first_flagged_at, p.last_flagged_at, p.cursor_key,
              m.seq, m.body, m.author_id, m.author_label, m.author_label_code, m.edited_at, m.deleted_at, m.hidden_at, m.created_at,
              t.id AS thread_id, t.title AS thread_title, t.attribution, c.id AS channel_id, c.name AS channel_name,
              (c.visibility = 'network' OR EXISTS (
                 SELECT 1 FROM channel_members cm WHERE cm.channel_id = c.id AND cm.user_id = $2)) AS readable,
              u.display_name AS author_display_name, u.handle AS author_handle,
              (SELECT jsonb_object_agg(r.reason, r.n) FROM (
                 SELECT o.reason, count(*)::int AS n FROM open_flags o
                  WHERE o.message_id = p.message_id GROUP BY o.reason) r) AS reasons,
              (SELECT jsonb_agg(jsonb_build_object('id', o.id, 'reason', o.reason, 'note', o.note, 'createdAt', o.created_at)
                                ORDER BY o.created_at DESC, o.id DESC)
                 FROM (SELECT * FROM open_flags o WHERE o.message_id = p.message_id
                        ORDER BY o.created_at DESC, o.id DESC LIMIT ${QUEUE_NOTES_MAX}) o) AS flags
         FROM page p
         JOIN messages m ON m.id = p.message_id
         JOIN threads t ON t.id = m.thread_id
         JOIN channels c ON c.id = t.channel_id
         LEFT JOIN users u ON u.id = m.author_id
        ORDER BY p.last_flagged_at DESC, p.message_id DESC`,
      params,
    );
  }

  /** The moderators and admins of a network, but `except` (who caused the notification). */
  async findModerators(networkId: string, except: string): Promise<string[]> {
    const rows: { user_id: string }[] = await this.dataSource.query(
      `SELECT user_id FROM network_memberships
        WHERE network_id = $1 AND role IN ('moderator', 'admin') AND user_id <> $2`,
      [networkId, except],
    );
    return rows.map((row) => row.user_id);
  }

  networkById(networkId: string): Promise<NetworkEntity> {
    return this.dataSource.manager.findOneByOrFail(NetworkEntity, { id: networkId });
  }

  /** Inside the change's transaction. */
  async setSlowModeSeconds(
    manager: EntityManager,
    channelId: string,
    seconds: number,
  ): Promise<void> {
    await manager.query(`UPDATE channels SET slow_mode_seconds = $2 WHERE id = $1`, [
      channelId,
      seconds,
    ]);
  }

  /** Forgets when each member last posted in the channel, so slow mode starts everyone afresh. */
  async forgetPostTimes(manager: EntityManager, channelId: string): Promise<void> {
    await manager.query(`DELETE FROM channel_post_times WHERE channel_id = $1`, [channelId]);
  }
}
