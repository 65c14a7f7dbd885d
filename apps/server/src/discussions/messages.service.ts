import { Injectable } from '@nestjs/common';
import * as policy from '@tandem/domain';
import {
  AuthorFacts,
  badRequest,
  CATCH_UP_LIMIT,
  conflict,
  enforce,
  excerpt,
  MessageRevisionView,
  MessageView,
  notFound,
  PAGE_SIZE_DEFAULT,
  toMessageView,
} from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
import {
  LoadedThreadAccess,
  loadPostingContext,
  loadThreadAccess,
} from '../channels/channel-access';
import { ChathamService } from '../networks/chatham.service';
import { NotificationsService } from '../notifications/notifications.service';
import { isUniqueViolation } from '../platform/database/sql';
import { DomainEvents, PendingEvents } from '../platform/events/domain-event-bus';
import { EVENTS, MessageEvent, ThreadUpdatedEvent } from '../platform/events/domain-events';
import type { Actor } from '../platform/http/actor';
import { AuthorsRepository } from './authors.repository';
import type { EditMessageDto, MessagesQuery, PostMessageDto } from './dto/discussion.dto';
import type { MessageEntity } from './message.entity';
import { MessagesRepository, SavedPost, toViewerMessageView } from './messages.repository';
import { PostingAllowance } from './posting-allowance';
import { ThreadsRepository } from './threads.repository';

export interface PostResult {
  message: MessageView;
  /** True when the clientId had been used already: the original message is returned. */
  duplicate: boolean;
}

