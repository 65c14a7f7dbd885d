import { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen copies of the domain's lists: a migration must mean the same thing forever, whatever
// the domain later adds (a later migration widens a check if it must).
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

const LANGUAGES =
  'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'.split(
    ' ',
  );
const LANGUAGE_ARRAY = `ARRAY[${LANGUAGES.map((l) => `'${l}'`).join(',')}]::text[]`;

const KINDS = [
  'pairing_proposed',
  'pairing_accepted',
  'pairing_declined',
  'pairing_cancelled',
  'pairing_completed',
  'pairing_session',
  'pairing_follow_up',
];

/**
 * Mentoring: profiles per network member, pairings with their goals, sessions, feedback and
 * follow-ups, and the link from a pairing to its private channel and conversation thread.
 *
 * Invariants kept here as well as in the services: one open (proposed or active) pairing per
 * mentor and mentee in a network; a state's timestamps match the state; at most ten goals (their
 * positions run from 1 to 10, unique per pairing); feedback once per side; a follow-up answer once
 * per side and milestone; a profile exists only while its owner is a member of the network.
 */
export class Mentoring1764400000000 implements MigrationInterface {
  name = 'Mentoring1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mentoring_profiles (
        network_id uuid NOT NULL,
        user_id uuid NOT NULL,
        mode text NOT NULL CHECK (mode IN ('offering','seeking','both')),
        topics text[] NOT NULL DEFAULT '{}' CHECK (topics <@ ${TOPIC_ARRAY} AND cardinality(topics) <= 8),
        languages text[] NOT NULL
          CHECK (languages <@ ${LANGUAGE_ARRAY} AND cardinality(languages) BETWEEN 1 AND 10),
        capacity smallint NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 10),
        about text NOT NULL DEFAULT '' CHECK (length(about) <= 1000),
        available boolean NOT NULL DEFAULT true,
        availability_note text NOT NULL DEFAULT '' CHECK (length(availability_note) <= 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (network_id, user_id),
        -- Leaving the network takes the profile with it: nobody is suggested from outside.
        FOREIGN KEY (network_id, user_id)
          REFERENCES network_memberships (network_id, user_id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE pairings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        network_id uuid NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
        mentor_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        mentee_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        proposed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        on_behalf_of_organisations boolean NOT NULL DEFAULT false,
        mentor_organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
        mentee_organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
        topics text[] NOT NULL DEFAULT '{}' CHECK (topics <@ ${TOPIC_ARRAY} AND cardinality(topics) <= 5),
        state text NOT NULL DEFAULT 'proposed'
          CHECK (state IN ('proposed','active','completed','declined','cancelled')),
        mentor_accepted_at timestamptz,
        mentee_accepted_at timestamptz,
        activated_at timestamptz,
        ended_at timestamptz,
        ended_by uuid REFERENCES users(id) ON DELETE SET NULL,
        channel_id uuid UNIQUE REFERENCES channels(id) ON DELETE SET NULL,
        thread_id uuid UNIQUE REFERENCES threads(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (mentor_id <> mentee_id),
        CHECK (CASE state
          WHEN 'proposed' THEN activated_at IS NULL AND ended_at IS NULL
          WHEN 'active' THEN activated_at IS NOT NULL AND ended_at IS NULL
               AND mentor_accepted_at IS NOT NULL AND mentee_accepted_at IS NOT NULL
          WHEN 'completed' THEN activated_at IS NOT NULL AND ended_at IS NOT NULL
          WHEN 'declined' THEN activated_at IS NULL AND ended_at IS NOT NULL
          WHEN 'cancelled' THEN ended_at IS NOT NULL
        END)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX pairings_open_pair_key ON pairings (network_id, mentor_id, mentee_id)
        WHERE state IN ('proposed','active')`,
    );
    await q.query(
      `CREATE INDEX pairings_network_idx ON pairings (network_id, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX pairings_mentor_idx ON pairings (mentor_id, state)`);
    await q.query(`CREATE INDEX pairings_mentee_idx ON pairings (mentee_id, state)`);
    await q.query(
      `CREATE INDEX pairings_completed_idx ON pairings (ended_at) WHERE state = 'completed'`,
    );

    await q.query(`
      CREATE TABLE pairing_goals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pairing_id uuid NOT NULL REFERENCES pairings(id) ON DELETE CASCADE,
        position smallint NOT NULL CHECK (position BETWEEN 1 AND 10),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        status text NOT NULL DEFAULT 'not_started'
          CHECK (status IN ('not_started','in_progress','achieved','dropped')),
        note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
        achieved_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (pairing_id, position),
        CHECK ((status = 'achieved') = (achieved_at IS NOT NULL))
      )`);

    await q.query(`
      CREATE TABLE pairing_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pairing_id uuid NOT NULL REFERENCES pairings(id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 15 AND 7200),
        format text NOT NULL CHECK (format IN ('visit','video_call','call')),
        location text NOT NULL DEFAULT '' CHECK (length(location) <= 200),
        agenda text NOT NULL DEFAULT '' CHECK (length(agenda) <= 4000),
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 10000),
        participant_ids uuid[] NOT NULL DEFAULT '{}',
        other_participants text NOT NULL DEFAULT '' CHECK (length(other_participants) <= 500),
        -- Bumped by every edit: the iCalendar SEQUENCE, so a re-imported event updates.
        revision integer NOT NULL DEFAULT 0 CHECK (revision >= 0),
        cancelled_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX pairing_sessions_pairing_idx ON pairing_sessions (pairing_id, starts_at, id)`,
    );

    await q.query(`
      CREATE TABLE pairing_feedback (
        pairing_id uuid NOT NULL REFERENCES pairings(id) ON DELETE CASCADE,
        side text NOT NULL CHECK (side IN ('mentor','mentee')),
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        usefulness smallint NOT NULL CHECK (usefulness BETWEEN 1 AND 5),
        programme_changes text NOT NULL DEFAULT '' CHECK (length(programme_changes) <= 2000),
        would_recommend boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (pairing_id, side)
      )`);

    await q.query(`
      CREATE TABLE pairing_follow_ups (
        pairing_id uuid NOT NULL REFERENCES pairings(id) ON DELETE CASCADE,
        side text NOT NULL CHECK (side IN ('mentor','mentee')),
        milestone smallint NOT NULL CHECK (milestone IN (6, 12)),
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        lasting text NOT NULL DEFAULT '' CHECK (length(lasting) <= 2000),
        still_in_contact boolean NOT NULL,
        usefulness smallint NOT NULL CHECK (usefulness BETWEEN 1 AND 5),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (pairing_id, side, milestone)
      )`);

    await q.query(
      `INSERT INTO notification_kinds (kind, subject_type) VALUES ${KINDS.map((k) => `('${k}', 'pairing')`).join(', ')}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const kinds = KINDS.map((k) => `'${k}'`).join(', ');
    await q.query(`DELETE FROM notifications WHERE kind IN (${kinds})`);
    await q.query(`DELETE FROM notification_kinds WHERE kind IN (${kinds})`);
    await q.query(`DROP TABLE pairing_follow_ups`);
    await q.query(`DROP TABLE pairing_feedback`);
    await q.query(`DROP TABLE pairing_sessions`);
    await q.query(`DROP TABLE pairing_goals`);
    // The pairings' channels stay as archived private channels of their pair: their
    // conversation is the pair's, not the feature's, and dropping the feature must not erase it.
    await q.query(`DROP TABLE pairings`);
    await q.query(`DROP TABLE mentoring_profiles`);
  }
}
