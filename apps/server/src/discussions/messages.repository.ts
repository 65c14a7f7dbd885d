import { Injectable } from '@nestjs/common';
import { Attribution, AuthorFacts, LabelCode, MessageView, toMessageView } from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery, returnedRows } from '../platform/database/sql';
import { MessageEntity, MessageRevisionEntity } from './message.entity';
import { ThreadEntity } from './thread.entity';
import { authorFromRow, threadFromRow, ThreadRow } from './threads.repository';

/** A message as MESSAGE_SELECT reads it: with its author's names. */
export interface MessageRow {
  id: string;
  thread_id: string;
  seq: number;
  change_seq: number;
  author_id: string | null;
  author_label: string;
  author_label_code: LabelCode;
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

/**
 * The columns a message is mapped from, named so that reads never carry the search vector
 * (`tsv`), which is larger than the body. Prefix with an alias.
 */
const messageColumns = (alias: string): string =>
  ['id', 'thread_id', 'seq', 'change_seq', 'author_id', 'author_label', 'author_label_code']
    .concat(['client_id', 'body'])
    .concat(['reply_to_id', 'edited_at', 'deleted_at', 'deleted_by', 'hidden_at', 'hidden_by'])
    .concat(['created_at'])
    .map((column) => `${alias}.${column}`)
    .join(', ');

const MESSAGE_SELECT = `
  SELECT ${messageColumns('m')}, u.display_name AS author_display_name, u.handle AS author_handle
    FROM messages m LEFT JOIN users u ON u.id = m.author_id`;

/** What a post writes; the seq comes from the thread in the same statement. */
export interface NewPost {
  threadId: string;
  authorId: string;
  /** The label the post keeps (its English text and its code, see chatham.ts). */
  authorLabel: string;
  authorLabelCode: LabelCode;
  clientId: string;
  body: string;
  replyToId: string | null;
}

/** A committed post: the message, the thread as it stands after it, and the thread's author. */
export interface SavedPost {
  message: MessageEntity;
  thread: ThreadEntity;
  threadAuthor: AuthorFacts | null;
}

/** What a change to a message may set; the change stamp is taken by `applyChange`. */
export type MessageChange = Partial<
  Pick<MessageEntity, 'body' | 'editedAt' | 'deletedAt' | 'deletedBy' | 'hiddenAt' | 'hiddenBy'>
>;

/** Messages, their revisions and the thread counters a post or a change moves. */
@Injectable()
export class MessagesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The write of a post, as one statement: bump the thread's seq (refused when it is locked),
   * insert the message with that seq, and move the author's read mark to it. One implicit
   * transaction, so the seq is unique and gapless under concurrent posts; a unique violation on
   * the clientId rolls the whole statement back (no seq is used up). Null when the thread was
   * locked between the policy check and the write.
   */
  async insertPost(post: NewPost): Promise<SavedPost | null> {
    const rows = await preparedQuery<ThreadRow & { message: MessageRow }>(
      this.dataSource,
      'post-message',
      `WITH bumped AS (
         UPDATE threads SET last_seq = last_seq + 1, message_count = message_count + 1,
                            last_activity_at = now(), updated_at = now()
          WHERE id = $1 AND locked_at IS NULL
          RETURNING id, channel_id, network_id, title, attribution, topics, author_id, author_label,
                    author_label_code,
                    client_id, last_seq, last_change, message_count, locked_at, locked_by,
                    last_activity_at, created_at, updated_at
       ), inserted AS (
         INSERT INTO messages AS m (thread_id, seq, author_id, author_label, client_id, body, reply_to_id,
                                  author_label_code)
         SELECT id, last_seq, $2, $3, $4, $5, $6, $7 FROM bumped
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
      [
        post.threadId,
        post.authorId,
        post.authorLabel,
        post.clientId,
        post.body,
        post.replyToId,
        post.authorLabelCode,
      ],
    );
    if (rows.length === 0) return null;
    const row = rows[0];
    return {
      message: messageFromJson(row.message),
      thread: threadFromRow(row),
      threadAuthor: authorFromRow(row),
    };
  }

  /** Messages with seq after `afterSeq`, oldest first: up to `limit + 1` (one more tells more). */
  findAfter(threadId: string, afterSeq: number, limit: number): Promise<MessageRow[]> {
    return preparedQuery<MessageRow>(
      this.dataSource,
      'messages-after',
      `${MESSAGE_SELECT} WHERE m.thread_id = $1 AND m.seq > $2 ORDER BY m.seq LIMIT $3`,
      [threadId, afterSeq, limit + 1],
    );
  }

  /** Messages up to `uptoSeq` changed (edited, deleted, hidden) after the stamp, in change order. */
  findChangedSince(
    threadId: string,
    uptoSeq: number,
    afterChange: number,
    limit: number,
  ): Promise<MessageRow[]> {
    return this.dataSource.query(
      `${MESSAGE_SELECT} WHERE m.thread_id = $1 AND m.seq <= $2 AND m.change_seq > $3 ORDER BY m.change_seq LIMIT $4`,
      [threadId, uptoSeq, afterChange, limit],
    );
  }

  /** The message this author sent with this clientId, in whichever thread. */
  async findByClientId(authorId: string, clientId: string): Promise<MessageRow | null> {
    const rows: MessageRow[] = await this.dataSource.query(
      `${MESSAGE_SELECT} WHERE m.author_id = $1 AND m.client_id = $2`,
      [authorId, clientId],
    );
    return rows[0] ?? null;
  }

  existsByClientId(authorId: string, clientId: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(MessageEntity, { authorId, clientId });
  }

  findById(messageId: string): Promise<MessageEntity | null> {
    return this.dataSource.manager.findOneBy(MessageEntity, { id: messageId });
  }

  getById(messageId: string, manager: EntityManager): Promise<MessageEntity> {
    return manager.findOneByOrFail(MessageEntity, { id: messageId });
  }

  /**
   * The message, its row held FOR UPDATE until the transaction ends, so two changes to it take
   * turns. Run inside a transaction. Null for an unknown id (and for a missing one: an undefined
   * key would widen the lookup).
   */
  async findForUpdate(manager: EntityManager, messageId: string): Promise<MessageEntity | null> {
    if (typeof messageId !== 'string') return null;
    return manager.findOne(MessageEntity, {
      where: { id: messageId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /**
   * Changes a message and stamps it with the thread's next change stamp, so a client
   * reconnecting with `afterChange` learns of it. Run inside the change's transaction.
   */
  async applyChange(
    manager: EntityManager,
    message: { id: string; threadId: string },
    change: MessageChange,
  ): Promise<void> {
    const changeSeq = await this.nextChangeStamp(manager, message.threadId);
    await manager.update(MessageEntity, { id: message.id }, { ...change, changeSeq });
  }

  /** Keeps the text an edit replaces. Inside the edit's transaction. */
  async addRevision(manager: EntityManager, messageId: string, body: string): Promise<void> {
    await manager.insert(MessageRevisionEntity, { messageId, body });
  }

  /** Earlier texts of a message, oldest first. */
  revisions(messageId: string): Promise<MessageRevisionEntity[]> {
    return this.dataSource.manager.find(MessageRevisionEntity, {
      where: { messageId },
      order: { replacedAt: 'ASC', id: 'ASC' },
    });
  }

  private async nextChangeStamp(manager: EntityManager, threadId: string): Promise<number> {
    const rows = returnedRows<{ last_change: number }>(
      await manager.query(
        `UPDATE threads SET last_change = last_change + 1 WHERE id = $1 RETURNING last_change`,
        [threadId],
      ),
    );
    return rows[0].last_change;
  }
}

/**
 * A message row for one viewer. `moderator`: the viewer moderates the network, so hidden
 * messages keep their text.
 */
export function toViewerMessageView(
  row: MessageRow,
  attribution: Attribution,
  viewerId: string,
  moderator = false,
): MessageView {
  return toMessageView(messageFromRow(row), attribution, authorFromRow(row), viewerId, {
    moderator,
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
    authorLabelCode: row.author_label_code,
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
