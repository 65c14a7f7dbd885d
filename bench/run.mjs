// npm run bench: builds the server, makes a fresh database on the machine's Postgres, and runs
// the benchmarks of issues 3 and 4, each beside a baseline measured in the same run:
//   post    HTTP POST throughput vs single-row INSERTs through pg (same concurrency)
//   chat    chat load (threads of 20, one message per member every 5 s) vs bare socket.io
//   fanout  one thread of 1,000 sockets at 20 messages/s vs bare socket.io
//   reads   thread pages over 1,000,000 generated messages
//   search  full-text search over the same messages, terms of every frequency, vs the bare
//           GIN query
// Each benchmark gets its own server process; every load generator is a separate Node process.
// Results: bench/results/<name>.json and bench/results/summary.md (also printed).
import { execSync, fork } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { knob, log, round, sleep } from './common.mjs';
import { generateMessages, searchTerms } from './generate-messages.mjs';
import { summarizeProfile } from './profile.mjs';
import {
  BENCH_DIR,
  ROOT,
  buildServer,
  collectProfile,
  createDatabase,
  dropDatabase,
  postgresFacts,
  serverEnvironment,
  startRawSocketServer,
  startTandem,
  stop,
} from './servers.mjs';
import { createThreads, populate } from './setup.mjs';

const RESULTS = join(BENCH_DIR, 'results');

const config = {
  only: (process.env.BENCH_ONLY || 'post,chat,fanout,reads,search')
    .split(',')
    .map((name) => name.trim()),
  profile: (process.env.BENCH_PROFILE || '').split(',').filter(Boolean),
  bodySize: knob('BENCH_BODY_SIZE', 200),
  chat: {
    sockets: knob('BENCH_SOCKETS', 2000),
    threadSize: knob('BENCH_THREAD_SIZE', 20),
    periodMs: knob('BENCH_CHAT_PERIOD_S', 5) * 1000,
    warmupS: knob('BENCH_WARMUP_S', 10),
    durationS: knob('BENCH_DURATION_S', 60),
    drainS: knob('BENCH_DRAIN_S', 10),
    // Smaller scales run after the full one (each beside its own baseline), e.g. Mattermost's 200.
    steps: (process.env.BENCH_CHAT_STEPS ?? '200')
      .split(',')
      .map((value) => Number(value.trim()))
      .filter((value) => value > 0),
    stepWarmupS: knob('BENCH_STEP_WARMUP_S', 5),
    stepDurationS: knob('BENCH_STEP_DURATION_S', 30),
    targetP99Ms: 150,
  },
  fanout: {
    sockets: knob('BENCH_FANOUT_SOCKETS', 1000),
    messagesPerSecond: knob('BENCH_FANOUT_RATE', 20),
    senders: knob('BENCH_FANOUT_SENDERS', 20),
    warmupS: knob('BENCH_FANOUT_WARMUP_S', 5),
    durationS: knob('BENCH_FANOUT_DURATION_S', 30),
    drainS: knob('BENCH_DRAIN_S', 10),
  },
  post: {
    concurrency: knob('BENCH_POST_CONCURRENCY', 32),
    threads: knob('BENCH_POST_THREADS', 8),
    warmupS: knob('BENCH_POST_WARMUP_S', 3),
    durationS: knob('BENCH_POST_DURATION_S', 20),
    targetRatio: 0.5,
  },
  reads: {
    messages: knob('BENCH_MESSAGES', 1_000_000),
    threads: knob('BENCH_READ_THREADS', 100),
    readers: 16,
    concurrency: knob('BENCH_READ_CONCURRENCY', 16),
    openLoadFraction: knob('BENCH_READ_OPEN_FRACTION', 0.5),
    warmupS: knob('BENCH_READ_WARMUP_S', 2),
    durationS: knob('BENCH_READ_DURATION_S', 12),
    targetP99Ms: 25,
  },
  search: {
    rate: knob('BENCH_SEARCH_RATE', 20),
    warmupS: knob('BENCH_SEARCH_WARMUP_S', 3),
    durationS: knob('BENCH_SEARCH_DURATION_S', 30),
    targetP95Ms: 50,
  },
};

// ------------------------------------------------------------------------------ measuring CPU

const TICKS = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

function processCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return null;
  }
}

function childrenOf(ppid) {
  const pids = [];
  for (const entry of readdirSafe('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === ppid) pids.push(Number(entry));
    } catch {
      // gone
    }
  }
  return pids;
}

