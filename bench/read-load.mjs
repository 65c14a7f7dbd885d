// The read load generator (a child process of bench/run.mjs): thread pages,
// GET /api/threads/:id/messages?afterSeq=<random>&limit=50, over a large messages table; or,
// as the baseline (mode "pg"), the server's own page query sent straight to Postgres through a
// pg pool of the same size as the server's (20).
//   phase "closed": a fixed number of lanes back to back, for the sustained requests/s;
//   phase "open":   requests at planned times (a fixed rate), latency from the planned time,
//                   for the latency a reader sees at a given load without coordinated omission.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { httpClient, log, nowMs, round, sleep, summarize } from './common.mjs';

function pickPage(threads, random) {
  const thread = threads[Math.floor(random() * threads.length)];
  const afterSeq = Math.floor(random() * Math.max(1, thread.lastSeq - 50));
  return { threadId: thread.id, afterSeq };
}

/** Deterministic per run, so both phases draw the same kind of pages. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PAGE_SQL = `SELECT m.*, u.display_name AS author_display_name, u.handle AS author_handle
    FROM messages m LEFT JOIN users u ON u.id = m.author_id
   WHERE m.thread_id = $1 AND m.seq > $2 ORDER BY m.seq LIMIT $3`;

/** Returns `{ fetchPage(random, checks), close() }` for the configured mode. */
function pager({ mode, url, databaseUrl, readers, threads, maxSockets }) {
  if (mode === 'pg') {
    const db = new pg.Pool({ connectionString: databaseUrl, max: 20 });
    return {
      async fetchPage(random, checks) {
        const { threadId, afterSeq } = pickPage(threads, random);
        const { rows } = await db.query(PAGE_SQL, [threadId, afterSeq, 51]);
        if (rows.length === 0 || rows[0].seq !== afterSeq + 1) {
          checks.badPages++;
          return 'bad_page';
        }
        checks.items += Math.min(50, rows.length);
        return true;
      },
      close: () => db.end(),
    };
  }
  const http = httpClient(url, { maxSockets });
  return {
    async fetchPage(random, checks) {
      const reader = readers[Math.floor(random() * readers.length)];
      const { threadId, afterSeq } = pickPage(threads, random);
      const res = await http.request(
        'GET',
        `/api/threads/${threadId}/messages?afterSeq=${afterSeq}&limit=50`,
        {
          token: reader.token,
        },
      );
      if (res.status !== 200) return `http_${res.status}`;
      const items = res.json?.items;
      if (!Array.isArray(items) || items.length === 0 || items[0].seq !== afterSeq + 1) {
        checks.badPages++;
        return 'bad_page';
      }
      checks.items += items.length;
      return true;
    },
    close: async () => http.close(),
  };
}

async function closed(config) {
  const { concurrency, warmupS, durationS } = config;
  const source = pager({ ...config, maxSockets: concurrency });
  const random = mulberry32(1);
  const checks = { badPages: 0, items: 0 };
  const latencies = [];
  const errors = {};
  const measureFrom = nowMs() + warmupS * 1000;
  const end = measureFrom + durationS * 1000;
  let done = 0;
  let cpuAtStart = null;
  const startTimer = setTimeout(() => {
    cpuAtStart = process.cpuUsage();
    process.send?.({ type: 'measure-start' });
  }, warmupS * 1000);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (nowMs() < end) {
        const t = nowMs();
        let outcome;
        try {
          outcome = await source.fetchPage(random, checks);
        } catch (error) {
          outcome = error.code ?? error.message;
        }
        const finished = nowMs();
        if (t < measureFrom || finished > end) continue;
        if (outcome === true) {
          done++;
          latencies.push(finished - t);
        } else errors[outcome] = (errors[outcome] ?? 0) + 1;
      }
    }),
  );
  clearTimeout(startTimer);
  const cpu = cpuAtStart ? process.cpuUsage(cpuAtStart) : null;
  process.send?.({ type: 'measure-end' });
  await source.close();
  return {
    concurrency,
    completed: done,
    perSecond: round(done / durationS),
    latencyMs: summarize(latencies),
    errors,
    checks,
    clientCpuSeconds: cpu ? round((cpu.user + cpu.system) / 1e6) : null,
  };
}

async function open(config) {
  const { rate, warmupS, durationS, maxInFlight = 512 } = config;
  const source = pager({ ...config, maxSockets: 128 });
  const random = mulberry32(2);
  const checks = { badPages: 0, items: 0 };
  const latencies = [];
  const errors = {};
  const t0 = nowMs() + 100;
  const measureFrom = t0 + warmupS * 1000;
  const total = Math.floor((warmupS + durationS) * rate);
  let inFlight = 0;
  let dropped = 0;
  let done = 0;
  let started = false;
  const pending = [];
  // How late the client itself was: requests leave at planned times only if it keeps up.
  const sendLag = [];
  const loop = monitorEventLoopDelay({ resolution: 10 });
  for (let n = 0; n < total; n++) {
    const planned = t0 + (n * 1000) / rate;
    const wait = planned - nowMs();
    if (wait > 1) await sleep(wait);
    if (!started && planned >= measureFrom) {
      started = true;
      loop.enable();
      process.send?.({ type: 'measure-start' });
    }
    if (planned >= measureFrom) sendLag.push(nowMs() - planned);
    if (inFlight >= maxInFlight) {
      if (planned >= measureFrom) dropped++;
      continue;
    }
    inFlight++;
    pending.push(
      source
        .fetchPage(random, checks)
        .catch((error) => error.code ?? error.message)
        .then((outcome) => {
          inFlight--;
          if (planned < measureFrom) return;
          if (outcome === true) {
            done++;
            latencies.push(nowMs() - planned);
          } else errors[outcome] = (errors[outcome] ?? 0) + 1;
        }),
    );
  }
  loop.disable();
  process.send?.({ type: 'measure-end' });
  await Promise.all(pending);
  await source.close();
  return {
    offeredPerSecond: rate,
    completed: done,
    perSecond: round(done / durationS),
    latencyMs: summarize(latencies),
    errors,
    droppedAtClientCap: dropped,
    checks,
    client: {
      sendLagMs: summarize(sendLag),
      eventLoopDelayMs: { p99: round(loop.percentile(99) / 1e6), max: round(loop.max / 1e6) },
    },
  };
}

process.once('message', (config) => {
  log(
    config.label,
    `${config.phase} loop, ${config.mode === 'pg' ? 'pg page query (baseline)' : 'HTTP'}`,
  );
  (config.phase === 'open' ? open(config) : closed(config)).then(
    (result) => process.send({ type: 'result', result }, () => process.exit(0)),
    (error) =>
      process.send({ type: 'error', error: error.stack ?? String(error) }, () => process.exit(1)),
  );
});
