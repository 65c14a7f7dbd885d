import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from './platform/config/configuration';
import { dataSourceOptions, runMigrations } from './data-source';
import { RunningDatabase, startEmbeddedPostgres } from './platform/database/embedded-postgres';

export interface ProvisionedDatabase {
  url: string;
  /** Set when this process started its own PostgreSQL; stop it on shutdown. */
  embedded: RunningDatabase | null;
}

export const EMBEDDED_DATABASE_NAME = 'tandem';

/** Creates the database on a cluster if it is missing (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(
  adminUrl: string,
  name: string,
  template?: string,
): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : '';
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${from}`);
    }
  } finally {
    await client.end();
  }
}

/** The configured server, or the embedded one started under DATA_DIR. */
export async function provisionDatabase(
  config: AppConfig,
  onLog?: (line: string) => void,
): Promise<ProvisionedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, onLog });
  try {
    await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE_NAME);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.urlFor(EMBEDDED_DATABASE_NAME), embedded };
}

/**
 * Runs migrations when this process is meant to (the embedded default), and otherwise refuses
 * to serve a schema that is behind the code: a multi-process deployment migrates once, first.
 */
export async function prepareSchema(config: AppConfig, url: string): Promise<void> {
  if (config.migrateOnStart) {
    await runMigrations(url);
    return;
  }
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    if (await dataSource.showMigrations()) {
      throw new Error(
        'The database schema is behind this version: run `npm run db:migrate` (or set MIGRATE_ON_START=true)',
      );
    }
  } finally {
    await dataSource.destroy();
  }
}
