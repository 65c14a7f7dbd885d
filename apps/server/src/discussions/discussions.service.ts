import { Inject, Injectable } from '@nestjs/common';
import * as policy from '@tandem/domain';
import {
  attributionLabel,
  badRequest,
  CATCH_UP_LIMIT,
  conflict,
  enforce,
  excerpt,
  MessageRevisionView,
  MessageView,
  notFound,
  Page,
  PAGE_SIZE_DEFAULT,
  ThreadView,
  toMessageView,
  toThreadView,
} from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
import {
  loadChannelAccess,
  LoadedChannelAccess,
  LoadedThreadAccess,
  loadPostingContext,
  loadThreadAccess,
} from '../channels/channel-access';
import { ChannelEntity } from '../channels/channel.entity';
import { AuditLogService } from '../platform/audit/audit-log.service';
import type { Actor } from '../platform/http/actor';
import { decodeCursor, encodeCursor, pageSize } from '../platform/http/pagination';
import { isUniqueViolation, preparedQuery, returnedRows } from '../platform/database/sql';
import { APP_CONFIG, AppConfig } from '../platform/config/configuration';
import {
  AuthorFacts,
  EVENTS,
  MessageEvent,
  ThreadEvent,
  ThreadUpdatedEvent,
} from '../platform/events/domain-events';
import { claimSlowModeSlot } from '../channels/slow-mode';
import { NotificationsService } from '../notifications/notifications.service';
import { RateLimitService } from '../platform/rate-limit/rate-limit.service';
import { UserEntity } from '../users/user.entity';
import type {
  CreateThreadDto,
  EditMessageDto,
  MessagesQuery,
  PostMessageDto,
  ThreadListQuery,
} from './dto/discussion.dto';
import { MessageEntity, MessageRevisionEntity } from './message.entity';
import { ThreadEntity } from './thread.entity';
import { ThreadAnnexRegistry } from './thread-annex';
import { DomainEvents } from '../platform/events/domain-event-bus';

interface ThreadRow {
  id: string;
  channel_id: string;
  network_id: string;
  title: string;
  attribution: policy.Attribution;
  topics: policy.Topic[];
  author_id: string | null;
  author_label: string;
  client_id: string;
  last_seq: number;
  last_change: number;
  message_count: number;
  locked_at: Date | null;
  locked_by: string | null;
  last_activity_at: Date;
  created_at: Date;
  updated_at: Date;
  last_read_seq: number | null;
  author_display_name: string | null;
  author_handle: string | null;
  activity_key: string;
}

interface MessageRow {
  id: string;
  thread_id: string;
  seq: number;
  change_seq: number;
  author_id: string | null;
  author_label: string;
  client_id: string;
  body: string;
  reply_to_id: string | null;
  edited_at: Date | null;
  deleted_at: Date | null;
  deleted_by: string | null;
  hidden_at: Date | null;
  hidden_by: string | null;
  created_at: Date;
  author_display_name: string | null;
  author_handle: string | null;
}

const THREAD_SELECT = `
  SELECT t.*, r.last_read_seq, u.display_name AS author_display_name, u.handle AS author_handle,
         (t.last_activity_at AT TIME ZONE 'UTC')::text AS activity_key
    FROM threads t
    LEFT JOIN thread_reads r ON r.thread_id = t.id AND r.user_id = $1
    LEFT JOIN users u ON u.id = t.author_id`;

/**
 * The columns a message is mapped from, named so that reads never carry the search vector
 * (`tsv`), which is larger than the body. Prefix with an alias.
 */
const messageColumns = (alias: string): string =>
  ['id', 'thread_id', 'seq', 'change_seq', 'author_id', 'author_label', 'client_id', 'body']
    .concat(['reply_to_id', 'edited_at', 'deleted_at', 'deleted_by', 'hidden_at', 'hidden_by'])
    .concat(['created_at'])
    .map((column) => `${alias}.${column}`)
    .join(', ');

