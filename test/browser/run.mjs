// Browser journeys through the web app against the real, built server (npm run test:browser).
//
// Starts dist/apps/server/... on a free port with its own embedded Postgres in a fresh temp
// directory, then runs every journey in journeys/*.mjs in file-name order, each in browser
// contexts of its own and with its own people (a journey never relies on another's data). Within
// a journey, the first failing step ends that journey; the other journeys still run. One
// screenshot per screen goes to test/artifacts/. Only 127.0.0.1 is contacted. The closing line
// reads `browser: N passed, M failed`; any failure exits non-zero.
//
// `node test/browser/run.mjs mentoring` runs only the journeys whose file name contains
// "mentoring".
import console from 'node:console';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import {
  ARTIFACTS,
  CHROMIUM,
  ROOT,
  SERVER_ENTRY,
  WEB_INDEX,
  check,
  freePort,
  serverLog,
  startServer,
  stepper,
  stopServer,
} from './harness.mjs';

const JOURNEYS = join(ROOT, 'test/browser/journeys');
const results = { passed: 0, failed: 0 };

async function main() {
  check(existsSync(SERVER_ENTRY), `missing ${SERVER_ENTRY}: run npm run build:server first`);
  check(existsSync(WEB_INDEX), `missing ${WEB_INDEX}: run npm run build:web first`);
  check(existsSync(CHROMIUM), `missing ${CHROMIUM}: apt-get install -y chromium`);
  await mkdir(ARTIFACTS, { recursive: true });
  for (const file of await readdir(ARTIFACTS)) {
    if (file.startsWith('failure-')) await rm(join(ARTIFACTS, file)); // from an earlier run
  }
  const only = process.argv[2];
  const files = (await readdir(JOURNEYS))
    .filter((file) => file.endsWith('.mjs') && (!only || file.includes(only)))
    .sort();
  check(files.length > 0, `no journey in ${JOURNEYS} matches "${only ?? ''}"`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'tandem-browser-'));
  // As root the embedded Postgres runs as the "postgres" user, which must be able to enter it.
  await chmod(dataDir, 0o755);

  let server;
  let browser;
  try {
    console.log(`browser: starting the server on ${base}`);
    server = await startServer(port, dataDir);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    for (const file of files) {
      console.log(`journey ${file}`);
      const { default: journey } = await import(pathToFileURL(join(JOURNEYS, file)).href);
      const contextsBefore = new Set(browser.contexts());
      try {
        // dataDir: the server's DATA_DIR, where mail lands as .eml files (no SMTP_URL is set).
        await journey({ browser, base, step: stepper(results), dataDir });
      } catch (error) {
        if (!error?.counted) {
          results.failed += 1;
          console.log(`  ✕ ${file}: ${error instanceof Error ? error.stack : String(error)}`);
        }
        if (serverLog.length > 0) {
          console.log('--- last server output ---');
          console.log(serverLog.slice(-60).join('\n'));
        }
      } finally {
        for (const context of browser.contexts()) {
          if (!contextsBefore.has(context)) await context.close().catch(() => undefined);
        }
      }
    }
  } catch (error) {
    // A failure outside the journeys (build missing, server start-up, browser launch) counts too.
    results.failed += 1;
    console.log(`browser: ${error instanceof Error ? error.message : String(error)}`);
    if (serverLog.length > 0) {
      console.log('--- last server output ---');
      console.log(serverLog.slice(-60).join('\n'));
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await stopServer(server);
    await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

await main();
console.log(`browser: ${results.passed} passed, ${results.failed} failed`);
process.exitCode = results.failed === 0 && results.passed > 0 ? 0 : 1;
