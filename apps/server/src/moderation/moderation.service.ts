import { Injectable, Logger } from '@nestjs/common';
import * as policy from '@tandem/domain';
import {
  badRequest,
  canReadChannel,
  conflict,
  enforce,
  excerpt,
  FlagsClosedView,
  FlagView,
  MessageView,
  ModerationQueueItem,
  Page,
  SlowModeView,
  toMessageView,
} from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogService } from '../platform/audit/audit-log.service';
import { loadChannelAccess } from '../channels/channel-access';
import type { Actor } from '../platform/http/actor';
import { decodeCursor, encodeCursor, pageSize } from '../platform/http/pagination';
import { AuthorsRepository } from '../discussions/authors.repository';
import { MessagesRepository } from '../discussions/messages.repository';
import { ThreadsRepository } from '../discussions/threads.repository';
import { AuthorFacts, EVENTS, MessageEvent } from '../platform/events/domain-events';
import { loadNetworkAccess } from '../networks/network-access';
import { NotificationsService } from '../notifications/notifications.service';
import type { CreateFlagDto, ModerationNoteDto, QueueQuery } from './dto/moderation.dto';
import type { MessageFlagEntity } from './moderation.entities';
import { MessageForModeration, ModerationRepository } from './moderation.repository';
import { toFlagView, toQueueItem } from './moderation-views';
import { DomainEvents } from '../platform/events/domain-event-bus';

/**
 * Flags, the queue, hiding and slow mode. Every moderator action writes its audit entry in its
 * own transaction; socket emits and notifications follow the commit.
 */
@Injectable()
export class ModerationService {
  private readonly logger = new Logger('ModerationService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly audit: AuditLogService,
    private readonly notifications: NotificationsService,
    private readonly moderation: ModerationRepository,
    private readonly messages: MessagesRepository,
    private readonly threads: ThreadsRepository,
    private readonly authors: AuthorsRepository,
  ) {}

  // --------------------------------------------------------------------------------- flags

  /**
   * Any reader flags a message once (a second time answers 409). The first open flag on a
   * message tells the network's moderators; later ones only raise its count in the queue.
   */
  async flag(actor: Actor, messageId: string, dto: CreateFlagDto): Promise<FlagView> {
    const problem = policy.flagReasonProblem(dto.reason, dto.note);
    if (problem)
      throw badRequest('Invalid request: note', [{ field: 'note', problems: [problem] }]);
    const { message, access } = await this.moderation.loadMessageForModeration(
      this.dataSource.manager,
      actor.userId,
      messageId,
    );
    enforce(
      policy.flagMessage({
        readable: canReadChannel(access),
        isAuthor: message.authorId === actor.userId,
        deleted: message.deletedAt !== null,
        hidden: message.hiddenAt !== null,
        suspendedUntil: access.suspendedUntil,
        now: new Date(),
      }),
    );
    const { flag, opened } = await this.dataSource.transaction(async (manager) => {
      const flag = await this.moderation.insertFlag(manager, {
        messageId,
        networkId: access.networkId,
        flaggerId: actor.userId,
        reason: dto.reason,
        note: dto.note ?? null,
      });
      if (!flag) throw conflict('You have already flagged this message; moderators will review it');
      return { flag, opened: (await this.moderation.countOpenFlags(manager, messageId)) === 1 };
    });
    if (opened) await this.notifyModerators(access.networkId, actor.userId, flag);
    return toFlagView(flag);
  }

