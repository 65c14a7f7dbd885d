import { startTestApp, TestApp } from '../support/app';
import { sql } from '../support/discussions';
import { uniqueWord } from '../support/library';
import { record, SocketPool } from '../support/realtime';
import { settle } from '../support/sockets';
import {
  curate,
  curationSetup,
  CurationSetup,
  download,
  pdfText,
  publishEntry,
  readyFields,
} from '../support/curation';

/**
 * A Chatham House thread's authors stay unnamed all the way into an entry: in every answer the
 * entry API gives (to editors and readers), its versions, the stored snapshot, search,
 * notifications, socket events and all three exports. Only the organisation label travels.
 */
let t: TestApp;
let s: CurationSetup;
const pool = new SocketPool();

beforeAll(async () => {
  t = await startTestApp();
  s = await curationSetup(t, 'chatham');
});
afterAll(async () => {
  pool.closeAll();
  await t.close();
});

it('never lets a Chatham author’s id, name, handle or email out', async () => {
  const authors = [s.cast.member, s.cast.other];
  const secrets = authors.flatMap((user) => [
    user.user.id,
    user.user.displayName,
    user.user.handle,
    user.email,
  ]);
  const sockets = await Promise.all(
    [s.cast.member, s.cast.other, s.cast.moderator, s.cast.admin].map((user) => pool.open(t, user)),
  );
  const received = sockets.map(record);

  const word = uniqueWord();
  const draft = await curate(t, s.cast.moderator, s.thread.id, {
    messageIds: [s.messages.member, s.messages.other],
  });
  const entry = await publishEntry(
    t,
    draft.id,
    s.cast.moderator,
    s.cast.admin,
    readyFields({ summary: `Pairs of neighbours, ${word}.` }),
  );
  await settle(500);

  const answers: unknown[] = [draft, entry];
  for (const user of [s.cast.member, s.cast.other, s.cast.moderator, s.cast.admin]) {
    for (const path of [
      `/api/entries/${entry.id}`,
      `/api/entries/${entry.id}/versions`,
      `/api/entries/${entry.id}/versions/1`,
      `/api/networks/${s.cast.network.slug}/entries`,
      `/api/search?types=entry&q=${word}`,
      `/api/notifications`,
    ]) {
      const response = await t.http.get(path, { token: user.token });
      expect(response.status).toBe(200);
      answers.push(response.body);
    }
  }
  // The quotes are there, by label.
  expect(JSON.stringify(answers)).toContain(s.labels.member);
  expect(JSON.stringify(answers)).toContain(s.labels.other);
  expect(JSON.stringify(answers)).toContain('"kind":"entry_published"');

  const exports: string[] = [];
  for (const format of ['md', 'html']) {
    exports.push(
      (
        await download(t, `/api/entries/${entry.id}/export?format=${format}`, s.cast.admin)
      ).bytes.toString('utf8'),
    );
  }
  const pdf = await download(t, `/api/entries/${entry.id}/export?format=pdf`, s.cast.admin);
  exports.push(pdf.bytes.toString('latin1'), (await pdfText(pdf.bytes)).pages.join(' '));
  const guide = await download(
    t,
    `/api/networks/${s.cast.network.slug}/entries/export?format=md`,
    s.cast.admin,
  );
  exports.push(guide.bytes.toString('utf8'));

  const [stored] = await sql<{ content: unknown }>(
    t,
    `SELECT content FROM entry_versions WHERE entry_id = $1`,
    [entry.id],
  );
  const events = received.flatMap((list) =>
    list.filter(
      (r) =>
        r.event === 'entry:published' || r.event === 'notification' || r.event === 'thread:updated',
    ),
  );
  expect(events.some((e) => e.event === 'entry:published')).toBe(true);

  const everything = [
    JSON.stringify(answers),
    ...exports,
    JSON.stringify(stored),
    JSON.stringify(events),
  ];
  for (const text of everything) {
    for (const secret of secrets) expect(text).not.toContain(secret);
  }
});
