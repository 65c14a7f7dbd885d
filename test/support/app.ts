import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../apps/server/src/platform/config/configuration';
import { createApp } from '../../apps/server/src/create-app';
import { createTestDatabase, TestDatabase } from './database';
import { Http } from './http';

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  http: Http;
  db: TestDatabase;
  close(): Promise<void>;
}

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

/**
 * The real application (same createApp as production) on its own fresh database, listening on
 * 127.0.0.1 on a free port. Tests talk to it over real HTTP.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  // A caller may route the app to its database another way (through a relay, say).
  const databaseUrl = env.DATABASE_URL ?? db.url;
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-app-'));
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
    DEMO_CONTENT: 'false',
    HOST: '127.0.0.1',
    PORT: '0',
    WEB_DIST: join(dataDir, 'no-web-build'),
    // Redis is the machine's shared service: keep each test database's keys apart, and the same
    // for two apps that share a database (a two-process test).
    REDIS_PREFIX: `test-${new URL(databaseUrl).pathname.slice(1)}`,
    ...env,
  });
  const app = await createApp(config, databaseUrl);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string')
    throw new Error('The test server has no TCP address');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app,
    baseUrl,
    http: new Http(baseUrl),
    db,
    close: async () => {
      await app.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
