import { rmSync } from 'node:fs';
import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.TANDEM_TEST_ADMIN_URL;
  const template = process.env.TANDEM_TEST_TEMPLATE;
  if (adminUrl && template && !globalThis.__TANDEM_TEST_DB__) {
    // A shared server (DATABASE_URL): leave it as we found it.
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
      [template, `tandem_t_${process.pid}_%`],
    );
    for (const row of rows)
      await client.query(
        `DROP DATABASE IF EXISTS ${client.escapeIdentifier(row.datname)} WITH (FORCE)`,
      );
    await client.end();
  }
  await globalThis.__TANDEM_TEST_DB__?.stop();
  if (process.env.TANDEM_TEST_DATA_DIR)
    rmSync(process.env.TANDEM_TEST_DATA_DIR, { recursive: true, force: true });
}
