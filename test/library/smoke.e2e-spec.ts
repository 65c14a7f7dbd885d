import { startTestApp, TestApp } from '../support/app';
import { addMember, makeNetwork, makeUser } from '../support/factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const summary = (network: string, overrides: Record<string, unknown> = {}) => ({
  network,
  title: 'Volunteer mentors and long-term integration',
  summary: 'Volunteers who mentor newcomers over a year report stronger ties. '.repeat(3),
  keyFinding: 'Mentoring that lasts a year works better than short schemes.',
  practiceImplications: 'Plan for twelve months of mentoring and train volunteers first.',
  question: 'what_works',
  phase: 'implementation',
  topics: ['volunteers'],
  language: 'en',
  sources: [{ url: 'https://example.org/report', citation: 'Example (2024). Mentoring report.' }],
  ...overrides,
});

it('creates, lists, filters, publishes and links a summary and a case study', async () => {
  const admin = await makeUser(t.http);
  const member = await makeUser(t.http);
  const network = await makeNetwork(t.http, admin, { visibility: 'private' });
  await addMember(t.http, admin, network.slug, member);

  const created = await t.http.post('/api/research-summaries', summary(network.slug), {
    token: member.token,
  });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({
    status: 'draft',
    scope: 'network',
    canEdit: true,
    discussionCount: 0,
  });
  expect(created.body.wordCount).toBeGreaterThan(20);

  const tooLong = await t.http.post(
    '/api/research-summaries',
    summary(network.slug, { summary: 'word '.repeat(401) }),
    { token: member.token },
  );
  expect(tooLong.status).toBe(400);
  expect(tooLong.body.message).toContain('summary');

  const badUrl = await t.http.post(
    '/api/research-summaries',
    summary(network.slug, { sources: [{ url: 'javascript:alert(1)', citation: 'x' }] }),
    { token: member.token },
  );
  expect(badUrl.status).toBe(400);

  const published = await t.http.patch(
    `/api/research-summaries/${created.body.id}`,
    { status: 'published' },
    { token: member.token },
  );
  expect(published.status).toBe(200);
  expect(published.body.publishedAt).not.toBeNull();

  const search = await t.http.get('/api/research-summaries?q=volunteer&topic=volunteers', {
    token: admin.token,
  });
  expect(search.body.items.map((s: any) => s.id)).toEqual([created.body.id]);

  const outsider = await makeUser(t.http);
  expect(
    (await t.http.get(`/api/research-summaries/${created.body.id}`, { token: outsider.token }))
      .status,
  ).toBe(404);
  expect(
    (await t.http.get('/api/research-summaries?q=volunteer', { token: outsider.token })).body.items,
  ).toEqual([]);

  const caseStudy = await t.http.post(
    '/api/case-studies',
    {
      network: network.slug,
      programmeName: 'Buddy scheme',
      country: 'IT',
      summary: 'Pairs newcomers with local volunteers.',
      annualBudgetEur: 40000,
      staffFte: 1.5,
      volunteers: 30,
      durationMonths: 24,
      fundingSources: ['amif'],
      language: 'en',
      status: 'published',
    },
    { token: member.token },
  );
  expect(caseStudy.status).toBe(201);
  expect(caseStudy.body.resources).toEqual({
    annualBudgetEur: 40000,
    staffFte: 1.5,
    volunteers: 30,
    durationMonths: 24,
  });
  const cheapAmif = await t.http.get('/api/case-studies?maxBudgetEur=50000&fundingSource=amif', {
    token: admin.token,
  });
  expect(cheapAmif.body.items.map((c: any) => c.id)).toEqual([caseStudy.body.id]);
  const negative = await t.http.post(
    '/api/case-studies',
    { ...caseStudy.body, annualBudgetEur: -1 },
    { token: member.token },
  );
  expect(negative.status).toBe(400);

  const channel = await t.http.post(
    `/api/networks/${network.slug}/channels`,
    { slug: 'general', name: 'General', visibility: 'network' },
    { token: admin.token },
  );
  const thread = await t.http.post(
    `/api/channels/${channel.body.id}/threads`,
    { title: 'Mentoring', body: 'How long?', attribution: 'named', clientId: 'x1' },
    { token: member.token },
  );
  const linked = await t.http.post(
    `/api/threads/${thread.body.id}/links`,
    { targetType: 'research', targetId: created.body.id, note: 'Evidence for a year-long scheme' },
    { token: member.token },
  );
  expect(linked.status).toBe(200);
  expect(linked.body).toMatchObject([
    { targetType: 'research', title: 'Volunteer mentors and long-term integration' },
  ]);
  const discussedIn = await t.http.get(`/api/research-summaries/${created.body.id}/discussions`, {
    token: admin.token,
  });
  expect(discussedIn.body).toMatchObject([
    { threadId: thread.body.id, note: 'Evidence for a year-long scheme' },
  ]);
  const mostDiscussed = await t.http.get('/api/research-summaries?sort=most_discussed', {
    token: admin.token,
  });
  expect(mostDiscussed.body.items[0]).toMatchObject({ id: created.body.id, discussionCount: 1 });

  const found = await t.http.get('/api/search?q=volunteers', { token: admin.token });
  expect(found.status).toBe(200);
  expect(found.body.hits.map((h: any) => h.type).sort()).toEqual(['case_study', 'research']);
  expect(found.body.hits.find((h: any) => h.type === 'research').snippet).toContain('⟦');
  const hidden = await t.http.get('/api/search?q=volunteers', { token: outsider.token });
  expect(hidden.body.hits).toEqual([]);
  const messages = await t.http.get('/api/search?q=long&types=thread,message', {
    token: admin.token,
  });
  expect(messages.body.hits.map((h: any) => h.type)).toEqual(['message']);
  expect((await t.http.get('/api/search?q=x&types=nope', { token: admin.token })).status).toBe(400);
});

it('does not reveal the private network behind a public item to outsiders', async () => {
  const admin = await makeUser(t.http);
  const network = await makeNetwork(t.http, admin, { visibility: 'private', name: 'Quiet circle' });
  const created = await t.http.post(
    '/api/research-summaries',
    summary(network.slug, {
      title: 'Openly shared zanzibarine findings',
      scope: 'public',
      status: 'published',
    }),
    { token: admin.token },
  );
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ networkSlug: network.slug, networkId: network.id });
  const outsider = await makeUser(t.http);
  const seen = await t.http.get(`/api/research-summaries/${created.body.id}`, {
    token: outsider.token,
  });
  expect(seen.status).toBe(200);
  expect(seen.body).toMatchObject({ networkSlug: null, networkId: null });
  expect(seen.text).not.toContain(network.slug);
  expect(seen.text).not.toContain(network.id);
  const found = await t.http.get('/api/search?q=zanzibarine', { token: outsider.token });
  expect(found.body.hits).toHaveLength(1);
  expect(found.body.hits[0].networkId).toBeNull();
  expect(found.text).not.toContain(network.id);
});
