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
  toNotificationView,
  MessageRecord,
  NotificationPayload,
  ThreadRecord,
} from '@tandem/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../platform/http/actor';
import { decodeCursor, encodeCursor, PageQuery, pageSize } from '../platform/http/pagination';
import { AuthorFacts, EVENTS, NotificationEvent } from '../platform/events/domain-events';
import type { NotificationEntity } from './notification.entity';
import { NotificationsRepository } from './notifications.repository';
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
    private readonly notifications: NotificationsRepository,
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
    const created = await this.notifications.insertForEach({
      userIds: recipients,
      kind: input.kind,
      networkId: input.networkId,
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      threadId: subjectType === 'thread' ? input.subject.id : null,
      messageId: input.messageId ?? null,
      dedupeKey: input.dedupeKey ?? null,
      payload,
    });
    // One auto-committed statement made them: they are committed, so they go out now.
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
    const recipients = await this.notifications.mentionRecipients(
      handles,
      thread.networkId,
      thread.channelId,
      message.authorId,
    );
    // The unique (user, message) index for mentions keeps an edit from notifying twice.
    await this.notify({
      userIds: recipients,
      kind: 'mention',
      networkId: thread.networkId,
      subject: { type: 'thread', id: thread.id, title: thread.title },
      messageId: message.id,
      actor: toAuthorView(thread.attribution, message.authorLabelCode, author),
      excerpt: excerpt(message.body),
    });
  }

  async list(
    actor: Actor,
    query: PageQuery & { unread?: boolean },
  ): Promise<Page<NotificationView> & { unreadCount: number }> {
    const limit = pageSize(query);
    const rows = await this.notifications.findPage(
      actor.userId,
      query.unread === true,
      limit,
      decodeCursor(query.cursor, 2),
    );
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const unreadCount = await this.notifications.countUnread(actor.userId);
    return {
      items: items.map(toNotificationView),
      nextCursor:
        rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
      unreadCount,
    };
  }

  async markRead(actor: Actor, id: string): Promise<NotificationView> {
    const notification = await this.notifications.findOwn(actor.userId, id);
    if (!notification) throw notFound('Notification');
    if (!notification.readAt) {
      notification.readAt = new Date();
      await this.notifications.markRead(actor.userId, id, notification.readAt);
    }
    return toNotificationView(notification);
  }

  async markAllRead(actor: Actor): Promise<{ updated: number }> {
    return { updated: await this.notifications.markAllRead(actor.userId) };
  }

  /**
   * A mention's excerpt follows its message: the new text after an edit, nothing once the
   * message is deleted or hidden. Run inside the change's transaction.
   */
  updateMentionExcerpt(manager: EntityManager, messageId: string, text: string): Promise<void> {
    return this.notifications.setMentionExcerpt(manager, messageId, text);
  }
}
