// Browser walk-through of the web app against the real, built server (npm run test:browser).
//
// Starts dist/apps/server/... on a free port with its own embedded Postgres in a fresh temp
// directory, drives headless Chromium through the first user journey (sign up, organisation,
// private network, invitation accepted by a colleague in a second browser context) and checks
// the layout at 360 px. One screenshot per screen goes to test/artifacts/. Only 127.0.0.1 is
// contacted. The closing line reads `browser: N passed, M failed`; any failure exits non-zero.
// Node built-ins are imported rather than assumed: the root eslint config declares no globals.
import { spawn } from 'node:child_process';
import console from 'node:console';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER_ENTRY = join(ROOT, 'dist/apps/server/apps/server/src/main.js');
const WEB_INDEX = join(ROOT, 'apps/web/dist/index.html');
const ARTIFACTS = join(ROOT, 'test/artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HEALTH_TIMEOUT_MS = 60_000;
const STEP_TIMEOUT_MS = 20_000;

const results = { passed: 0, failed: 0 };
const serverLog = [];

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function startServer(port, dataDir) {
  const env = { ...process.env };
  delete env.DATABASE_URL; // the server then starts its own embedded Postgres in DATA_DIR
  delete env.REDIS_URL;
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: ROOT,
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_CONTENT: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk) => {
    serverLog.push(...chunk.toString().split('\n').filter(Boolean));
    if (serverLog.length > 400) serverLog.splice(0, serverLog.length - 400);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );

  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    const early = await Promise.race([exited, sleep(250).then(() => null)]);
    if (early) {
      throw new Error(`server exited during start-up (code ${early.code}, signal ${early.signal})`);
    }
    try {
      const response = await globalThis.fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.status === 200) return { child, exited };
      lastProblem = `health answered ${response.status}`;
    } catch (error) {
      lastProblem = error.cause?.code ?? error.message;
    }
  }
  await stopServer({ child, exited });
  throw new Error(`server not healthy within ${HEALTH_TIMEOUT_MS / 1000} s (${lastProblem})`);
}

async function stopServer(server) {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const outcome = await Promise.race([server.exited, sleep(15_000).then(() => null)]);
  if (!outcome) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
}

async function screenshot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Runs one step; later steps build on earlier ones, so the first failure ends the walk. */
async function step(name, page, body) {
  const started = Date.now();
  try {
    await body();
    results.passed += 1;
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.failed += 1;
    console.log(`  ✕ ${name}\n    ${error.stack ?? error}`);
    if (page) {
      await screenshot(page, `failure-${name.replace(/\W+/g, '-')}`).catch(() => undefined);
      console.log(`    at ${page.url()}`);
    }
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), {
      counted: true,
    });
  }
}

async function signUp(page, { name, email, password }) {
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByRole('heading', { name: 'Create your Tandem account' }).waitFor();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: false }).first().fill(password);
}

