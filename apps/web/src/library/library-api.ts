import type {
  CaseStudyView,
  ContentLanguage,
  DiscussedInView,
  FundingSource,
  LibraryScope,
  LibraryStatus,
  Page,
  Phase,
  ResearchQuestion,
  ResearchSummaryView,
  Topic,
} from '@tandem/domain';
import type { ApiClient } from '../api/api-client';

export type LibraryKind = 'research' | 'case_study';

const KIND_PATH = {
  research: '/research-summaries',
  case_study: '/case-studies',
  entry: '/entries',
} as const;

const itemPath = (kind: keyof typeof KIND_PATH, id: string) =>
  `${KIND_PATH[kind]}/${encodeURIComponent(id)}`;

/** Filters and paging of a library list; undefined values are left out of the address. */
export type LibraryListQuery = Record<string, string | number | undefined>;

/** What every item's author writes; the network only on creation, the status only to change it. */
export interface LibraryItemInput {
  network?: string;
  topics: Topic[];
  language: ContentLanguage;
  scope: LibraryScope;
  status?: LibraryStatus;
}

export interface ResearchSummaryInput extends LibraryItemInput {
  title: string;
  keyFinding: string;
  summary: string;
  practiceImplications: string;
  question: ResearchQuestion | null;
  phase: Phase | null;
  sources: { url: string; citation: string }[];
}

export interface CaseStudyInput extends LibraryItemInput {
  programmeName: string;
  city: string;
  country: string | null;
  summary: string;
  targetGroups: string[];
  twoWay: string | null;
  annualBudgetEur?: number;
  staffFte?: number;
  volunteers?: number;
  durationMonths?: number;
  fundingSources: FundingSource[];
  outcomes: string;
  evaluation: string;
  adaptation: string;
  contact: string;
}

export const getResearchSummary = (api: ApiClient, id: string) =>
  api.get<ResearchSummaryView>(itemPath('research', id));

export const getCaseStudy = (api: ApiClient, id: string) =>
  api.get<CaseStudyView>(itemPath('case_study', id));

export const listResearchSummaries = (api: ApiClient, query: LibraryListQuery) =>
  api.get<Page<ResearchSummaryView>>(KIND_PATH.research, { query });

export const listCaseStudies = (api: ApiClient, query: LibraryListQuery) =>
  api.get<Page<CaseStudyView>>(KIND_PATH.case_study, { query });

/** One page of either list, for the library's tabs. */
export const listLibrary = (api: ApiClient, kind: LibraryKind, query: LibraryListQuery) =>
  api.get<Page<ResearchSummaryView | CaseStudyView>>(KIND_PATH[kind], { query });

/** The first published items matching the words, for the pickers that link to the library. */
export const publishedQuery = (q: string): LibraryListQuery => ({
  q: q || undefined,
  status: 'published',
  limit: 20,
});

/** Creates the summary, or updates it when it has an id. */
export const saveResearchSummary = (
  api: ApiClient,
  id: string | undefined,
  body: ResearchSummaryInput,
) =>
  id
    ? api.patch<ResearchSummaryView>(itemPath('research', id), body)
    : api.post<ResearchSummaryView>(KIND_PATH.research, body);

/** Creates the case study, or updates it when it has an id. */
export const saveCaseStudy = (api: ApiClient, id: string | undefined, body: CaseStudyInput) =>
  id
    ? api.patch<CaseStudyView>(itemPath('case_study', id), body)
    : api.post<CaseStudyView>(KIND_PATH.case_study, body);

export const publishResearchSummary = (api: ApiClient, id: string) =>
  api.patch<ResearchSummaryView>(itemPath('research', id), { status: 'published' });

export const publishCaseStudy = (api: ApiClient, id: string) =>
  api.patch<CaseStudyView>(itemPath('case_study', id), { status: 'published' });

/** The threads the caller may read that cite the item (a summary, case study or entry). */
export const listDiscussedIn = (api: ApiClient, kind: keyof typeof KIND_PATH, id: string) =>
  api.get<DiscussedInView[]>(`${itemPath(kind, id)}/discussions`);

/** Issues the caller's personal Atom feed key; answers with the feed's address. */
export const issueFeedKey = (api: ApiClient) => api.post<{ atomPath: string }>('/me/feed-key');
