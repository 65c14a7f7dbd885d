import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search finds each type's newest matches. For a common term the fastest way is to walk the
 * messages newest first and keep the matching ones (the first few hundred rows suffice); for
 * a rare one, the GIN index. Without an index on created_at the first way does not exist, and a
 * term in most messages made Postgres read and sort all of them (over 400 ms at a million
 * messages; 2 ms with the index). Measured in bench/ (npm run bench, "search").
 */
export class SearchIndexes1764350000000 implements MigrationInterface {
  name = 'SearchIndexes1764350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX messages_created_idx ON messages (created_at)`);
    await q.query(`CREATE INDEX threads_created_idx ON threads (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX threads_created_idx`);
    await q.query(`DROP INDEX messages_created_idx`);
  }
}
