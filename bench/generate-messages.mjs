// Fills a Tandem database with generated threads and messages, quickly, in SQL
// (INSERT ... SELECT over generate_series), keeping the invariants the server relies on:
// seq runs 1..n without gaps in each thread, threads.last_seq and message_count equal n,
// (thread_id, seq) and (author_id, client_id) stay unique, and authors are network members.
//
//   node bench/generate-messages.mjs --database-url postgres://... --channel-id <uuid> \
//        [--messages 1000000] [--threads 100]
//
// bench/run.mjs imports generateMessages() for the reads benchmark.
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { log } from './common.mjs';

const BATCH_ROWS = 100_000;
const LABEL = 'Independent practitioner';
/** Words per generated message body (about 150 characters with the prefix). */
const WORDS_PER_MESSAGE = 16;
const VOCABULARY_SIZE = 2000;
/** Every RARE_EVERY-th message carries one of RARE_TOKENS tokens: each in about 1 in 50,000. */
const RARE_EVERY = 1000;
const RARE_TOKENS = 20;

/**
 * A vocabulary with a skewed (roughly Zipf-like) use, so searches meet terms of every
 * frequency, as in real discussions: word i is drawn as vocabulary[floor(N * random()^3)], so
 * the first word appears in most messages, word 100 in about 2 %, the last in about 0.3 %.
 * Deterministic: the same words in every run.
 */
export function vocabulary(size = VOCABULARY_SIZE) {
  const onsets = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z'];
  const vowels = ['a', 'e', 'i', 'o', 'u'];
  const words = [];
  for (let i = 0; words.length < size; i++) {
    let n = i;
    let word = '';
    for (let syllable = 0; syllable < 3; syllable++) {
      word += onsets[n % onsets.length] + vowels[Math.floor(n / onsets.length) % vowels.length];
      n = Math.floor(n / (onsets.length * vowels.length)) + syllable * 7 + 3;
    }
    if (!words.includes(word)) words.push(word);
  }
  return words;
}

/** The terms the search benchmark asks for, by how many messages hold them. */
export function searchTerms(words = vocabulary()) {
  return {
    common: words[0],
    medium: words[100],
    uncommon: words[words.length - 1],
    rare: 'rarety7',
    absent: 'nowhereword',
    twoWords: `${words[3]} ${words[400]}`,
  };
}

