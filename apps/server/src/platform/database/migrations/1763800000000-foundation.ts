import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, organisations, networks, memberships, invitations and rate-limit buckets. */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 2 AND 160),
        sector text NOT NULL CHECK (sector IN ('government','ngo','migrant_led','research','foundation','international')),
        level text NOT NULL CHECK (level IN ('local','regional','national','eu')),
        country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        city text CHECK (city IS NULL OR length(city) <= 100),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX organisations_name_country_key ON organisations (lower(name), country)`,
    );

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(btrim(email)) AND position('@' in email) > 1),
        display_name text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 80),
        password_hash text NOT NULL,
        organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await q.query(`CREATE INDEX users_organisation_idx ON users (organisation_id)`);
    await q.query(`ALTER TABLE organisations ADD CONSTRAINT organisations_created_by_fkey
      FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash)`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)`);

    await q.query(`
      CREATE TABLE networks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$'),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 2 AND 120),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
        visibility text NOT NULL CHECK (visibility IN ('open','invite','private')),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX networks_slug_key ON networks (slug)`);

    await q.query(`
      CREATE TABLE network_memberships (
        network_id uuid NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('member','moderator','admin')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (network_id, user_id)
      )`);
    await q.query(`CREATE INDEX network_memberships_user_idx ON network_memberships (user_id)`);

    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        network_id uuid NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
        email text NOT NULL CHECK (email = lower(btrim(email))),
        role text NOT NULL CHECK (role IN ('member','moderator','admin')),
        token_hash text NOT NULL,
        invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (accepted_at IS NULL OR revoked_at IS NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX invitations_token_hash_key ON invitations (token_hash)`);
    await q.query(
      `CREATE INDEX invitations_network_idx ON invitations (network_id, created_at DESC)`,
    );

    // Counters for rate limits, shared by every server process. Unlogged: losing them in a
    // crash only forgives a few attempts, and it keeps the hot path cheap.
    await q.query(`
      CREATE UNLOGGED TABLE rate_limit_buckets (
        key text PRIMARY KEY,
        window_start timestamptz NOT NULL,
        count integer NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit_buckets`);
    await q.query(`DROP TABLE invitations`);
    await q.query(`DROP TABLE network_memberships`);
    await q.query(`DROP TABLE networks`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`ALTER TABLE organisations DROP CONSTRAINT organisations_created_by_fkey`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE organisations`);
  }
}
