// The search load generator (a child process of bench/run.mjs): full-text searches over the
// generated messages, open loop (searches leave at planned times, latency from the planned
// time), cycling through terms of every frequency so that each class gets the same share.
//   mode "http": GET /api/search?q=<term>&types=<types> through the Tandem server, as a member
//                of the network (so the readability filter does real work);
//   mode "pg":   the bare full-text query a search engine would run at the least: the newest 20
//                matches of the term straight from the messages' GIN index, through pg.
import { URLSearchParams } from 'node:url';
import pg from 'pg';
import { httpClient, log, nowMs, round, sleep, summarize } from './common.mjs';

const BARE_SQL = `SELECT id FROM messages
   WHERE tsv @@ websearch_to_tsquery('simple', $1) AND deleted_at IS NULL
   ORDER BY created_at DESC LIMIT 20`;

function searcher({ mode, url, databaseUrl, readers, types }) {
  if (mode === 'pg') {
    const db = new pg.Pool({ connectionString: databaseUrl, max: 20 });
    return {
      async search(term) {
        const { rows } = await db.query(BARE_SQL, [term]);
        return { ok: true, hits: rows.length };
      },
      close: () => db.end(),
    };
  }
  const http = httpClient(url, { maxSockets: 64 });
  let next = 0;
  return {
    async search(term) {
      const reader = readers[next++ % readers.length];
      const query = new URLSearchParams({ q: term, limit: '20' });
      if (types) query.set('types', types);
      const res = await http.request('GET', `/api/search?${query}`, { token: reader.token });
      if (res.status !== 200) return { ok: false, error: `http_${res.status}` };
      return { ok: true, hits: res.json?.hits?.length ?? 0 };
    },
    close: async () => http.close(),
  };
}

async function run(config) {
  const { terms, rate, warmupS, durationS } = config;
  const source = searcher(config);
  const classes = Object.keys(terms);
  const samples = Object.fromEntries(classes.map((name) => [name, []]));
  const hits = Object.fromEntries(classes.map((name) => [name, 0]));
  const errors = {};
  const all = [];
  const t0 = nowMs() + 100;
  const measureFrom = t0 + warmupS * 1000;
  const total = Math.floor((warmupS + durationS) * rate);
  const pending = [];
  let started = false;
  for (let n = 0; n < total; n++) {
    const planned = t0 + (n * 1000) / rate;
    const wait = planned - nowMs();
    if (wait > 1) await sleep(wait);
    if (!started && planned >= measureFrom) {
      started = true;
      process.send?.({ type: 'measure-start' });
    }
    const name = classes[n % classes.length];
    pending.push(
      source
        .search(terms[name])
        .catch((error) => ({ ok: false, error: error.code ?? error.message }))
        .then((outcome) => {
          if (planned < measureFrom) return;
          if (!outcome.ok) {
            errors[outcome.error] = (errors[outcome.error] ?? 0) + 1;
            return;
          }
          const latency = nowMs() - planned;
          samples[name].push(latency);
          all.push(latency);
          hits[name] = outcome.hits;
        }),
    );
  }
  process.send?.({ type: 'measure-end' });
  await Promise.all(pending);
  await source.close();
  return {
    offeredPerSecond: rate,
    completed: all.length,
    latencyMs: summarize(all),
    byTerm: Object.fromEntries(
      classes.map((name) => [
        name,
        { term: terms[name], hits: hits[name], latencyMs: summarize(samples[name]) },
      ]),
    ),
    errors,
    perSecond: round(all.length / durationS),
  };
}

process.once('message', (config) => {
  log(
    config.label,
    `open loop at ${config.rate}/s, ${config.mode === 'pg' ? 'bare GIN query (baseline)' : 'HTTP'}`,
  );
  run(config).then(
    (result) => process.send({ type: 'result', result }, () => process.exit(0)),
    (error) =>
      process.send({ type: 'error', error: error.stack ?? String(error) }, () => process.exit(1)),
  );
});