function readdirSafe(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function machineCpu() {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = values[3] + (values[4] ?? 0);
  const total = values.reduce((sum, value) => sum + value, 0);
  return { busy: (total - idle) / TICKS, total: total / TICKS };
}

let postmasterPid = null;

/**
 * CPU seconds of the server under test, the load generator, the Postgres cluster (postmaster
 * and its children: every database on it, not only ours) and the whole machine.
 */
function cpuSnapshot(serverPid, clientPid) {
  const postgres = postmasterPid
    ? [postmasterPid, ...childrenOf(postmasterPid)].reduce(
        (sum, pid) => sum + (processCpuSeconds(pid) ?? 0),
        0,
      )
    : null;
  return {
    at: Date.now(),
    server: serverPid ? processCpuSeconds(serverPid) : null,
    client: clientPid ? processCpuSeconds(clientPid) : null,
    postgres,
    machine: machineCpu(),
  };
}

function cpuDelta(start, end) {
  if (!start || !end) return null;
  const seconds = (end.at - start.at) / 1000;
  const used = (key) => (end[key] !== null && start[key] !== null ? end[key] - start[key] : null);
  const share = (value) => (value === null ? null : round(value / seconds, 2));
  const machine = end.machine.busy - start.machine.busy;
  const ours = (used('server') ?? 0) + (used('client') ?? 0) + (used('postgres') ?? 0);
  return {
    windowS: round(seconds, 1),
    serverCores: share(used('server')),
    clientCores: share(used('client')),
    postgresCores: share(used('postgres')),
    machineBusyCores: share(machine),
    // Everything else on the machine (other people's work on this shared box).
    otherCores: share(Math.max(0, machine - ours)),
    machineCores: os.cpus().length,
  };
}

async function databaseStats(databaseUrl) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query(
      `SELECT xact_commit::bigint AS commits, xact_rollback::bigint AS rollbacks,
              (tup_inserted + tup_updated + tup_deleted)::bigint AS rows_written
         FROM pg_stat_database WHERE datname = current_database()`,
    );
    return {
      commits: Number(rows[0].commits),
      rollbacks: Number(rows[0].rollbacks),
      rowsWritten: Number(rows[0].rows_written),
    };
  } finally {
    await db.end();
  }
}

/** Postgres work per operation between two databaseStats snapshots (one commit per statement outside a transaction). */
function perOperation(before, after, operations) {
  if (!operations) return null;
  return {
    operations,
    commitsPerOperation: round((after.commits - before.commits) / operations, 2),
    rollbacksPerOperation: round((after.rollbacks - before.rollbacks) / operations, 2),
    rowsWrittenPerOperation: round((after.rowsWritten - before.rowsWritten) / operations, 2),
  };
}

/**
 * Lets the database settle between phases: the previous phase's dead rows (threads.last_seq,
 * thread_reads, rate-limit buckets are updated on every post) are vacuumed and statistics
 * refreshed, so autovacuum does not wake up in the middle of the next measurement.
 */
async function settle(databaseUrl) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(
      'VACUUM (ANALYZE) threads, messages, thread_reads, rate_limit_buckets, refresh_tokens, network_memberships',
    );
  } finally {
    await db.end();
  }
  await sleep(1000);
}

// ------------------------------------------------------------------------------ child processes

/** Runs a load generator in its own Node process and returns its result. */
function runClient(file, clientConfig, serverPid) {
  return new Promise((resolve, reject) => {
    const child = fork(join(BENCH_DIR, file), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [],
    });
    let start = null;
    let cpu = null;
    let settled = false;
    const limitMs = 20 * 60 * 1000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      if (!settled) reject(new Error(`${file} ran longer than ${limitMs / 60000} minutes`));
    }, limitMs);
    child.on('message', (message) => {
      if (message.type === 'measure-start') start = cpuSnapshot(serverPid, child.pid);
      else if (message.type === 'measure-end')
        cpu = cpuDelta(start, cpuSnapshot(serverPid, child.pid));
      else if (message.type === 'result') {
        settled = true;
        resolve({ ...message.result, cpu });
      } else if (message.type === 'error') {
        settled = true;
        reject(new Error(`${file}: ${message.error}`));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!settled) reject(new Error(`${file} exited with ${code} before reporting`));
    });
    child.send(clientConfig);
  });
}

/** Runs `work` against a fresh server process, under --cpu-prof when BENCH_PROFILE names it. */
async function withTandem(name, shared, work) {
  const profiled = config.profile.includes(name) || config.profile.includes('all');
  const profileDir = profiled ? mkdtempSync(join(os.tmpdir(), 'tandem-prof-')) : undefined;
  const server = await startTandem(shared, { profileDir });
  let result;
  try {
    result = await work(server);
  } finally {
    // A profiled server needs a clean exit to write its profile, even with a backlog to drain.
    await stop(server, profiled ? 120_000 : 20_000);
  }
  if (profiled) {
    const file = collectProfile(profileDir, join(RESULTS, `${name}.cpuprofile`));
    if (file) {
      result.profile = { file: `bench/results/${name}.cpuprofile`, ...summarizeProfile(file) };
      log(name, `server CPU profile written to ${file}`);
    }
  }
  return result;
}

