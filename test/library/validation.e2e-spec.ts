import { countWords, SUMMARY_MAX_WORDS } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import { makeCast, sql, type Cast } from '../support/discussions';
import {
  badFields,
  caseStudyInput,
  createCaseStudy,
  createSummary,
  libraryCounts,
  summaryInput,
} from '../support/library';

/**
 * Every class of bad input to the library's create and edit routes is refused with a 400 that
 * names the field, and nothing is written: row counts stay the same on create, and the row
 * stays byte-for-byte the same on edit.
 */
let t: TestApp;
let cast: Cast;
let slug: string;

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeCast(t.http);
  slug = cast.network.slug;
});
afterAll(async () => {
  await t.close();
});

/** Words a reader counts as one each, some of which a naive counter would split or miss. */
const WORDS = ['two-way', "l'intégration", 'co-creation', 'it’s', 'Zürich', '2024', 'mentoring'];
const words = (n: number): string =>
  `${Array.from({ length: n }, (_, i) => WORDS[i % WORDS.length]).join(' ')} — … !`;

async function expectRefusedCreate(
  path: string,
  body: unknown,
  field: string,
  token = cast.member.token,
): Promise<void> {
  const before = await libraryCounts(t);
  const response = await t.http.post(path, body, { token });
  expect({ status: response.status, error: response.body.error }).toEqual({
    status: 400,
    error: 'bad_request',
  });
  expect(badFields(response)).toContain(field);
  expect(response.body.message).toContain(field);
  expect(await libraryCounts(t)).toEqual(before);
}

const rowOf = async (table: string, id: string) =>
  (await sql(t, `SELECT to_jsonb(x) - 'tsv' AS row FROM ${table} x WHERE id = $1`, [id]))[0].row;

describe('the word limit', () => {
  it('counts words with the shared countWords rule (hyphens and apostrophes keep a word whole)', () => {
    expect(countWords('two-way')).toBe(1);
    expect(countWords("l'intégration")).toBe(1);
    expect(countWords(words(SUMMARY_MAX_WORDS))).toBe(SUMMARY_MAX_WORDS);
    // A naive whitespace split counts the dashes and ellipsis too.
    expect(words(SUMMARY_MAX_WORDS).split(/\s+/).length).toBeGreaterThan(SUMMARY_MAX_WORDS);
  });

  it('accepts a summary of exactly 400 words and reports its word count', async () => {
    const text = words(SUMMARY_MAX_WORDS);
    const created = await createSummary(t.http, cast.member, slug, { summary: text });
    expect(created.wordCount).toBe(400);
    expect(created.summary).toBe(text);
    // 400 hyphenated words: a counter that split on hyphens would see 800.
    const hyphens = await createSummary(t.http, cast.member, slug, {
      summary: Array.from({ length: 400 }, () => 'two-way').join(' '),
    });
    expect(hyphens.wordCount).toBe(400);
  });

  it('refuses 401 words on create and on edit, naming summary', async () => {
    await expectRefusedCreate(
      '/api/research-summaries',
      summaryInput(slug, { summary: words(SUMMARY_MAX_WORDS + 1) }),
      'summary',
    );
    const item = await createSummary(t.http, cast.member, slug);
    const before = await rowOf('research_summaries', item.id);
    const response = await t.http.patch(
      `/api/research-summaries/${item.id}`,
      { summary: words(SUMMARY_MAX_WORDS + 1) },
      { token: cast.member.token },
    );
    expect(response.status).toBe(400);
    expect(badFields(response)).toEqual(['summary']);
    expect(response.body.details[0].problems.join(' ')).toContain('400 words');
    expect(await rowOf('research_summaries', item.id)).toEqual(before);
  });
});

