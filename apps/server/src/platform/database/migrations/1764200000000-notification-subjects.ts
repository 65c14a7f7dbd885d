import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications about more than mentions: each one names its subject (a thread, and later
 * pairings and entries) by type and id. The kinds and the subject type each kind is about live
 * in `notification_kinds`, which features extend in migrations of their own with one INSERT, so
 * two features never rewrite the same constraint. `dedupe_key` lets a job that may run on
 * several processes (reminders, say) notify once.
 */
export class NotificationSubjects1764200000000 implements MigrationInterface {
  name = 'NotificationSubjects1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_kinds (
        kind text NOT NULL CHECK (kind ~ '^[a-z][a-z_]{1,48}$'),
        subject_type text NOT NULL CHECK (subject_type ~ '^[a-z][a-z_]{1,48}$'),
        PRIMARY KEY (kind),
        UNIQUE (kind, subject_type)
      )`);
    await q.query(
      `INSERT INTO notification_kinds (kind, subject_type) VALUES ('mention', 'thread')`,
    );
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT IF EXISTS notifications_kind_check`);
    await q.query(`ALTER TABLE notifications ADD COLUMN subject_type text`);
    await q.query(`ALTER TABLE notifications ADD COLUMN subject_id uuid`);
    await q.query(`ALTER TABLE notifications ADD COLUMN dedupe_key text`);
    await q.query(
      `UPDATE notifications SET subject_type = 'thread', subject_id = thread_id WHERE kind = 'mention'`,
    );
    await q.query(`ALTER TABLE notifications ALTER COLUMN subject_type SET NOT NULL`);
    await q.query(`ALTER TABLE notifications ALTER COLUMN subject_id SET NOT NULL`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_fkey
        FOREIGN KEY (kind, subject_type) REFERENCES notification_kinds (kind, subject_type)`);
    // A thread subject is the thread the row points at, so deleting the thread removes both.
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_thread_subject
        CHECK (subject_type <> 'thread' OR thread_id IS NOT DISTINCT FROM subject_id)`);
    await q.query(
      `CREATE UNIQUE INDEX notifications_dedupe_key ON notifications (user_id, kind, dedupe_key) WHERE dedupe_key IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind <> 'mention'`);
    await q.query(`DROP INDEX notifications_dedupe_key`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_thread_subject`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_fkey`);
    await q.query(`ALTER TABLE notifications DROP COLUMN dedupe_key`);
    await q.query(`ALTER TABLE notifications DROP COLUMN subject_id`);
    await q.query(`ALTER TABLE notifications DROP COLUMN subject_type`);
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('mention'))`,
    );
    await q.query(`DROP TABLE notification_kinds`);
  }
}