// ------------------------------------------------------------------------------ benchmarks

async function benchPost(ctx) {
  const c = config.post;
  const users = ctx.users.slice(0, c.concurrency);
  const threadIds = ctx.postThreadIds;
  const db = new pg.Client({ connectionString: ctx.databaseUrl });
  await db.connect();
  await db.query('DROP TABLE IF EXISTS bench_raw_messages');
  // The same columns, defaults, checks and indexes as messages (foreign keys are not copied).
  await db.query('CREATE TABLE bench_raw_messages (LIKE messages INCLUDING ALL)');
  await db.end();
  const common = {
    concurrency: c.concurrency,
    warmupS: c.warmupS,
    durationS: c.durationS,
    bodySize: config.bodySize,
  };

  const s0 = await databaseStats(ctx.databaseUrl);
  const baseline = await runClient('post-load.mjs', {
    ...common,
    mode: 'pg',
    label: 'post-pg',
    databaseUrl: ctx.databaseUrl,
    table: 'bench_raw_messages',
    threadIds,
    authorIds: users.map((user) => user.id),
  });
  await sleep(500);
  const s1 = await databaseStats(ctx.databaseUrl);
  baseline.postgresWork = perOperation(s0, s1, baseline.completedIncludingWarmup);
  const cleanup = new pg.Client({ connectionString: ctx.databaseUrl });
  await cleanup.connect();
  await cleanup.query('DROP TABLE bench_raw_messages');
  await cleanup.end();

  await settle(ctx.databaseUrl);
  const s1b = await databaseStats(ctx.databaseUrl);
  const result = await withTandem('post', ctx.shared, async (server) => {
    const tandem = await runClient(
      'post-load.mjs',
      {
        ...common,
        mode: 'http',
        label: 'post-http',
        url: server.url,
        clients: users.map((user, i) => ({
          token: user.token,
          threadId: threadIds[i % threadIds.length],
        })),
      },
      server.pid,
    );
    return { tandem };
  });
  // Read after the server has exited, so every backend has flushed its statistics.
  await sleep(500);
  const s2 = await databaseStats(ctx.databaseUrl);
  result.tandem.postgresWork = perOperation(s1b, s2, result.tandem.completedIncludingWarmup);

  const ratio = baseline.perSecond ? result.tandem.perSecond / baseline.perSecond : null;
  return {
    benchmark: 'post',
    title: 'Post throughput (HTTP POST /api/threads/:id/messages)',
    config: { ...c, bodySize: config.bodySize },
    baseline,
    ...result,
    ratio: ratio === null ? null : round(ratio, 3),
    target: {
      ratio: c.targetRatio,
      met:
        ratio !== null && ratio >= c.targetRatio && Object.keys(result.tandem.errors).length === 0,
    },
  };
}

function chatGroups(users, threadIds, size, senders) {
  return threadIds.map((threadId, g) => ({
    threadId,
    members: users.slice(g * size, (g + 1) * size).map((user) => ({ token: user.token })),
    senders,
  }));
}

/** Exactly once: every send the server did not refuse reached every member once, and none was refused. */
function exactlyOnce(run) {
  const m = run.measured;
  return (
    m.deliveredRatio === 1 &&
    run.anomalies.duplicates === 0 &&
    m.refused === 0 &&
    m.noAck === 0 &&
    m.notSent === 0
  );
}

