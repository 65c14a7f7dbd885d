import { startTestApp, TestApp } from '../support/app';
import { addMember, makeNetwork, makeUser, TestUser } from '../support/factories';
import { allPages, makeChannel, makeThread, sql } from '../support/discussions';
import { badFields, createCaseStudy, createSummary, forgeCursor, ids } from '../support/library';

/**
 * The library's list endpoints: every filter, the filters that do not apply to a kind, cursor
 * pages newest first (including rows created in the same millisecond), and "most discussed".
 * Each describe works in a network of its own and filters by it, so the others do not interfere.
 */
let t: TestApp;
let admin: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  admin = await makeUser(t.http);
});
afterAll(async () => {
  await t.close();
});

const listIds = async (path: string, user = admin): Promise<string[]> => {
  const response = await t.http.get(path, { token: user.token });
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${response.text}`);
  return ids(response.body);
};
const sorted = (values: string[]) => [...values].sort();

/** Newest first as the API promises: by creation time (to the millisecond), then id, descending. */
function newestFirst<T extends { id: string; createdAt: string }>(items: T[]): string[] {
  return [...items]
    .sort((a, b) =>
      a.createdAt === b.createdAt
        ? b.id.localeCompare(a.id)
        : b.createdAt.localeCompare(a.createdAt),
    )
    .map((item) => item.id);
}

describe('research summary filters', () => {
  let net: string;
  let other: string;
  const s: Record<string, string> = {};

  beforeAll(async () => {
    net = (await makeNetwork(t.http, admin, { visibility: 'private' })).slug;
    other = (await makeNetwork(t.http, admin, { visibility: 'private' })).slug;
    const published = { status: 'published' };
    s.volunteers = (
      await createSummary(t.http, admin, net, {
        ...published,
        title: 'Mentoring schemes that last',
        summary: 'Schemes where volunteers mentor newcomers for a year keep more of them.',
        topics: ['housing', 'volunteers'],
        phase: 'development',
        question: 'what_matters',
      })
    ).id;
    s.french = (
      await createSummary(t.http, admin, net, {
        ...published,
        title: 'Accompagner les familles',
        summary: 'Les bénévoles accompagnent les familles réfugiées pendant la première année.',
        keyFinding: "L'accompagnement dure un an.",
        practiceImplications: 'Prévoir une formation.',
        topics: ['employment'],
        phase: 'evaluation',
        question: 'what_works',
        language: 'fr',
      })
    ).id;
    s.draft = (
      await createSummary(t.http, admin, net, {
        title: 'Housing first pilot',
        summary: 'A draft about housing first.',
        keyFinding: 'Stable housing comes before everything else.',
        practiceImplications: 'Find flats before anything else.',
        topics: ['housing'],
        phase: 'implementation',
      })
    ).id;
    s.elsewhere = (
      await createSummary(t.http, admin, other, { ...published, topics: ['housing'] })
    ).id;
  });

  const q = (query: string) => listIds(`/api/research-summaries?network=${net}&${query}`);

  it('filters by topic, phase, question, language and status', async () => {
    expect(sorted(await q('topic=housing'))).toEqual(sorted([s.volunteers, s.draft]));
    expect(await q('topic=employment')).toEqual([s.french]);
    expect(await q('topic=gender')).toEqual([]);
    expect(await q('phase=development')).toEqual([s.volunteers]);
    expect(await q('phase=evaluation')).toEqual([s.french]);
    expect(await q('question=what_matters')).toEqual([s.volunteers]);
    expect(sorted(await q('question=what_works'))).toEqual(sorted([s.french, s.draft]));
    expect(await q('language=fr')).toEqual([s.french]);
    expect(await q('status=draft')).toEqual([s.draft]);
    expect(sorted(await q('status=published'))).toEqual(sorted([s.volunteers, s.french]));
    expect(await q('topic=housing&status=published&phase=development&language=en')).toEqual([
      s.volunteers,
    ]);
  });

  it('filters by network', async () => {
    expect(sorted(await q(''))).toEqual(sorted([s.volunteers, s.french, s.draft]));
    expect(await listIds(`/api/research-summaries?network=${other}`)).toEqual([s.elsewhere]);
    const all = await listIds('/api/research-summaries?topic=housing&limit=100');
    expect(all).toEqual(expect.arrayContaining([s.volunteers, s.draft, s.elsewhere]));
  });

  it('finds text with English stemming, and French words in a French summary', async () => {
    expect(await q('q=volunteer')).toEqual([s.volunteers]);
    expect(await q('q=volunteers')).toEqual([s.volunteers]);
    expect(await q('q=mentoring')).toEqual([s.volunteers]);
    expect(await q('q=b%C3%A9n%C3%A9voles')).toEqual([s.french]);
    expect(await q(`q=${encodeURIComponent('bénévole')}`)).toEqual([s.french]);
    expect(await q(`q=${encodeURIComponent('familles réfugiées')}`)).toEqual([s.french]);
    expect(await q(`q=${encodeURIComponent('"housing first"')}`)).toEqual([s.draft]);
    expect(await q('q=volunteers&topic=employment')).toEqual([]);
    expect(await q('q=zebracrossing')).toEqual([]);
  });

  it.each([
    ['country', 'country=IT'],
    ['fundingSource', 'fundingSource=amif'],
    ['maxBudgetEur', 'maxBudgetEur=50000'],
  ])('refuses the case-study filter %s with 400', async (field, query) => {
    const response = await t.http.get(`/api/research-summaries?${query}`, { token: admin.token });
    expect(response.status).toBe(400);
    expect(badFields(response)).toEqual([field]);
  });
});

describe('case study filters', () => {
  let net: string;
  const c: Record<string, string> = {};

  beforeAll(async () => {
    net = (await makeNetwork(t.http, admin)).slug;
    // Neutral texts, so that only the summaries below decide what a text search finds.
    const base = {
      status: 'published',
      twoWay: 'Residents take part.',
      outcomes: 'Good results.',
      evaluation: 'Interviews.',
      adaptation: 'Adapt to the city.',
    };
    c.atLimit = (
      await createCaseStudy(t.http, admin, net, {
        ...base,
        programmeName: 'At the limit',
        annualBudgetEur: 50000,
        fundingSources: ['amif'],
        country: 'IT',
        summary: 'Volunteers teach Italian to newcomers.',
      })
    ).id;
    c.overLimit = (
      await createCaseStudy(t.http, admin, net, {
        ...base,
        programmeName: 'Just over',
        annualBudgetEur: 50001,
        fundingSources: ['amif', 'esf_plus'],
        country: 'IT',
        summary: 'Job coaching with employers.',
        topics: ['employment'],
      })
    ).id;
    c.belgian = (
      await createCaseStudy(t.http, admin, net, {
        ...base,
        programmeName: 'Maison des bénévoles',
        annualBudgetEur: 20000,
        fundingSources: ['esf_plus', 'local_budget'],
        country: 'BE',
        city: 'Liège',
        language: 'fr',
        summary: 'Des bénévoles du quartier accueillent les nouveaux arrivants.',
        twoWay: null,
        topics: ['two_way_integration'],
      })
    ).id;
    c.cheapAmif = (
      await createCaseStudy(t.http, admin, net, {
        ...base,
        programmeName: 'Small and cheap',
        annualBudgetEur: 0,
        fundingSources: ['amif', 'donations'],
        country: 'IT',
        summary: 'A reading club.',
        topics: ['language'],
      })
    ).id;
  });

  const q = (query: string) => listIds(`/api/case-studies?network=${net}&${query}`);

  it('filters by maximum budget, inclusive', async () => {
    expect(sorted(await q('maxBudgetEur=50000'))).toEqual(
      sorted([c.atLimit, c.belgian, c.cheapAmif]),
    );
    expect(sorted(await q('maxBudgetEur=49999'))).toEqual(sorted([c.belgian, c.cheapAmif]));
    expect(sorted(await q('maxBudgetEur=50001'))).toEqual(
      sorted([c.atLimit, c.overLimit, c.belgian, c.cheapAmif]),
    );
    expect(await q('maxBudgetEur=0')).toEqual([c.cheapAmif]);
  });

  it('finds AMIF-funded case studies under 50,000 EUR', async () => {
    expect(sorted(await q('fundingSource=amif&maxBudgetEur=50000'))).toEqual(
      sorted([c.atLimit, c.cheapAmif]),
    );
    expect(sorted(await q('fundingSource=esf_plus'))).toEqual(sorted([c.overLimit, c.belgian]));
    expect(await q('fundingSource=private_foundation')).toEqual([]);
  });

  it('filters by country (either case), topic and language', async () => {
    const italian = sorted([c.atLimit, c.overLimit, c.cheapAmif]);
    expect(sorted(await q('country=IT'))).toEqual(italian);
    expect(sorted(await q('country=it'))).toEqual(italian);
    expect(await q('country=BE')).toEqual([c.belgian]);
    expect(await q('country=DE')).toEqual([]);
    expect(await q('topic=employment')).toEqual([c.overLimit]);
    expect(await q('language=fr')).toEqual([c.belgian]);
    expect(await q('country=IT&topic=language&fundingSource=donations')).toEqual([c.cheapAmif]);
  });

  it('finds text in English and French', async () => {
    expect(await q('q=volunteer')).toEqual([c.atLimit]);
    expect(await q(`q=${encodeURIComponent('bénévoles')}`)).toEqual([c.belgian]);
    expect(await q('q=coaching')).toEqual([c.overLimit]);
  });

  it.each([
    ['phase', 'phase=evaluation'],
    ['question', 'question=what_works'],
  ])('refuses the summary filter %s with 400', async (field, query) => {
    const response = await t.http.get(`/api/case-studies?${query}`, { token: admin.token });
    expect(response.status).toBe(400);
    expect(badFields(response)).toEqual([field]);
  });
});

describe('bad list queries', () => {
  it.each([
    ['/api/research-summaries?topic=unicorns', 'topic'],
    ['/api/research-summaries?phase=launch', 'phase'],
    ['/api/research-summaries?question=why', 'question'],
    ['/api/research-summaries?language=xx', 'language'],
    ['/api/research-summaries?status=archived', 'status'],
    ['/api/research-summaries?sort=oldest', 'sort'],
    ['/api/research-summaries?limit=0', 'limit'],
    ['/api/research-summaries?limit=101', 'limit'],
    ['/api/research-summaries?limit=ten', 'limit'],
    ['/api/research-summaries?colour=red', 'colour'],
    ['/api/research-summaries?q=a%00b', 'q'],
    ['/api/research-summaries?network=a%00b', 'network'],
    [`/api/research-summaries?q=${'x'.repeat(201)}`, 'q'],
    ['/api/case-studies?maxBudgetEur=-1', 'maxBudgetEur'],
    ['/api/case-studies?maxBudgetEur=1.5', 'maxBudgetEur'],
    ['/api/case-studies?maxBudgetEur=cheap', 'maxBudgetEur'],
    ['/api/case-studies?fundingSource=lottery', 'fundingSource'],
    ['/api/case-studies?country=XX', 'country'],
    ['/api/case-studies?country=Italy', 'country'],
  ])('refuses %s with 400 naming %s', async (path, field) => {
    const response = await t.http.get(path, { token: admin.token });
    expect(response.status).toBe(400);
    expect(badFields(response)).toContain(field);
  });

  it.each([
    ['not base64 JSON', '/api/research-summaries?cursor=%25%25%25'],
    [
      'a cursor with too many parts',
      `/api/research-summaries?cursor=${forgeCursor(['a', 'b', 'c'])}`,
    ],
    [
      'a newest cursor that is not a time',
      `/api/research-summaries?cursor=${forgeCursor(['x', 'y'])}`,
    ],
    [
      'a newest cursor whose id is not a UUID',
      `/api/case-studies?cursor=${forgeCursor(['2025-01-01T00:00:00.000Z', 'y'])}`,
    ],
    ['a newest cursor with numbers', `/api/case-studies?cursor=${forgeCursor([1, 2])}`],
    [
      'an offset that is text',
      `/api/research-summaries?sort=most_discussed&cursor=${forgeCursor(['x'])}`,
    ],
    ['a negative offset', `/api/case-studies?sort=most_discussed&cursor=${forgeCursor([-5])}`],
    [
      'a fractional offset',
      `/api/research-summaries?sort=most_discussed&cursor=${forgeCursor([1.5])}`,
    ],
    [
      'a newest cursor on most discussed',
      `/api/research-summaries?sort=most_discussed&cursor=${forgeCursor(['2025-01-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000'])}`,
    ],
  ])('refuses %s as a cursor with 400', async (_name, path) => {
    const response = await t.http.get(path, { token: admin.token });
    expect(response.status).toBe(400);
    expect(badFields(response)).toEqual(['cursor']);
  });
});

describe('cursor pages, newest first', () => {
  /**
   * Creates `n` items at once (several land in the same millisecond), then moves a batch of them
   * into one millisecond with distinct microseconds: the case where a millisecond cursor could
   * skip or repeat rows.
   */
  async function crowd(
    table: 'research_summaries' | 'case_studies',
    n: number,
    make: (i: number) => Promise<{ id: string }>,
  ): Promise<string[]> {
    const made: string[] = [];
    for (let batch = 0; batch < n; batch += 8) {
      const size = Math.min(8, n - batch);
      const items = await Promise.all(Array.from({ length: size }, (_, i) => make(batch + i)));
      made.push(...items.map((item) => item.id));
    }
    const crowded = made.slice(3, 12);
    await sql(
      t,
      `UPDATE ${table} x SET created_at = date_trunc('milliseconds', now()) - interval '1 hour' + (c.n * interval '1 microsecond')
         FROM (SELECT id, row_number() OVER () AS n FROM unnest($1::uuid[]) AS id) c WHERE x.id = c.id`,
      [crowded],
    );
    return made;
  }

  it.each([
    ['research summaries', '/api/research-summaries', 'research_summaries' as const],
    ['case studies', '/api/case-studies', 'case_studies' as const],
  ])('pages through %s without gaps or repeats', async (_name, path, table) => {
    const net = (await makeNetwork(t.http, admin)).slug;
    const make =
      table === 'research_summaries'
        ? (i: number) =>
            createSummary(t.http, admin, net, { title: `Paged ${i}`, status: 'published' })
        : (i: number) =>
            createCaseStudy(t.http, admin, net, {
              programmeName: `Paged ${i}`,
              status: 'published',
            });
    const made = await crowd(table, 23, make);

    const full = await t.http.get(`${path}?network=${net}&limit=100`, { token: admin.token });
    expect(full.body.items).toHaveLength(23);
    expect(full.body.nextCursor).toBeNull();
    const order = newestFirst(full.body.items as { id: string; createdAt: string }[]);
    expect(ids(full.body)).toEqual(order);
    expect(sorted(order)).toEqual(sorted(made));

    for (const limit of [1, 4, 5, 22, 23]) {
      const { items, pages } = await allPages<{ id: string }>(
        t.http,
        admin.token,
        `${path}?network=${net}`,
        limit,
      );
      expect(items.map((item) => item.id)).toEqual(order);
      expect(pages).toBe(Math.ceil(23 / limit));
    }
    const first = await t.http.get(`${path}?network=${net}&limit=5`, { token: admin.token });
    expect(ids(first.body)).toEqual(order.slice(0, 5));
    expect(typeof first.body.nextCursor).toBe('string');

    // With a filter too: every other item goes back to draft and the rest still page cleanly.
    const drafts = order.filter((_, i) => i % 2 === 1);
    await sql(
      t,
      `UPDATE ${table} SET status = 'draft', published_at = NULL WHERE id = ANY($1::uuid[])`,
      [drafts],
    );
    const published = await allPages<{ id: string }>(
      t.http,
      admin.token,
      `${path}?network=${net}&status=published`,
      3,
    );
    expect(published.items.map((item) => item.id)).toEqual(order.filter((_, i) => i % 2 === 0));
  });

  it('lists newly created items first by default', async () => {
    const net = (await makeNetwork(t.http, admin)).slug;
    const first = await createSummary(t.http, admin, net);
    const second = await createSummary(t.http, admin, net);
    const third = await createSummary(t.http, admin, net);
    const order = await listIds(`/api/research-summaries?network=${net}`);
    expect(order).toEqual(newestFirst([first, second, third]));
    expect(order[order.length - 1]).toBe(first.id);
  });
});

describe('most discussed', () => {
  it('orders by the number of discussions the caller may read, and pages without repeats', async () => {
    const reader = await makeUser(t.http);
    const net = (await makeNetwork(t.http, admin)).slug;
    await addMember(t.http, admin, net, reader);
    const general = await makeChannel(t.http, admin, net);
    const privateChannel = await makeChannel(t.http, admin, net, { visibility: 'private' });
    const items = [];
    for (let i = 0; i < 5; i++)
      items.push(
        await createSummary(t.http, admin, net, { title: `Discussed ${i}`, status: 'published' }),
      );
    const [three, two, privately, none, one] = items;
    const link = async (channelId: string, targetId: string) => {
      const thread = await makeThread(t.http, admin, channelId);
      const response = await t.http.post(
        `/api/threads/${thread.id}/links`,
        { targetType: 'research', targetId, note: 'relevant' },
        { token: admin.token },
      );
      expect(response.status).toBe(200);
    };
    for (let i = 0; i < 3; i++) await link(general.id, three.id);
    for (let i = 0; i < 2; i++) await link(general.id, two.id);
    await link(general.id, one.id);
    // Four citations in a private channel the reader is not on: counted for the admin only.
    for (let i = 0; i < 4; i++) await link(privateChannel.id, privately.id);

    const path = `/api/research-summaries?network=${net}&sort=most_discussed`;
    const forAdmin = await t.http.get(path, { token: admin.token });
    expect(ids(forAdmin.body)).toEqual([privately.id, three.id, two.id, one.id, none.id]);
    expect(forAdmin.body.items.map((item: any) => item.discussionCount)).toEqual([4, 3, 2, 1, 0]);

    const forReader = await t.http.get(path, { token: reader.token });
    // Ties (0) fall back to newest first.
    expect(ids(forReader.body)).toEqual([three.id, two.id, one.id, none.id, privately.id]);
    expect(forReader.body.items.map((item: any) => item.discussionCount)).toEqual([3, 2, 1, 0, 0]);
    const page = await t.http.get(`/api/research-summaries/${privately.id}`, {
      token: reader.token,
    });
    expect(page.body.discussionCount).toBe(0);

    for (const limit of [1, 2, 3]) {
      const paged = await allPages<{ id: string }>(t.http, admin.token, path, limit);
      expect(paged.items.map((item) => item.id)).toEqual(ids(forAdmin.body));
    }
  });

  it('orders case studies too', async () => {
    const net = (await makeNetwork(t.http, admin)).slug;
    const channel = await makeChannel(t.http, admin, net);
    const quiet = await createCaseStudy(t.http, admin, net, { status: 'published' });
    const busy = await createCaseStudy(t.http, admin, net, { status: 'published' });
    const older = await createCaseStudy(t.http, admin, net, { status: 'published' });
    await sql(
      t,
      `UPDATE case_studies SET created_at = created_at - interval '1 day' WHERE id = $1`,
      [older.id],
    );
    for (const target of [busy, busy, older]) {
      const thread = await makeThread(t.http, admin, channel.id);
      await t.http.post(
        `/api/threads/${thread.id}/links`,
        { targetType: 'case_study', targetId: target.id },
        { token: admin.token },
      );
    }
    const response = await t.http.get(`/api/case-studies?network=${net}&sort=most_discussed`, {
      token: admin.token,
    });
    expect(ids(response.body)).toEqual([busy.id, older.id, quiet.id]);
    expect(response.body.items.map((item: any) => item.discussionCount)).toEqual([2, 1, 0]);
  });
});
