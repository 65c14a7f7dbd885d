import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from '../setup/global-setup';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

function admin(): { url: string; template: string } {
  const url = process.env.TANDEM_TEST_ADMIN_URL;
  const template = process.env.TANDEM_TEST_TEMPLATE;
  if (!url || !template)
    throw new Error('The jest global setup did not run (TANDEM_TEST_ADMIN_URL is unset)');
  return { url, template };
}

/** A fresh, migrated database for one test file, copied from the template in milliseconds. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { url, template } = admin();
  // The jest parent's pid is in the template name; globalTeardown drops leftovers by prefix.
  const name = `tandem_t_${template.replace('tandem_template_', '')}_${randomBytes(5).toString('hex')}`;
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // Copies from one template can collide ("source database is being accessed", 55006): retry.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(
          `CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)}`,
        );
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  } finally {
    await client.end();
  }
  return {
    url: withDatabase(url, name),
    drop: async () => {
      const dropper = new Client({ connectionString: url });
      await dropper.connect();
      try {
        await dropper.query(
          `DROP DATABASE IF EXISTS ${dropper.escapeIdentifier(name)} WITH (FORCE)`,
        );
      } finally {
        await dropper.end();
      }
    },
  };
}