/** One socket scenario against the bare socket.io server, then against Tandem (same client). */
async function socketRun(
  ctx,
  name,
  { users, groupSize, sendersPerGroup, periodMs, warmupS, durationS, drainS },
) {
  const groupCount = Math.floor(users.length / groupSize);
  const clientBase = { periodMs, warmupS, durationS, drainS, bodySize: config.bodySize };

  const raw = await startRawSocketServer();
  let baseline;
  try {
    const groups = Array.from({ length: groupCount }, (_, g) => ({
      threadId: `raw-${g}`,
      members: Array.from({ length: groupSize }, () => ({ token: null })),
      senders: sendersPerGroup,
    }));
    baseline = await runClient(
      'socket-load.mjs',
      { ...clientBase, label: `${name}-raw`, target: 'raw', url: raw.url, groups },
      raw.pid,
    );
  } finally {
    await stop(raw);
  }

  await settle(ctx.databaseUrl);
  const result = await withTandem(name, ctx.shared, async (server) => {
    const creators = Array.from({ length: groupCount }, (_, g) => users[g * groupSize]);
    const threadIds = await createThreads({
      url: server.url,
      channelId: ctx.channel.id,
      creators,
      label: name,
    });
    const groups = chatGroups(users, threadIds, groupSize, sendersPerGroup);
    const tandem = await runClient(
      'socket-load.mjs',
      { ...clientBase, label: name, target: 'tandem', url: server.url, groups },
      server.pid,
    );
    return { tandem };
  });
  const t = result.tandem;
  // After the server has exited: which sends Postgres committed (an unanswered send may still
  // have been saved, late), against what the client was told.
  const db = new pg.Client({ connectionString: ctx.databaseUrl });
  await db.connect();
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM messages WHERE client_id ~ ('^' || $1 || '-[0-9]+$')`,
    [name],
  );
  await db.end();
  t.committed = {
    ...t.client.totals,
    committed: rows[0].n,
    committedWithoutOkAck: Math.max(0, rows[0].n - t.client.totals.ackOk),
    neverCommitted: t.client.totals.sent - rows[0].n,
  };
  return {
    name,
    baseline,
    ...result,
    ratios: {
      deliveryP99: round(t.latencyMs.delivery.p99 / baseline.latencyMs.delivery.p99, 2),
      ackP99: round(t.latencyMs.ack.p99 / baseline.latencyMs.ack.p99, 2),
    },
    exactlyOnce: exactlyOnce(t),
  };
}

async function benchChat(ctx) {
  const c = config.chat;
  // Smaller scales first: the full scale may overload the server and leave a backlog behind.
  const scales = [...c.steps.filter((n) => n < c.sockets).sort((x, y) => x - y), c.sockets];
  const runs = [];
  for (const sockets of scales) {
    const full = sockets === c.sockets;
    const users = ctx.users.slice(0, Math.floor(sockets / c.threadSize) * c.threadSize);
    const run = await socketRun(ctx, full ? 'chat' : `chat-${sockets}`, {
      users,
      groupSize: c.threadSize,
      sendersPerGroup: c.threadSize,
      periodMs: c.periodMs,
      warmupS: full ? c.warmupS : c.stepWarmupS,
      durationS: full ? c.durationS : c.stepDurationS,
      drainS: c.drainS,
    });
    const p99 = run.tandem.latencyMs.delivery.p99;
    run.sockets = users.length;
    run.p99Met = p99 !== null && p99 <= c.targetP99Ms;
    runs.push(run);
  }
  const full = runs.at(-1);
  return {
    benchmark: 'chat',
    title: 'Chat load (socket.io, threads of 20)',
    config: { ...c, bodySize: config.bodySize },
    runs,
    target: {
      sockets: 2000,
      p99Ms: c.targetP99Ms,
      met: full.sockets >= 2000 && full.exactlyOnce && full.p99Met,
    },
  };
}

async function benchFanout(ctx) {
  const c = config.fanout;
  const users = ctx.users.slice(0, c.sockets);
  const senders = Math.min(c.senders, users.length);
  const run = await socketRun(ctx, 'fanout', {
    users,
    groupSize: users.length,
    sendersPerGroup: senders,
    periodMs: (senders / c.messagesPerSecond) * 1000,
    warmupS: c.warmupS,
    durationS: c.durationS,
    drainS: c.drainS,
  });
  run.sockets = users.length;
  return {
    benchmark: 'fanout',
    title: 'Fan-out (one thread, socket.io)',
    config: c,
    runs: [run],
    target: { exactlyOnce: run.exactlyOnce },
  };
}

async function explainPage(databaseUrl, thread) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query(
      `EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT)
       SELECT m.*, u.display_name AS author_display_name, u.handle AS author_handle
         FROM messages m LEFT JOIN users u ON u.id = m.author_id
        WHERE m.thread_id = $1 AND m.seq > $2 ORDER BY m.seq LIMIT 51`,
      [thread.id, Math.floor(thread.lastSeq / 2)],
    );
    const { rows: size } = await db.query(
      `SELECT pg_size_pretty(pg_total_relation_size('messages')) AS total, (SELECT count(*) FROM messages)::bigint AS rows`,
    );
    return { plan: rows.map((row) => row['QUERY PLAN']), messagesTable: size[0] };
  } finally {
    await db.end();
  }
}

/** The million generated messages, made once per run for the reads and search benchmarks. */
async function generatedMessages(ctx) {
  const c = config.reads;
  ctx.generated ??= await generateMessages({
    databaseUrl: ctx.databaseUrl,
    channelId: ctx.channel.id,
    messages: c.messages,
    threads: Math.min(c.threads, c.messages),
  });
  return ctx.generated;
}

async function benchReads(ctx) {
  const c = config.reads;
  const generated = await generatedMessages(ctx);
  const explain = await explainPage(ctx.databaseUrl, generated.threads[0]);
  const readers = ctx.users.slice(0, c.readers).map((user) => ({ token: user.token }));
  const common = {
    label: 'reads',
    readers,
    threads: generated.threads,
    warmupS: c.warmupS,
    durationS: c.durationS,
  };
  const tandem = await withTandem('reads', ctx.shared, async (server) => {
    const http = { ...common, mode: 'http', url: server.url };
    const closed = await runClient(
      'read-load.mjs',
      { ...http, phase: 'closed', concurrency: c.concurrency },
      server.pid,
    );
    const rate = Math.max(10, Math.round(closed.perSecond * c.openLoadFraction));
    const open = await runClient('read-load.mjs', { ...http, phase: 'open', rate }, server.pid);
    return { closed, open };
  });
  // The baseline: the server's page query straight through pg, same concurrency, same rate.
  const direct = { ...common, mode: 'pg', label: 'reads-pg', databaseUrl: ctx.databaseUrl };
  const baseline = {
    closed: await runClient('read-load.mjs', {
      ...direct,
      phase: 'closed',
      concurrency: c.concurrency,
    }),
    open: await runClient('read-load.mjs', {
      ...direct,
      phase: 'open',
      rate: tandem.open.offeredPerSecond,
    }),
  };
  const { closed, open } = tandem;
  return {
    benchmark: 'reads',
    title: 'Thread page reads (GET /api/threads/:id/messages?afterSeq=&limit=50)',
    config: { ...c, generatedInS: round(generated.seconds, 1) },
    explain,
    tandem: { closed, open },
    baseline,
    profile: tandem.profile,
    ratios: {
      throughput: round(closed.perSecond / baseline.closed.perSecond, 3),
      openP99: round(open.latencyMs.p99 / baseline.open.latencyMs.p99, 2),
    },
    target: {
      p99Ms: c.targetP99Ms,
      metAtOpenLoad: open.latencyMs.p99 !== null && open.latencyMs.p99 <= c.targetP99Ms,
      metAtSaturation: closed.latencyMs.p99 !== null && closed.latencyMs.p99 <= c.targetP99Ms,
    },
  };
}

/** How many messages hold each term, and the plan of the bare query for the commonest. */
async function termFacts(databaseUrl, terms) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows: total } = await db.query('SELECT count(*)::int AS n FROM messages');
    const counts = { total: total[0].n };
    for (const [name, term] of Object.entries(terms)) {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM messages WHERE tsv @@ websearch_to_tsquery('simple', $1)`,
        [term],
      );
      counts[name] = rows[0].n;
    }
    return counts;
  } finally {
    await db.end();
  }
}

