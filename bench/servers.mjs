// Starting and stopping the processes under test: the built Tandem server (one process per
// benchmark, on one fresh database per run) and the bare socket.io baseline server.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { HOST, freePort, log, sleep } from './common.mjs';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(BENCH_DIR, '..');
/** The machine's Postgres service (trust auth); each run makes and drops its own database. */
export const ADMIN_URL =
  process.env.BENCH_ADMIN_DATABASE_URL || `postgres://postgres@${HOST}:5432/postgres`;

/**
 * The server is built into bench/.build (git-ignored), not the shared dist/: other people run
 * `npm run build:server` and `npm test` on this machine, and Nest's build empties dist/ first,
 * which once pulled the server out from under a running benchmark.
 */
const BUILD_DIR = join(BENCH_DIR, '.build');
const PRIVATE_MAIN = join(BUILD_DIR, 'dist/apps/server/apps/server/src/main.js');
const SHARED_MAIN = join(ROOT, 'dist/apps/server/apps/server/src/main.js');
export let SERVER_MAIN = PRIVATE_MAIN;

export function buildServer() {
  if (process.env.BENCH_SKIP_BUILD === '1') {
    SERVER_MAIN = existsSync(PRIVATE_MAIN) ? PRIVATE_MAIN : SHARED_MAIN;
    if (!existsSync(SERVER_MAIN))
      throw new Error(`BENCH_SKIP_BUILD=1 but no build was found (${SERVER_MAIN})`);
    log('build', `skipped (BENCH_SKIP_BUILD=1), using ${SERVER_MAIN.slice(ROOT.length + 1)}`);
    return;
  }
  // The same build as `npm run build:server` (nest build server), with only the output moved.
  mkdirSync(BUILD_DIR, { recursive: true });
  const tsconfig = join(BUILD_DIR, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    `${JSON.stringify({ extends: '../../apps/server/tsconfig.app.json', compilerOptions: { outDir: './dist/apps/server' } }, null, 2)}\n`,
  );
  log('build', 'nest build server (output in bench/.build/dist)');
  const result = spawnSync('npx', ['nest', 'build', 'server', '-p', relative(ROOT, tsconfig)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0 || !existsSync(PRIVATE_MAIN)) {
    process.stderr.write(result.stdout?.toString() ?? '');
    process.stderr.write(result.stderr?.toString() ?? '');
    throw new Error('building the server failed; fix the build or run with BENCH_SKIP_BUILD=1');
  }
  SERVER_MAIN = PRIVATE_MAIN;
}

function urlFor(name) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createDatabase() {
  const name = `tandem_bench_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return { name, url: urlFor(name) };
}

export async function dropDatabase(name) {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export async function postgresFacts() {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const settings = {};
    for (const name of [
      'server_version',
      'shared_buffers',
      'max_connections',
      'synchronous_commit',
      'fsync',
      'work_mem',
      'data_directory',
    ]) {
      const { rows } = await admin.query(`SELECT current_setting($1) AS v`, [name]);
      settings[name] = rows[0].v;
    }
    return settings;
  } finally {
    await admin.end();
  }
}

const LIMIT = '100000/60';

/** Everything one run's server processes share (the database and the JWT secret). */
export function serverEnvironment(databaseUrl) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
  chmodSync(dataDir, 0o755);
  return {
    dataDir,
    env: {
      HOST,
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      MIGRATE_ON_START: 'true',
      DEMO_CONTENT: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      JWT_SECRET: randomBytes(48).toString('base64url'),
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      RATE_LIMIT_POST_PER_USER: LIMIT,
      RATE_LIMIT_POST_PER_THREAD: LIMIT,
      RATE_LIMIT_REGISTER_PER_ADDRESS: LIMIT,
      RATE_LIMIT_REGISTER_PER_ACCOUNT: LIMIT,
      RATE_LIMIT_LOGIN_PER_ADDRESS: LIMIT,
    },
  };
}

/** A child process with its stderr kept (the last lines are shown if it dies). */
function launch(command, args, env, label) {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = [];
  const keep = (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 40) tail.shift();
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.exited = new Promise((resolveExit) =>
    child.on('exit', (code, signal) => resolveExit({ code, signal })),
  );
  child.tail = tail;
  child.label = label;
  return child;
}

async function waitForHttp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  void child.exited.then((value) => (exited = value));
  while (Date.now() < deadline) {
    if (exited)
      throw new Error(
        `${child.label} exited early (${JSON.stringify(exited)}):\n${child.tail.join('\n')}`,
      );
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(
    `${child.label} did not answer ${url} within ${timeoutMs} ms:\n${child.tail.join('\n')}`,
  );
}

/**
 * Starts the built server. With `profileDir`, it runs under --cpu-prof and writes its profile
 * there when it exits.
 */
export async function startTandem(shared, { profileDir } = {}) {
  const port = await freePort();
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = launch(
    process.execPath,
    [...nodeArgs, SERVER_MAIN],
    { ...shared.env, PORT: String(port) },
    'tandem server',
  );
  const url = `http://${HOST}:${port}`;
  await waitForHttp(`${url}/api/health`, child, 60_000);
  return { url, child, pid: child.pid };
}

/** The bare socket.io server (same socket.io version as the Tandem server) in its own process. */
export async function startRawSocketServer() {
  const port = await freePort();
  const child = launch(
    process.execPath,
    [join(BENCH_DIR, 'raw-socketio-server.mjs')],
    { PORT: String(port), HOST },
    'raw socket.io server',
  );
  const url = `http://${HOST}:${port}`;
  await waitForHttp(`${url}/health`, child, 20_000);
  return { url, child, pid: child.pid };
}

/** SIGTERM (the server drains and exits), then SIGKILL if it hangs. */
export async function stop(server, timeoutMs = 20_000) {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), timeoutMs);
  await server.child.exited;
  clearTimeout(timer);
}

/** Moves the newest .cpuprofile in `dir` to `target` and returns its path (or null). */
export function collectProfile(dir, target) {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((file) => file.endsWith('.cpuprofile'));
  if (files.length === 0) return null;
  renameSync(join(dir, files.sort().at(-1)), target);
  rmSync(dir, { recursive: true, force: true });
  return target;
}