async function pickOption(page, combobox, option) {
  await combobox.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function hasNoHorizontalScroll(page) {
  return page.evaluate(() => {
    const { documentElement } = globalThis.document; // runs in the page
    return documentElement.scrollWidth <= documentElement.clientWidth;
  });
}

async function main() {
  check(existsSync(SERVER_ENTRY), `missing ${SERVER_ENTRY}: run npm run build:server first`);
  check(existsSync(WEB_INDEX), `missing ${WEB_INDEX}: run npm run build:web first`);
  check(existsSync(CHROMIUM), `missing ${CHROMIUM}: apt-get install -y chromium`);
  await mkdir(ARTIFACTS, { recursive: true });
  for (const file of await readdir(ARTIFACTS)) {
    if (file.startsWith('failure-')) await rm(join(ARTIFACTS, file)); // from an earlier run
  }

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'tandem-browser-'));
  // As root the embedded Postgres runs as the "postgres" user, which must be able to enter it.
  await chmod(dataDir, 0o755);
  const suffix = Date.now().toString(36);
  const amira = {
    name: 'Amira Haddad',
    email: `amira.${suffix}@example.org`,
    password: 'correct horse battery',
  };
  const jonas = {
    name: 'Jonas Weber',
    email: `jonas.${suffix}@example.org`,
    password: 'another long secret',
  };
  const networkName = 'Welcoming Cities Exchange';
  const networkSlug = 'welcoming-cities-exchange';

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

    const admin = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      locale: 'en-GB',
    });
    admin.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = await admin.newPage();
    let acceptLink = '';

    await step('sign up', page, async () => {
      await page.goto(`${base}/`);
      await page.getByRole('heading', { name: 'Sign in to Tandem' }).waitFor();
      await screenshot(page, '01-sign-in');
      await signUp(page, amira);
      await screenshot(page, '02-sign-up');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.waitForURL(`${base}/organisation`);
      await page.getByRole('heading', { name: 'My organisation' }).waitFor();
      await page.getByText(amira.name).first().waitFor();
    });

    await step('create an organisation', page, async () => {
      const form = page.locator('form', {
        has: page.getByRole('heading', { name: 'Add your organisation' }),
      });
      await form.getByLabel('Name').fill(`Integration Office ${suffix}`);
      await pickOption(page, form.getByRole('combobox', { name: 'Sector' }), 'Government');
      await pickOption(page, form.getByRole('combobox', { name: 'Level' }), 'Local');
      await form.getByRole('combobox', { name: 'Country' }).fill('Belg');
      await page.getByRole('option', { name: 'Belgium', exact: true }).click();
      await form.getByLabel('City').fill('Ghent');
      await form.getByRole('button', { name: 'Add and choose' }).click();
      const label = page.getByTestId('attribution-label');
      await label.waitFor();
      check(
        (await label.textContent()) === 'Local government',
        `label is "${await label.textContent()}"`,
      );
      await page.getByText('your posts show this label instead of your name').waitFor();
      await screenshot(page, '03-organisation');
    });

    await step('create a private network', page, async () => {
      await page.getByRole('link', { name: 'Continue to networks' }).click();
      await page.getByRole('heading', { name: 'Networks', exact: true }).waitFor();
      await page.getByRole('link', { name: 'New network' }).click();
      await page.getByLabel('Name').fill(networkName);
      const slug = await page.getByLabel('Web address').inputValue();
      check(slug === networkSlug, `suggested slug is "${slug}"`);
      await page.getByLabel('Description').fill('City officials exchanging reception practice.');
      await page.getByRole('radio', { name: 'Private' }).check();
      await screenshot(page, '04-create-network');
      await page.getByRole('button', { name: 'Create network' }).click();
      await page.waitForURL(`${base}/networks/${networkSlug}`);
      await page.getByRole('heading', { level: 1, name: networkName }).waitFor();
      await page.getByText('Your role: Admin').waitFor();
      await screenshot(page, '05-network');
    });

    await step('see it listed', page, async () => {
      await page.getByRole('link', { name: 'All networks' }).click();
      await page.waitForURL(`${base}/networks`);
      const item = page.getByRole('listitem').filter({ hasText: networkName });
      await item.getByRole('link', { name: networkName }).waitFor();
      await item.getByText('Private').waitFor();
      await item.getByText('Your role: Admin').waitFor();
      await screenshot(page, '06-networks');
    });

    await step('invite a colleague and read the accept link', page, async () => {
      await page.getByRole('link', { name: networkName }).click();
      const form = page.getByRole('region', { name: 'Invite a colleague' });
      await form.getByLabel('Their email').fill(jonas.email);
      await form.getByRole('button', { name: 'Create invitation' }).click();
      const link = form.getByLabel('Invitation link');
      await link.waitFor();
      acceptLink = await link.inputValue();
      check(acceptLink.startsWith(`${base}/invitations/`), `accept link is "${acceptLink}"`);
      await page.getByRole('region', { name: 'Invitations' }).getByText(jonas.email).waitFor();
      await screenshot(page, '07-invitation-created');
    });

    const colleague = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      locale: 'en-GB',
    });
    colleague.setDefaultTimeout(STEP_TIMEOUT_MS);
    const second = await colleague.newPage();

    await step(
      'colleague signs up from the link, accepts and sees the network',
      second,
      async () => {
        await second.goto(acceptLink);
        await second.getByText('Sign in or create an account to open your invitation.').waitFor();
        await signUp(second, jonas);
        await second.getByRole('button', { name: 'Create account' }).click();
        await second.getByRole('heading', { name: `You are invited to ${networkName}` }).waitFor();
        check(second.url() === acceptLink, `after sign-up the colleague is at ${second.url()}`);
        await second.getByText(`Invited by ${amira.name}`).waitFor();
        await screenshot(second, '08-invitation');
        await second.getByRole('button', { name: 'Accept invitation' }).click();
        await second.waitForURL(`${base}/networks/${networkSlug}`);
        await second.getByRole('heading', { level: 1, name: networkName }).waitFor();
        await second.getByText('Your role: Member').waitFor();
        await second.getByRole('region', { name: 'Members' }).getByText(amira.name).waitFor();
        await screenshot(second, '09-network-as-member');
      },
    );

    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'en-GB',
      hasTouch: true,
    });
    phone.setDefaultTimeout(STEP_TIMEOUT_MS);
    const small = await phone.newPage();

    await step('layout at 360 px has no horizontal scroll', small, async () => {
      await small.goto(`${base}/sign-in`);
      await small.getByRole('heading', { name: 'Sign in to Tandem' }).waitFor();
      check(await hasNoHorizontalScroll(small), 'the sign-in page scrolls sideways at 360 px');
      await small.getByLabel('Email').fill(amira.email);
      await small.getByLabel('Password', { exact: false }).first().fill(amira.password);
      await small.getByRole('button', { name: 'Sign in' }).click();
      await small.getByRole('heading', { name: 'Networks', exact: true }).waitFor();
      await small.getByRole('link', { name: networkName }).waitFor();
      check(await hasNoHorizontalScroll(small), 'the networks page scrolls sideways at 360 px');
      await screenshot(small, '10-networks-360px');
      await small.getByRole('button', { name: 'Open navigation' }).click();
      // Wait for the navbar to finish sliding in before the screenshot.
      await small.waitForFunction(
        () =>
          globalThis.document.getElementById('main-navigation').getBoundingClientRect().left >= 0,
      );
      await small
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'My organisation' })
        .waitFor();
      await screenshot(small, '11-navigation-360px');
      await small
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Networks' })
        .click();
      await small.getByRole('link', { name: networkName }).click();
      await small.getByRole('heading', { level: 1, name: networkName }).waitFor();
      await small.getByRole('region', { name: 'Members' }).getByText(jonas.name).waitFor();
      check(await hasNoHorizontalScroll(small), 'the network page scrolls sideways at 360 px');
      await screenshot(small, '12-network-360px');
    });

    await step('language switch translates the page', small, async () => {
      await pickOption(small, small.getByRole('combobox', { name: 'Language' }), 'Deutsch');
      await small.getByRole('link', { name: 'Alle Netzwerke' }).waitFor();
      check((await small.getAttribute('html', 'lang')) === 'de', 'html lang is not "de"');
      check(
        await hasNoHorizontalScroll(small),
        'the German network page scrolls sideways at 360 px',
      );
      await screenshot(small, '13-network-360px-de');
    });
  } catch (error) {
    if (!error?.counted) {
      // A failure outside the steps (build missing, server start-up, browser launch) counts too.
      results.failed += 1;
      console.log(`browser: ${error instanceof Error ? error.message : String(error)}`);
    }
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
