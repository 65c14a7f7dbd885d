import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from './platform/config/configuration';
import { dataSourceOptions, runMigrations } from './data-source';
import { provisionDatabase } from './provision';
import { DEMO_SIGN_IN, seedDemoContent } from './demo/demo-seed';

const USAGE = 'usage: cli.js migrate | seed | reset';

/** `npm run db:migrate | db:seed | db:reset`, against DATABASE_URL or the embedded server. */
async function run(command: string | undefined): Promise<void> {
  if (!command || !['migrate', 'seed', 'reset'].includes(command)) throw new Error(USAGE);
  const config = loadConfig();
  const database = await provisionDatabase(config);
  try {
    if (command === 'reset') {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      // The job queue's schema goes too: its jobs point at rows that no longer exist.
      await client.query(
        'DROP SCHEMA public CASCADE; CREATE SCHEMA public; DROP SCHEMA IF EXISTS pgboss CASCADE;',
      );
      await client.end();
      process.stdout.write('Dropped every table.\n');
    }
    await runMigrations(database.url);
    process.stdout.write('Migrations are up to date.\n');
    if (command === 'seed' || (command === 'reset' && config.demoContent)) {
      const dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
      const loaded = await seedDemoContent(dataSource);
      await dataSource.destroy();
      process.stdout.write(
        loaded
          ? `Demo content loaded. Sign in as ${DEMO_SIGN_IN.email} / ${DEMO_SIGN_IN.password}\n`
          : 'The database already has accounts; demo content is only loaded into an empty one.\n',
      );
    }
  } finally {
    await database.embedded?.stop();
  }
}

run(process.argv[2]).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
