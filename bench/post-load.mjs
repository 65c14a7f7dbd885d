// The write-throughput load generator (a child process of bench/run.mjs). Closed loop at a fixed
// concurrency: each lane sends its next request as soon as the previous one is answered, which
// is what "messages/s sustained with 32 concurrent clients" asks for.
//   mode "http": POST /api/threads/:id/messages through the Tandem server, one user per lane.
//   mode "pg":   single-row INSERTs through `pg` (one connection per lane, autocommit) into a
//                scratch copy of the messages table: the raw baseline.
import pg from 'pg';
import { httpClient, log, nowMs, round, stampedBody, summarize } from './common.mjs';

async function lanes({ concurrency, warmupS, durationS }, makeLane) {
  const start = nowMs();
  const measureFrom = start + warmupS * 1000;
  const end = measureFrom + durationS * 1000;
  const latencies = [];
  const errors = {};
  let done = 0;
  let total = 0;
  let cpuAtStart = null;
  const startTimer = setTimeout(() => {
    cpuAtStart = process.cpuUsage();
    process.send?.({ type: 'measure-start' });
  }, warmupS * 1000);
  await Promise.all(
    Array.from({ length: concurrency }, async (_, lane) => {
      const once = await makeLane(lane);
      for (let n = 0; ; n++) {
        const t = nowMs();
        if (t >= end) break;
        let outcome;
        try {
          outcome = await once(n);
        } catch (error) {
          outcome = error.code ?? error.message;
        }
        const finished = nowMs();
        if (outcome === true) total++;
        if (t >= measureFrom && finished <= end) {
          if (outcome === true) {
            done++;
            latencies.push(finished - t);
          } else errors[outcome] = (errors[outcome] ?? 0) + 1;
        }
      }
    }),
  );
  clearTimeout(startTimer);
  const cpu = cpuAtStart ? process.cpuUsage(cpuAtStart) : null;
  process.send?.({ type: 'measure-end' });
  return {
    completed: done,
    completedIncludingWarmup: total,
    perSecond: round(done / durationS),
    latencyMs: summarize(latencies),
    errors,
    clientCpuSeconds: cpu ? round((cpu.user + cpu.system) / 1e6) : null,
  };
}

async function runHttp(config) {
  const { url, clients, concurrency, bodySize, label } = config;
  const http = httpClient(url, { maxSockets: concurrency * 2 });
  log(label, `HTTP POST /api/threads/:id/messages, ${concurrency} concurrent clients`);
  try {
    return await lanes(config, (lane) => {
      const { token, threadId } = clients[lane % clients.length];
      return (n) =>
        http
          .request('POST', `/api/threads/${threadId}/messages`, {
            token,
            body: {
              body: stampedBody(`${label}:${lane}:${n}`, nowMs(), bodySize),
              clientId: `${label}-${lane}-${n}`,
            },
          })
          .then((res) => (res.status === 201 ? true : `http_${res.status}`));
    });
  } finally {
    http.close();
  }
}

async function runPg(config) {
  const { databaseUrl, table, concurrency, bodySize, label, threadIds, authorIds } = config;
  log(label, `pg single-row INSERT into ${table}, ${concurrency} connections`);
  const clients = [];
  try {
    return await lanes(config, async (lane) => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      clients.push(client);
      const threadId = threadIds[lane % threadIds.length];
      const authorId = authorIds[lane % authorIds.length];
      return (n) =>
        client
          .query(
            `INSERT INTO ${table} (thread_id, seq, author_id, author_label, client_id, body)
             VALUES ($1, $2, $3, $4, $5, $6)`,
            [
              threadId,
              lane * 10_000_000 + n + 1,
              authorId,
              'Independent practitioner',
              `${label}-${lane}-${n}`,
              stampedBody(`${label}:${lane}:${n}`, nowMs(), bodySize),
            ],
          )
          .then(() => true);
    });
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}

process.once('message', (config) => {
  (config.mode === 'pg' ? runPg(config) : runHttp(config)).then(
    (result) => process.send({ type: 'result', result }, () => process.exit(0)),
    (error) =>
      process.send({ type: 'error', error: error.stack ?? String(error) }, () => process.exit(1)),
  );
});
