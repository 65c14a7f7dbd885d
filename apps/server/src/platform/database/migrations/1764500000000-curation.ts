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
const PHASES = `('development','implementation','evaluation')`;
const LANGUAGES = `('en','fr','it','de','other')`;

/**
 * The searchable text of an entry, working copy or version (`||`, not concat_ws, which is not
 * immutable and so cannot feed a generated column). `tsv` columns are generated from
 * it with the row's own text-search configuration (the language it was written in).
 */
const WORKING_TSV = `
  setweight(to_tsvector(search_config, title), 'A') ||
  setweight(to_tsvector(search_config, summary), 'B') ||
  setweight(to_tsvector(search_config, context_who || ' ' || context_where || ' ' || what_was_done || ' ' ||
    what_worked || ' ' || what_did_not || ' ' || adaptation || ' ' || evaluation || ' ' || resources_note), 'C')`;
const part = (path: string) => `coalesce(content${path}, '')`;
const VERSION_TSV = `
  setweight(to_tsvector(search_config, title), 'A') ||
  setweight(to_tsvector(search_config, ${part("->>'summary'")}), 'B') ||
  setweight(to_tsvector(search_config, ${[
    "->'context'->>'who'",
    "->'context'->>'where'",
    "->>'whatWasDone'",
    "->>'whatWorked'",
    "->>'whatDidNot'",
    "->>'adaptation'",
    "->>'evaluation'",
    "->'resources'->>'note'",
  ]
    .map(part)
    .join(" || ' ' || ")}), 'C')`;

/**
 * Curation: best-practice entries drafted from threads, their review workflow and their
 * published versions.
 *
 * - `entries` is the working copy, edited while a draft; its evidence (`entry_quotes`, the
 *   messages quoted, in order) and sources (`entry_links`) are rows of their own, so a message
 *   removed from the database takes its quote with it.
 * - `entry_versions` holds one immutable snapshot per publish: a trigger refuses UPDATE, and
 *   DELETE unless it cascades from the entry's own deletion. Nothing in a version points at a
 *   user through a foreign key, since no ON DELETE action may ever rewrite one.
 * - `network_entry_settings` records whether a network's admins let entries be public.
 */
