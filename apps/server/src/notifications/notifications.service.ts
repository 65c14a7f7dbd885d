import { Injectable } from '@nestjs/common';
import {
  AuthorView,
  excerpt,
  extractMentions,
  notFound,
  NotificationKind,
  NotificationSubject,
  NotificationView,
  Page,
  subjectTypeOf,
  toAuthorView,
  MessageRecord,
  NotificationPayload,
  ThreadRecord,
} from '@tandem/domain';
import { DataSource, In, IsNull } from 'typeorm';
import type { Actor } from '../platform/http/actor';
import { decodeCursor, encodeCursor, PageQuery, pageSize } from '../platform/http/pagination';
import { returnedRows } from '../platform/database/sql';
import { AuthorFacts, EVENTS, NotificationEvent } from '../platform/events/domain-events';
import { NotificationEntity } from './notification.entity';
import { DomainEvents } from '../platform/events/domain-event-bus';

export interface NotifyInput {
  userIds: string[];
  kind: NotificationKind;
  networkId: string;
  subject: NotificationSubject;
  messageId?: string | null;
  actor?: AuthorView | null;
  excerpt?: string;
  dedupeKey?: string | null;
}

@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Notifies each recipient once, then publishes the notifications for live delivery. Call it
   * after the change it reports has committed (a rolled-back change must notify nobody); it runs
   * its own statement. With a `dedupeKey`, a recipient who already has a notification of this
   * kind and key gets no second one, so a job running on several processes notifies once.
   * The caller decides who may learn of the subject: only pass recipients who can read it.
   */
  async notify(input: NotifyInput): Promise<NotificationEntity[]> {
    const recipients = [...new Set(input.userIds)];
    if (recipients.length === 0) return [];
    const subjectType: string = subjectTypeOf(input.kind);
    if (subjectType !== input.subject.type) {
      // A programming error, not bad input: the database would refuse the row anyway.
      throw new Error(`A ${input.kind} notification is about a ${subjectType}`);
    }
    const payload: NotificationPayload = {
      title: input.subject.title,
      excerpt: input.excerpt ?? '',
      actor: input.actor ?? null,
    };
    const rows = returnedRows<{ id: string }>(
      await this.dataSource.query(
        `INSERT INTO notifications
           (user_id, kind, network_id, subject_type, subject_id, thread_id, message_id, dedupe_key, payload)
         SELECT r, $2, $3, $4, $5, $6, $7, $8, $9::jsonb FROM unnest($1::uuid[]) AS r
         ON CONFLICT DO NOTHING
         RETURNING id`,
        [
          recipients,
          input.kind,
          input.networkId,
          subjectType,
          input.subject.id,
          subjectType === 'thread' ? input.subject.id : null,
          input.messageId ?? null,
          input.dedupeKey ?? null,
          JSON.stringify(payload),
        ],
      ),
    );
    if (rows.length === 0) return [];
    const created = await this.dataSource.manager.findBy(NotificationEntity, {
      id: In(rows.map((row) => row.id)),
    });
    for (const notification of created) {
      const event: NotificationEvent = { notification };
      this.events.committed(EVENTS.notificationCreated, event);
    }
    return created;
  }

  /**
   * Notifies the members mentioned by @handle who can read the thread (never the author, never
   * someone outside the network or a private channel's list). Runs after the message committed.
   * In a Chatham House thread the notification names the author by label only.
   */
  async notifyMentions(
    message: MessageRecord,
    thread: ThreadRecord,
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
    // The unique (user, message) index for mentions keeps an edit from notifying twice.
    await this.notify({
      userIds: recipients.map((r) => r.id),
      kind: 'mention',
      networkId: thread.networkId,
      subject: { type: 'thread', id: thread.id, title: thread.title },
      messageId: message.id,
      actor: toAuthorView(thread.attribution, message.authorLabel, author),
      excerpt: excerpt(message.body),
    });
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
    subject: {
      type: notification.subjectType,
      id: notification.subjectId,
      title: notification.payload.title,
    },
    messageId: notification.messageId,
    actor: notification.payload.actor ?? null,
    excerpt: notification.payload.excerpt ?? '',
    readAt: notification.readAt ? notification.readAt.toISOString() : null,
    createdAt: notification.createdAt.toISOString(),
  };
}
