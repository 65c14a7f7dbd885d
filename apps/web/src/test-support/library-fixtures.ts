import type { CaseStudyView, ResearchSummaryView, ThreadLinkView } from '@tandem/domain';
import { THREAD_ID } from './discussion-fixtures';

export const SUMMARY_ID = '7c1d2e3f-0000-4000-8000-000000000001';
export const CASE_STUDY_ID = '7c1d2e3f-0000-4000-8000-000000000002';

const base = {
  networkId: 'network-1',
  networkSlug: 'welcoming-cities',
  organisation: null,
  language: 'en',
  status: 'published',
  scope: 'network',
  discussionCount: 0,
  canEdit: false,
  publishedAt: '2026-01-14T09:00:00.000Z',
  createdAt: '2026-01-14T09:00:00.000Z',
  updatedAt: '2026-01-14T09:00:00.000Z',
} as const;

export function makeSummary(overrides: Partial<ResearchSummaryView> = {}): ResearchSummaryView {
  return {
    ...base,
    id: SUMMARY_ID,
    title: 'Mentoring by volunteers speeds up labour market entry',
    summary: 'Volunteers who meet newcomers weekly help them find work sooner.',
    wordCount: 10,
    keyFinding: 'Weekly volunteer mentoring shortens the time to a first job.',
    practiceImplications: 'Plan for a year of weekly meetings.',
    question: 'what_works',
    phase: 'implementation',
    sources: [{ url: 'https://example.org/brief', citation: 'FOCUS (2019). Policy brief.' }],
    topics: ['volunteers'],
    ...overrides,
  };
}

export function makeCaseStudy(overrides: Partial<CaseStudyView> = {}): CaseStudyView {
  return {
    ...base,
    id: CASE_STUDY_ID,
    programmeName: 'Neighbours at the Table',
    topics: ['two_way_integration'],
    city: 'Ghent',
    country: 'BE',
    summary: 'Shared dinners between newcomers and long-time residents.',
    targetGroups: ['Refugee families'],
    twoWay: 'Residents host the dinners.',
    resources: { annualBudgetEur: 48000, staffFte: 1.5, volunteers: 40, durationMonths: 24 },
    fundingSources: ['amif', 'local_budget'],
    outcomes: 'Friendships that last.',
    evaluation: 'Interviews after a year.',
    adaptation: 'Find a venue first.',
    contact: 'table@example.org',
    ...overrides,
  };
}

export function makeLink(overrides: Partial<ThreadLinkView> = {}): ThreadLinkView {
  return {
    id: '7c1d2e3f-0000-4000-8000-0000000000a1',
    threadId: THREAD_ID,
    targetType: 'research',
    targetId: SUMMARY_ID,
    title: 'Mentoring by volunteers speeds up labour market entry',
    note: 'The evidence behind our mentoring scheme',
    createdAt: '2026-01-15T09:00:00.000Z',
    ...overrides,
  };
}
