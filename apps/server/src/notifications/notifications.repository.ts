import { Injectable } from '@nestjs/common';
import type {
  NotificationKind,
  NotificationPayload,
  NotificationSubjectType,
} from '@tandem/domain';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { returnedRows } from '../platform/database/sql';
import { NotificationEntity } from './notification.entity';

/** One notification for each of several recipients, all alike. */
export interface NewNotifications {
  userIds: string[];
  kind: NotificationKind;
  networkId: string;
  subjectType: NotificationSubjectType;
  subjectId: string;
  /** Set for thread subjects (the database checks it equals the subject). */
  threadId: string | null;
  messageId: string | null;
  dedupeKey: string | null;
  payload: NotificationPayload;
}

/** Notifications: writing them for recipients, and each recipient's inbox. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts one notification per recipient in one auto-committed statement, skipping those the
   * unique indexes refuse (a mention already made for this message, a dedupe key already used).
   * Returns the notifications made.
   */
  async insertForEach(input: NewNotifications): Promise<NotificationEntity[]> {
    const rows = returnedRows<{ id: string }>(
      await this.dataSource.query(
        `INSERT INTO notifications
           (user_id, kind, network_id, subject_type, subject_id, thread_id, message_id, dedupe_key, payload)
         SELECT r, $2, $3, $4, $5, $6, $7, $8, $9::jsonb FROM unnest($1::uuid[]) AS r
         ON CONFLICT DO NOTHING
         RETURNING id`,
        [
          input.userIds,
          input.kind,
          input.networkId,
          input.subjectType,
          input.subjectId,
          input.threadId,
          input.messageId,
          input.dedupeKey,
          JSON.stringify(input.payload),
        ],
      ),
    );
    if (rows.length === 0) return [];
    return this.dataSource.manager.findBy(NotificationEntity, {
      id: In(rows.map((row) => row.id)),
    });
  }

  /**
   * Members with these handles who can read the thread's channel: in the network, and on the
   * list of a private channel. Never the author.
   */
  async mentionRecipients(
    handles: string[],
    networkId: string,
    channelId: string,
    authorId: string | null,
  ): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT u.id FROM users u
         JOIN network_memberships m ON m.user_id = u.id AND m.network_id = $2
         JOIN channels c ON c.id = $3
        WHERE u.handle = ANY($1::text[]) AND u.id IS DISTINCT FROM $4
          AND (c.visibility = 'network' OR EXISTS (SELECT 1 FROM channel_members cm WHERE cm.channel_id = c.id AND cm.user_id = u.id))`,
      [handles, networkId, channelId, authorId],
    );
    return rows.map((row) => row.id);
  }

  /**
   * A mention's excerpt follows what members may read of its message (the current text, or
   * nothing once deleted or hidden). Run inside the change's transaction.
   */
  async setMentionExcerpt(manager: EntityManager, messageId: string, text: string): Promise<void> {
    await manager.query(
      `UPDATE notifications SET payload = jsonb_set(payload, '{excerpt}', to_jsonb($2::text))
        WHERE message_id = $1 AND kind = 'mention'`,
      [messageId, text],
    );
  }

  /**
   * One page of a recipient's notifications, newest first, after the cursor (creation time to
   * the millisecond, id). Returns up to `limit + 1`: one more tells that a next page exists.
   */
  findPage(
    userId: string,
    unreadOnly: boolean,
    limit: number,
    after: (string | number)[] | null,
  ): Promise<NotificationEntity[]> {
    const builder = this.dataSource.manager
      .createQueryBuilder(NotificationEntity, 'n')
      .where('n.userId = :userId', { userId })
      .orderBy("date_trunc('milliseconds', n.created_at)", 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(limit + 1);
    if (unreadOnly) builder.andWhere('n.readAt IS NULL');
    if (after)
      builder.andWhere(
        "(date_trunc('milliseconds', n.created_at), n.id) < (:at::timestamptz, :id::uuid)",
        { at: after[0], id: after[1] },
      );
    return builder.getMany();
  }

  countUnread(userId: string): Promise<number> {
    return this.dataSource.manager.countBy(NotificationEntity, { userId, readAt: IsNull() });
  }

  /** The recipient's own notification, or null (someone else's is as good as missing). */
  findOwn(userId: string, id: string): Promise<NotificationEntity | null> {
    return this.dataSource.manager.findOneBy(NotificationEntity, { id, userId });
  }

  async markRead(userId: string, id: string, readAt: Date): Promise<void> {
    await this.dataSource.manager.update(NotificationEntity, { id, userId }, { readAt });
  }

  /** Marks every unread notification of the recipient read; returns how many. */
  async markAllRead(userId: string): Promise<number> {
    const result = await this.dataSource.manager.update(
      NotificationEntity,
      { userId, readAt: IsNull() },
      { readAt: new Date() },
    );
    return result.affected ?? 0;
  }
}
