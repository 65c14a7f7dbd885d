// What every browser journey shares: the server process, the step runner, screenshots and the
// small page helpers. Journeys live in journeys/*.mjs; run.mjs runs them in file-name order
// against one server. Only 127.0.0.1 is contacted.
// Node built-ins are imported rather than assumed: the root eslint config declares no globals.
import { spawn } from 'node:child_process';
import console from 'node:console';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER_ENTRY = join(ROOT, 'dist/apps/server/apps/server/src/main.js');
export const WEB_INDEX = join(ROOT, 'apps/web/dist/index.html');
export const ARTIFACTS = join(ROOT, 'test/artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const STEP_TIMEOUT_MS = 20_000;
const HEALTH_TIMEOUT_MS = 60_000;

/**
 * @typedef {object} JourneyContext
 * @property {import('playwright-core').Browser} browser
 * @property {string} base the server's address, e.g. http://127.0.0.1:41234
 * @property {string} dataDir the server's DATA_DIR: its mail is written to dataDir/outbox/*.eml
 * @property {(name: string, page: import('playwright-core').Page | null, body: () => Promise<void>) => Promise<void>} step
 */

/** A desktop (or, with a width, a phone-sized) browser context with the step timeout set. */
export async function newContext(browser, { width = 1280, height = 860, touch = false } = {}) {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'en-GB',
    hasTouch: touch,
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  return context;
}

/**
 * Calls the API from Node with a bearer token, for the set-up a journey does not need to click
 * through (the clicks that matter are in the steps). Throws unless the status is expected.
 */
export async function api(base, method, path, { token, body, expect = [200, 201] } = {}) {
  const response = await globalThis.fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!expect.includes(response.status)) {
    throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  }
  return text ? JSON.parse(text) : null;
}

/** Signs a browser page in through the sign-in form and waits for the networks page. */
export async function signIn(page, base, { email, password }) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: false }).first().fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Networks', exact: true }).waitFor();
}

/** The server's last lines of output, printed when something fails. */
export const serverLog = [];

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

export async function startServer(port, dataDir) {
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

export async function stopServer(server) {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const outcome = await Promise.race([server.exited, sleep(15_000).then(() => null)]);
  if (!outcome) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * Makes the `step` of one journey: runs a named step, counts it, and on failure saves a
 * screenshot and throws, since later steps build on earlier ones (the journey ends there).
 */
export function stepper(results) {
  return async function step(name, page, body) {
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
  };
}

export async function signUp(page, { name, email, password }) {
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByRole('heading', { name: 'Create your Tandem account' }).waitFor();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: false }).first().fill(password);
}

export async function pickOption(page, combobox, option) {
  await combobox.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

export async function hasNoHorizontalScroll(page) {
  return page.evaluate(() => {
    const { documentElement } = globalThis.document; // runs in the page
    return documentElement.scrollWidth <= documentElement.clientWidth;
  });
}

/** The messages shown in a thread, in page order: `seq` and text of each. */
export async function shownMessages(page) {
  return page
    .getByTestId('message')
    .evaluateAll((items) =>
      items.map((item) => ({ seq: Number(item.dataset.seq), text: item.textContent ?? '' })),
    );
}

/** Writes in a thread's composer and sends; waits until the server confirmed the message. */
export async function post(page, body) {
  await page.getByRole('textbox', { name: 'Your message' }).fill(body);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByTestId('message').filter({ hasText: body }).waitFor();
  await page.getByTestId('pending-message').waitFor({ state: 'detached' });
}
