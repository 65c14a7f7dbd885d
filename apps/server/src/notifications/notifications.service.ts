import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { excerpt, extractMentions, notFound, NotificationView, Page } from '@tandem/domain';
import { DataSource, IsNull } from 'typeorm';
import type { Actor } from '../common/actor';
import { decodeCursor, encodeCursor, PageQuery, pageSize } from '../common/pagination';
import { returnedRows } from '../common/sql';
import { toAuthorView } from '../discussions/discussion-views';
import type { MessageEntity } from '../discussions/message.entity';
import type { ThreadEntity } from '../discussions/thread.entity';
import { AuthorFacts, EVENTS, NotificationEvent } from '../events/domain-events';
import { MentionPayload, NotificationEntity } from './notification.entity';

@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * Notifies the members mentioned by @handle who can read the thread (never the author, never
   * someone outside the network or a private channel's list). Runs after the message committed.
   * In a Chatham House thread the notification names the author by label only.
   */
  async notifyMentions(
    message: MessageEntity,
    thread: ThreadEntity,
    author: AuthorFacts | null,
  ): Promise<void> {
    const handles = extractMentions(message.body);
    if (handles.length === 0) return;
    const recipients: { id: string }[] = await this.dataSource.query(
      `SELECT u.id FROM users u
         JOIN network_memberships m ON m.user_id = u.id AND m.network_id = $2
         JOIN channels c ON c.id = $3
        WHERE u.handle = ANY($1::text[]) AND u.id IS DISTINCT FROM $4
          AND (c.visibility = 'network' OR EXISTS (SELECT 1 FROM channel_members cm WHERE cm.channel_id = c.id AND cm.user_id = u.id))`,
      [handles, thread.networkId, thread.channelId, message.authorId],
    );
    if (recipients.length === 0) return;
    const payload: MentionPayload = {
      threadTitle: thread.title,
      excerpt: excerpt(message.body),
      actor: toAuthorView(thread.attribution, message.authorLabel, author),
    };
    const inserted = returnedRows<{ id: string }>(
      await this.dataSource.query(
        `INSERT INTO notifications (user_id, kind, network_id, thread_id, message_id, payload)
         SELECT r, 'mention', $2, $3, $4, $5::jsonb FROM unnest($1::uuid[]) AS r
         ON CONFLICT (user_id, message_id) WHERE kind = 'mention' DO NOTHING
         RETURNING id`,
        [
          recipients.map((r) => r.id),
          thread.networkId,
          thread.id,
          message.id,
          JSON.stringify(payload),
        ],
      ),
    );
    for (const row of inserted) {
      const notification = await this.dataSource.manager.findOneByOrFail(NotificationEntity, {
        id: row.id,
      });
      const event: NotificationEvent = { notification };
      this.events.emit(EVENTS.notificationCreated, event);
    }
  }

  async list(
    actor: Actor,
    query: PageQuery & { unread?: boolean },
  ): Promise<Page<NotificationView> & { unreadCount: number }> {
    const limit = pageSize(query);
    const after = decodeCursor(query.cursor, 2);
    const builder = this.dataSource.manager
      .createQueryBuilder(NotificationEntity, 'n')
      .where('n.userId = :userId', { userId: actor.userId })
      .orderBy("date_trunc('milliseconds', n.created_at)", 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(limit + 1);
    if (query.unread) builder.andWhere('n.readAt IS NULL');
    if (after)
      builder.andWhere(
        "(date_trunc('milliseconds', n.created_at), n.id) < (:at::timestamptz, :id::uuid)",
        {
          at: after[0],
          id: after[1],
        },
      );
    const rows = await builder.getMany();
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const unreadCount = await this.dataSource.manager.countBy(NotificationEntity, {
      userId: actor.userId,
      readAt: IsNull(),
    });
    return {
      items: items.map(toNotificationView),
      nextCursor:
        rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
      unreadCount,
    };
  }

  async markRead(actor: Actor, id: string): Promise<NotificationView> {
    const notification = await this.dataSource.manager.findOneBy(NotificationEntity, {
      id,
      userId: actor.userId,
    });
    if (!notification) throw notFound('Notification');
    if (!notification.readAt) {
      notification.readAt = new Date();
      await this.dataSource.manager.update(
        NotificationEntity,
        { id, userId: actor.userId },
        { readAt: notification.readAt },
      );
    }
    return toNotificationView(notification);
  }

  async markAllRead(actor: Actor): Promise<{ updated: number }> {
    const result = await this.dataSource.manager.update(
      NotificationEntity,
      { userId: actor.userId, readAt: IsNull() },
      { readAt: new Date() },
    );
    return { updated: result.affected ?? 0 };
  }
}

export function toNotificationView(notification: NotificationEntity): NotificationView {
  return {
    id: notification.id,
    kind: notification.kind,
    networkId: notification.networkId,
    threadId: notification.threadId ?? '',
    messageId: notification.messageId ?? '',
    threadTitle: notification.payload.threadTitle,
    actor: notification.payload.actor,
    excerpt: notification.payload.excerpt,
    readAt: notification.readAt ? notification.readAt.toISOString() : null,
    createdAt: notification.createdAt.toISOString(),
  };
}