export class Curation1764500000000 implements MigrationInterface {
  name = 'Curation1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE network_entry_settings (
        network_id uuid PRIMARY KEY REFERENCES networks(id) ON DELETE CASCADE,
        allow_public_entries boolean NOT NULL DEFAULT false,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        network_id uuid NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
        source_thread_id uuid REFERENCES threads(id) ON DELETE SET NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','in_review','published','archived')),
        scope text NOT NULL DEFAULT 'network' CHECK (scope IN ('network','public')),
        current_version integer CHECK (current_version >= 1),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 3000),
        context_who text NOT NULL DEFAULT '' CHECK (length(context_who) <= 300),
        context_where text NOT NULL DEFAULT '' CHECK (length(context_where) <= 300),
        what_was_done text NOT NULL DEFAULT '' CHECK (length(what_was_done) <= 3000),
        what_worked text NOT NULL DEFAULT '' CHECK (length(what_worked) <= 3000),
        what_did_not text NOT NULL DEFAULT '' CHECK (length(what_did_not) <= 3000),
        adaptation text NOT NULL DEFAULT '' CHECK (length(adaptation) <= 3000),
        evaluation text NOT NULL DEFAULT '' CHECK (length(evaluation) <= 3000),
        budget_eur integer CHECK (budget_eur BETWEEN 0 AND 1000000000),
        staff_fte numeric(6,1) CHECK (staff_fte BETWEEN 0 AND 10000),
        volunteers integer CHECK (volunteers BETWEEN 0 AND 1000000),
        duration_months integer CHECK (duration_months BETWEEN 1 AND 600),
        resources_note text NOT NULL DEFAULT '' CHECK (length(resources_note) <= 500),
        topics text[] NOT NULL DEFAULT '{}' CHECK (topics <@ ${TOPIC_ARRAY} AND cardinality(topics) <= 5),
        phase text NOT NULL CHECK (phase IN ${PHASES}),
        language text NOT NULL CHECK (language IN ${LANGUAGES}),
        search_config regconfig NOT NULL,
        review_note text CHECK (review_note IS NULL OR length(review_note) BETWEEN 1 AND 1000),
        review_note_by uuid REFERENCES users(id) ON DELETE SET NULL,
        review_note_at timestamptz,
        submitted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        submitted_at timestamptz,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        tsv tsvector GENERATED ALWAYS AS (${WORKING_TSV}) STORED,
        -- Published and archived entries have a version for their readers; drafts and entries in
        -- review may have one too (a revision in progress).
        CONSTRAINT entries_published_have_version
          CHECK (status NOT IN ('published','archived') OR current_version IS NOT NULL),
        CONSTRAINT entries_archived_at CHECK ((status = 'archived') = (archived_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX entries_network_idx ON entries (network_id, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX entries_source_thread_idx ON entries (source_thread_id)`);
    await q.query(`CREATE INDEX entries_tsv_idx ON entries USING gin (tsv)`);

    await q.query(`
      CREATE TABLE entry_quotes (
        entry_id uuid NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position BETWEEN 0 AND 9),
        PRIMARY KEY (entry_id, message_id),
        UNIQUE (entry_id, position)
      )`);
    await q.query(`CREATE INDEX entry_quotes_message_idx ON entry_quotes (message_id)`);

    await q.query(`
      CREATE TABLE entry_links (
        entry_id uuid NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        target_type text NOT NULL CHECK (target_type IN ('research','case_study')),
        target_id uuid NOT NULL,
        position integer NOT NULL CHECK (position BETWEEN 0 AND 19),
        PRIMARY KEY (entry_id, target_type, target_id),
        UNIQUE (entry_id, position)
      )`);

    await q.query(`
      CREATE TABLE entry_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        entry_id uuid NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        topics text[] NOT NULL CHECK (topics <@ ${TOPIC_ARRAY}),
        phase text NOT NULL CHECK (phase IN ${PHASES}),
        language text NOT NULL CHECK (language IN ${LANGUAGES}),
        search_config regconfig NOT NULL,
        content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
        note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
        -- A plain id on purpose: an immutable row can carry no ON DELETE SET NULL.
        published_by uuid,
        published_at timestamptz NOT NULL DEFAULT now(),
        tsv tsvector GENERATED ALWAYS AS (${VERSION_TSV}) STORED,
        CONSTRAINT entry_versions_entry_version_key UNIQUE (entry_id, version)
      )`);
    await q.query(`CREATE INDEX entry_versions_tsv_idx ON entry_versions USING gin (tsv)`);
    await q.query(`
      ALTER TABLE entries ADD CONSTRAINT entries_current_version_fkey
        FOREIGN KEY (id, current_version) REFERENCES entry_versions (entry_id, version)`);
    await q.query(`
      CREATE FUNCTION entry_versions_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Deleting the entry itself takes its versions along (a cascade runs one trigger deeper).
        IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'entry_versions are immutable: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await q.query(`
      CREATE TRIGGER entry_versions_immutable BEFORE UPDATE OR DELETE ON entry_versions
        FOR EACH ROW EXECUTE FUNCTION entry_versions_are_immutable()`);

    await q.query(`
      INSERT INTO notification_kinds (kind, subject_type) VALUES
        ('entry_published', 'entry'),
        ('entry_submitted', 'entry'),
        ('entry_changes_requested', 'entry')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM notifications WHERE kind IN ('entry_published', 'entry_submitted', 'entry_changes_requested')`,
    );
    await q.query(
      `DELETE FROM notification_kinds WHERE kind IN ('entry_published', 'entry_submitted', 'entry_changes_requested')`,
    );
    await q.query(`DELETE FROM thread_links WHERE target_type = 'entry'`);
    await q.query(`ALTER TABLE entries DROP CONSTRAINT entries_current_version_fkey`);
    // Dropping the table is the one way past the immutability trigger, deliberately.
    await q.query(`DROP TABLE entry_versions`);
    await q.query(`DROP FUNCTION entry_versions_are_immutable()`);
    await q.query(`DROP TABLE entry_links`);
    await q.query(`DROP TABLE entry_quotes`);
    await q.query(`DROP TABLE entries`);
    await q.query(`DROP TABLE network_entry_settings`);
  }
}
