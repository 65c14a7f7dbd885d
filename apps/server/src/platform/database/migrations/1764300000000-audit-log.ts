import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: one row per moderator or admin action, append-only. A trigger refuses UPDATE,
 * DELETE and TRUNCATE for every role, so not even a bug (or a hurried operator with psql and the
 * application's credentials) can rewrite history. Because deleting rows is refused, nothing may
 * cascade into this table: the network and actor keys have no ON DELETE action, and accounts are
 * anonymised rather than deleted.
 */
export class AuditLog1764300000000 implements MigrationInterface {
  name = 'AuditLog1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- The order entries were written in, exact (timestamps may tie or drift).
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        network_id uuid NOT NULL REFERENCES networks(id),
        actor_id uuid REFERENCES users(id),
        action text NOT NULL CHECK (action ~ '^[a-z_]+\\.[a-z_]+$'),
        subject_type text NOT NULL CHECK (subject_type ~ '^[a-z_]+$'),
        subject_id uuid NOT NULL,
        details jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX audit_log_network_idx ON audit_log (network_id, seq DESC)`);
    await q.query(`CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id)`);
    await q.query(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Dropping the table is the only way out, and it is deliberate: a down migration discards
    // the log with the feature.
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_is_append_only()`);
  }
}
