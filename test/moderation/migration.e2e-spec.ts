import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../apps/server/src/data-source';
import { Moderation1764600000000 } from '../../apps/server/src/platform/database/migrations/1764600000000-moderation';
import { createTestDatabase, TestDatabase } from '../support/database';

let db: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  db = await createTestDatabase();
  dataSource = await new DataSource(dataSourceOptions(db.url)).initialize();
});
afterAll(async () => {
  await dataSource?.destroy();
  await db?.drop();
});

const tables = async () =>
  (
    await dataSource.query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_name IN ('message_flags', 'network_suspensions', 'channel_post_times') ORDER BY table_name`,
    )
  ).map((row) => row.table_name);

const columns = async () =>
  (
    await dataSource.query<{ name: string }[]>(
      `SELECT table_name || '.' || column_name AS name FROM information_schema.columns
        WHERE (table_name, column_name) IN (('users', 'deleted_at'), ('messages', 'hidden_at'),
              ('messages', 'hidden_by'), ('channels', 'slow_mode_seconds')) ORDER BY 1`,
    )
  ).map((row) => row.name);

describe('the moderation migration', () => {
  it('goes down cleanly and up again', async () => {
    const migration = new Moderation1764600000000();
    expect(await tables()).toEqual(['channel_post_times', 'message_flags', 'network_suspensions']);
    expect(await columns()).toHaveLength(4);

    const runner = dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await migration.down(runner);
      await runner.commitTransaction();
      expect(await tables()).toEqual([]);
      expect(await columns()).toEqual([]);
      expect(
        await dataSource.query(`SELECT 1 FROM notification_kinds WHERE kind = 'message_flagged'`),
      ).toEqual([]);

      await runner.startTransaction();
      await migration.up(runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    expect(await tables()).toEqual(['channel_post_times', 'message_flags', 'network_suspensions']);
    expect(await columns()).toHaveLength(4);
  });

  it('holds its invariants in the schema', async () => {
    const refused = async (text: string) => {
      try {
        await dataSource.query(text);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error(`accepted: ${text}`);
    };
    const [user] = await dataSource.query(
      `INSERT INTO users (email, display_name, password_hash, handle)
       VALUES ('schema@example.org', 'Schema', 'x', 'schema-user') RETURNING id`,
    );
    // An account marked deleted must hold no address of the person.
    expect(await refused(`UPDATE users SET deleted_at = now() WHERE id = '${user.id}'`)).toMatch(
      /users_deleted_anonymised/,
    );
    // Checks run before the foreign keys, so made-up ids are enough to see them refuse.
    const flag = (reason: string, note: string) =>
      `INSERT INTO message_flags (message_id, network_id, flagger_id, reason, note)
       VALUES (gen_random_uuid(), gen_random_uuid(), '${user.id}', '${reason}', ${note})`;
    expect(await refused(flag('other', 'NULL'))).toMatch(/message_flags_other_needs_note/);
    expect(await refused(flag('rude', "'why'"))).toMatch(/message_flags_reason_check/);
    expect(await refused(flag('spam', "'  '"))).toMatch(/message_flags_note_check/);
  });
});
