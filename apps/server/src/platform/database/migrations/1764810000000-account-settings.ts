import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts people manage: the browser each sign-in session came from, the UI locale (used for their mail too), the languages they read,
 * when their email address was verified, and single-use tokens for verifying an address and
 * resetting a password. Tokens are stored only as SHA-256 hashes; a verification token carries
 * the address it verifies, so a new address replaces the old one only once it is confirmed.
 */
export class AccountSettings1764810000000 implements MigrationInterface {
  name = 'AccountSettings1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN locale text NOT NULL DEFAULT 'en'
          CONSTRAINT users_locale_check
          CHECK (locale IN ('en','fr','it','de','cs','sv','hr','es','nl','pl','el','pt','ro','uk','ar')),
        ADD COLUMN reading_languages text[] NOT NULL DEFAULT '{}'
          CONSTRAINT users_reading_languages_check
          CHECK (cardinality(reading_languages) <= 20
                 AND array_to_string(reading_languages, ',') ~ '^([a-z]{2}(,[a-z]{2})*)?$'),
        ADD COLUMN email_verified_at timestamptz`);

    // The browser a session signed in from, so its owner can tell sessions apart.
    await q.query(`
      ALTER TABLE refresh_tokens
        ADD COLUMN user_agent text CONSTRAINT refresh_tokens_user_agent_check
          CHECK (length(user_agent) <= 512)`);

    await q.query(`
      CREATE TABLE account_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('verify_email','password_reset')),
        token_hash text NOT NULL,
        -- The address a verification token confirms (the current one at sign-up, or a new one).
        email text CHECK (email IS NULL OR (email = lower(btrim(email)) AND position('@' in email) > 1)),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT account_tokens_email_for_verification
          CHECK ((purpose = 'verify_email') = (email IS NOT NULL)),
        CONSTRAINT account_tokens_expiry CHECK (expires_at > created_at)
      )`);
    await q.query(`CREATE UNIQUE INDEX account_tokens_hash_key ON account_tokens (token_hash)`);
    await q.query(
      `CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose) WHERE used_at IS NULL AND revoked_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_tokens`);
    await q.query(`ALTER TABLE refresh_tokens DROP COLUMN user_agent`);
    await q.query(
      `ALTER TABLE users DROP COLUMN email_verified_at, DROP COLUMN reading_languages, DROP COLUMN locale`,
    );
  }
}
