import { Injectable } from '@nestjs/common';
import {
  Attribution,
  AuthorFacts,
  Topic,
  toAuthorFacts,
  ThreadView,
  toThreadView,
} from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ChannelEntity } from '../channels/channel.entity';
import { MessageEntity } from './message.entity';
import { ThreadEntity } from './thread.entity';

/** A thread as THREAD_SELECT reads it: with the viewer's read mark and the author's names. */
export interface ThreadRow {
  id: string;
  channel_id: string;
  network_id: string;
  title: string;
  attribution: Attribution;
  topics: Topic[];
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
  /** The sort key of thread lists, as text in UTC (microseconds kept), for the cursor. */
  activity_key: string;
}

/** `$1` is the viewer, whose read mark comes with each thread. */
const THREAD_SELECT = `
  SELECT t.*, r.last_read_seq, u.display_name AS author_display_name, u.handle AS author_handle,
         (t.last_activity_at AT TIME ZONE 'UTC')::text AS activity_key
    FROM threads t
    LEFT JOIN thread_reads r ON r.thread_id = t.id AND r.user_id = $1
    LEFT JOIN users u ON u.id = t.author_id`;

/** What starting a thread writes: the thread and its first message, by one author. */
export interface NewThread {
  channelId: string;
  networkId: string;
  title: string;
  attribution: Attribution;
  topics: Topic[];
  authorId: string;
  /** The Chatham label the author's posts keep. */
  authorLabel: string;
  clientId: string;
  body: string;
}

/** Threads and read marks: every query discussions makes about them. */
@Injectable()
export class ThreadsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One page of a channel's threads for a viewer, newest activity first, after the cursor
   * (last activity, id). Returns up to `limit + 1` rows: one more than asked tells that a next
   * page exists.
   */
  async findPage(
    viewerId: string,
    channelId: string,
    limit: number,
    after: (string | number)[] | null,
  ): Promise<ThreadRow[]> {
    const params: unknown[] = [viewerId, channelId];
    let where = 't.channel_id = $2';
    if (after) {
      params.push(after[0], after[1]);
      where += ` AND (t.last_activity_at, t.id) < (($3::timestamp AT TIME ZONE 'UTC'), $4::uuid)`;
    }
    params.push(limit + 1);
    return this.dataSource.query(
      `${THREAD_SELECT} WHERE ${where} ORDER BY t.last_activity_at DESC, t.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /** The thread as this viewer sees it (their read mark), without its annex. */
  async viewFor(viewerId: string, threadId: string): Promise<ThreadView> {
    const rows: ThreadRow[] = await this.dataSource.query(`${THREAD_SELECT} WHERE t.id = $2`, [
      viewerId,
      threadId,
    ]);
    return toViewerThreadView(rows[0], viewerId);
  }

  findById(threadId: string, manager = this.dataSource.manager): Promise<ThreadEntity | null> {
    return manager.findOneBy(ThreadEntity, { id: threadId });
  }

  /** A thread the caller knows exists (its access was just loaded). */
  getById(threadId: string, manager = this.dataSource.manager): Promise<ThreadEntity> {
    return manager.findOneByOrFail(ThreadEntity, { id: threadId });
  }

  /** The channel a thread was just started in, for the thread:new event. */
  channelOf(manager: EntityManager, channelId: string): Promise<ChannelEntity> {
    return manager.findOneByOrFail(ChannelEntity, { id: channelId });
  }

  findByClientId(authorId: string, clientId: string): Promise<ThreadEntity | null> {
    return this.dataSource.manager.findOneBy(ThreadEntity, { authorId, clientId });
  }

  /**
   * Writes a new thread with its first message (seq 1), read by its author. Run inside a
   * transaction: the two commit together, or a retry could find a thread without its message.
   */
  async create(
    manager: EntityManager,
    input: NewThread,
  ): Promise<{ thread: ThreadEntity; message: MessageEntity }> {
    const thread = await manager.save(
      manager.create(ThreadEntity, {
        channelId: input.channelId,
        networkId: input.networkId,
        title: input.title,
        attribution: input.attribution,
        topics: input.topics,
        authorId: input.authorId,
        authorLabel: input.authorLabel,
        clientId: input.clientId,
        lastSeq: 1,
        messageCount: 1,
        lastActivityAt: new Date(),
      }),
    );
    const message = await manager.save(
      manager.create(MessageEntity, {
        threadId: thread.id,
        seq: 1,
        authorId: input.authorId,
        authorLabel: input.authorLabel,
        clientId: input.clientId,
        body: input.body,
        replyToId: null,
      }),
    );
    await this.markRead(manager, input.authorId, thread.id, 1);
    return { thread, message };
  }

  /**
   * Writes a thread without a first message (seq 0): a conversation a feature opens for people
   * who then talk in it through the ordinary message machinery. Run inside the caller's
   * transaction.
   */
  async createEmpty(
    manager: EntityManager,
    at: Date,
    input: Omit<NewThread, 'body'>,
  ): Promise<string> {
    const thread = await manager.save(
      manager.create(ThreadEntity, {
        channelId: input.channelId,
        networkId: input.networkId,
        title: input.title,
        attribution: input.attribution,
        topics: input.topics,
        authorId: input.authorId,
        authorLabel: input.authorLabel,
        clientId: input.clientId,
        lastSeq: 0,
        messageCount: 0,
        lastActivityAt: at,
      }),
    );
    return thread.id;
  }

  /**
   * Locks (`lockedBy` set) or unlocks (null) a thread. Only a real change writes: true when the
   * thread changed, false when it already was as asked.
   */
  async setLocked(
    manager: EntityManager,
    threadId: string,
    lockedBy: string | null,
  ): Promise<boolean> {
    const changed = await manager
      .createQueryBuilder()
      .update(ThreadEntity)
      .set(lockedBy ? { lockedAt: new Date(), lockedBy } : { lockedAt: null, lockedBy: null })
      .where(
        lockedBy
          ? 'id = :threadId AND locked_at IS NULL'
          : 'id = :threadId AND locked_at IS NOT NULL',
        { threadId },
      )
      .execute();
    return Boolean(changed.affected);
  }

  /**
   * Moves a reader's mark forward to `seq` (never back, never past the thread's last message)
   * and returns where it stands.
   */
  async markRead(
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
}

/** The author's public facts from a row that joined the author (`author_*` columns). */
export function authorFromRow(row: {
  author_id: string | null;
  author_display_name: string | null;
  author_handle: string | null;
}): AuthorFacts | null {
  return toAuthorFacts(row.author_id, row.author_display_name, row.author_handle);
}

export function toViewerThreadView(row: ThreadRow, viewerId: string): ThreadView {
  return toThreadView(threadFromRow(row), authorFromRow(row), viewerId, row.last_read_seq ?? 0);
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
