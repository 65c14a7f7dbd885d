import { MigrationInterface, QueryRunner } from 'typeorm';

const FLAG_REASONS = `('spam','abuse','personal_data','misinformation','other')`;

/**
 * Moderation and personal data: flags on messages (one per person and message), hidden messages,
 * slow mode on channels with the time each member last posted there, suspensions from a network,
 * the `message_flagged` notification kind, and anonymised accounts (`users.deleted_at`).
 *
 * Users are never row-deleted (the audit log refers to them), so the keys to users here have no
 * ON DELETE action. Suspensions live beside memberships, not on them: leaving and rejoining an
 * open network does not end one.
 */
export class Moderation1764600000000 implements MigrationInterface {
  name = 'Moderation1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN deleted_at timestamptz`);
    // An anonymised account keeps nothing that points at the person.
    await q.query(`
      ALTER TABLE users ADD CONSTRAINT users_deleted_anonymised CHECK (
        deleted_at IS NULL OR (email LIKE 'deleted-%@deleted.invalid' AND organisation_id IS NULL)
      )`);

    await q.query(`ALTER TABLE messages ADD COLUMN hidden_at timestamptz`);
    await q.query(`ALTER TABLE messages ADD COLUMN hidden_by uuid REFERENCES users(id)`);

    await q.query(`
      ALTER TABLE channels ADD COLUMN slow_mode_seconds integer NOT NULL DEFAULT 0
        CHECK (slow_mode_seconds BETWEEN 0 AND 21600)`);
    // When each member last posted in a slow-mode channel. The conditional upsert on this row is
    // what makes "once per N seconds" hold across server processes and concurrent sends.
    // Unlogged like the rate-limit buckets: a crash that empties it only forgives one post.
    await q.query(`
      CREATE UNLOGGED TABLE channel_post_times (
        channel_id uuid NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        posted_at timestamptz NOT NULL,
        PRIMARY KEY (channel_id, user_id)
      )`);

    // network_id is the message's thread's network, set by the service from the same access
    // query; it keeps the per-network queue a single index scan.
    await q.query(`
      CREATE TABLE message_flags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        network_id uuid NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
        flagger_id uuid NOT NULL REFERENCES users(id),
        reason text NOT NULL CHECK (reason IN ${FLAG_REASONS}),
        note text CHECK (note IS NULL OR length(btrim(note)) BETWEEN 1 AND 500),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved','dismissed')),
        closed_by uuid REFERENCES users(id),
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT message_flags_other_needs_note CHECK (reason <> 'other' OR note IS NOT NULL),
        CONSTRAINT message_flags_closed CHECK ((status = 'open') = (closed_at IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX message_flags_message_flagger_key ON message_flags (message_id, flagger_id)`,
    );
    await q.query(
      `CREATE INDEX message_flags_open_idx ON message_flags (network_id, message_id, created_at) WHERE status = 'open'`,
    );
    await q.query(`CREATE INDEX message_flags_flagger_idx ON message_flags (flagger_id)`);

    await q.query(`
      CREATE TABLE network_suspensions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        network_id uuid NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
        starts_at timestamptz NOT NULL DEFAULT now(),
        ends_at timestamptz NOT NULL,
        suspended_by uuid REFERENCES users(id),
        lifted_at timestamptz,
        lifted_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT network_suspensions_period CHECK (ends_at > starts_at),
        CONSTRAINT network_suspensions_lifted CHECK (lifted_at IS NULL OR lifted_at >= starts_at)
      )`);
    // At most one current (not lifted) suspension per member and network; the access query
    // joins on it. A later suspension lifts (replaces) the current one in the same transaction.
    await q.query(
      `CREATE UNIQUE INDEX network_suspensions_current_key ON network_suspensions (network_id, user_id) WHERE lifted_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX network_suspensions_user_idx ON network_suspensions (user_id, created_at)`,
    );

    await q.query(
      `INSERT INTO notification_kinds (kind, subject_type) VALUES ('message_flagged', 'moderation_queue')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind = 'message_flagged'`);
    await q.query(`DELETE FROM notification_kinds WHERE kind = 'message_flagged'`);
    await q.query(`DROP TABLE network_suspensions`);
    await q.query(`DROP TABLE message_flags`);
    await q.query(`DROP TABLE channel_post_times`);
    await q.query(`ALTER TABLE channels DROP COLUMN slow_mode_seconds`);
    await q.query(`ALTER TABLE messages DROP COLUMN hidden_by`);
    await q.query(`ALTER TABLE messages DROP COLUMN hidden_at`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_deleted_anonymised`);
    await q.query(`ALTER TABLE users DROP COLUMN deleted_at`);
  }
}
