import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigrations } from '../../apps/server/src/data-source';
import {
  startEmbeddedPostgres,
  RunningDatabase,
} from '../../apps/server/src/platform/database/embedded-postgres';
import { ensureDatabase } from '../../apps/server/src/provision';

declare global {
  var __TANDEM_TEST_DB__: RunningDatabase | undefined;
}

/**
 * One PostgreSQL for the whole run: the embedded one (no configuration needed), or the server
 * in DATABASE_URL. A template database is migrated once; every test file then copies it into a
 * database of its own (test/support/database.ts), so files run in parallel without sharing rows.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    // Under the system temp dir, which the unprivileged postgres user can reach when we run as root.
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-test-'));
    chmodSync(dataDir, 0o755);
    const database = await startEmbeddedPostgres({ dataDir });
    globalThis.__TANDEM_TEST_DB__ = database;
    adminUrl = database.adminUrl;
    process.env.TANDEM_TEST_DATA_DIR = dataDir;
  }
  const template = `tandem_template_${process.pid}`;
  const templateUrl = withDatabase(adminUrl, template);
  await ensureDatabase(adminUrl, template);
  await runMigrations(templateUrl);
  process.env.TANDEM_TEST_ADMIN_URL = adminUrl;
  process.env.TANDEM_TEST_TEMPLATE = template;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