describe('creating research summaries with bad input', () => {
  it.each<[string, Record<string, unknown>, string]>([
    [
      'a javascript: source',
      { sources: [{ url: 'javascript:alert(1)', citation: 'x' }] },
      'sources.0.url',
    ],
    [
      'an ftp: source',
      { sources: [{ url: 'ftp://example.org/report.pdf', citation: 'x' }] },
      'sources.0.url',
    ],
    [
      'a source that is not a URL',
      { sources: [{ url: 'not a url', citation: 'x' }] },
      'sources.0.url',
    ],
    [
      'a data: source',
      { sources: [{ url: 'data:text/html,<b>x</b>', citation: 'x' }] },
      'sources.0.url',
    ],
    [
      'a bad second source',
      {
        sources: [
          { url: 'https://example.org', citation: 'ok' },
          { url: 'file:///etc/passwd', citation: 'x' },
        ],
      },
      'sources.1.url',
    ],
    [
      'a source without a citation',
      { sources: [{ url: 'https://example.org' }] },
      'sources.0.citation',
    ],
    [
      'a source with an unknown field',
      { sources: [{ url: 'https://example.org', citation: 'x', title: 'y' }] },
      'sources.0.title',
    ],
    ['no sources', { sources: [] }, 'sources'],
    ['sources missing', { sources: undefined }, 'sources'],
    ['sources as an object', { sources: { url: 'https://example.org', citation: 'x' } }, 'sources'],
    [
      'eleven sources',
      {
        sources: Array.from({ length: 11 }, () => ({ url: 'https://example.org', citation: 'x' })),
      },
      'sources',
    ],
    ['an unknown topic', { topics: ['space_travel'] }, 'topics'],
    ['topics as a string', { topics: 'volunteers' }, 'topics'],
    [
      'six topics',
      { topics: ['housing', 'health_access', 'employment', 'language', 'education', 'volunteers'] },
      'topics',
    ],
    ['an unknown phase', { phase: 'launch' }, 'phase'],
    ['an unknown question', { question: 'what_costs' }, 'question'],
    ['an unknown language', { language: 'xx' }, 'language'],
    ['an unknown status', { status: 'archived' }, 'status'],
    ['an unknown scope', { scope: 'everyone' }, 'scope'],
    ['an unknown field', { rating: 5 }, 'rating'],
    ['an object for the title', { title: { text: 'x' } }, 'title'],
    ['an object for the summary', { summary: { text: 'x' } }, 'summary'],
    ['a number for the key finding', { keyFinding: 42 }, 'keyFinding'],
    ['an object for the network', { network: { slug: 'x' } }, 'network'],
    ['a blank title', { title: '   ' }, 'title'],
    ['a blank summary', { summary: '  \n ' }, 'summary'],
    ['a blank key finding', { keyFinding: '   ' }, 'keyFinding'],
    ['a blank practice implication', { practiceImplications: ' ' }, 'practiceImplications'],
    ['a title too long', { title: 'x'.repeat(201) }, 'title'],
    ['a NUL character in the title', { title: 'Mentoring\u0000' }, 'title'],
    ['a control character in the summary', { summary: 'Mentoring \u0007works' }, 'summary'],
    [
      'a control character in a citation',
      { sources: [{ url: 'https://example.org', citation: 'A\u0001B' }] },
      'sources.0.citation',
    ],
    [
      'a NUL character in a source URL',
      { sources: [{ url: 'https://example.org/\u0000', citation: 'x' }] },
      'sources.0.url',
    ],
    ['a NUL character in the network', { network: 'net\u0000' }, 'network'],
  ])('refuses %s with 400 and writes nothing', async (_name, overrides, field) => {
    await expectRefusedCreate('/api/research-summaries', summaryInput(slug, overrides), field);
  });

  it('names every bad field at once', async () => {
    const before = await libraryCounts(t);
    const response = await t.http.post(
      '/api/research-summaries',
      summaryInput(slug, { phase: 'x', question: 'y', topics: ['z'], sources: [] }),
      { token: cast.member.token },
    );
    expect(response.status).toBe(400);
    expect(badFields(response).sort()).toEqual(['phase', 'question', 'sources', 'topics']);
    expect(await libraryCounts(t)).toEqual(before);
  });

  it('refuses a body that is not an object', async () => {
    const before = await libraryCounts(t);
    for (const raw of ['[]', '"text"', '{"network":']) {
      const response = await t.http.request('POST', '/api/research-summaries', undefined, {
        token: cast.member.token,
        raw,
      });
      expect(response.status).toBe(400);
    }
    expect(await libraryCounts(t)).toEqual(before);
  });

  it('accepts http and https sources with their citations', async () => {
    const sources = [
      { url: 'http://example.org/a', citation: 'A (2020).' },
      {
        url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52020DC0758',
        citation: 'EU (2020).',
      },
    ];
    const created = await createSummary(t.http, cast.member, slug, { sources });
    expect(created.sources).toEqual(sources);
  });
});

