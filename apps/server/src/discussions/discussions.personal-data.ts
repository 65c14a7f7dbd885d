import { iso, PersonalDataPart } from '../platform/personal-data/personal-data';

interface MessageRow {
  id: string;
  thread_id: string;
  seq: number;
  body: string;
  author_label: string;
  attribution: string;
  reply_to_id: string | null;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  hidden_at: Date | null;
  revisions: { body: string; replacedAt: string }[] | null;
}

/**
 * Threads the member started, every message they wrote (with its earlier versions), their read
 * state and the library links they added. Only their own words: for a thread someone else
 * started, the download names its id, not its title; in a Chatham House thread it holds their
 * own posts only, like everywhere else.
 */
export const discussionsPart: PersonalDataPart = {
  name: 'discussions',
  async export(manager, userId) {
    const threads: {
      id: string;
      network_id: string;
      channel_id: string;
      title: string;
      attribution: string;
      topics: string[];
      created_at: Date;
      locked_at: Date | null;
    }[] = await manager.query(
      `SELECT id, network_id, channel_id, title, attribution, topics, created_at, locked_at
         FROM threads WHERE author_id = $1 ORDER BY created_at, id`,
      [userId],
    );
    const messages: MessageRow[] = await manager.query(
      `SELECT m.id, m.thread_id, m.seq, m.body, m.author_label, t.attribution, m.reply_to_id,
              m.created_at, m.edited_at, m.deleted_at, m.hidden_at,
              (SELECT jsonb_agg(jsonb_build_object('body', r.body, 'replacedAt', r.replaced_at)
                                ORDER BY r.replaced_at, r.id)
                 FROM message_revisions r WHERE r.message_id = m.id) AS revisions
         FROM messages m JOIN threads t ON t.id = m.thread_id
        WHERE m.author_id = $1 ORDER BY m.created_at, m.id`,
      [userId],
    );
    const reads: { thread_id: string; last_read_seq: number; updated_at: Date }[] =
      await manager.query(
        `SELECT thread_id, last_read_seq, updated_at FROM thread_reads WHERE user_id = $1 ORDER BY updated_at`,
        [userId],
      );
    const links: {
      thread_id: string;
      target_type: string;
      target_id: string;
      note: string;
      created_at: Date;
    }[] = await manager.query(
      `SELECT thread_id, target_type, target_id, note, created_at FROM thread_links
        WHERE created_by = $1 ORDER BY created_at`,
      [userId],
    );
    return {
      threadsStarted: threads.map((row) => ({
        id: row.id,
        networkId: row.network_id,
        channelId: row.channel_id,
        title: row.title,
        attribution: row.attribution,
        topics: row.topics,
        createdAt: iso(row.created_at),
        lockedAt: iso(row.locked_at),
      })),
      messages: messages.map((row) => ({
        id: row.id,
        threadId: row.thread_id,
        seq: row.seq,
        body: row.body,
        // In a Chatham House thread this label is all anyone else saw of the author.
        shownAs: row.attribution === 'chatham' ? row.author_label : 'name',
        replyToId: row.reply_to_id,
        createdAt: iso(row.created_at),
        editedAt: iso(row.edited_at),
        deletedAt: iso(row.deleted_at),
        hiddenByModeratorsAt: iso(row.hidden_at),
        revisions: (row.revisions ?? []).map((revision) => ({
          body: revision.body,
          replacedAt: new Date(revision.replacedAt).toISOString(),
        })),
      })),
      readState: reads.map((row) => ({
        threadId: row.thread_id,
        lastReadSeq: row.last_read_seq,
        updatedAt: iso(row.updated_at),
      })),
      linksAdded: links.map((row) => ({
        threadId: row.thread_id,
        targetType: row.target_type,
        targetId: row.target_id,
        note: row.note,
        createdAt: iso(row.created_at),
      })),
    };
  },
  /**
   * Threads and messages stay, so conversations remain readable: they lose their author, and
   * show "Former member" in named threads; Chatham House posts keep the label they had. Read
   * state goes.
   */
  async erase(manager, userId) {
    await manager.query(`UPDATE messages SET author_id = NULL WHERE author_id = $1`, [userId]);
    await manager.query(`UPDATE threads SET author_id = NULL WHERE author_id = $1`, [userId]);
    await manager.query(`UPDATE thread_links SET created_by = NULL WHERE created_by = $1`, [
      userId,
    ]);
    await manager.query(`DELETE FROM thread_reads WHERE user_id = $1`, [userId]);
  },
};
