import { MigrationInterface, QueryRunner } from 'typeorm';

const TOPICS = [
  'mental_health',
  'housing',
  'health_access',
  'employment',
  'language',
  'education',
  'volunteers',
  'civil_society',
  'racism_discrimination',
  'gender',
  'two_way_integration',
  'co_creation',
  'partnerships',
  'evaluation',
  'long_term_support',
  'access_to_services',
  'political_climate',
  'funding',
];
const TOPIC_ARRAY = `ARRAY[${TOPICS.map((t) => `'${t}'`).join(',')}]::text[]`;

/** Channels, threads, messages with per-thread seq, revisions, read state, notifications, handles. */
export class Discussions1763900000000 implements MigrationInterface {
  name = 'Discussions1763900000000';

  async up(q: QueryRunner): Promise<void> {
    // Handles for @mentions: unique, lower-case; existing accounts get one from their name.
    await q.query(`ALTER TABLE users ADD COLUMN handle text`);
    await q.query(`
      UPDATE users u SET handle = h.handle FROM (
        SELECT id, base || CASE WHEN row_number() OVER (PARTITION BY base ORDER BY created_at, id) = 1 THEN ''
                                ELSE '-' || row_number() OVER (PARTITION BY base ORDER BY created_at, id) END AS handle
          FROM (SELECT id, created_at,
                       coalesce(nullif(left(trim(both '-' from regexp_replace(lower(display_name), '[^a-z0-9]+', '-', 'g')), 24), ''), 'member') AS base
                  FROM users) b
      ) h WHERE h.id = u.id`);
    await q.query(`ALTER TABLE users ALTER COLUMN handle SET NOT NULL`);
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT users_handle_format CHECK (handle ~ '^[a-z0-9][a-z0-9_-]{1,30}$')`,
    );
    await q.query(`CREATE UNIQUE INDEX users_handle_key ON users (handle)`);

    await q.query(`
      CREATE TABLE channels (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        network_id uuid NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,48}[a-z0-9])?$'),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 80),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
        topics text[] NOT NULL DEFAULT '{}' CHECK (topics <@ ${TOPIC_ARRAY}),
        visibility text NOT NULL CHECK (visibility IN ('network','private')),
        archived_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX channels_network_slug_key ON channels (network_id, slug)`);

    await q.query(`
      CREATE TABLE channel_members (
        channel_id uuid NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        added_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (channel_id, user_id)
      )`);
    await q.query(`CREATE INDEX channel_members_user_idx ON channel_members (user_id)`);

    await q.query(`
      CREATE TABLE threads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel_id uuid NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
        network_id uuid NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        attribution text NOT NULL CHECK (attribution IN ('named','chatham')),
        topics text[] NOT NULL DEFAULT '{}' CHECK (topics <@ ${TOPIC_ARRAY}),
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        author_label text NOT NULL,
        client_id text NOT NULL,
        last_seq integer NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
        message_count integer NOT NULL DEFAULT 0,
        locked_at timestamptz,
        locked_by uuid REFERENCES users(id) ON DELETE SET NULL,
        last_activity_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX threads_channel_activity_idx ON threads (channel_id, last_activity_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX threads_author_client_key ON threads (author_id, client_id)`,
    );

    // seq is assigned by bumping threads.last_seq in the insert transaction: the row lock
    // serialises concurrent posts to one thread, and a rollback returns the number, so seqs
    // are unique and gapless.
    await q.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        seq integer NOT NULL CHECK (seq > 0),
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        author_label text NOT NULL,
        client_id text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 64),
        body text NOT NULL CHECK (length(body) <= 20000),
        reply_to_id uuid REFERENCES messages(id) ON DELETE SET NULL,
        edited_at timestamptz,
        deleted_at timestamptz,
        deleted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (deleted_at IS NOT NULL OR length(btrim(body)) >= 1)
      )`);
    await q.query(`CREATE UNIQUE INDEX messages_thread_seq_key ON messages (thread_id, seq)`);
    await q.query(
      `CREATE UNIQUE INDEX messages_author_client_key ON messages (author_id, client_id)`,
    );

    await q.query(`
      CREATE TABLE message_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        body text NOT NULL,
        replaced_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX message_revisions_message_idx ON message_revisions (message_id, replaced_at)`,
    );

    await q.query(`
      CREATE TABLE thread_reads (
        thread_id uuid NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        last_read_seq integer NOT NULL DEFAULT 0 CHECK (last_read_seq >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, thread_id)
      )`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('mention')),
        network_id uuid NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
        thread_id uuid REFERENCES threads(id) ON DELETE CASCADE,
        message_id uuid REFERENCES messages(id) ON DELETE CASCADE,
        payload jsonb NOT NULL DEFAULT '{}',
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX notifications_mention_key ON notifications (user_id, message_id) WHERE kind = 'mention'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE thread_reads`);
    await q.query(`DROP TABLE message_revisions`);
    await q.query(`DROP TABLE messages`);
    await q.query(`DROP TABLE threads`);
    await q.query(`DROP TABLE channel_members`);
    await q.query(`DROP TABLE channels`);
    await q.query(`DROP INDEX users_handle_key`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_handle_format`);
    await q.query(`ALTER TABLE users DROP COLUMN handle`);
  }
}
