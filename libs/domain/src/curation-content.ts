/**
 * What a best-practice entry holds and how long each part may be: its resources, its evidence
 * quotes and how they show their authors, and what review asks to be filled in. Pure rules,
 * like the rest of curation (curation.ts: the workflow and who may do what).
 */
import type { AuthorView } from './contract';
import type { Attribution } from './discussions';
import type { ContentLanguage, Phase } from './library';
import { countWords } from './library';
import type { Topic } from './topics';
import { labelCodeOfEnglish, renderLabel, type LabelCode } from './organisation-labels';

// ----------------------------------------------------------------------------------- limits

/** Practitioners want one page: each part has a word limit and a character cap behind it. */
export const ENTRY_TITLE_MAX_LENGTH = 200;
export const ENTRY_WORD_LIMITS = {
  summary: 120,
  whatWasDone: 300,
  whatWorked: 200,
  whatDidNot: 200,
  adaptation: 200,
  evaluation: 200,
} as const;
export type EntryTextField = keyof typeof ENTRY_WORD_LIMITS;
export const ENTRY_TEXT_MAX_LENGTH = 3000;
export const ENTRY_CONTEXT_MAX_LENGTH = 300;
export const ENTRY_RESOURCES_NOTE_MAX_LENGTH = 500;
export const ENTRY_REVIEW_NOTE_MAX_LENGTH = 1000;
export const ENTRY_VERSION_NOTE_MAX_LENGTH = 500;
export const EVIDENCE_MAX = 10;
export const ENTRY_LINKS_MAX = 20;
/** A quote longer than this is cut on a word boundary, with an ellipsis. */
export const QUOTE_MAX_LENGTH = 700;
/** How many published entries one printable guide holds. */
export const GUIDE_MAX_ENTRIES = 200;
export const ENTRY_BUDGET_MAX_EUR = 1_000_000_000;
export const ENTRY_STAFF_FTE_MAX = 10_000;
export const ENTRY_VOLUNTEERS_MAX = 1_000_000;
export const ENTRY_DURATION_MAX_MONTHS = 600;

