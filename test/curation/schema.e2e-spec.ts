import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../apps/server/src/data-source';
import { createTestDatabase, TestDatabase } from '../support/database';
import { Client } from 'pg';

/**
 * The curation schema on its own: the invariants Postgres keeps whatever the application does,
 * and a migration that can be undone and redone.
 */
let db: TestDatabase;
let client: Client;

beforeAll(async () => {
  db = await createTestDatabase();
  client = new Client({ connectionString: db.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await db.drop();
});

const one = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await client.query(text, params)).rows[0] as T;

/** A network, a user, a thread with one message, and a draft entry curated from it. */
async function fixture() {
  const user = await one<{ id: string }>(
    `INSERT INTO users (email, display_name, handle, password_hash)
     VALUES ('s-' || gen_random_uuid() || '@example.org', 'Schema User', 'su-' || substr(gen_random_uuid()::text, 1, 8), 'x') RETURNING id`,
  );
  const network = await one<{ id: string }>(
    `INSERT INTO networks (slug, name, visibility) VALUES ('n-' || substr(gen_random_uuid()::text, 1, 8), 'Schema network', 'open') RETURNING id`,
  );
  const channel = await one<{ id: string }>(
    `INSERT INTO channels (network_id, slug, name, visibility) VALUES ($1, 'c-' || substr(gen_random_uuid()::text, 1, 8), 'Schema channel', 'network') RETURNING id`,
    [network.id],
  );
  const thread = await one<{ id: string }>(
    `INSERT INTO threads (channel_id, network_id, title, attribution, author_id, author_label, client_id, last_seq, message_count, last_activity_at)
     VALUES ($1, $2, 'Schema thread', 'named', $3, 'Local NGO', gen_random_uuid()::text, 1, 1, now()) RETURNING id`,
    [channel.id, network.id, user.id],
  );
  const message = await one<{ id: string }>(
    `INSERT INTO messages (thread_id, seq, author_id, author_label, client_id, body)
     VALUES ($1, 1, $2, 'Local NGO', gen_random_uuid()::text, 'Evidence') RETURNING id`,
    [thread.id, user.id],
  );
  const entry = await one<{ id: string }>(
    `INSERT INTO entries (network_id, source_thread_id, created_by, title, phase, language, search_config)
     VALUES ($1, $2, $3, 'An entry', 'implementation', 'en', 'english') RETURNING id`,
    [network.id, thread.id, user.id],
  );
  return { user, network, thread, message, entry };
}

async function publishVersion(entryId: string, version: number) {
  await client.query(
    `INSERT INTO entry_versions (entry_id, version, title, topics, phase, language, search_config, content)
     VALUES ($1, $2, 'An entry', '{}', 'implementation', 'en', 'english', '{"summary":"volunteers neighbours"}')`,
    [entryId, version],
  );
  await client.query(
    `UPDATE entries SET status = 'published', current_version = $2 WHERE id = $1`,
    [entryId, version],
  );
}

const failure = async (text: string, params: unknown[] = []) => {
  try {
    await client.query(text, params);
  } catch (error) {
    return error as { code?: string; message: string; constraint?: string };
  }
  throw new Error(`expected the database to refuse: ${text}`);
};

describe('entry_versions', () => {
  it('refuses UPDATE and a direct DELETE, whoever asks', async () => {
    const { entry } = await fixture();
    await publishVersion(entry.id, 1);
    const update = await failure(
      `UPDATE entry_versions SET title = 'Rewritten' WHERE entry_id = $1`,
      [entry.id],
    );
    expect(update.code).toBe('42501');
    expect(update.message).toMatch(/immutable: UPDATE refused/);
    const remove = await failure(`DELETE FROM entry_versions WHERE entry_id = $1`, [entry.id]);
    expect(remove.message).toMatch(/immutable: DELETE refused/);
    expect(
      (
        await one<{ title: string }>(`SELECT title FROM entry_versions WHERE entry_id = $1`, [
          entry.id,
        ])
      ).title,
    ).toBe('An entry');
  });

  it('keeps one row per (entry, version)', async () => {
    const { entry } = await fixture();
    await publishVersion(entry.id, 1);
    const duplicate = await failure(
      `INSERT INTO entry_versions (entry_id, version, title, topics, phase, language, search_config, content)
       VALUES ($1, 1, 'Again', '{}', 'implementation', 'en', 'english', '{}')`,
      [entry.id],
    );
    expect(duplicate.code).toBe('23505');
    expect(duplicate.constraint).toBe('entry_versions_entry_version_key');
  });

  it('goes with its entry when the entry itself is deleted', async () => {
    const { entry } = await fixture();
    await publishVersion(entry.id, 1);
    await client.query(`DELETE FROM entries WHERE id = $1`, [entry.id]);
    expect(
      (
        await one<{ n: number }>(
          `SELECT count(*)::int AS n FROM entry_versions WHERE entry_id = $1`,
          [entry.id],
        )
      ).n,
    ).toBe(0);
  });

  it('is searchable by its published words in its own language', async () => {
    const { entry } = await fixture();
    await publishVersion(entry.id, 1);
    const row = await one<{ hit: boolean }>(
      `SELECT tsv @@ websearch_to_tsquery('english', 'volunteer') AS hit FROM entry_versions WHERE entry_id = $1`,
      [entry.id],
    );
    expect(row.hit).toBe(true);
  });
});

describe('entries', () => {
  it.each([
    [`UPDATE entries SET status = 'pending' WHERE id = $1`, 'entries_status_check'],
    [`UPDATE entries SET phase = 'later' WHERE id = $1`, 'entries_phase_check'],
    [`UPDATE entries SET topics = '{jobs}' WHERE id = $1`, 'entries_topics_check'],
    [`UPDATE entries SET scope = 'world' WHERE id = $1`, 'entries_scope_check'],
    [`UPDATE entries SET budget_eur = -1 WHERE id = $1`, 'entries_budget_eur_check'],
    [`UPDATE entries SET status = 'published' WHERE id = $1`, 'entries_published_have_version'],
    [`UPDATE entries SET current_version = 7 WHERE id = $1`, 'entries_current_version_fkey'],
  ])('refuses %s', async (statement, constraint) => {
    const { entry } = await fixture();
    const error = await failure(statement, [entry.id]);
    expect(error.constraint).toBe(constraint);
  });

  it('quotes each message once, and loses the quote with the message', async () => {
    const { entry, message } = await fixture();
    await client.query(
      `INSERT INTO entry_quotes (entry_id, message_id, position) VALUES ($1, $2, 0)`,
      [entry.id, message.id],
    );
    const again = await failure(
      `INSERT INTO entry_quotes (entry_id, message_id, position) VALUES ($1, $2, 1)`,
      [entry.id, message.id],
    );
    expect(again.code).toBe('23505');
    await client.query(`DELETE FROM messages WHERE id = $1`, [message.id]);
    expect(
      (
        await one<{ n: number }>(
          `SELECT count(*)::int AS n FROM entry_quotes WHERE entry_id = $1`,
          [entry.id],
        )
      ).n,
    ).toBe(0);
  });

  it('holds the notification kinds of curation', async () => {
    const kinds = (
      await client.query(
        `SELECT kind FROM notification_kinds WHERE subject_type = 'entry' ORDER BY kind`,
      )
    ).rows.map((row: { kind: string }) => row.kind);
    expect(kinds).toEqual([
      'entry_changes_requested',
      'entry_published',
      'entry_submitted',
      'quote_consent_requested',
    ]);
  });
});

describe('the migration', () => {
  it('can be undone and redone', async () => {
    const dataSource = new DataSource({
      ...dataSourceOptions(db.url),
      migrationsTransactionMode: 'each',
    });
    await dataSource.initialize();
    try {
      // Later features' migrations (merged after this one) are undone first, then this one.
      const executed: { name: string }[] = await dataSource.query(
        `SELECT name FROM migrations ORDER BY timestamp DESC`,
      );
      const steps = executed.findIndex((row) => row.name === 'Curation1764500000000') + 1;
      expect(steps).toBeGreaterThan(0);
      for (let step = 0; step < steps; step++) {
        await dataSource.undoLastMigration({ transaction: 'each' });
      }
      const gone = await dataSource.query(
        `SELECT to_regclass('entry_versions') AS t, to_regclass('entries') AS e`,
      );
      expect(gone).toEqual([{ t: null, e: null }]);
      const kinds = await dataSource.query(
        `SELECT count(*)::int AS n FROM notification_kinds WHERE subject_type = 'entry'`,
      );
      expect(kinds).toEqual([{ n: 0 }]);
      await dataSource.runMigrations({ transaction: 'each' });
      const back = await dataSource.query(`SELECT to_regclass('entry_versions')::text AS t`);
      expect(back).toEqual([{ t: 'entry_versions' }]);
    } finally {
      await dataSource.destroy();
    }
  });
});
