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
const FUNDING = `ARRAY['amif','esf_plus','national_budget','local_budget','private_foundation','donations','other']::text[]`;

/**
 * The evidence library: research summaries, costed case studies, links from threads, and the
 * full-text search columns (one text-search configuration per item's language).
 */
export class Library1764000000000 implements MigrationInterface {
  name = 'Library1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE research_summaries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        network_id uuid NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 6000),
        key_finding text NOT NULL CHECK (length(key_finding) BETWEEN 1 AND 600),
        practice_implications text NOT NULL CHECK (length(practice_implications) BETWEEN 1 AND 2000),
        question text NOT NULL CHECK (question IN ('what_matters','what_works')),
        phase text NOT NULL CHECK (phase IN ('development','implementation','evaluation')),
        topics text[] NOT NULL DEFAULT '{}' CHECK (topics <@ ${TOPIC_ARRAY}),
        language text NOT NULL CHECK (language IN ('en','fr','it','de','other')),
        search_config regconfig NOT NULL,
        sources jsonb NOT NULL CHECK (jsonb_typeof(sources) = 'array' AND jsonb_array_length(sources) BETWEEN 1 AND 10),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published')),
        scope text NOT NULL DEFAULT 'network' CHECK (scope IN ('network','public')),
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        tsv tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector(search_config, title), 'A') ||
          setweight(to_tsvector(search_config, key_finding), 'B') ||
          setweight(to_tsvector(search_config, summary || ' ' || practice_implications), 'C')
        ) STORED
      )`);
    await q.query(
      `CREATE INDEX research_summaries_network_idx ON research_summaries (network_id, created_at DESC)`,
    );
    await q.query(
      `CREATE INDEX research_summaries_public_idx ON research_summaries (created_at DESC) WHERE scope = 'public' AND status = 'published'`,
    );
    await q.query(`CREATE INDEX research_summaries_tsv_idx ON research_summaries USING gin (tsv)`);
    await q.query(
      `CREATE INDEX research_summaries_topics_idx ON research_summaries USING gin (topics)`,
    );

    await q.query(`
      CREATE TABLE case_studies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        network_id uuid NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
        programme_name text NOT NULL CHECK (length(btrim(programme_name)) BETWEEN 1 AND 200),
        city text NOT NULL DEFAULT '' CHECK (length(city) <= 100),
        country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 3000),
        target_groups text[] NOT NULL DEFAULT '{}',
        two_way text CHECK (two_way IS NULL OR length(two_way) <= 2000),
        annual_budget_eur integer NOT NULL CHECK (annual_budget_eur >= 0),
        staff_fte numeric(6,1) NOT NULL CHECK (staff_fte >= 0),
        volunteers integer NOT NULL CHECK (volunteers >= 0),
        duration_months integer NOT NULL CHECK (duration_months >= 1),
        funding_sources text[] NOT NULL DEFAULT '{}' CHECK (funding_sources <@ ${FUNDING}),
        outcomes text NOT NULL DEFAULT '' CHECK (length(outcomes) <= 3000),
        evaluation text NOT NULL DEFAULT '' CHECK (length(evaluation) <= 3000),
        adaptation text NOT NULL DEFAULT '' CHECK (length(adaptation) <= 3000),
        contact text NOT NULL DEFAULT '' CHECK (length(contact) <= 300),
        topics text[] NOT NULL DEFAULT '{}' CHECK (topics <@ ${TOPIC_ARRAY}),
        language text NOT NULL CHECK (language IN ('en','fr','it','de','other')),
        search_config regconfig NOT NULL,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published')),
        scope text NOT NULL DEFAULT 'network' CHECK (scope IN ('network','public')),
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        tsv tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector(search_config, programme_name), 'A') ||
          setweight(to_tsvector(search_config, summary), 'B') ||
          setweight(to_tsvector(search_config, outcomes || ' ' || evaluation || ' ' || adaptation || ' ' || coalesce(two_way, '')), 'C')
        ) STORED
      )`);
    await q.query(
      `CREATE INDEX case_studies_network_idx ON case_studies (network_id, created_at DESC)`,
    );
    await q.query(`CREATE INDEX case_studies_tsv_idx ON case_studies USING gin (tsv)`);
    await q.query(`CREATE INDEX case_studies_budget_idx ON case_studies (annual_budget_eur)`);

    await q.query(`
      CREATE TABLE thread_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        target_type text NOT NULL CHECK (target_type IN ('research','case_study','entry')),
        target_id uuid NOT NULL,
        note text NOT NULL DEFAULT '' CHECK (length(note) <= 300),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX thread_links_target_key ON thread_links (thread_id, target_type, target_id)`,
    );
    await q.query(`CREATE INDEX thread_links_target_idx ON thread_links (target_type, target_id)`);

    // A personal, revocable key for feed readers, which cannot send bearer tokens. Stored hashed.
    await q.query(`ALTER TABLE users ADD COLUMN feed_key_hash text`);
    await q.query(`CREATE UNIQUE INDEX users_feed_key_hash_key ON users (feed_key_hash)`);

    // Discussions become searchable too. Messages have no language of their own, so they use the
    // language-neutral configuration; ranking stays within a capped candidate set (DESIGN.md).
    await q.query(
      `ALTER TABLE threads ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', title)) STORED`,
    );
    await q.query(`CREATE INDEX threads_tsv_idx ON threads USING gin (tsv)`);
    await q.query(
      `ALTER TABLE messages ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED`,
    );
    await q.query(`CREATE INDEX messages_tsv_idx ON messages USING gin (tsv)`);
    await q.query(`ALTER TABLE messages ALTER COLUMN tsv SET STATISTICS 10000`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages DROP COLUMN tsv`);
    await q.query(`ALTER TABLE threads DROP COLUMN tsv`);
    await q.query(`ALTER TABLE users DROP COLUMN feed_key_hash`);
    await q.query(`DROP TABLE thread_links`);
    await q.query(`DROP TABLE case_studies`);
    await q.query(`DROP TABLE research_summaries`);
  }
}
