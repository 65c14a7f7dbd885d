import { Injectable } from '@nestjs/common';
import * as policy from '@tandem/domain';
import {
  attributionLabel,
  conflict,
  enforce,
  Page,
  ThreadView,
  toThreadView,
} from '@tandem/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { loadChannelAccess, loadThreadAccess } from '../channels/channel-access';
import { NotificationsService } from '../notifications/notifications.service';
import { AuditLogService } from '../platform/audit/audit-log.service';
import { isUniqueViolation } from '../platform/database/sql';
import { DomainEvents } from '../platform/events/domain-event-bus';
import { EVENTS, ThreadEvent } from '../platform/events/domain-events';
import type { Actor } from '../platform/http/actor';
import { decodeCursor, encodeCursor, pageSize } from '../platform/http/pagination';
import { AuthorsRepository } from './authors.repository';
import type { CreateThreadDto, ThreadListQuery } from './dto/discussion.dto';
import { MessagesRepository } from './messages.repository';
import { PostingAllowance } from './posting-allowance';
import { ThreadAnnexRegistry } from './thread-annex';
import type { ThreadEntity } from './thread.entity';
import { ThreadsRepository, toViewerThreadView } from './threads.repository';

/** Threads: starting, listing, reading, locking, and each reader's read mark. */
@Injectable()
export class ThreadsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly threads: ThreadsRepository,
    private readonly messages: MessagesRepository,
    private readonly authors: AuthorsRepository,
    private readonly annex: ThreadAnnexRegistry,
    private readonly allowance: PostingAllowance,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditLogService,
  ) {}

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
    await this.allowance.consume(actor, null, access);

    const author = await this.authors.withOrganisation(actor.userId);
    if (!author) throw policy.unauthorized('Your account no longer exists');
    let thread: ThreadEntity;
    try {
      thread = await this.events.transaction(async (manager, events) => {
        const created = await this.threads.create(manager, {
          channelId,
          networkId: access.networkId,
          title: dto.title,
          attribution: dto.attribution,
          topics: dto.topics ?? [],
          authorId: actor.userId,
          authorLabel: attributionLabel(author.user.organisation),
          clientId: dto.clientId,
          body: dto.body,
        });
        const channel = await this.threads.channelOf(manager, channelId);
        const threadEvent: ThreadEvent = { thread: created.thread, channel, author: author.facts };
        events.add(EVENTS.threadCreated, threadEvent);
        events.then(() =>
          this.notifications.notifyMentions(created.message, created.thread, author.facts),
        );
        return created.thread;
      });
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
    return { thread: toThreadView(thread, author.facts, actor.userId, 1), created: true };
  }

  /**
   * A named conversation thread with no first message, for a feature that owns the channel it
   * lives in (a mentoring pair's): the caller has decided that it may open one and runs this
   * inside its own transaction (`manager`). `authorId` is the person shown as having started it.
   * Returns the thread's id.
   */
  async openConversation(
    manager: EntityManager,
    thread: {
      channelId: string;
      networkId: string;
      title: string;
      topics: policy.Topic[];
      authorId: string;
      clientId: string;
      /** Its last activity: when it was opened. */
      at: Date;
    },
  ): Promise<string> {
    const author = await this.authors.withOrganisation(thread.authorId);
    if (!author) throw policy.notFound('User');
    const { at, ...fields } = thread;
    return this.threads.createEmpty(manager, at, {
      ...fields,
      attribution: 'named',
      authorLabel: attributionLabel(author.user.organisation),
    });
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
    const rows = await this.threads.findPage(
      actor.userId,
      channelId,
      limit,
      decodeCursor(query.cursor, 2),
    );
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map((row) => toViewerThreadView(row, actor.userId)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.activity_key, last.id]) : null,
    };
  }

  /**
   * A thread as every reader of it may see it, with its annex, for payloads sent to the
   * thread's rooms (no viewer: nothing personal, nothing only some readers may open). Null
   * when the thread is gone.
   */
  async roomThreadView(threadId: string): Promise<ThreadView | null> {
    const thread = await this.threads.findById(threadId);
    if (!thread) return null;
    const view = toThreadView(thread, await this.authors.factsOf(thread.authorId), null, 0);
    return { ...view, ...(await this.annex.forRoom(this.dataSource.manager, threadId)) };
  }

  async getThread(actor: Actor, threadId: string): Promise<ThreadView> {
    const access = await loadThreadAccess(this.dataSource.manager, actor.userId, threadId);
    enforce(policy.readThread(access));
    return {
      ...(await this.threads.viewFor(actor.userId, threadId)),
      ...(await this.annex.forViewer(this.dataSource.manager, threadId, actor.userId)),
    };
  }

  async setLocked(actor: Actor, threadId: string, locked: boolean): Promise<ThreadView> {
    const access = await loadThreadAccess(this.dataSource.manager, actor.userId, threadId);
    enforce(policy.lockThread(access));
    enforce(policy.participate(access, new Date()));
    await this.events.transaction(async (manager, events) => {
      // Only a real change is recorded: locking a locked thread changes nothing.
      const changed = await this.threads.setLocked(manager, threadId, locked ? actor.userId : null);
      if (changed) {
        await this.audit.record(manager, {
          networkId: access.networkId,
          actorId: actor.userId,
          action: locked ? 'thread.locked' : 'thread.unlocked',
          subject: { type: 'thread', id: threadId },
        });
      }
      events.add(EVENTS.threadUpdated, { threadId });
    });
    return this.getThread(actor, threadId);
  }

  /** Read state only moves forward, and never past the thread's last message. */
  async markRead(
    actor: Actor,
    threadId: string,
    seq: number,
  ): Promise<{ lastReadSeq: number; unreadCount: number }> {
    const access = await loadThreadAccess(this.dataSource.manager, actor.userId, threadId);
    enforce(policy.readThread(access));
    const lastReadSeq = await this.threads.markRead(
      this.dataSource.manager,
      actor.userId,
      threadId,
      seq,
    );
    const thread = await this.threads.getById(threadId);
    return { lastReadSeq, unreadCount: Math.max(0, thread.lastSeq - lastReadSeq) };
  }

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
    let thread = await this.threads.findByClientId(actor.userId, clientId);
    if (!thread) {
      if (!(await this.messages.existsByClientId(actor.userId, clientId))) return null;
      // The message may be the first of a thread that a concurrent retry has just committed
      // (a thread and its first message commit together): look once more.
      thread = await this.threads.findByClientId(actor.userId, clientId);
    }
    if (thread && thread.channelId === channelId) return thread;
    throw conflict(
      'This clientId was already used for another thread or message; generate a new one per send',
    );
  }
}
