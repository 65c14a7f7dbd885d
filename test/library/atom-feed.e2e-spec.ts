import { isPlainText } from '@tandem/domain';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { startTestApp, TestApp } from '../support/app';
import { makeNetwork, makeUser, TestUser } from '../support/factories';
import { sql } from '../support/discussions';
import { createCaseStudy, createSummary } from '../support/library';

/**
 * GET /api/feeds/research.atom: valid Atom whose entries are exactly the published public
 * research summaries, newest first, for a feed reader holding a personal, rotatable key.
 * This file has a database of its own, so "exactly" means every summary created here.
 */
let t: TestApp;
let admin: TestUser;
let reader: TestUser;
let slug: string;
let feedPath: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await makeUser(t.http);
  reader = await makeUser(t.http);
  slug = (await makeNetwork(t.http, admin, { visibility: 'private' })).slug;
  feedPath = (await t.http.post('/api/me/feed-key', undefined, { token: reader.token })).body
    .atomPath;
});
afterAll(async () => {
  await t.close();
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' });
const textOf = (node: any): string => (typeof node === 'string' ? node : node['#text']);
/** What a feed reader shows for an Atom text construct of type="html". */
const shown = (node: any): string =>
  textOf(node)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

async function readFeed(path = feedPath): Promise<{ text: string; feed: any; entries: any[] }> {
  const response = await t.http.get(path);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/atom+xml');
  expect(XMLValidator.validate(response.text)).toBe(true);
  // XML 1.0 allows no C0 control characters other than tab, line feed and carriage return.
  expect(isPlainText(response.text)).toBe(true);
  const parsed = parser.parse(response.text);
  expect(parsed.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  return { text: response.text, feed: parsed.feed, entries: [parsed.feed.entry ?? []].flat() };
}

/** Every published public summary in this file's database, newest first. */
async function expectedIds(): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    t,
    `SELECT id FROM research_summaries WHERE status = 'published' AND scope = 'public'
      ORDER BY published_at DESC, id DESC`,
  );
  return rows.map((row) => row.id);
}

it('lists exactly the published public summaries, newest first, with urn:uuid ids', async () => {
  const empty = await readFeed();
  expect(empty.entries).toEqual([]);
  expect(typeof empty.feed.id).toBe('string');
  expect(textOf(empty.feed.title)).toContain('research summaries');

  const first = await createSummary(t.http, admin, slug, {
    title: 'First public',
    status: 'published',
    scope: 'public',
  });
  const second = await createSummary(t.http, admin, slug, {
    title: 'Second public',
    status: 'published',
    scope: 'public',
  });
  const networkOnly = await createSummary(t.http, admin, slug, {
    title: 'Members only',
    status: 'published',
  });
  await createSummary(t.http, admin, slug, { title: 'Public draft', scope: 'public' });
  const later = await createSummary(t.http, admin, slug, {
    title: 'Published later',
    scope: 'public',
  });
  await createCaseStudy(t.http, admin, slug, {
    programmeName: 'A public case study',
    status: 'published',
    scope: 'public',
  });
  const elsewhereAdmin = await makeUser(t.http);
  const elsewhere = (await makeNetwork(t.http, elsewhereAdmin)).slug;
  const foreign = await createSummary(t.http, elsewhereAdmin, elsewhere, {
    title: 'From another network',
    status: 'published',
    scope: 'public',
  });
  // Published last, though created before the foreign one: the feed orders by publication.
  expect(
    (
      await t.http.patch(
        `/api/research-summaries/${later.id}`,
        { status: 'published' },
        { token: admin.token },
      )
    ).status,
  ).toBe(200);

  const { text, entries } = await readFeed();
  const order = [later.id, foreign.id, second.id, first.id];
  expect(await expectedIds()).toEqual(order);
  expect(entries.map((entry) => entry.id)).toEqual(order.map((id) => `urn:uuid:${id}`));
  expect(entries.map((entry) => shown(entry.title))).toEqual([
    'Published later',
    'From another network',
    'Second public',
    'First public',
  ]);
  for (const entry of entries) {
    expect(Date.parse(entry.updated)).not.toBeNaN();
    expect(Date.parse(entry.published)).not.toBeNaN();
    const links = [entry.link].flat();
    expect(links[0]['@_href']).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/library\/research\/[0-9a-f-]{36}$/,
    );
  }
  const published = entries.map((entry) => Date.parse(entry.published));
  expect([...published].sort((a, b) => b - a)).toEqual(published);
  for (const hidden of ['Members only', 'Public draft', 'A public case study', networkOnly.id])
    expect(text).not.toContain(hidden);
});

it('drops a summary that goes back to draft or becomes network-only', async () => {
  const gone = await createSummary(t.http, admin, slug, {
    title: 'Soon unpublished',
    status: 'published',
    scope: 'public',
  });
  const narrowed = await createSummary(t.http, admin, slug, {
    title: 'Soon narrowed',
    status: 'published',
    scope: 'public',
  });
  expect((await readFeed()).text).toContain('Soon narrowed');
  await t.http.patch(
    `/api/research-summaries/${gone.id}`,
    { status: 'draft' },
    { token: admin.token },
  );
  await t.http.patch(
    `/api/research-summaries/${narrowed.id}`,
    { scope: 'network' },
    { token: admin.token },
  );
  const { text, entries } = await readFeed();
  expect(text).not.toContain('Soon unpublished');
  expect(text).not.toContain('Soon narrowed');
  expect(entries.map((entry) => entry.id)).toEqual(
    (await expectedIds()).map((id) => `urn:uuid:${id}`),
  );
});