const MESSAGE_SELECT = `
  SELECT ${messageColumns('m')}, u.display_name AS author_display_name, u.handle AS author_handle
    FROM messages m LEFT JOIN users u ON u.id = m.author_id`;

export interface PostResult {
  message: MessageView;
  /** True when the clientId had been used already: the original message is returned. */
  duplicate: boolean;
}

@Injectable()
export class DiscussionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly annex: ThreadAnnexRegistry,
    private readonly rateLimits: RateLimitService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditLogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ------------------------------------------------------------------------------ threads

  async createThread(
    actor: Actor,
    channelId: string,
    dto: CreateThreadDto,
  ): Promise<{ thread: ThreadView; created: boolean }> {
    const access = await loadChannelAccess(this.dataSource.manager, actor.userId, channelId);
    // A retry returns the original thread even if the channel was archived since.
    enforce(policy.readChannel(access));
    const existing = await this.existingThreadByClientId(actor, channelId, dto.clientId);
    if (existing) return { thread: await this.getThread(actor, existing.id), created: false };
    enforce(policy.startThread(access));
    enforce(policy.participate(access, new Date()));
    await this.consumePostingAllowance(actor, null, access);

    const author = await this.authorOf(actor);
    let thread: ThreadEntity;
    let message: MessageEntity;
    try {
      ({ thread, message } = await this.dataSource.transaction(async (manager) => {
        const label = attributionLabel(author.user.organisation);
        const created = await manager.save(
          manager.create(ThreadEntity, {
            channelId,
            networkId: access.networkId,
            title: dto.title,
            attribution: dto.attribution,
            topics: dto.topics ?? [],
            authorId: actor.userId,
            authorLabel: label,
            clientId: dto.clientId,
            lastSeq: 1,
            messageCount: 1,
            lastActivityAt: new Date(),
          }),
        );
        const first = await manager.save(
          manager.create(MessageEntity, {
            threadId: created.id,
            seq: 1,
            authorId: actor.userId,
            authorLabel: label,
            clientId: dto.clientId,
            body: dto.body,
            replyToId: null,
          }),
        );
        await this.markReadWithin(manager, actor.userId, created.id, 1);
        return { thread: created, message: first };
      }));
    } catch (error) {
      // A concurrent retry with the same clientId won the race: answer with its thread.
      if (
        isUniqueViolation(error, 'threads_author_client_key') ||
        isUniqueViolation(error, 'messages_author_client_key')
      ) {
        const winner = await this.existingThreadByClientId(actor, channelId, dto.clientId);
        if (winner) return { thread: await this.getThread(actor, winner.id), created: false };
      }
      throw error;
    }

    const channel = await this.dataSource.manager.findOneByOrFail(ChannelEntity, { id: channelId });
    const threadEvent: ThreadEvent = { thread, channel, author: author.facts };
    this.events.committed(EVENTS.threadCreated, threadEvent);
    await this.events.afterCommit(() =>
      this.notifications.notifyMentions(message, thread, author.facts),
    );
    return { thread: toThreadView(thread, author.facts, actor.userId, 1), created: true };
  }

  /** Newest activity first, with a cursor on (last activity, id). */
  async listThreads(
    actor: Actor,
    channelId: string,
    query: ThreadListQuery,
  ): Promise<Page<ThreadView>> {
    const access = await loadChannelAccess(this.dataSource.manager, actor.userId, channelId);
    enforce(policy.readChannel(access));
    const limit = pageSize(query);
    const after = decodeCursor(query.cursor, 2);
    const params: unknown[] = [actor.userId, channelId];
    let where = 't.channel_id = $2';
    if (after) {
      params.push(after[0], after[1]);
      where += ` AND (t.last_activity_at, t.id) < (($3::timestamp AT TIME ZONE 'UTC'), $4::uuid)`;
    }
    params.push(limit + 1);
    const rows: ThreadRow[] = await this.dataSource.query(
      `${THREAD_SELECT} WHERE ${where} ORDER BY t.last_activity_at DESC, t.id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map((row) => this.threadView(row, actor)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.activity_key, last.id]) : null,
    };
  }

  /**
   * A thread as every reader of it may see it, with its annex, for payloads sent to the
   * thread's rooms (no viewer: nothing personal, nothing only some readers may open). Null
   * when the thread is gone.
   */
  async roomThreadView(threadId: string): Promise<ThreadView | null> {
    const manager = this.dataSource.manager;
    const thread = await manager.findOneBy(ThreadEntity, { id: threadId });
    if (!thread) return null;
    const author = thread.authorId
      ? await manager.findOneBy(UserEntity, { id: thread.authorId })
      : null;
    const view = toThreadView(
      thread,
      author ? { userId: author.id, displayName: author.displayName, handle: author.handle } : null,
      null,
      0,
    );
    return { ...view, ...(await this.annex.forRoom(manager, threadId)) };
  }

  async getThread(actor: Actor, threadId: string): Promise<ThreadView> {
    const access = await loadThreadAccess(this.dataSource.manager, actor.userId, threadId);
    enforce(readThread(access));
    const rows: ThreadRow[] = await this.dataSource.query(`${THREAD_SELECT} WHERE t.id = $2`, [
      actor.userId,
      threadId,
    ]);
    return {
      ...this.threadView(rows[0], actor),
      ...(await this.annex.forViewer(this.dataSource.manager, threadId, actor.userId)),
    };
  }

  async setLocked(actor: Actor, threadId: string, locked: boolean): Promise<ThreadView> {
    const access = await loadThreadAccess(this.dataSource.manager, actor.userId, threadId);
    enforce(policy.lockThread(access));
    enforce(policy.participate(access, new Date()));
    await this.dataSource.transaction(async (manager) => {
      // Only a real change is recorded: locking a locked thread changes nothing.
      const changed = await manager
        .createQueryBuilder()
        .update(ThreadEntity)
        .set(
          locked
            ? { lockedAt: new Date(), lockedBy: actor.userId }
            : { lockedAt: null, lockedBy: null },
        )
        .where(
          locked
            ? 'id = :threadId AND locked_at IS NULL'
            : 'id = :threadId AND locked_at IS NOT NULL',
          {
            threadId,
          },
        )
        .execute();
      if (changed.affected) {
        await this.audit.record(manager, {
          networkId: access.networkId,
          actorId: actor.userId,
          action: locked ? 'thread.locked' : 'thread.unlocked',
          subject: { type: 'thread', id: threadId },
        });
      }
    });
    this.events.committed(EVENTS.threadUpdated, { threadId } satisfies { threadId: string });
    return this.getThread(actor, threadId);
  }

  // ----------------------------------------------------------------------------- messages

  /** Messages by seq, oldest first: the whole history page by page, or what came after `afterSeq`. */
  async messages(
    actor: Actor,
    threadId: string,
    query: MessagesQuery,
  ): Promise<{ items: MessageView[]; hasMore: boolean }> {
    const access = await loadThreadAccess(this.dataSource.manager, actor.userId, threadId);
    enforce(readThread(access));
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
   * HTTP, where `messages` serves them).
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
    enforce(readThread(access));
    enforce(policy.participate(access, new Date()));
    if (afterSeq === undefined) return { missed: [], hasMore: false };
    const moderator = policy.atLeast(access.standing, 'moderator');
    const page = await this.messagesAfter(actor, access, afterSeq, CATCH_UP_LIMIT, moderator);
    if (afterChange === undefined) return { missed: page.items, hasMore: page.hasMore };
    // Edits and deletions of messages the client already holds (later ones come in `missed`).
    const thread = await this.dataSource.manager.findOneByOrFail(ThreadEntity, { id: threadId });
    const rows: MessageRow[] = await this.dataSource.query(
      `${MESSAGE_SELECT} WHERE m.thread_id = $1 AND m.seq <= $2 AND m.change_seq > $3 ORDER BY m.change_seq LIMIT $4`,
      [threadId, afterSeq, afterChange, CATCH_UP_LIMIT],
    );
    return {
      missed: page.items,
      hasMore: page.hasMore,
      changed: rows.map((row) => this.messageView(row, thread.attribution, actor, moderator)),
      // Capped: remember only as far as was sent, so the next join brings the rest.
      lastChange:
        rows.length === CATCH_UP_LIMIT ? rows[rows.length - 1].change_seq : thread.lastChange,
    };
  }

  /** Takes the thread's next change stamp; runs inside the edit's or delete's transaction. */
  private async nextChange(manager: EntityManager, threadId: string): Promise<number> {
    const rows = returnedRows<{ last_change: number }>(
      await manager.query(
        `UPDATE threads SET last_change = last_change + 1 WHERE id = $1 RETURNING last_change`,
        [threadId],
      ),
    );
    return rows[0].last_change;
  }

  /**
   * Posts a message. The seq comes from bumping `threads.last_seq` in the same statement that
   * inserts the message (one implicit transaction), so it is unique and gapless even under
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
    enforce(readThread(context));
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
    await this.consumePostingAllowance(actor, threadId, context);

    let saved: { message: MessageEntity; thread: ThreadEntity; threadAuthor: AuthorFacts | null };
    try {
      saved = await this.insertMessage(actor, threadId, dto, context.author.label);
    } catch (error) {
      if (isUniqueViolation(error, 'messages_author_client_key')) {
        const original = await this.existingByClientId(actor, threadId, dto.clientId);
        if (original) return { message: original, duplicate: true };
      }
      throw error;
    }

    const author: AuthorFacts = {
      userId: actor.userId,
      displayName: context.author.displayName,
      handle: context.author.handle,
    };
    const event: MessageEvent = { message: saved.message, thread: saved.thread, author };
    this.events.committed(EVENTS.messageCreated, event);
    // The thread as it stands after the post goes with the event: no need to read it again.
    const updated: ThreadUpdatedEvent = {
      threadId,
      thread: saved.thread,
      author: saved.threadAuthor,
    };
    this.events.committed(EVENTS.threadUpdated, updated);
    await this.events.afterCommit(() =>
      this.notifications.notifyMentions(saved.message, saved.thread, author),
    );
    return {
      message: toMessageView(saved.message, saved.thread.attribution, author, actor.userId),
      duplicate: false,
    };
  }

  /**
   * The write of a post, as one statement: bump the thread's seq (refused when it is locked),
   * insert the message with that seq, and move the author's read mark to it. Returns the new
   * message, the thread as updated, and the thread's author (for the thread:updated payload).
   */
  private async insertMessage(
    actor: Actor,
    threadId: string,
    dto: PostMessageDto,
    authorLabel: string,
  ): Promise<{ message: MessageEntity; thread: ThreadEntity; threadAuthor: AuthorFacts | null }> {
    const rows = await preparedQuery<ThreadRow & { message: MessageRow }>(
      this.dataSource,
      'post-message',
      `WITH bumped AS (
         UPDATE threads SET last_seq = last_seq + 1, message_count = message_count + 1,
                            last_activity_at = now(), updated_at = now()
          WHERE id = $1 AND locked_at IS NULL
          RETURNING id, channel_id, network_id, title, attribution, topics, author_id, author_label,
                    client_id, last_seq, last_change, message_count, locked_at, locked_by,
                    last_activity_at, created_at, updated_at
       ), inserted AS (
         INSERT INTO messages AS m (thread_id, seq, author_id, author_label, client_id, body, reply_to_id)
         SELECT id, last_seq, $2, $3, $4, $5, $6 FROM bumped
         RETURNING ${messageColumns('m')}
       ), marked AS (
         INSERT INTO thread_reads AS r (user_id, thread_id, last_read_seq, updated_at)
         SELECT $2, thread_id, seq, now() FROM inserted
         ON CONFLICT (user_id, thread_id) DO UPDATE
           SET last_read_seq = GREATEST(r.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()
       )
       SELECT b.*, NULL::int AS last_read_seq, u.display_name AS author_display_name,
              u.handle AS author_handle, '' AS activity_key, to_jsonb(i.*) AS message
         FROM bumped b
         JOIN inserted i ON true
         LEFT JOIN users u ON u.id = b.author_id`,
      [threadId, actor.userId, authorLabel, dto.clientId, dto.body, dto.replyToId ?? null],
    );
    // Nothing bumped: the thread was locked between the policy check and the write.
    if (rows.length === 0) throw conflict('This thread is locked');
    const row = rows[0];
    const message = messageFromJson(row.message);
    return { message, thread: threadFromRow(row), threadAuthor: authorFromRow(row) };
  }

  /** The author edits; the text it replaces is kept as a revision. */
  async editMessage(actor: Actor, messageId: string, dto: EditMessageDto): Promise<MessageView> {
    const { message, thread } = await this.dataSource.transaction(async (manager) => {
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
        await manager.insert(MessageRevisionEntity, { messageId, body: current.body });
        await manager.update(
          MessageEntity,
          { id: messageId },
          {
            body: dto.body,
            editedAt: new Date(),
            changeSeq: await this.nextChange(manager, current.threadId),
          },
        );
        // A mention's excerpt shows the current text: the replaced one is edit history, which
        // only moderators and the author may read.
        await this.setMentionExcerpt(manager, messageId, excerpt(dto.body));
      }
      return {
        message: await manager.findOneByOrFail(MessageEntity, { id: messageId }),
        thread: await manager.findOneByOrFail(ThreadEntity, { id: current.threadId }),
      };
    });
    return this.publishMessageUpdate(actor, message, thread);
  }

  /** Soft delete: readers see "deleted"; the text stays in the database for the audit. */
  async deleteMessage(actor: Actor, messageId: string): Promise<MessageView> {
    const { message, thread } = await this.dataSource.transaction(async (manager) => {
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
      await manager.update(
        MessageEntity,
        { id: messageId },
        {
          deletedAt: new Date(),
          deletedBy: actor.userId,
          changeSeq: await this.nextChange(manager, current.threadId),
        },
      );
      await this.setMentionExcerpt(manager, messageId, '');
      return {
        message: await manager.findOneByOrFail(MessageEntity, { id: messageId }),
        thread: await manager.findOneByOrFail(ThreadEntity, { id: current.threadId }),
      };
    });
    return this.publishMessageUpdate(actor, message, thread);
  }

  async revisions(actor: Actor, messageId: string): Promise<MessageRevisionView[]> {
    const message = await this.dataSource.manager.findOneBy(MessageEntity, { id: messageId });
    if (!message) throw notFound('Message');
    const access = await loadThreadAccess(this.dataSource.manager, actor.userId, message.threadId);
    enforce(
      policy.readRevisions({
        ...access,
        isAuthor: message.authorId === actor.userId,
        deleted: message.deletedAt !== null,
      }),
    );
    const revisions = await this.dataSource.manager.find(MessageRevisionEntity, {
      where: { messageId },
      order: { replacedAt: 'ASC', id: 'ASC' },
    });
    return revisions.map((revision) => ({
      body: revision.body,
      replacedAt: revision.replacedAt.toISOString(),
    }));
  }

  /** Read state only moves forward, and never past the thread's last message. */
  async markRead(
    actor: Actor,
    threadId: string,
    seq: number,
  ): Promise<{ lastReadSeq: number; unreadCount: number }> {
    const access = await loadThreadAccess(this.dataSource.manager, actor.userId, threadId);
    enforce(readThread(access));
    const lastReadSeq = await this.markReadWithin(
      this.dataSource.manager,
      actor.userId,
      threadId,
      seq,
    );
    const thread = await this.dataSource.manager.findOneByOrFail(ThreadEntity, { id: threadId });
    return { lastReadSeq, unreadCount: Math.max(0, thread.lastSeq - lastReadSeq) };
  }

  // ------------------------------------------------------------------------------ helpers

  /**
   * The thread this author already started with this clientId (a retried send), or null. A
   * clientId names one send: reusing it for a thread in another channel, or for a thread after
   * a message, is a client bug and answers 409 rather than someone else's content or a 500.
   */
  private async existingThreadByClientId(
    actor: Actor,
    channelId: string,
    clientId: string,
  ): Promise<ThreadEntity | null> {
    const find = () =>
      this.dataSource.manager.findOneBy(ThreadEntity, { authorId: actor.userId, clientId });
    let thread = await find();
    if (!thread) {
      const used = await this.dataSource.manager.existsBy(MessageEntity, {
        authorId: actor.userId,
        clientId,
      });
      if (!used) return null;
      // The message may be the first of a thread that a concurrent retry has just committed
      // (a thread and its first message commit together): look once more.
      thread = await find();
    }
    if (thread && thread.channelId === channelId) return thread;
    throw conflict(
      'This clientId was already used for another thread or message; generate a new one per send',
    );
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
  ) {
    const rows = await preparedQuery<MessageRow>(
      this.dataSource,
      'messages-after',
      `${MESSAGE_SELECT} WHERE m.thread_id = $1 AND m.seq > $2 ORDER BY m.seq LIMIT $3`,
      [access.threadId, afterSeq, limit + 1],
    );
    return {
      items: rows
        .slice(0, limit)
        .map((row) => this.messageView(row, access.attribution, actor, moderator)),
      hasMore: rows.length > limit,
    };
  }

  private async existingByClientId(
    actor: Actor,
    threadId: string,
    clientId: string,
  ): Promise<MessageView | null> {
    const rows: MessageRow[] = await this.dataSource.query(
      `${MESSAGE_SELECT} WHERE m.author_id = $1 AND m.client_id = $2`,
      [actor.userId, clientId],
    );
    if (rows.length === 0) return null;
    if (rows[0].thread_id !== threadId) {
      throw conflict(
        'This clientId was already used for a message in another thread; generate a new one per message',
      );
    }
    const thread = await this.dataSource.manager.findOneByOrFail(ThreadEntity, { id: threadId });
    return this.messageView(rows[0], thread.attribution, actor);
  }

  private async setMentionExcerpt(
    manager: EntityManager,
    messageId: string,
    text: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE notifications SET payload = jsonb_set(payload, '{excerpt}', to_jsonb($2::text))
        WHERE message_id = $1 AND kind = 'mention'`,
      [messageId, text],
    );
  }

  private async messageForUpdate(
    manager: EntityManager,
    messageId: string,
  ): Promise<MessageEntity> {
    if (typeof messageId !== 'string') throw notFound('Message');
    const message = await manager.findOne(MessageEntity, {
      where: { id: messageId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!message) throw notFound('Message');
    return message;
  }

  private async markReadWithin(
    manager: EntityManager,
    userId: string,
    threadId: string,
    seq: number,
  ): Promise<number> {
    const rows: { last_read_seq: number }[] = await manager.query(
      `INSERT INTO thread_reads AS r (user_id, thread_id, last_read_seq, updated_at)
       VALUES ($1, $2, LEAST($3, (SELECT last_seq FROM threads WHERE id = $2)), now())
       ON CONFLICT (user_id, thread_id) DO UPDATE
         SET last_read_seq = GREATEST(r.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()
       RETURNING last_read_seq`,
      [userId, threadId, seq],
    );
    return rows[0].last_read_seq;
  }

  /** Rate limits, then the channel's slow mode (last: a refused post must not use its slot). */
  private async consumePostingAllowance(
    actor: Actor,
    threadId: string | null,
    access: LoadedChannelAccess,
  ): Promise<void> {
    const limits = this.config.rateLimits;
    await this.rateLimits.consumeAll([
      {
        key: `post:user:${actor.userId}`,
        rule: limits.postPerUser,
        message: 'You are posting too fast; wait a moment',
      },
      ...(threadId
        ? [
            {
              key: `post:thread:${threadId}:${actor.userId}`,
              rule: limits.postPerUserPerThread,
              message: 'You are posting too fast in this thread; wait a moment',
            },
          ]
        : []),
    ]);
    await claimSlowModeSlot(this.dataSource.manager, access, actor.userId);
  }

  private async authorOf(actor: Actor): Promise<{ user: UserEntity; facts: AuthorFacts }> {
    const user = await this.dataSource.manager.findOne(UserEntity, {
      where: { id: actor.userId },
      relations: { organisation: true },
    });
    if (!user) throw policy.unauthorized('Your account no longer exists');
    return { user, facts: { userId: user.id, displayName: user.displayName, handle: user.handle } };
  }

  private async publishMessageUpdate(
    actor: Actor,
    message: MessageEntity,
    thread: ThreadEntity,
  ): Promise<MessageView> {
    const author = message.authorId
      ? await this.dataSource.manager.findOneBy(UserEntity, { id: message.authorId })
      : null;
    const facts = author
      ? { userId: author.id, displayName: author.displayName, handle: author.handle }
      : null;
    const event: MessageEvent = { message, thread, author: facts };
    this.events.committed(EVENTS.messageUpdated, event);
    return toMessageView(message, thread.attribution, facts, actor.userId);
  }

  private threadView(row: ThreadRow, actor: Actor): ThreadView {
    return toThreadView(
      threadFromRow(row),
      authorFromRow(row),
      actor.userId,
      row.last_read_seq ?? 0,
    );
  }

  private messageView(
    row: MessageRow,
    attribution: policy.Attribution,
    actor: Actor,
    moderator = false,
  ): MessageView {
    return toMessageView(messageFromRow(row), attribution, authorFromRow(row), actor.userId, {
      moderator,
    });
  }
}

/**
 * Reading a thread: what the caller may not read answers exactly like a thread that does not
 * exist ("Thread not found"), not like a missing channel, so the two cannot be told apart.
 */
function readThread(access: policy.ThreadAccess): policy.Decision {
  return policy.canReadChannel(access)
    ? { allowed: true }
    : { allowed: false, error: notFound('Thread') };
}

function authorFromRow(row: {
  author_id: string | null;
  author_display_name: string | null;
  author_handle: string | null;
}): AuthorFacts | null {
  if (!row.author_id || row.author_display_name === null || row.author_handle === null) return null;
  return { userId: row.author_id, displayName: row.author_display_name, handle: row.author_handle };
}

export function threadFromRow(row: ThreadRow): ThreadEntity {
  return Object.assign(new ThreadEntity(), {
    id: row.id,
    channelId: row.channel_id,
    networkId: row.network_id,
    title: row.title,
    attribution: row.attribution,
    topics: row.topics,
    authorId: row.author_id,
    authorLabel: row.author_label,
    clientId: row.client_id,
    lastSeq: row.last_seq,
    lastChange: row.last_change,
    messageCount: row.message_count,
    lockedAt: row.locked_at,
    lockedBy: row.locked_by,
    lastActivityAt: row.last_activity_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

function messageFromRow(row: MessageRow): MessageEntity {
  return Object.assign(new MessageEntity(), {
    id: row.id,
    threadId: row.thread_id,
    seq: row.seq,
    changeSeq: row.change_seq,
    authorId: row.author_id,
    authorLabel: row.author_label,
    clientId: row.client_id,
    body: row.body,
    replyToId: row.reply_to_id,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
    deletedBy: row.deleted_by,
    hiddenAt: row.hidden_at,
    hiddenBy: row.hidden_by,
    createdAt: row.created_at,
  });
}

/** A message row that came back as JSON (to_jsonb), with its timestamps as strings. */
function messageFromJson(json: MessageRow): MessageEntity {
  const date = (value: Date | string | null): Date | null =>
    value === null ? null : new Date(value);
  return messageFromRow({
    ...json,
    edited_at: date(json.edited_at),
    deleted_at: date(json.deleted_at),
    hidden_at: date(json.hidden_at),
    created_at: date(json.created_at) ?? new Date(),
  });
}
