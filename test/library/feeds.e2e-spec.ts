import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { startTestApp, TestApp } from '../support/app';
import { makeNetwork, makeUser } from '../support/factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const summary = (network: string, title: string, scope: string) => ({
  network,
  title,
  summary: 'Short practical summary of a study on mentoring volunteers.',
  keyFinding: 'Year-long mentoring works.',
  practiceImplications: 'Plan for a year.',
  question: 'what_works',
  phase: 'evaluation',
  topics: ['volunteers'],
  language: 'en',
  sources: [{ url: 'https://example.org/study', citation: 'Example (2025). Study.' }],
  scope,
  status: 'published',
});

it('serves published public summaries as valid Atom to a feed reader with a personal key', async () => {
  const admin = await makeUser(t.http);
  const network = await makeNetwork(t.http, admin);
  expect(
    (
      await t.http.post(
        '/api/research-summaries',
        summary(network.slug, 'Public & shared <study>', 'public'),
        { token: admin.token },
      )
    ).status,
  ).toBe(201);
  expect(
    (
      await t.http.post(
        '/api/research-summaries',
        summary(network.slug, 'Members only study', 'network'),
        { token: admin.token },
      )
    ).status,
  ).toBe(201);

  const member = await makeUser(t.http);
  const memberPublic = await t.http.post(
    '/api/research-summaries',
    summary(network.slug, 'x', 'public'),
    { token: member.token },
  );
  expect(memberPublic.status).toBe(404);

  expect((await t.http.get('/api/feeds/research.atom')).status).toBe(401);
  expect((await t.http.get('/api/feeds/research.atom?key=not-a-key')).status).toBe(401);

  const link = await t.http.post('/api/me/feed-key', undefined, { token: member.token });
  expect(link.status).toBe(200);
  const feed = await t.http.get(link.body.atomPath);
  expect(feed.status).toBe(200);
  expect(feed.headers.get('content-type')).toContain('application/atom+xml');
  expect(XMLValidator.validate(feed.text)).toBe(true);
  const parsed = new XMLParser({ ignoreAttributes: false }).parse(feed.text);
  expect(parsed.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  const entries = [parsed.feed.entry].flat();
  // Atom titles here are type="html": the text arrives HTML-escaped, and a reader shows it as written.
  expect(entries.map((e: any) => e.title['@_type'])).toEqual(['html']);
  expect(
    entries.map((e: any) => (typeof e.title === 'string' ? e.title : e.title['#text'])),
  ).toEqual(['Public &amp; shared &lt;study&gt;']);

  const rotated = await t.http.post('/api/me/feed-key', undefined, { token: member.token });
  expect((await t.http.get(link.body.atomPath)).status).toBe(401);
  expect((await t.http.get(rotated.body.atomPath)).status).toBe(200);
});

it('builds a weekly digest of new items on the topics of my networks, as HTML and text', async () => {
  const admin = await makeUser(t.http);
  const network = await makeNetwork(t.http, admin);
  await t.http.post(
    `/api/networks/${network.slug}/channels`,
    { slug: 'vol', name: 'Volunteers', topics: ['volunteers'], visibility: 'network' },
    { token: admin.token },
  );
  await t.http.post(
    '/api/research-summaries',
    summary(network.slug, 'Digest <candidate>', 'network'),
    { token: admin.token },
  );
  await t.http.post(
    '/api/research-summaries',
    { ...summary(network.slug, 'Off topic', 'network'), topics: ['housing'] },
    { token: admin.token },
  );
  const digest = await t.http.get('/api/me/digest', { token: admin.token });
  expect(digest.status).toBe(200);
  const titles = digest.body.items.map((i: any) => i.title);
  expect(titles).toContain('Digest <candidate>');
  expect(titles).not.toContain('Off topic');
  expect(digest.body.text).toContain('Digest <candidate>');
  expect(digest.body.html).toContain('Digest &lt;candidate&gt;');
  expect(digest.body.html).not.toContain('<candidate>');
  const stranger = await makeUser(t.http);
  const empty = await t.http.get('/api/me/digest', { token: stranger.token });
  expect(empty.body.items.map((i: any) => i.title)).not.toContain('Digest <candidate>');
});