/** Messages: reading and catching up, posting, editing, deleting, and edit history. */
@Injectable()
export class MessagesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly messages: MessagesRepository,
    private readonly threads: ThreadsRepository,
    private readonly authors: AuthorsRepository,
    private readonly allowance: PostingAllowance,
    private readonly notifications: NotificationsService,
    private readonly chatham: ChathamService,
  ) {}

  /** Messages by seq, oldest first: the whole history page by page, or what came after `afterSeq`. */
  async listMessages(
    actor: Actor,
    threadId: string,
    query: MessagesQuery,
  ): Promise<{ items: MessageView[]; hasMore: boolean }> {
    const access = await loadThreadAccess(this.dataSource.manager, actor.userId, threadId);
    enforce(policy.readThread(access));
    return this.messagesAfter(
      actor,
      access,
      query.afterSeq ?? 0,
      query.limit ?? PAGE_SIZE_DEFAULT,
      policy.atLeast(access.standing, 'moderator'),
    );
  }

  /**
   * For `thread:join`: what the client missed, capped; the flag tells it to page over HTTP.
   * Joining a live room is taking part, so a suspended member is refused (they still read over
   * HTTP, where `listMessages` serves them).
   */
  async catchUp(
    actor: Actor,
    threadId: string,
    afterSeq: number | undefined,
    afterChange?: number,
  ): Promise<{
    missed: MessageView[];
    hasMore: boolean;
    changed?: MessageView[];
    lastChange?: number;
  }> {
    const access = await loadThreadAccess(this.dataSource.manager, actor.userId, threadId);
    enforce(policy.readThread(access));
    enforce(policy.participate(access, new Date()));
    if (afterSeq === undefined) return { missed: [], hasMore: false };
    const moderator = policy.atLeast(access.standing, 'moderator');
    const page = await this.messagesAfter(actor, access, afterSeq, CATCH_UP_LIMIT, moderator);
    if (afterChange === undefined) return { missed: page.items, hasMore: page.hasMore };
    // Edits and deletions of messages the client already holds (later ones come in `missed`).
    const thread = await this.threads.getById(threadId);
    const rows = await this.messages.findChangedSince(
      threadId,
      afterSeq,
      afterChange,
      CATCH_UP_LIMIT,
    );
    return {
      missed: page.items,
      hasMore: page.hasMore,
      changed: rows.map((row) =>
        toViewerMessageView(row, thread.attribution, actor.userId, moderator),
      ),
      // Capped: remember only as far as was sent, so the next join brings the rest.
      lastChange:
        rows.length === CATCH_UP_LIMIT ? rows[rows.length - 1].change_seq : thread.lastChange,
    };
  }

  /**
   * Posts a message. The seq comes from bumping `threads.last_seq` in the same statement that
   * inserts the message (MessagesRepository.insertPost), so it is unique and gapless even under
   * concurrent posts, and the message is committed before anyone is told. A retry with a used
   * clientId returns the original message (and no second broadcast); two concurrent sends with
   * the same clientId meet the unique index, whose violation rolls the whole statement back
   * (no seq is used up) and answers with the original.
   *
   * Three round trips in all (what the policies need, the rate limits, the write): this is the
   * product's hottest path, and each round trip costs more here than the work it carries.
   */
  async postMessage(actor: Actor, threadId: string, dto: PostMessageDto): Promise<PostResult> {
    const context = await loadPostingContext(
      this.dataSource.manager,
      actor.userId,
      threadId,
      dto.clientId,
      dto.replyToId ?? null,
    );
    // A retry returns the original even if the thread was locked (or its channel archived)
    // since: the message exists, and answering 409 would tell the client it was lost.
    enforce(policy.readThread(context));
    if (context.previous) {
      const previous = await this.existingByClientId(actor, threadId, dto.clientId);
      if (previous) return { message: previous, duplicate: true };
    }
    enforce(policy.postMessage(context));
    enforce(policy.participate(context, new Date()));
    // Refused input uses none of the allowance.
    if (dto.replyToId !== undefined && context.replyToThreadId !== threadId) {
      throw badRequest('Invalid request: replyToId', [
        { field: 'replyToId', problems: ['replyToId must be a message in this thread'] },
      ]);
    }
    await this.allowance.consume(actor, threadId, context);

    // Decided now, from the network as it is at this moment, and frozen with the message.
    const label = this.chatham.labelForPost(
      context.attribution,
      context.author.fine,
      context.composition,
      context.networkMinGroup,
    );
    let saved: SavedPost | null;
    try {
      saved = await this.messages.insertPost({
        threadId,
        authorId: actor.userId,
        authorLabel: label.text,
        authorLabelCode: label.code,
        clientId: dto.clientId,
        body: dto.body,
        replyToId: dto.replyToId ?? null,
      });
    } catch (error) {
      if (isUniqueViolation(error, 'messages_author_client_key')) {
        const original = await this.existingByClientId(actor, threadId, dto.clientId);
        if (original) return { message: original, duplicate: true };
      }
      throw error;
    }
    // Nothing bumped: the thread was locked between the policy check and the write.
    if (!saved) throw conflict('This thread is locked');

    const author: AuthorFacts = {
      userId: actor.userId,
      displayName: context.author.displayName,
      handle: context.author.handle,
    };
    // One auto-committed statement wrote the post: it is committed, so the events go now.
    const event: MessageEvent = { message: saved.message, thread: saved.thread, author };
    this.events.committed(EVENTS.messageCreated, event);
    // The thread as it stands after the post goes with the event: no need to read it again.
    const updated: ThreadUpdatedEvent = {
      threadId,
      thread: saved.thread,
      author: saved.threadAuthor,
    };
    this.events.committed(EVENTS.threadUpdated, updated);
    const { message, thread } = saved;
    await this.events.afterCommit(() => this.notifications.notifyMentions(message, thread, author));
    return {
      message: toMessageView(message, thread.attribution, author, actor.userId),
      duplicate: false,
    };
  }

  /** The author edits; the text it replaces is kept as a revision. */
  async editMessage(actor: Actor, messageId: string, dto: EditMessageDto): Promise<MessageView> {
    return this.events.transaction(async (manager, events) => {
      const current = await this.messageForUpdate(manager, messageId);
      const access = await loadThreadAccess(manager, actor.userId, current.threadId);
      enforce(
        policy.editMessage({
          ...access,
          isAuthor: current.authorId === actor.userId,
          deleted: current.deletedAt !== null,
          hidden: current.hiddenAt !== null,
        }),
      );
      enforce(policy.participate(access, new Date()));
      if (current.body !== dto.body) {
        await this.messages.addRevision(manager, messageId, current.body);
        await this.messages.applyChange(manager, current, {
          body: dto.body,
          editedAt: new Date(),
        });
        // A mention's excerpt shows the current text: the replaced one is edit history, which
        // only moderators and the author may read.
        await this.notifications.updateMentionExcerpt(manager, messageId, excerpt(dto.body));
      }
      return this.publishUpdate(manager, events, actor, current);
    });
  }

  /** Soft delete: readers see "deleted"; the text stays in the database for the audit. */
  async deleteMessage(actor: Actor, messageId: string): Promise<MessageView> {
    return this.events.transaction(async (manager, events) => {
      const current = await this.messageForUpdate(manager, messageId);
      const access = await loadThreadAccess(manager, actor.userId, current.threadId);
      enforce(
        policy.deleteMessage({
          ...access,
          isAuthor: current.authorId === actor.userId,
          deleted: current.deletedAt !== null,
        }),
      );
      enforce(policy.participate(access, new Date()));
      await this.messages.applyChange(manager, current, {
        deletedAt: new Date(),
        deletedBy: actor.userId,
      });
      await this.notifications.updateMentionExcerpt(manager, messageId, '');
      return this.publishUpdate(manager, events, actor, current);
    });
  }

  async revisions(actor: Actor, messageId: string): Promise<MessageRevisionView[]> {
    const message = await this.messages.findById(messageId);
    if (!message) throw notFound('Message');
    const access = await loadThreadAccess(this.dataSource.manager, actor.userId, message.threadId);
    enforce(
      policy.readRevisions({
        ...access,
        isAuthor: message.authorId === actor.userId,
        deleted: message.deletedAt !== null,
      }),
    );
    const revisions = await this.messages.revisions(messageId);
    return revisions.map((revision) => ({
      body: revision.body,
      replacedAt: revision.replacedAt.toISOString(),
    }));
  }

  /**
   * A page by seq; the caller has checked that the actor may read the thread. `moderator`: the
   * viewer moderates the network, so hidden messages keep their text.
   */
  private async messagesAfter(
    actor: Actor,
    access: LoadedThreadAccess,
    afterSeq: number,
    limit: number,
    moderator: boolean,
  ): Promise<{ items: MessageView[]; hasMore: boolean }> {
    const rows = await this.messages.findAfter(access.threadId, afterSeq, limit);
    return {
      items: rows
        .slice(0, limit)
        .map((row) => toViewerMessageView(row, access.attribution, actor.userId, moderator)),
      hasMore: rows.length > limit,
    };
  }

  private async existingByClientId(
    actor: Actor,
    threadId: string,
    clientId: string,
  ): Promise<MessageView | null> {
    const row = await this.messages.findByClientId(actor.userId, clientId);
    if (!row) return null;
    if (row.thread_id !== threadId) {
      throw conflict(
        'This clientId was already used for a message in another thread; generate a new one per message',
      );
    }
    const thread = await this.threads.getById(threadId);
    return toViewerMessageView(row, thread.attribution, actor.userId);
  }

  private async messageForUpdate(
    manager: EntityManager,
    messageId: string,
  ): Promise<MessageEntity> {
    const message = await this.messages.findForUpdate(manager, messageId);
    if (!message) throw notFound('Message');
    return message;
  }

  /**
   * Queues `message.updated` with the message as the change left it; the actor's answer is their
   * own view of it. Run inside the change's transaction.
   */
  private async publishUpdate(
    manager: EntityManager,
    events: PendingEvents,
    actor: Actor,
    changed: MessageEntity,
  ): Promise<MessageView> {
    const message = await this.messages.getById(changed.id, manager);
    const thread = await this.threads.getById(changed.threadId, manager);
    const author = await this.authors.factsOf(message.authorId, manager);
    const event: MessageEvent = { message, thread, author };
    events.add(EVENTS.messageUpdated, event);
    return toMessageView(message, thread.attribution, author, actor.userId);
  }
}
