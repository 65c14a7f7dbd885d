import type { CaseStudyView, ResearchSummaryView } from '@tandem/domain';
import { randomBytes } from 'node:crypto';
import type { TestApp } from './app';
import { sql } from './discussions';
import type { TestUser } from './factories';
import type { Http, HttpResponse } from './http';

/**
 * A word no other row contains: letters only (so every text-search configuration keeps it whole
 * and no stemmer changes it), for "searched by its exact words" checks.
 */
export function uniqueWord(prefix = 'zq'): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  const bytes = randomBytes(10);
  return prefix + [...bytes].map((b) => letters[b % letters.length]).join('');
}

/** A valid research summary body; override any field. */
export function summaryInput(
  network: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    network,
    title: 'Volunteer mentors and long-term integration',
    summary: 'Volunteers who mentor newcomers over a year report stronger ties with neighbours.',
    keyFinding: 'Mentoring that lasts a year works better than short schemes.',
    practiceImplications: 'Plan for twelve months of mentoring and train volunteers first.',
    question: 'what_works',
    phase: 'implementation',
    topics: ['volunteers'],
    language: 'en',
    sources: [{ url: 'https://example.org/report', citation: 'Example (2024). Mentoring report.' }],
    ...overrides,
  };
}

/** A valid case study body; override any field. */
export function caseStudyInput(
  network: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    network,
    programmeName: 'Buddy scheme',
    city: 'Turin',
    country: 'IT',
    summary: 'Pairs newcomers with local volunteers for a year of weekly meetings.',
    targetGroups: ['young adults'],
    twoWay: 'Local residents volunteer as buddies and meet newcomers weekly.',
    annualBudgetEur: 40000,
    staffFte: 1.5,
    volunteers: 30,
    durationMonths: 24,
    fundingSources: ['amif'],
    outcomes: 'Most pairs still meet after a year.',
    evaluation: 'Interviews with participants.',
    adaptation: 'Recruit buddies through sports clubs.',
    contact: 'buddy@example.org',
    topics: ['volunteers'],
    language: 'en',
    ...overrides,
  };
}

function expectCreated<T>(response: HttpResponse<T>, what: string): T {
  if (response.status !== 201)
    throw new Error(`${what} failed: ${response.status} ${response.text}`);
  return response.body;
}

export async function createSummary(
  http: Http,
  user: TestUser,
  network: string,
  overrides: Record<string, unknown> = {},
): Promise<ResearchSummaryView> {
  const response = await http.post<ResearchSummaryView>(
    '/api/research-summaries',
    summaryInput(network, overrides),
    { token: user.token },
  );
  return expectCreated(response, 'createSummary');
}

export async function createCaseStudy(
  http: Http,
  user: TestUser,
  network: string,
  overrides: Record<string, unknown> = {},
): Promise<CaseStudyView> {
  const response = await http.post<CaseStudyView>(
    '/api/case-studies',
    caseStudyInput(network, overrides),
    { token: user.token },
  );
  return expectCreated(response, 'createCaseStudy');
}

/** Row counts of the library tables, to check that a refused request wrote nothing. */
export async function libraryCounts(t: TestApp): Promise<Record<string, number>> {
  const rows = await sql<{ name: string; n: number }>(
    t,
    `SELECT 'research_summaries' AS name, count(*)::int AS n FROM research_summaries
     UNION ALL SELECT 'case_studies', count(*)::int FROM case_studies
     UNION ALL SELECT 'thread_links', count(*)::int FROM thread_links`,
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.n]));
}

/** The fields a 400 body names in its details. */
export function badFields(response: HttpResponse): string[] {
  const details = (response.body as { details?: { field: string }[] }).details ?? [];
  return details.map((d) => d.field);
}

/** Ids of a list or page body, in order. */
export function ids(body: { items: { id: string }[] } | { id: string }[]): string[] {
  const items = Array.isArray(body) ? body : body.items;
  return items.map((item) => item.id);
}

/** A cursor as the server encodes them (base64url JSON), for forged-cursor checks. */
export function forgeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}