describe('creating case studies with bad input', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['a negative budget', { annualBudgetEur: -1 }, 'annualBudgetEur'],
    ['a fractional budget', { annualBudgetEur: 40000.5 }, 'annualBudgetEur'],
    ['a budget as a string', { annualBudgetEur: '40000' }, 'annualBudgetEur'],
    ['a budget missing', { annualBudgetEur: undefined }, 'annualBudgetEur'],
    ['staffFte with two decimals', { staffFte: 1.25 }, 'staffFte'],
    ['a negative staffFte', { staffFte: -0.5 }, 'staffFte'],
    ['staffFte as a string', { staffFte: '1.5' }, 'staffFte'],
    ['negative volunteers', { volunteers: -3 }, 'volunteers'],
    ['fractional volunteers', { volunteers: 2.5 }, 'volunteers'],
    ['durationMonths 0', { durationMonths: 0 }, 'durationMonths'],
    ['a negative duration', { durationMonths: -12 }, 'durationMonths'],
    ['an unknown funding source', { fundingSources: ['amif', 'lottery'] }, 'fundingSources'],
    ['funding sources as a string', { fundingSources: 'amif' }, 'fundingSources'],
    ['a repeated funding source', { fundingSources: ['amif', 'amif'] }, 'fundingSources'],
    ['an unknown country', { country: 'XX' }, 'country'],
    ['a three-letter country', { country: 'ITA' }, 'country'],
    ['a country name', { country: 'Italy' }, 'country'],
    ['a country as an object', { country: { code: 'IT' } }, 'country'],
    ['an unknown topic', { topics: ['unicorns'] }, 'topics'],
    ['an unknown language', { language: 'klingon' }, 'language'],
    ['an unknown field', { budget: 5 }, 'budget'],
    ['an object for the programme name', { programmeName: { name: 'x' } }, 'programmeName'],
    ['a blank programme name', { programmeName: '  ' }, 'programmeName'],
    ['a blank summary', { summary: '   ' }, 'summary'],
    ['an object for two-way', { twoWay: { yes: true } }, 'twoWay'],
    ['a number among target groups', { targetGroups: ['youth', 7] }, 'targetGroups'],
    ['a NUL character in the contact', { contact: 'a\u0000b' }, 'contact'],
    ['a control character in the outcomes', { outcomes: 'good\u001b[31m' }, 'outcomes'],
  ])('refuses %s with 400 and writes nothing', async (_name, overrides, field) => {
    await expectRefusedCreate('/api/case-studies', caseStudyInput(slug, overrides), field);
  });

  it('accepts the boundaries: budget 0, one decimal of staff, one month, a lower-case country', async () => {
    const created = await createCaseStudy(t.http, cast.member, slug, {
      annualBudgetEur: 0,
      staffFte: 0.5,
      volunteers: 0,
      durationMonths: 1,
      country: 'be',
      fundingSources: [],
      twoWay: null,
    });
    expect(created.resources).toEqual({
      annualBudgetEur: 0,
      staffFte: 0.5,
      volunteers: 0,
      durationMonths: 1,
    });
    expect(created.country).toBe('BE');
    expect(created.twoWay).toBeNull();
    expect(created.fundingSources).toEqual([]);
  });

  it('keeps every field it was given', async () => {
    const input = caseStudyInput(slug, {
      fundingSources: ['esf_plus', 'local_budget', 'private_foundation'],
      topics: ['volunteers', 'two_way_integration'],
      staffFte: 2.5,
    });
    const created = await createCaseStudy(t.http, cast.member, slug, input);
    expect(created).toMatchObject({
      programmeName: input.programmeName,
      city: input.city,
      country: 'IT',
      summary: input.summary,
      targetGroups: input.targetGroups,
      twoWay: input.twoWay,
      resources: { annualBudgetEur: 40000, staffFte: 2.5, volunteers: 30, durationMonths: 24 },
      fundingSources: ['esf_plus', 'local_budget', 'private_foundation'],
      outcomes: input.outcomes,
      evaluation: input.evaluation,
      adaptation: input.adaptation,
      contact: input.contact,
      topics: ['volunteers', 'two_way_integration'],
      language: 'en',
      status: 'draft',
      scope: 'network',
      networkSlug: slug,
      canEdit: true,
      discussionCount: 0,
      publishedAt: null,
    });
  });
});

