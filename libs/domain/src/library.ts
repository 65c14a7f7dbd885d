import { DomainError } from './errors';
import type { Decision, Standing } from './networks';
import type { Topic } from './topics';

export const RESEARCH_QUESTIONS = ['what_matters', 'what_works'] as const;
export type ResearchQuestion = (typeof RESEARCH_QUESTIONS)[number];

export const PHASES = ['development', 'implementation', 'evaluation'] as const;
export type Phase = (typeof PHASES)[number];

export const FUNDING_SOURCES = [
  'amif',
  'esf_plus',
  'national_budget',
  'local_budget',
  'private_foundation',
  'donations',
  'other',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** Content languages with a Postgres text-search configuration of their own; others use `simple`. */
export const CONTENT_LANGUAGES = ['en', 'fr', 'it', 'de', 'other'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

export const SEARCH_CONFIG_FOR: Record<
  ContentLanguage,
  'english' | 'french' | 'italian' | 'german' | 'simple'
> = {
  en: 'english',
  fr: 'french',
  it: 'italian',
  de: 'german',
  other: 'simple',
};

export const LIBRARY_STATUSES = ['draft', 'published'] as const;
export type LibraryStatus = (typeof LIBRARY_STATUSES)[number];

/** `network`: readable by the owning network's members; `public`: by everyone signed in. */
export const LIBRARY_SCOPES = ['network', 'public'] as const;
export type LibraryScope = (typeof LIBRARY_SCOPES)[number];

/** Practitioners asked for research that fits on one page. */
export const SUMMARY_MAX_WORDS = 400;
export const SUMMARY_TITLE_MAX_LENGTH = 200;
export const KEY_FINDING_MAX_LENGTH = 600;
export const IMPLICATIONS_MAX_LENGTH = 2000;
export const CITATION_MAX_LENGTH = 500;
export const SOURCES_MAX = 10;
export const LINK_NOTE_MAX_LENGTH = 300;

/**
 * Words as a reader counts them: runs of letters or digits, with inner apostrophes and hyphens
 * keeping a word whole ("l'intégration", "two-way" are one word each). Combining marks belong to
 * the letter they follow, so decomposed (NFD) "école" is one word too. The same function runs on
 * the server and in the web form, so both agree on the limit.
 */
export function countWords(text: string): number {
  const matches = text.match(
    /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu,
  );
  return matches ? matches.length : 0;
}

export function withinWordLimit(text: string, max = SUMMARY_MAX_WORDS): boolean {
  return countWords(text) <= max;
}

/**
 * Whether text is free of the C0 control characters other than tab, line feed and carriage
 * return: Postgres refuses NUL in text, and XML 1.0 (the Atom feed) refuses all of them.
 */
export function isPlainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return false;
  }
  return true;
}

/** Source links must be http(s) URLs: no javascript:, data: or file: addresses in the library. */
export function isSafeSourceUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export interface LibraryItemAccess {
  scope: LibraryScope;
  status: LibraryStatus;
  /** The viewer's role in the item's network (null: not a member). */
  standing: Standing;
  isAuthor: boolean;
}

/**
 * Published public items are for everyone signed in; network items for that network's members.
 * Drafts are for their author and the network's moderators and admins. Anything else does not
 * exist for the viewer.
 */
export function canReadLibraryItem(access: LibraryItemAccess): boolean {
  if (access.status === 'published') return access.scope === 'public' || access.standing !== null;
  // Drafts stay inside the network, with their author and its moderators.
  if (access.standing === null) return false;
  return access.isAuthor || access.standing === 'moderator' || access.standing === 'admin';
}

/** Opening an item to every signed-in user is the network's call: moderators and admins. */
export function setLibraryScope(standing: Standing, scope: LibraryScope): Decision {
  if (scope === 'public' && standing !== 'moderator' && standing !== 'admin') {
    return {
      allowed: false,
      error: new DomainError(
        'forbidden',
        'Only moderators and admins can make library items public',
      ),
    };
  }
  return { allowed: true };
}

export function readLibraryItem(access: LibraryItemAccess, what: string): Decision {
  return canReadLibraryItem(access)
    ? { allowed: true }
    : { allowed: false, error: new DomainError('not_found', `${what} not found`) };
}

/** Members of a network add to its library; the author and its moderators edit and publish. */
export function createLibraryItem(standing: Standing): Decision {
  if (standing === null)
    return { allowed: false, error: new DomainError('not_found', 'Network not found') };
  return { allowed: true };
}

export function editLibraryItem(access: LibraryItemAccess, what: string): Decision {
  if (!canReadLibraryItem(access))
    return { allowed: false, error: new DomainError('not_found', `${what} not found`) };
  if (access.isAuthor && access.standing !== null) return { allowed: true };
  // Only members can edit: a public reader from elsewhere is told no, not that it is missing.
  if (access.standing === 'moderator' || access.standing === 'admin') return { allowed: true };
  return {
    allowed: false,
    error: new DomainError(
      'forbidden',
      `Only the author or the network's moderators can change this ${what.toLowerCase()}`,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Request bodies
// ---------------------------------------------------------------------------------------------

export interface SourceLinkBody {
  /** An http or https address. */
  url: string;
  citation: string;
}

/** `POST /api/research-summaries`. */
export interface CreateResearchSummaryBody {
  /** Slug of the network that owns the summary. */
  network: string;
  title: string;
  /** At most SUMMARY_MAX_WORDS words. */
  summary: string;
  keyFinding: string;
  /** What this means for your programme. */
  practiceImplications: string;
  question: ResearchQuestion;
  phase: Phase;
  language: ContentLanguage;
  sources: SourceLinkBody[];
  topics?: Topic[];
  /** `public` is for moderators and admins. */
  scope?: LibraryScope;
  status?: LibraryStatus;
}

/** `PATCH /api/research-summaries/:id`: the fields to change. */
export type UpdateResearchSummaryBody = Partial<Omit<CreateResearchSummaryBody, 'network'>>;

/** `POST /api/case-studies`. */
export interface CreateCaseStudyBody {
  /** Slug of the network that owns the case study. */
  network: string;
  programmeName: string;
  city?: string;
  /** ISO 3166-1 alpha-2, any case. */
  country: string;
  summary: string;
  targetGroups?: string[];
  /** How the receiving community takes part; null when it does not. */
  twoWay?: string | null;
  annualBudgetEur: number;
  /** Staff in full-time equivalents, one decimal. */
  staffFte: number;
  volunteers: number;
  durationMonths: number;
  fundingSources: FundingSource[];
  outcomes?: string;
  evaluation?: string;
  adaptation?: string;
  contact?: string;
  language: ContentLanguage;
  topics?: Topic[];
  scope?: LibraryScope;
  status?: LibraryStatus;
}

/** `PATCH /api/case-studies/:id`: the fields to change. */
export type UpdateCaseStudyBody = Partial<Omit<CreateCaseStudyBody, 'network'>>;

/** `POST /api/threads/:id/links`. */
export interface CreateThreadLinkBody {
  targetType: 'research' | 'case_study' | 'entry';
  targetId: string;
  /** Why it matters for this discussion. */
  note?: string;
}
