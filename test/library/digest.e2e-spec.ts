import { startTestApp, TestApp } from '../support/app';
import { addMember, makeNetwork, makeUser, TestUser } from '../support/factories';
import { makeChannel, sql } from '../support/discussions';
import { createCaseStudy, createSummary } from '../support/library';

/**
 * GET /api/me/digest: the week's new summaries and case studies on the topics of the caller's
 * networks' channels, only what the caller may read, as HTML (escaped) and text.
 */
let t: TestApp;
let reader: TestUser;
let volunteersNet: string;
let housingNet: string;
let foreignAdmin: TestUser;
let foreignNet: string;

beforeAll(async () => {
  t = await startTestApp();
  reader = await makeUser(t.http);
  const admin = await makeUser(t.http);
  volunteersNet = (await makeNetwork(t.http, admin, { visibility: 'private' })).slug;
  housingNet = (await makeNetwork(t.http, admin, { visibility: 'invite' })).slug;
  await addMember(t.http, admin, volunteersNet, reader, 'moderator');
  await addMember(t.http, admin, housingNet, reader);
  await makeChannel(t.http, admin, volunteersNet, { topics: ['volunteers', 'language'] });
  await makeChannel(t.http, admin, housingNet, { topics: ['housing'] });
  foreignAdmin = await makeUser(t.http);
  foreignNet = (await makeNetwork(t.http, foreignAdmin, { visibility: 'private' })).slug;
});
afterAll(async () => {
  await t.close();
});

const digestOf = async (user: TestUser) => {
  const response = await t.http.get('/api/me/digest', { token: user.token });
  expect(response.status).toBe(200);
  return response.body as {
    since: string;
    subject: string;
    items: {
      type: string;
      id: string;
      title: string;
      line: string;
      topics: string[];
      publishedAt: string;
    }[];
    text: string;
    html: string;
  };
};

it('lists new readable items on my topics, newest first, and nothing else', async () => {
  const published = { status: 'published' };
  const expected: string[] = [];
  const unexpected: string[] = [];
  const keep = (item: { id: string }) => expected.push(item.id);
  const drop = (item: { id: string }) => unexpected.push(item.id);

  const admin = reader; // a moderator of volunteersNet, a member of housingNet
  keep(
    await createSummary(t.http, admin, volunteersNet, {
      ...published,
      title: 'On volunteers',
      topics: ['volunteers'],
    }),
  );
  keep(
    await createCaseStudy(t.http, admin, volunteersNet, {
      ...published,
      programmeName: 'Language cafe',
      topics: ['language', 'gender'],
    }),
  );
  keep(
    await createSummary(t.http, admin, housingNet, {
      ...published,
      title: 'On housing',
      topics: ['housing'],
    }),
  );
  drop(
    await createSummary(t.http, admin, volunteersNet, {
      ...published,
      title: 'Off topic',
      topics: ['employment'],
    }),
  );
  drop(
    await createSummary(t.http, admin, volunteersNet, {
      title: 'A draft on volunteers',
      topics: ['volunteers'],
    }),
  );
  drop(
    await createCaseStudy(t.http, admin, housingNet, {
      programmeName: 'Draft housing scheme',
      topics: ['housing'],
    }),
  );
  // Elsewhere: network-only items are unreadable; public ones on my topics are in.
  drop(
    await createSummary(t.http, foreignAdmin, foreignNet, {
      ...published,
      title: 'Foreign members only',
      topics: ['volunteers'],
    }),
  );
  drop(
    await createCaseStudy(t.http, foreignAdmin, foreignNet, {
      ...published,
      programmeName: 'Foreign members scheme',
      topics: ['housing'],
    }),
  );
  keep(
    await createSummary(t.http, foreignAdmin, foreignNet, {
      ...published,
      scope: 'public',
      title: 'Foreign public',
      topics: ['housing'],
    }),
  );
  drop(
    await createSummary(t.http, foreignAdmin, foreignNet, {
      ...published,
      scope: 'public',
      title: 'Foreign public off topic',
      topics: ['funding'],
    }),
  );
  // Published more than a week ago.
  const old = await createSummary(t.http, admin, volunteersNet, {
    ...published,
    title: 'Last month',
    topics: ['volunteers'],
  });
  await sql(
    t,
    `UPDATE research_summaries SET published_at = now() - interval '8 days' WHERE id = $1`,
    [old.id],
  );
  drop(old);

  const digest = await digestOf(reader);
  const got = digest.items.map((item) => item.id);
  expect([...got].sort()).toEqual([...expected].sort());
  for (const id of unexpected) expect(JSON.stringify(digest)).not.toContain(id);
  for (const title of [
    'Foreign members only',
    'Foreign members scheme',
    'A draft on volunteers',
    'Off topic',
  ])
    expect(digest.html + digest.text).not.toContain(title);
  const times = digest.items.map((item) => Date.parse(item.publishedAt));
  expect([...times].sort((a, b) => b - a)).toEqual(times);
  expect(digest.subject).toContain(String(expected.length));
  expect(Date.parse(digest.since)).toBeLessThan(Date.now() - 6.9 * 86_400_000);
  const cafe = digest.items.find((item) => item.title === 'Language cafe');
  expect(cafe).toMatchObject({ type: 'case_study', topics: ['language', 'gender'] });
  expect(digest.items.find((item) => item.title === 'On housing')).toMatchObject({
    type: 'research',
  });
  for (const item of digest.items) {
    expect(digest.text).toContain(item.title);
    const path = item.type === 'research' ? 'research' : 'case-studies';
    expect(digest.html).toContain(`/library/${path}/${item.id}`);
  }
});

