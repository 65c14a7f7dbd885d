import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mail outbox: a mail is a row written in the same transaction as the change that causes
 * it, and a job (pg-boss, same transaction) renders and sends it. The row keeps what the mail
 * says (template, locale, data) rather than the rendered text, and its Message-ID is fixed at
 * insert, so every retry sends the same mail.
 *
 * pg-boss's own schema (`pgboss`) is not created here: pg-boss versions it itself, and
 * `runMigrations` installs or upgrades it after these (platform/jobs/job-queue-database.ts).
 */
export class MailOutbox1764730000000 implements MigrationInterface {
  name = 'MailOutbox1764730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY,
        recipient text NOT NULL CHECK (length(recipient) BETWEEN 3 AND 320),
        template text NOT NULL,
        locale text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        transactional boolean NOT NULL,
        unsubscribe_token text,
        message_id text NOT NULL UNIQUE,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sent','failed')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        -- Mail a person did not ask for must offer a one-click way out (RFC 8058).
        CONSTRAINT mail_outbox_unsubscribable CHECK (transactional OR unsubscribe_token IS NOT NULL),
        CONSTRAINT mail_outbox_sent_at CHECK ((status = 'sent') = (sent_at IS NOT NULL))
      )`);
    // The mail still waiting, oldest first (an admin view, a stuck-mail check).
    await q.query(
      `CREATE INDEX mail_outbox_queued_idx ON mail_outbox (created_at) WHERE status = 'queued'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mail_outbox`);
  }
}