async function benchSearch(ctx) {
  const c = config.search;
  await generatedMessages(ctx);
  const terms = searchTerms();
  const matches = await termFacts(ctx.databaseUrl, terms);
  const readers = ctx.users.slice(0, config.reads.readers).map((user) => ({ token: user.token }));
  const common = { terms, rate: c.rate, warmupS: c.warmupS, durationS: c.durationS };
  const tandem = await withTandem('search', ctx.shared, async (server) => {
    const http = { ...common, mode: 'http', url: server.url, readers };
    return {
      messages: await runClient(
        'search-load.mjs',
        { ...http, label: 'search-messages', types: 'message' },
        server.pid,
      ),
      everything: await runClient(
        'search-load.mjs',
        { ...http, label: 'search-all', types: '' },
        server.pid,
      ),
    };
  });
  const baseline = await runClient('search-load.mjs', {
    ...common,
    mode: 'pg',
    label: 'search-pg',
    databaseUrl: ctx.databaseUrl,
  });
  const p95 = (run) => run.latencyMs.p95;
  return {
    benchmark: 'search',
    title: 'Full-text search (GET /api/search?q=) over the generated messages',
    config: c,
    terms,
    matches,
    tandem,
    baseline,
    profile: tandem.profile,
    ratios: {
      messagesP95: round(p95(tandem.messages) / p95(baseline), 2),
      everythingP95: round(p95(tandem.everything) / p95(baseline), 2),
    },
    target: {
      p95Ms: c.targetP95Ms,
      met:
        p95(tandem.messages) !== null &&
        p95(tandem.messages) <= c.targetP95Ms &&
        p95(tandem.everything) <= c.targetP95Ms &&
        Object.keys(tandem.messages.errors).length === 0 &&
        Object.keys(tandem.everything.errors).length === 0,
    },
  };
}

// ------------------------------------------------------------------------------ report