export async function generateMessages({ databaseUrl, channelId, messages, threads }) {
  if (!(messages >= threads && threads >= 1)) throw new Error('need messages >= threads >= 1');
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const started = Date.now();
  try {
    // Bulk load: no fsync wait per statement (the data is regenerated on every run).
    await db.query('SET synchronous_commit = off');
    const { rows: channels } = await db.query('SELECT network_id FROM channels WHERE id = $1', [
      channelId,
    ]);
    if (channels.length === 0) throw new Error(`channel ${channelId} not found`);
    const networkId = channels[0].network_id;
    const { rows: memberRows } = await db.query(
      'SELECT user_id FROM network_memberships WHERE network_id = $1 ORDER BY user_id LIMIT 1000',
      [networkId],
    );
    const authors = memberRows.map((row) => row.user_id);
    if (authors.length === 0) throw new Error('the network has no members to author messages');

    const nonce = randomBytes(4).toString('hex');
    const words = vocabulary();
    const base = Math.floor(messages / threads);
    const extra = messages % threads;
    const counts = Array.from({ length: threads }, (_, i) => base + (i < extra ? 1 : 0));

    const { rows: created } = await db.query(
      `INSERT INTO threads (channel_id, network_id, title, attribution, topics, author_id, author_label,
                            client_id, last_seq, message_count, last_activity_at)
       SELECT $1, $2, 'Generated thread ' || t.n, 'named', '{}', ($3::uuid[])[1 + (t.n % cardinality($3::uuid[]))],
              $4, 'gen-' || $5 || '-t' || t.n, t.count, t.count, now()
         FROM unnest($6::int[]) WITH ORDINALITY AS t(count, n)
       RETURNING id, last_seq, client_id`,
      [channelId, networkId, authors, LABEL, nonce, counts],
    );
    const list = created
      .map((row) => ({
        id: row.id,
        lastSeq: row.last_seq,
        n: Number(row.client_id.split('-t').at(-1)),
      }))
      .sort((a, b) => a.n - b.n);

    // Batches of whole threads, about BATCH_ROWS rows per statement.
    let batch = [];
    let rowsInBatch = 0;
    let inserted = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await db.query(
        `INSERT INTO messages (thread_id, seq, author_id, author_label, client_id, body, created_at)
         SELECT t.id, s, ($1::uuid[])[1 + ((s + t.n) % cardinality($1::uuid[]))], $2,
                'gen-' || $3 || '-' || t.n || '-' || s,
                'Message ' || s || ' of thread ' || t.n || ': ' ||
                (SELECT string_agg(($7::text[])[1 + floor(power(random(), 3) * cardinality($7::text[]))::int], ' ')
                   FROM generate_series(1, $8::int) AS w WHERE w > s * 0) ||
                CASE WHEN s % $9 = 0 THEN ' rarety' || ((s / $9) % $10) ELSE '' END,
                now() - make_interval(secs => t.count - s)
           FROM unnest($4::uuid[], $5::int[], $6::int[]) AS t(id, count, n),
                generate_series(1, t.count) AS s`,
        [
          authors,
          LABEL,
          nonce,
          batch.map((t) => t.id),
          batch.map((t) => t.lastSeq),
          batch.map((t) => t.n),
          words,
          WORDS_PER_MESSAGE,
          RARE_EVERY,
          RARE_TOKENS,
        ],
      );
      inserted += rowsInBatch;
      log(
        'generate',
        `${inserted.toLocaleString('en')} / ${messages.toLocaleString('en')} messages`,
      );
      batch = [];
      rowsInBatch = 0;
    };
    for (const thread of list) {
      batch.push(thread);
      rowsInBatch += thread.lastSeq;
      if (rowsInBatch >= BATCH_ROWS) await flush();
    }
    await flush();
    // A steady-state table: vacuumed (visibility map set) and analysed, so autovacuum does not
    // start on the fresh million rows in the middle of the reads benchmark.
    await db.query('VACUUM (ANALYZE) threads');
    await db.query('VACUUM (ANALYZE) messages');
    const { rows: check } = await db.query(
      `SELECT count(*)::int AS threads, sum(t.last_seq)::bigint AS seqs,
              (SELECT count(*) FROM messages m WHERE m.thread_id = ANY($1::uuid[]))::bigint AS rows
         FROM threads t WHERE t.id = ANY($1::uuid[])`,
      [list.map((t) => t.id)],
    );
    if (Number(check[0].seqs) !== messages || Number(check[0].rows) !== messages) {
      throw new Error(`generated data is inconsistent: ${JSON.stringify(check[0])}`);
    }
    const seconds = (Date.now() - started) / 1000;
    log(
      'generate',
      `${messages.toLocaleString('en')} messages in ${threads} threads in ${seconds.toFixed(1)} s`,
    );
    return { threads: list.map(({ id, lastSeq }) => ({ id, lastSeq })), seconds };
  } finally {
    await db.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      'channel-id': { type: 'string' },
      messages: { type: 'string', default: '1000000' },
      threads: { type: 'string', default: '100' },
    },
  });
  if (!values['database-url'] || !values['channel-id']) {
    process.stderr.write(
      'usage: node bench/generate-messages.mjs --database-url URL --channel-id UUID [--messages N] [--threads N]\n',
    );
    process.exit(2);
  }
  generateMessages({
    databaseUrl: values['database-url'],
    channelId: values['channel-id'],
    messages: Number(values.messages),
    threads: Number(values.threads),
  }).then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`${error.stack ?? error}\n`);
      process.exit(1);
    },
  );
}