export const EXPORT_FORMATS = ['md', 'html', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// ---------------------------------------------------------------------------------- content

export interface EntryResources {
  /** Whole euros a year; null until stated. 0 is a real answer (a volunteer-run programme). */
  budgetEur: number | null;
  /** Staff in full-time equivalents, one decimal. */
  staffFte: number | null;
  volunteers: number | null;
  /** How long the programme runs (or ran), in months. */
  durationMonths: number | null;
  /** Anything the figures do not say: in-kind support, coordinator time, set-up costs. */
  note: string;
}

export type EntryLinkType = 'research' | 'case_study';

/** What a quote keeps of its author: a named thread's author id and label, or a Chatham label. */
/**
 * A quote's author as an entry stores it. `labelCode` is absent from versions published
 * before labels had codes; their English `label` then names the code.
 */
export type StoredQuoteAuthor =
  | { kind: 'named'; userId: string | null; organisationLabel: string; labelCode?: LabelCode }
  | { kind: 'chatham'; label: string; labelCode?: LabelCode };

function storedCode(stored: { labelCode?: LabelCode }, englishLabel: string): LabelCode {
  return stored.labelCode ?? labelCodeOfEnglish(englishLabel) ?? 'member';
}

export interface EvidenceQuoteView {
  messageId: string;
  seq: number;
  /** The quoted text (cut to QUOTE_MAX_LENGTH); empty when the message was deleted. */
  body: string;
  /** By the thread's rule: in a Chatham House thread, the label only. */
  author: AuthorView;
  postedAt: string;
  /** Only in a working copy: the message has been deleted since it was quoted. */
  deleted?: boolean;
  /**
   * Only in the working copy of an entry shared beyond its network: whether the author allowed
   * the quote (`pending` until they answer; a refused quote is left out when published).
   */
  consent?: { state: 'pending' | 'granted' | 'refused'; decidedAt: string | null };
}

export interface EntryLinkView {
  type: EntryLinkType;
  id: string;
  title: string;
}

/** The parts of an entry, as a working copy or as one published version. */
export interface EntryContent {
  title: string;
  summary: string;
  context: { who: string; where: string };
  whatWasDone: string;
  whatWorked: string;
  whatDidNot: string;
  resources: EntryResources;
  adaptation: string;
  evaluation: string;
  topics: Topic[];
  phase: Phase;
  language: ContentLanguage;
  evidence: EvidenceQuoteView[];
  /** Research and case studies it rests on, only those the viewer may open. */
  links: EntryLinkView[];
}

/**
 * What must be filled in before review: the parts a practitioner elsewhere needs to judge and
 * copy the programme, above all what it takes to run. Returns the problems, none when ready.
 */
export function reviewProblems(content: {
  title: string;
  summary: string;
  context: { who: string; where: string };
  whatWasDone: string;
  whatWorked: string;
  adaptation: string;
  evaluation: string;
  resources: EntryResources;
  evidence: { messageId: string; deleted?: boolean }[];
}): { field: string; problems: string[] }[] {
  const problems: { field: string; problems: string[] }[] = [];
  const need = (field: string, present: boolean, what: string) => {
    if (!present) problems.push({ field, problems: [what] });
  };
  need('title', content.title.trim().length > 0, 'a title is needed');
  need('summary', content.summary.trim().length > 0, 'a short summary is needed');
  need('context.who', content.context.who.trim().length > 0, 'say who ran it and for whom');
  need('context.where', content.context.where.trim().length > 0, 'say where it ran');
  need('whatWasDone', content.whatWasDone.trim().length > 0, 'say what was done');
  need('whatWorked', content.whatWorked.trim().length > 0, 'say what worked');
  need('adaptation', content.adaptation.trim().length > 0, 'say how to adapt it');
  need('evaluation', content.evaluation.trim().length > 0, 'say how to evaluate it');
  const r = content.resources;
  need('resources.budgetEur', r.budgetEur !== null, 'state the budget in EUR (0 if none)');
  need('resources.staffFte', r.staffFte !== null, 'state the staff in FTE (0 if none)');
  need('resources.volunteers', r.volunteers !== null, 'state the volunteers (0 if none)');
  need('resources.durationMonths', r.durationMonths !== null, 'state how long it runs');
  const deleted = content.evidence.filter((quote) => quote.deleted).map((q) => q.messageId);
  if (deleted.length > 0) {
    problems.push({
      field: 'messageIds',
      problems: [`remove the quotes of deleted messages: ${deleted.join(', ')}`],
    });
  }
  return problems;
}

/** Whether a text part stays within its word limit. */
export function withinEntryWordLimit(field: EntryTextField, text: string): boolean {
  return countWords(text) <= ENTRY_WORD_LIMITS[field];
}

/**
 * The attribution a quote keeps, by the thread's rule. A Chatham House quote keeps the label the
 * author had when posting and nothing else — no id, name, handle or email — so nothing about
 * the person can reach an entry, its versions or its exports.
 */
export function quoteAttribution(
  attribution: Attribution,
  authorLabel: string,
  authorLabelCode: LabelCode,
  authorId: string | null,
): StoredQuoteAuthor {
  if (attribution === 'chatham')
    return { kind: 'chatham', label: authorLabel, labelCode: authorLabelCode };
  return {
    kind: 'named',
    userId: authorId,
    organisationLabel: authorLabel,
    labelCode: authorLabelCode,
  };
}

/**
 * How a stored quote author is shown: the named author's current name, or the label, in
 * `locale` (English by default).
 */
export function quoteAuthorView(
  stored: StoredQuoteAuthor,
  named: { displayName: string; handle: string } | null,
  locale: string = 'en',
): AuthorView {
  if (stored.kind === 'chatham') {
    const labelCode = storedCode(stored, stored.label);
    return { kind: 'chatham', label: renderLabel(labelCode, locale), labelCode };
  }
  if (!named || stored.userId === null) {
    return {
      kind: 'named',
      userId: '',
      displayName: 'Former member',
      handle: '',
      organisationLabel: null,
      organisationLabelCode: null,
    };
  }
  const code = storedCode(stored, stored.organisationLabel);
  const independent = code === 'independent';
  return {
    kind: 'named',
    userId: stored.userId,
    displayName: named.displayName,
    handle: named.handle,
    organisationLabel: independent ? null : renderLabel(code, locale),
    organisationLabelCode: independent ? null : code,
  };
}

/** The words a reader sees under a quote: "Amira Haddad, Local NGO", or just "Local NGO". */
export function quoteAttributionText(author: AuthorView): string {
  if (author.kind === 'chatham') return author.label;
  return author.organisationLabel
    ? `${author.displayName}, ${author.organisationLabel}`
    : author.displayName;
}

/** A message as quoted: cut to `max` characters on a word boundary, marked with an ellipsis. */
export function quoteExcerpt(body: string, max = QUOTE_MAX_LENGTH): string {
  const text = body.trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.search(/\s\S*$/);
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()} …`;
}

/** A file name safe in any browser and file system: ASCII letters, digits and hyphens. */
export function exportFileName(title: string, extension: ExportFormat, version?: number): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  const name = base.length > 0 ? base : 'entry';
  return `${name}${version ? `-v${version}` : ''}.${extension}`;
}