function machineFacts(postgres) {
  const run = (command) => {
    try {
      return execSync(command, { cwd: ROOT }).toString().trim();
    } catch {
      return null;
    }
  };
  const version = (path) => {
    try {
      return JSON.parse(readFileSync(join(ROOT, path, 'package.json'), 'utf8')).version;
    } catch {
      return null;
    }
  };
  return {
    nproc: run('nproc'),
    cpuModel: os.cpus()[0]?.model ?? null,
    memory: run('free -h'),
    loadAverageAtStart: os.loadavg().map((value) => round(value, 2)),
    node: process.version,
    postgres,
    socketIoServer: version('node_modules/@nestjs/platform-socket.io/node_modules/socket.io'),
    socketIoClient: version('node_modules/socket.io-client'),
    pg: version('node_modules/pg'),
    gitCommit: run('git rev-parse --short HEAD'),
    gitDirty: run('git status --porcelain -- apps libs') !== '',
  };
}

const fmt = (value, digits = 1) =>
  value === null || value === undefined ? 'n/a' : Number(value).toFixed(digits);
const yes = (value) => (value ? 'yes' : '**no**');

function summaryMarkdown(results, facts, totalS) {
  const lines = [
    '# Benchmark results',
    '',
    `Run ${new Date().toISOString()} on ${facts.nproc} cores (${facts.cpuModel}), Node ${facts.node}, ` +
      `PostgreSQL ${facts.postgres.server_version}, commit ${facts.gitCommit}${facts.gitDirty ? ' (with uncommitted changes in apps/ or libs/)' : ''}. ` +
      `Server, Postgres and load generators share the same ${facts.nproc} cores; load average at start ${facts.loadAverageAtStart.join(' ')}. Total ${fmt(totalS / 60, 1)} min.`,
    '',
    '| Benchmark | Measure | Tandem | Baseline (same run) | Ratio | Target | Met |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  const post = results.post;
  if (post) {
    const t = post.tandem;
    const b = post.baseline;
    const cores = (cpu) =>
      cpu
        ? `${fmt(cpu.serverCores, 2)} / ${fmt(cpu.postgresCores, 2)} / ${fmt(cpu.clientCores, 2)} / ${fmt(cpu.otherCores, 2)}`
        : 'n/a';
    lines.push(
      `| Post throughput, ${post.config.concurrency} concurrent clients, ${post.config.durationS} s | messages/s (p50 / p99 ms) | ${fmt(t.perSecond)} (${fmt(t.latencyMs.p50)} / ${fmt(t.latencyMs.p99)}) | ${fmt(b.perSecond)} pg INSERTs/s (${fmt(b.latencyMs.p50)} / ${fmt(b.latencyMs.p99)}) | ${fmt(post.ratio, 3)} | ratio ≥ 0.5 | ${yes(post.target.met)} |`,
      `| | errors | ${JSON.stringify(t.errors)} | ${JSON.stringify(b.errors)} | | none | ${yes(Object.keys(t.errors).length === 0)} |`,
      `| | Postgres commits / rows written per message | ${fmt(t.postgresWork?.commitsPerOperation, 1)} / ${fmt(t.postgresWork?.rowsWrittenPerOperation, 1)} | ${fmt(b.postgresWork?.commitsPerOperation, 1)} / ${fmt(b.postgresWork?.rowsWrittenPerOperation, 1)} | | | |`,
      `| | CPU cores: server / Postgres / load generator / others | ${cores(t.cpu)} | ${cores(b.cpu)} | | | |`,
    );
  }
  for (const key of ['chat', 'fanout']) {
    const r = results[key];
    if (!r) continue;
    for (const run of r.runs) {
      const t = run.tandem;
      const b = run.baseline;
      const m = t.measured;
      const name =
        key === 'chat'
          ? `Chat load, ${t.config.sockets} sockets (${t.config.threads}×${t.config.membersPerThread}, ${fmt(t.config.offeredMessagesPerSecond, 0)} msg/s, ${fmt(t.config.offeredDeliveriesPerSecond, 0)} deliveries/s, ${t.config.durationS} s)`
          : `Fan-out, ${t.config.sockets} sockets in 1 thread (${fmt(t.config.offeredMessagesPerSecond, 0)} msg/s, ${fmt(t.config.offeredDeliveriesPerSecond, 0)} deliveries/s, ${t.config.durationS} s)`;
      const target =
        key === 'chat'
          ? `p99 ≤ ${r.target.p99Ms} ms${t.config.sockets >= 2000 ? ' at 2,000' : ''}`
          : '';
      const triple = (stats) => `${fmt(stats.p50)} / ${fmt(stats.p95)} / ${fmt(stats.p99)}`;
      lines.push(
        `| ${name} | delivery p50 / p95 / p99 ms | ${triple(t.latencyMs.delivery)} | ${triple(b.latencyMs.delivery)} | ${fmt(run.ratios.deliveryP99, 2)} (p99) | ${target} | ${key === 'chat' ? yes(run.p99Met) : ''} |`,
        `| | ack p50 / p95 / p99 ms | ${triple(t.latencyMs.ack)} | ${triple(b.latencyMs.ack)} | ${fmt(run.ratios.ackP99, 2)} (p99) | | |`,
        `| | sends acked ok / refused / no ack | ${m.ackOk} / ${m.refused} / ${m.noAck}${
          Object.keys(t.anomalies.ackErrors).length
            ? ` (${Object.entries(t.anomalies.ackErrors)
                .map(([code, n]) => `${code}: ${n}`)
                .join(', ')})`
            : ''
        } | ${b.measured.ackOk} / ${b.measured.refused} / ${b.measured.noAck} | | all ok | ${yes(m.refused + m.noAck + m.notSent === 0)} |`,
        `| | delivered / expected (duplicates, out of seq order) | ${m.deliveredDeliveries} / ${m.expectedDeliveries} = ${fmt(m.deliveredRatio, 4)} (${t.anomalies.duplicates}, ${t.anomalies.outOfOrder}) | ${b.measured.deliveredDeliveries} / ${b.measured.expectedDeliveries} = ${fmt(b.measured.deliveredRatio, 4)} (${b.anomalies.duplicates}, ${b.anomalies.outOfOrder}) | | exactly 1.0, no duplicates | ${yes(run.exactlyOnce)} |`,
      );
      if (t.committed) {
        const k = t.committed;
        lines.push(
          `| | all sends incl. warm-up: sent / committed in Postgres / committed without an ok ack / not committed when the server was stopped | ${k.sent} / ${k.committed} / ${k.committedWithoutOkAck} / ${k.neverCommitted} | | | | |`,
        );
      }
      if (t.cpu) {
        const cores = (cpu) =>
          cpu
            ? `${fmt(cpu.serverCores, 2)} / ${fmt(cpu.postgresCores, 2)} / ${fmt(cpu.clientCores, 2)} / ${fmt(cpu.otherCores, 2)}`
            : 'n/a';
        lines.push(
          `| | CPU cores: server / Postgres / load generator / others | ${cores(t.cpu)} | ${cores(b.cpu)} | | | |`,
        );
      }
    }
  }
  const reads = results.reads;
  if (reads) {
    const t = reads.tandem;
    const b = reads.baseline;
    lines.push(
      `| Reads, ${Number(reads.explain.messagesTable.rows).toLocaleString('en')} messages | pages/s at ${t.closed.concurrency} concurrent (p50 / p99 ms) | ${fmt(t.closed.perSecond)} (${fmt(t.closed.latencyMs.p50)} / ${fmt(t.closed.latencyMs.p99)}) | ${fmt(b.closed.perSecond)} pg page queries/s (${fmt(b.closed.latencyMs.p50)} / ${fmt(b.closed.latencyMs.p99)}) | ${fmt(reads.ratios.throughput, 2)} | | |`,
      `| | p50 / p95 / p99 ms at ${fmt(t.open.offeredPerSecond, 0)} pages/s, open loop | ${fmt(t.open.latencyMs.p50)} / ${fmt(t.open.latencyMs.p95)} / ${fmt(t.open.latencyMs.p99)} | ${fmt(b.open.latencyMs.p50)} / ${fmt(b.open.latencyMs.p95)} / ${fmt(b.open.latencyMs.p99)} | ${fmt(reads.ratios.openP99, 2)} (p99) | p99 ≤ ${reads.target.p99Ms} ms | ${yes(reads.target.metAtOpenLoad)} |`,
    );
    const cores = (cpu) =>
      cpu
        ? `${fmt(cpu.serverCores, 2)} / ${fmt(cpu.postgresCores, 2)} / ${fmt(cpu.clientCores, 2)} / ${fmt(cpu.otherCores, 2)}`
        : 'n/a';
    lines.push(
      `| | CPU cores at saturation: server / Postgres / load generator / others | ${cores(t.closed.cpu)} | ${cores(b.closed.cpu)} | | | |`,
    );
  }
  const search = results.search;
  if (search) {
    const b = search.baseline;
    const triple = (stats) => `${fmt(stats.p50)} / ${fmt(stats.p95)} / ${fmt(stats.p99)}`;
    const rows = [
      ['messages only', search.tandem.messages, search.ratios.messagesP95],
      ['all types', search.tandem.everything, search.ratios.everythingP95],
    ];
    rows.forEach(([label, run, ratio], index) => {
      lines.push(
        `| ${index === 0 ? `Search, ${Number(search.matches.total).toLocaleString('en')} messages, ${fmt(search.config.rate, 0)} searches/s open loop` : ''} | ${label}: p50 / p95 / p99 ms | ${triple(run.latencyMs)} | ${triple(b.latencyMs)} (bare GIN query) | ${fmt(ratio, 2)} (p95) | p95 < ${search.target.p95Ms} ms | ${index === 1 ? yes(search.target.met) : ''} |`,
      );
    });
    for (const [name, term] of Object.entries(search.terms)) {
      const t = search.tandem.everything.byTerm[name];
      const m = search.tandem.messages.byTerm[name];
      lines.push(
        `| | "${term}" (${name}, in ${Number(search.matches[name]).toLocaleString('en')} messages): p95 ms messages / all types | ${fmt(m.latencyMs.p95)} / ${fmt(t.latencyMs.p95)} | ${fmt(b.byTerm[name].latencyMs.p95)} | | | |`,
      );
    }
  }
  lines.push(
    '',
    'Ratio: Tandem ÷ baseline (for latency, above 1 is slower; for throughput, below 1 is slower). ' +
      'Latencies are measured from the planned send time (open loop) and percentiles are exact over every sample. ' +
      'CPU cores are averages over the measured window; "others" is everything else running on this shared machine ' +
      "(other sessions' builds and tests): when it is high, the server, Postgres and load generator were starved.",
    '',
  );
  const profiles = Object.values(results).flatMap((r) => [
    ...(r.profile ? [[r.benchmark, r.profile]] : []),
    ...(r.runs ?? []).filter((run) => run.profile).map((run) => [run.name, run.profile]),
  ]);
  for (const [name, profile] of profiles) {
    lines.push(
      `Server CPU profile (${name}, ${profile.file}): ${fmt(profile.busyMs / 1000, 1)} s busy. By package: ` +
        profile.byPackage
          .slice(0, 8)
          .map((entry) => `${entry.package} ${entry.selfPercent}%`)
          .join(', ') +
        '. Top self-time frames:',
      '',
    );
    for (const frame of profile.topFrames.slice(0, 12))
      lines.push(`- ${frame.selfPercent}% ${frame.frame}`);
    lines.push('');
  }
  return lines.join('\n');
}

// ------------------------------------------------------------------------------ main

async function main() {
  const started = Date.now();
  mkdirSync(RESULTS, { recursive: true });
  buildServer();
  const postgres = await postgresFacts();
  const facts = machineFacts(postgres);
  try {
    const pidFile = join(postgres.data_directory ?? '', 'postmaster.pid');
    if (postgres.data_directory && existsSync(pidFile))
      postmasterPid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  } catch {
    postmasterPid = null;
  }
  log(
    'bench',
    `machine: ${facts.nproc} cores, load ${facts.loadAverageAtStart.join(' ')}, node ${facts.node}, postgres ${postgres.server_version}`,
  );

  const database = await createDatabase();
  const shared = serverEnvironment(database.url);
  const results = {};
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    log('bench', 'interrupted: cleaning up');
  };
  process.once('SIGINT', onSignal);
  try {
    const userCount = Math.max(
      config.chat.sockets,
      config.fanout.sockets,
      config.post.concurrency,
      config.reads.readers,
    );
    const setupServer = await startTandem(shared);
    let population;
    try {
      population = await populate({
        url: setupServer.url,
        databaseUrl: database.url,
        jwtSecret: shared.env.JWT_SECRET,
        userCount,
      });
      population.postThreadIds = await createThreads({
        url: setupServer.url,
        channelId: population.channel.id,
        creators: population.users.slice(0, config.post.threads),
        label: 'post',
      });
    } finally {
      await stop(setupServer);
    }
    const ctx = { shared, databaseUrl: database.url, ...population };
    const benchmarks = {
      post: benchPost,
      chat: benchChat,
      fanout: benchFanout,
      reads: benchReads,
      search: benchSearch,
    };
    for (const name of Object.keys(benchmarks)) {
      if (!config.only.includes(name) || interrupted) continue;
      const t = Date.now();
      log('bench', `--- ${name}`);
      try {
        const result = await benchmarks[name](ctx);
        result.seconds = round((Date.now() - t) / 1000, 1);
        result.machine = facts;
        results[name] = result;
        writeFileSync(join(RESULTS, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
      } catch (error) {
        log('bench', `${name} failed: ${error.stack ?? error}`);
        writeFileSync(
          join(RESULTS, `${name}.json`),
          `${JSON.stringify({ benchmark: name, failed: String(error.stack ?? error), machine: facts }, null, 2)}\n`,
        );
      }
    }
  } finally {
    await dropDatabase(database.name).catch((error) =>
      log('bench', `could not drop ${database.name}: ${error.message}`),
    );
    rmSync(shared.dataDir, { recursive: true, force: true });
  }
  const totalS = (Date.now() - started) / 1000;
  const summary = summaryMarkdown(results, facts, totalS);
  writeFileSync(join(RESULTS, 'summary.md'), `${summary}\n`);
  process.stdout.write(`\n${summary}\n`);
  log('bench', `done in ${(totalS / 60).toFixed(1)} min`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
