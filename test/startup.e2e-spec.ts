import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestDatabase } from './support/database';
import { Http } from './support/http';

/**
 * The real entry point as a user runs it (`npm start` runs the same file after building;
 * `npm test` builds the server first). Covers what only a whole process shows: configuration
 * errors, the embedded database's lifecycle, demo content loaded once, clean shutdown.
 */
const MAIN = resolve(__dirname, '../dist/apps/server/apps/server/src/main.js');

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Every process a test started: a failed assertion must not leave one running (and jest waiting). */
const launched: ChildProcess[] = [];
afterAll(() => {
  for (const child of launched) if (child.exitCode === null) child.kill('SIGKILL');
});

function launch(env: Record<string, string>): Running {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [MAIN], {
    env: { ...inherited, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launched.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

async function waitFor(running: Running, text: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!running.output().includes(text)) {
    if (running.child.exitCode !== null)
      throw new Error(`Server exited early:\n${running.output()}`);
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for "${text}":\n${running.output()}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: npm test builds it first (pretest)`);
});

describe('invalid configuration stops the server with a message naming the variable', () => {
  it.each([
    ['PORT', 'abc'],
    ['DATABASE_URL', 'mysql://localhost/tandem'],
    ['REDIS_URL', 'http://localhost:6379'],
    ['JWT_SECRET', 'short'],
    ['LOG_LEVEL', 'loud'],
  ])('%s=%s', async (variable, value) => {
    const running = launch({ [variable]: value, DATA_DIR: join(tmpdir(), 'tandem-never-used') });
    expect(await running.exited).toBe(1);
    expect(running.output()).toContain(`Invalid configuration: ${variable}`);
  });
});

describe('with no DATABASE_URL', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tandem-start-'));
    chmodSync(dataDir, 0o755);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts an embedded Postgres, loads the demo once, and stops it cleanly on SIGTERM and SIGINT', async () => {
    const port = await freePort();
    const first = launch({ DATA_DIR: dataDir, PORT: String(port) });
    await waitFor(first, 'Demo sign-in: demo@tandem.example / tandem-demo-2026');
    const http = new Http(`http://127.0.0.1:${port}`);
    expect((await http.get('/api/health')).status).toBe(200);
    const login = await http.post('/api/auth/login', {
      email: 'demo@tandem.example',
      password: 'tandem-demo-2026',
    });
    expect(login.status).toBe(200);
    const networks = await http.get('/api/networks', { token: login.body.accessToken });
    expect(networks.body.items.map((n: { slug: string }) => n.slug).sort()).toEqual([
      'city-mentoring-exchange',
      'ngo-practice-network',
      'reception-directors-circle',
    ]);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(true);

    // A second start on the same data folder says so in one line and leaves the first alone.
    const busyFolder = launch({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(await busyFolder.exited).toBe(1);
    expect(busyFolder.output().trim()).toMatch(
      new RegExp(`^The data folder ${escape(dataDir)} is in use: another Tandem runs its database`),
    );
    expect(busyFolder.output().trim().split('\n')).toHaveLength(1);
    // And one on the same port, before touching any database.
    const otherDir = join(dataDir, 'other');
    const busyPort = launch({ DATA_DIR: otherDir, PORT: String(port) });
    expect(await busyPort.exited).toBe(1);
    expect(busyPort.output().trim()).toBe(
      `Port ${port} is in use (another Tandem, or another program, listens on it): stop it or set PORT`,
    );
    expect(existsSync(join(otherDir, 'pg'))).toBe(false);
    expect((await http.get('/api/health')).status).toBe(200);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    // Second start: same data, no second copy of the demo, and the old session still valid.
    const second = launch({ DATA_DIR: dataDir, PORT: String(port) });
    await waitFor(second, 'Tandem is running');
    const again = await http.get('/api/networks', { token: login.body.accessToken });
    expect(again.status).toBe(200);
    expect(again.body.items).toHaveLength(3);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 120_000);
});

describe('with DATABASE_URL', () => {
  it('uses that server and starts without demo content', async () => {
    const db = await createTestDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-url-'));
    try {
      const port = await freePort();
      const running = launch({
        DATABASE_URL: db.url,
        DATA_DIR: dataDir,
        PORT: String(port),
        LOG_LEVEL: 'info',
      });
      await waitFor(running, 'Tandem is running');
      expect(running.output()).not.toContain('Demo sign-in');
      const http = new Http(`http://127.0.0.1:${port}`);
      expect((await http.get('/api/health')).status).toBe(200);
      const demo = await http.post('/api/auth/login', {
        email: 'demo@tandem.example',
        password: 'tandem-demo-2026',
      });
      expect(demo.status).toBe(401);
      // Requests are logged at debug outside production: the banner stays the last thing shown.
      await new Promise((done) => setTimeout(done, 500));
      expect(running.output()).not.toContain('"req":{');
      expect(running.output().trimEnd().split('\n').at(-1)).toMatch(/^Tandem is running at /);
      running.child.kill('SIGTERM');
      expect(await running.exited).toBe(0);
    } finally {
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