it('escapes HTML in titles and lines', async () => {
  const title = '<script>alert("x")</script> & <b>bold</b>';
  const item = await createSummary(t.http, reader, volunteersNet, {
    title,
    keyFinding: 'Findings <img src=x onerror=alert(1)> & more',
    status: 'published',
    topics: ['volunteers'],
  });
  const study = await createCaseStudy(t.http, reader, volunteersNet, {
    programmeName: 'Scheme "quoted" <i>italic</i>',
    summary: '<a href="javascript:alert(1)">click</a>',
    status: 'published',
    topics: ['language'],
  });
  const digest = await digestOf(reader);
  expect(digest.items.map((i) => i.id)).toEqual(expect.arrayContaining([item.id, study.id]));
  expect(digest.items.find((i) => i.id === item.id)?.title).toBe(title);
  expect(digest.html).toContain(
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;',
  );
  expect(digest.html).toContain('Findings &lt;img src=x onerror=alert(1)&gt; &amp; more');
  expect(digest.html).toContain('Scheme &quot;quoted&quot; &lt;i&gt;italic&lt;/i&gt;');
  for (const raw of ['<script>', '<b>bold', '<img', '<i>italic', 'href="javascript:'])
    expect(digest.html).not.toContain(raw);
  expect(digest.text).toContain(title);
});

it('does not count the topics of private channels the caller is not on', async () => {
  const admin = await makeUser(t.http);
  const member = await makeUser(t.http);
  const net = (await makeNetwork(t.http, admin)).slug;
  await addMember(t.http, admin, net, member);
  await makeChannel(t.http, admin, net, { topics: ['employment'] });
  await makeChannel(t.http, admin, net, { topics: ['mental_health'], visibility: 'private' });
  const work = await createSummary(t.http, admin, net, {
    title: 'Work',
    topics: ['employment'],
    status: 'published',
  });
  const mind = await createSummary(t.http, admin, net, {
    title: 'Mind',
    topics: ['mental_health'],
    status: 'published',
  });
  const forMember = (await digestOf(member)).items.map((item) => item.id);
  expect(forMember).toContain(work.id);
  expect(forMember).not.toContain(mind.id);
  // The admin created the private channel and is on its list.
  const forAdmin = (await digestOf(admin)).items.map((item) => item.id);
  expect(forAdmin).toEqual(expect.arrayContaining([work.id, mind.id]));
});

it('gives someone without networks only public items', async () => {
  const stranger = await makeUser(t.http);
  const digest = await digestOf(stranger);
  const rows = await sql<{ id: string }>(
    t,
    `SELECT id FROM research_summaries WHERE scope = 'network' OR status = 'draft'
     UNION ALL SELECT id FROM case_studies WHERE scope = 'network' OR status = 'draft'`,
  );
  expect(rows.length).toBeGreaterThan(0);
  const text = JSON.stringify(digest);
  for (const row of rows) expect(text).not.toContain(row.id);
  expect(digest.items.map((item) => item.title)).toContain('Foreign public');
});

it('says so when there is nothing new, and needs a token', async () => {
  const admin = await makeUser(t.http);
  const net = (await makeNetwork(t.http, admin)).slug;
  await makeChannel(t.http, admin, net, { topics: ['political_climate'] });
  const digest = await digestOf(admin);
  expect(digest.items).toEqual([]);
  expect(digest.subject).toContain('nothing new');
  expect(digest.html).toContain('<!doctype html>');
  expect((await t.http.get('/api/me/digest')).status).toBe(401);
});