  /**
   * The moderators and admins learn that the queue has a new item. The notification names the
   * network's queue, never the thread, and carries no text: the message may sit in a private
   * channel they cannot read, and the queue shows it alone. Failure here must not undo a flag.
   */
  private async notifyModerators(
    networkId: string,
    flaggerId: string,
    flag: MessageFlagEntity,
  ): Promise<void> {
    try {
      const network = await this.moderation.networkById(networkId);
      await this.notifications.notify({
        userIds: await this.moderation.findModerators(networkId, flaggerId),
        kind: 'message_flagged',
        networkId,
        subject: { type: 'moderation_queue', id: networkId, title: network.name },
        messageId: flag.messageId,
        actor: null,
        excerpt: '',
        dedupeKey: flag.id,
      });
    } catch (error) {
      this.logger.error(
        `Notifying moderators failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** Messages with open flags, the most recently flagged first, for moderators and admins. */
  async queue(actor: Actor, slug: string, query: QueueQuery): Promise<Page<ModerationQueueItem>> {
    const { network, standing } = await loadNetworkAccess(
      this.dataSource.manager,
      actor.userId,
      slug,
    );
    enforce(policy.readModerationQueue(standing));
    const limit = pageSize(query);
    const rows = await this.moderation.findQueuePage(
      network.id,
      actor.userId,
      limit,
      decodeCursor(query.cursor, 2),
    );
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toQueueItem),
      nextCursor:
        rows.length > limit && last ? encodeCursor([last.cursor_key, last.message_id]) : null,
    };
  }

  /** Closes a message's open flags: `resolved` (handled) or `dismissed` (nothing wrong). */
  async closeFlags(
    actor: Actor,
    messageId: string,
    status: 'resolved' | 'dismissed',
    dto: ModerationNoteDto,
  ): Promise<FlagsClosedView> {
    return this.dataSource.transaction(async (manager) => {
      const target = await this.moderation.loadMessageForModeration(
        manager,
        actor.userId,
        messageId,
        { lock: true },
      );
      this.enforceModeration(target);
      const closed = await this.moderation.closeOpenFlags(manager, messageId, status, actor.userId);
      if (closed.length === 0) throw conflict('This message has no open flags');
      await this.audit.record(manager, {
        networkId: target.access.networkId,
        actorId: actor.userId,
        action: status === 'resolved' ? 'flag.resolved' : 'flag.dismissed',
        subject: { type: 'message', id: messageId },
        details: {
          ...(await this.auditFacts(manager, target)),
          flagIds: closed,
          count: closed.length,
          ...(dto.reason ? { reason: dto.reason } : {}),
        },
      });
      return { messageId, closed: closed.length, status };
    });
  }

  // ------------------------------------------------------------------------- hide, unhide

  /**
   * Hides a message from members: its text leaves every member-facing answer, live event,
   * catch-up, search hit and mention excerpt; the author and moderators still see it, marked.
   * Hiding resolves the message's open flags. Hiding a hidden message changes nothing.
   */
  async hide(actor: Actor, messageId: string, dto: ModerationNoteDto): Promise<MessageView> {
    return this.setHidden(actor, messageId, true, dto);
  }

  async unhide(actor: Actor, messageId: string, dto: ModerationNoteDto): Promise<MessageView> {
    return this.setHidden(actor, messageId, false, dto);
  }

  private async setHidden(
    actor: Actor,
    messageId: string,
    hidden: boolean,
    dto: ModerationNoteDto,
  ): Promise<MessageView> {
    const result = await this.events.transaction(async (manager, events) => {
      const target = await this.moderation.loadMessageForModeration(
        manager,
        actor.userId,
        messageId,
        { lock: true },
      );
      this.enforceModeration(target);
      const { message } = target;
      const changed = hidden ? message.hiddenAt === null : message.hiddenAt !== null;
      if (changed) {
        await this.messages.applyChange(manager, message, {
          hiddenAt: hidden ? new Date() : null,
          hiddenBy: hidden ? actor.userId : null,
        });
        // A mention's excerpt follows what members may read.
        await this.notifications.updateMentionExcerpt(
          manager,
          messageId,
          hidden || message.deletedAt !== null ? '' : excerpt(message.body),
        );
        const facts = await this.auditFacts(manager, target);
        const resolved = hidden
          ? await this.moderation.closeOpenFlags(manager, messageId, 'resolved', actor.userId)
          : [];
        await this.audit.record(manager, {
          networkId: target.access.networkId,
          actorId: actor.userId,
          action: hidden ? 'message.hidden' : 'message.unhidden',
          subject: { type: 'message', id: messageId },
          details: {
            ...facts,
            ...(dto.reason ? { reason: dto.reason } : {}),
            ...(hidden ? { resolvedFlags: resolved.length } : {}),
          },
        });
        if (resolved.length > 0) {
          await this.audit.record(manager, {
            networkId: target.access.networkId,
            actorId: actor.userId,
            action: 'flag.resolved',
            subject: { type: 'message', id: messageId },
            details: { ...facts, flagIds: resolved, count: resolved.length, outcome: 'hidden' },
          });
        }
      }
      const updated: MessageEvent = {
        message: await this.messages.getById(messageId, manager),
        thread: await this.threads.getById(message.threadId, manager),
        author: await this.authors.factsOf(message.authorId, manager),
      };
      // Members in the thread's room get the placeholder (or the text back); the author's own
      // copy keeps the text (RealtimeListener, toMessageView).
      if (changed) events.add(EVENTS.messageUpdated, updated);
      return updated;
    });
    return toMessageView(result.message, result.thread.attribution, result.author, actor.userId, {
      moderator: true,
    });
  }

  // ------------------------------------------------------------------------------ slow mode

  /**
   * Sets a channel's slow mode (0 turns it off). Turning it off forgets when members last posted,
   * so turning it on again starts everyone afresh.
   */
  async setSlowMode(actor: Actor, channelId: string, seconds: number): Promise<SlowModeView> {
    return this.dataSource.transaction(async (manager) => {
      const access = await loadChannelAccess(manager, actor.userId, channelId);
      enforce(
        policy.setSlowMode({
          standing: access.standing,
          readable: canReadChannel(access),
          suspendedUntil: access.suspendedUntil,
          now: new Date(),
        }),
      );
      if (access.slowModeSeconds !== seconds) {
        await this.moderation.setSlowModeSeconds(manager, channelId, seconds);
        if (seconds === 0) await this.moderation.forgetPostTimes(manager, channelId);
        await this.audit.record(manager, {
          networkId: access.networkId,
          actorId: actor.userId,
          action: 'channel.slow_mode',
          subject: { type: 'channel', id: channelId },
          details: { from: access.slowModeSeconds, to: seconds },
        });
      }
      return { channelId, slowModeSeconds: seconds };
    });
  }

  // -------------------------------------------------------------------------------- helpers

  private enforceModeration(target: MessageForModeration): void {
    enforce(
      policy.moderateMessage({
        standing: target.access.standing,
        readable: canReadChannel(target.access),
        flagged: target.flagged,
        suspendedUntil: target.access.suspendedUntil,
        now: new Date(),
      }),
    );
  }

  /**
   * What an audit entry about a message keeps: where it is and its real author, even in a
   * Chatham House thread (admins alone read the log, for abuse handling).
   */
  private async auditFacts(
    manager: EntityManager,
    target: MessageForModeration,
  ): Promise<Record<string, unknown>> {
    const author: AuthorFacts | null = await this.authors.factsOf(target.message.authorId, manager);
    return {
      threadId: target.thread.id,
      channelId: target.thread.channelId,
      attribution: target.thread.attribution,
      author: author
        ? { userId: author.userId, displayName: author.displayName }
        : { userId: target.message.authorId, displayName: null },
    };
  }
}