describe('editing with bad input', () => {
  it.each<[string, Record<string, unknown>, string]>([
    [
      'a bad source URL',
      { sources: [{ url: 'javascript:void(0)', citation: 'x' }] },
      'sources.0.url',
    ],
    ['no sources', { sources: [] }, 'sources'],
    ['an unknown topic', { topics: ['nope'] }, 'topics'],
    ['an unknown phase', { phase: 'pilot' }, 'phase'],
    ['an unknown question', { question: 'what_if' }, 'question'],
    ['an unknown language', { language: 'tlh' }, 'language'],
    ['an unknown status', { status: 'retracted' }, 'status'],
    ['an unknown field', { network: 'elsewhere' }, 'network'],
    ['an object for the title', { title: { a: 1 } }, 'title'],
    ['a null title', { title: null }, 'title'],
    ['a null summary', { summary: null }, 'summary'],
    ['null topics', { topics: null }, 'topics'],
    ['a null scope', { scope: null }, 'scope'],
    ['null sources', { sources: null }, 'sources'],
    ['a null language', { language: null }, 'language'],
    ['a control character in the title', { title: 'x\u0000' }, 'title'],
    ['one bad field among good ones', { title: 'A new title', phase: 'nope' }, 'phase'],
  ])('refuses a summary edit with %s and changes nothing', async (_name, body, field) => {
    const item = await createSummary(t.http, cast.member, slug);
    const before = await rowOf('research_summaries', item.id);
    const response = await t.http.patch(`/api/research-summaries/${item.id}`, body, {
      token: cast.member.token,
    });
    expect(response.status).toBe(400);
    expect(badFields(response)).toContain(field);
    expect(await rowOf('research_summaries', item.id)).toEqual(before);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a negative budget', { annualBudgetEur: -100 }, 'annualBudgetEur'],
    ['a fractional budget', { annualBudgetEur: 99.99 }, 'annualBudgetEur'],
    ['a null budget', { annualBudgetEur: null }, 'annualBudgetEur'],
    ['staffFte with two decimals', { staffFte: 0.25 }, 'staffFte'],
    ['durationMonths 0', { durationMonths: 0 }, 'durationMonths'],
    ['an unknown funding source', { fundingSources: ['crowdfunding'] }, 'fundingSources'],
    ['a bad country', { country: 'ZZ' }, 'country'],
    ['a null country', { country: null }, 'country'],
    ['a null city', { city: null }, 'city'],
    ['a null programme name', { programmeName: null }, 'programmeName'],
    ['null funding sources', { fundingSources: null }, 'fundingSources'],
    ['an object for two-way', { twoWay: { a: 1 } }, 'twoWay'],
    ['an unknown field', { costPerPerson: 12 }, 'costPerPerson'],
    ['one bad field among good ones', { programmeName: 'Renamed', volunteers: -1 }, 'volunteers'],
  ])('refuses a case study edit with %s and changes nothing', async (_name, body, field) => {
    const item = await createCaseStudy(t.http, cast.member, slug);
    const before = await rowOf('case_studies', item.id);
    const response = await t.http.patch(`/api/case-studies/${item.id}`, body, {
      token: cast.member.token,
    });
    expect(response.status).toBe(400);
    expect(badFields(response)).toContain(field);
    expect(await rowOf('case_studies', item.id)).toEqual(before);
  });

  it('applies a good edit and leaves the other fields alone', async () => {
    const summary = await createSummary(t.http, cast.member, slug);
    const edited = await t.http.patch(
      `/api/research-summaries/${summary.id}`,
      { title: '  Edited title  ', phase: 'evaluation', language: 'fr' },
      { token: cast.member.token },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      title: 'Edited title',
      phase: 'evaluation',
      language: 'fr',
      question: summary.question,
      summary: summary.summary,
      sources: summary.sources,
    });
    const [row] = await sql(
      t,
      `SELECT search_config::text AS config FROM research_summaries WHERE id = $1`,
      [summary.id],
    );
    expect(row.config).toBe('french');

    const study = await createCaseStudy(t.http, cast.member, slug);
    const changed = await t.http.patch(
      `/api/case-studies/${study.id}`,
      { annualBudgetEur: 55000, staffFte: 3.5, country: 'de', twoWay: null },
      { token: cast.member.token },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      resources: { annualBudgetEur: 55000, staffFte: 3.5, volunteers: 30, durationMonths: 24 },
      country: 'DE',
      twoWay: null,
      programmeName: study.programmeName,
    });
  });

  it('answers 400 for an id that is not a UUID, and 404 for an unknown one', async () => {
    const bad = await t.http.patch(
      '/api/research-summaries/not-a-uuid',
      { title: 'x' },
      {
        token: cast.member.token,
      },
    );
    expect(bad.status).toBe(400);
    const missing = await t.http.patch(
      '/api/case-studies/00000000-0000-4000-8000-000000000000',
      { programmeName: 'x' },
      { token: cast.member.token },
    );
    expect(missing.status).toBe(404);
  });
});

it('requires a token for every library write', async () => {
  const before = await libraryCounts(t);
  expect((await t.http.post('/api/research-summaries', summaryInput(slug))).status).toBe(401);
  expect((await t.http.post('/api/case-studies', caseStudyInput(slug))).status).toBe(401);
  expect(await libraryCounts(t)).toEqual(before);
});