it('dates the feed by its most recently changed entry', async () => {
  const older = await createSummary(t.http, admin, slug, {
    title: 'Edited after others',
    status: 'published',
    scope: 'public',
  });
  await createSummary(t.http, admin, slug, {
    title: 'Newer',
    status: 'published',
    scope: 'public',
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  const edited = await t.http.patch(
    `/api/research-summaries/${older.id}`,
    { keyFinding: 'A corrected finding.' },
    { token: admin.token },
  );
  expect(edited.status).toBe(200);
  const { feed, entries } = await readFeed();
  const latest = Math.max(...entries.map((entry) => Date.parse(entry.updated)));
  expect(Date.parse(entries.find((e) => e.id === `urn:uuid:${older.id}`).updated)).toBe(latest);
  expect(Date.parse(feed.updated)).toBe(latest);
});

it('stays valid XML whatever the text holds, and shows readers the text as written', async () => {
  const tricky = 'Costs & <benefits> of "two-way" ]]> schemes ]]><entry><id>forged</id></entry>';
  const item = await createSummary(t.http, admin, slug, {
    title: tricky,
    summary: `Summary with ]]> and <script>alert(1)</script> inside.`,
    keyFinding: 'Finding ]]>]]> twice',
    status: 'published',
    scope: 'public',
  });
  const { text, entries } = await readFeed();
  const entry = entries.find((e) => e.id === `urn:uuid:${item.id}`);
  expect(entry).toBeDefined();
  expect(shown(entry.title)).toBe(tricky);
  expect(shown(entry.summary)).toBe('Finding ]]>]]> twice');
  expect(shown(entry.content)).toContain('<script>alert(1)</script>');
  // Nothing in the text became markup of the feed itself.
  expect(entries.map((e) => e.id)).not.toContain('forged');
  expect(text).not.toContain('<script>');
  expect(entries).toHaveLength((await expectedIds()).length);
});

it('keeps the feed valid when a stored text holds control characters', async () => {
  const item = await createSummary(t.http, admin, slug, {
    title: 'Written before the rule',
    status: 'published',
    scope: 'public',
  });
  // Text written before the API refused control characters (or by hand, in SQL).
  await sql(t, `UPDATE research_summaries SET title = $2, summary = $3 WHERE id = $1`, [
    item.id,
    'Bell\u0007 and escape\u001b[0m title',
    'Form\u000cfeed summary',
  ]);
  const { entries } = await readFeed();
  const entry = entries.find((e) => e.id === `urn:uuid:${item.id}`);
  expect(shown(entry.title)).toBe('Bell and escape[0m title');
});

describe('feed keys', () => {
  it('answers 401 without a key, with an empty key or with a wrong one', async () => {
    for (const path of [
      '/api/feeds/research.atom',
      '/api/feeds/research.atom?key=',
      '/api/feeds/research.atom?key=not-a-key',
      `${feedPath}x`,
      `/api/feeds/research.atom?key=${reader.accessToken}`,
    ]) {
      const response = await t.http.get(path);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(response.body.error).toBe('unauthorized');
    }
  });

  it('needs a signed-in user to issue a key, stores it hashed, and is no bearer token', async () => {
    expect((await t.http.post('/api/me/feed-key')).status).toBe(401);
    const user = await makeUser(t.http);
    const issued = await t.http.post('/api/me/feed-key', undefined, { token: user.token });
    expect(issued.status).toBe(200);
    expect(issued.body.atomPath).toMatch(/^\/api\/feeds\/research\.atom\?key=.+/);
    const key = decodeURIComponent(issued.body.atomPath.split('key=')[1]);
    const [row] = await sql(t, `SELECT feed_key_hash FROM users WHERE id = $1`, [user.user.id]);
    expect(row.feed_key_hash).toBeTruthy();
    expect(row.feed_key_hash).not.toBe(key);
    expect((await t.http.get('/api/me', { token: key })).status).toBe(401);
  });

  it('kills the old address when the key is rotated, and leaves other users alone', async () => {
    const user = await makeUser(t.http);
    const other = await makeUser(t.http);
    const old = (await t.http.post('/api/me/feed-key', undefined, { token: user.token })).body
      .atomPath;
    const others = (await t.http.post('/api/me/feed-key', undefined, { token: other.token })).body
      .atomPath;
    expect(old).not.toBe(others);
    expect((await t.http.get(old)).status).toBe(200);
    const rotated = (await t.http.post('/api/me/feed-key', undefined, { token: user.token })).body
      .atomPath;
    expect(rotated).not.toBe(old);
    expect((await t.http.get(old)).status).toBe(401);
    expect((await t.http.get(rotated)).status).toBe(200);
    expect((await t.http.get(others)).status).toBe(200);
  });
});
