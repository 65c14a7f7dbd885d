import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A per-thread change counter, so a reconnecting client can catch up on edits and deletions of
 * messages it already had, not only on new messages: every edit or delete takes the thread's
 * next `last_change` and stamps it on the message.
 */
export class MessageChanges1764100000000 implements MigrationInterface {
  name = 'MessageChanges1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE threads ADD COLUMN last_change integer NOT NULL DEFAULT 0 CHECK (last_change >= 0)`,
    );
    await q.query(
      `ALTER TABLE messages ADD COLUMN change_seq integer NOT NULL DEFAULT 0 CHECK (change_seq >= 0)`,
    );
    // Existing edits and deletions get a place in the order they happened.
    await q.query(`
      UPDATE messages m SET change_seq = c.n FROM (
        SELECT id, row_number() OVER (PARTITION BY thread_id ORDER BY coalesce(deleted_at, edited_at), id) AS n
          FROM messages WHERE edited_at IS NOT NULL OR deleted_at IS NOT NULL
      ) c WHERE c.id = m.id`);
    await q.query(`
      UPDATE threads t SET last_change = c.n FROM (
        SELECT thread_id, max(change_seq) AS n FROM messages GROUP BY thread_id
      ) c WHERE c.thread_id = t.id`);
    await q.query(
      `CREATE INDEX messages_thread_change_idx ON messages (thread_id, change_seq) WHERE change_seq > 0`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX messages_thread_change_idx`);
    await q.query(`ALTER TABLE messages DROP COLUMN change_seq`);
    await q.query(`ALTER TABLE threads DROP COLUMN last_change`);
  }
}
