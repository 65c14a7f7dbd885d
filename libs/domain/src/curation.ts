/**
 * Curation: a moderator turns a good thread into a best-practice entry that other networks can
 * reuse. The rules here — the workflow, who may do what, what a quote may show, how long each
 * part may be — need no I/O; the server and the web app both call them.
 */
import type { AuthorView } from './contract';
import type { Attribution } from './discussions';
import { DomainError } from './errors';
import type { ContentLanguage, LibraryScope, Phase } from './library';
import { countWords } from './library';
import { atLeast, type Decision, type Standing } from './networks';
import type { Topic } from './topics';

// ---------------------------------------------------------------------------------- workflow

export const ENTRY_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** `network`: the owning network's members; `public`: everyone signed in, if the network allows. */
export const ENTRY_SCOPES = ['network', 'public'] as const satisfies readonly LibraryScope[];
export type EntryScope = (typeof ENTRY_SCOPES)[number];

/**
 * What moves an entry from one status to another. `revise` opens a published entry for a new
 * version: readers keep seeing the published version until the next `publish`.
 */
export const ENTRY_ACTIONS = ['submit', 'request_changes', 'publish', 'archive', 'revise'] as const;
export type EntryAction = (typeof ENTRY_ACTIONS)[number];

/** The state machine: for each status, the actions it allows and where each leads. */
export const ENTRY_TRANSITIONS: Record<EntryStatus, Partial<Record<EntryAction, EntryStatus>>> = {
  draft: { submit: 'in_review' },
  in_review: { publish: 'published', request_changes: 'draft' },
  published: { archive: 'archived', revise: 'draft' },
  archived: {},
};

/** The actions a status allows, in a stable order. */
export function allowedEntryActions(status: EntryStatus): EntryAction[] {
  return ENTRY_ACTIONS.filter((action) => ENTRY_TRANSITIONS[status][action] !== undefined);
}

export interface InvalidTransitionDetails {
  status: EntryStatus;
  action: EntryAction;
  allowed: EntryAction[];
}

/**
 * Where `action` takes an entry in `status`, or an `invalid_transition` error naming the actions
 * that status does allow. Nothing may change when it throws.
 */
export function nextStatus(status: EntryStatus, action: EntryAction): EntryStatus {
  const next = ENTRY_TRANSITIONS[status][action];
  if (next === undefined) {
    const allowed = allowedEntryActions(status);
    const details: InvalidTransitionDetails = { status, action, allowed };
    throw new DomainError(
      'invalid_transition',
      `An entry that is ${status.replace('_', ' ')} cannot be ${PAST[action]}` +
        (allowed.length > 0 ? `; allowed: ${allowed.join(', ')}` : '; it allows no action'),
      details,
    );
  }
  return next;
}

const PAST: Record<EntryAction, string> = {
  submit: 'submitted',
  request_changes: 'sent back for changes',
  publish: 'published',
  archive: 'archived',
  revise: 'revised',
};

// ----------------------------------------------------------------------------------- access

export interface EntryAccess {
  status: EntryStatus;
  scope: EntryScope;
  /** Whether the owning network's admins let its entries be public (network setting). */
  allowPublic: boolean;
  /** Whether a version has been published (readers see the latest one). */
  hasPublishedVersion: boolean;
  /** The viewer's role in the entry's network (null: not a member). */
  standing: Standing;
  /** Whether the viewer curated (drafted) the entry. */
  isDrafter: boolean;
}

/**
 * The scope readers actually get: a public entry is public only while its network allows
 * public entries, so an admin who withdraws the permission withdraws every public entry at once.
 */
export function effectiveScope(scope: EntryScope, allowPublic: boolean): EntryScope {
  return scope === 'public' && allowPublic ? 'public' : 'network';
}

/** Moderators and admins of the network, and the drafter while still a member, see the working copy. */
export function canReadWorkingCopy(access: EntryAccess): boolean {
  if (access.standing === null) return false;
  return atLeast(access.standing, 'moderator') || access.isDrafter;
}

/**
 * A published version is read by the network's members, and by everyone signed in when the
 * entry is effectively public. Drafts and entries in review that were never published exist
 * only for those who see the working copy.
 */
export function canReadPublished(access: EntryAccess): boolean {
  if (!access.hasPublishedVersion) return false;
  if (access.standing !== null) return true;
  return effectiveScope(access.scope, access.allowPublic) === 'public';
}

export function canReadEntry(access: EntryAccess): boolean {
  return canReadWorkingCopy(access) || canReadPublished(access);
}

const entryNotFound = (): Decision => ({
  allowed: false,
  error: new DomainError('not_found', 'Entry not found'),
});

export function readEntry(access: EntryAccess): Decision {
  return canReadEntry(access) ? { allowed: true } : entryNotFound();
}

/**
 * Curating takes a moderator or admin who can read the thread (the caller checks the thread
 * first, answering 404 when it cannot be read). Threads of private channels stay out of
 * entries: their messages were written for fewer readers than any entry has.
 */
export function curateThread(input: {
  standing: Standing;
  channelVisibility: 'network' | 'private';
}): Decision {
  if (!atLeast(input.standing, 'moderator')) {
    return {
      allowed: false,
      error: new DomainError('forbidden', 'Only moderators and admins can curate threads'),
    };
  }
  if (input.channelVisibility === 'private') {
    return {
      allowed: false,
      error: new DomainError(
        'conflict',
        'Threads in private channels cannot be curated: their messages were written for a smaller audience than an entry has',
      ),
    };
  }
  return { allowed: true };
}

/** Editing, reviewing and archiving are the network's moderators' and admins' work. */
export function manageEntry(access: EntryAccess): Decision {
  if (!canReadEntry(access)) return entryNotFound();
  if (!atLeast(access.standing, 'moderator')) {
    return {
      allowed: false,
      error: new DomainError(
        'forbidden',
        "Only the network's moderators and admins manage entries",
      ),
    };
  }
  return { allowed: true };
}

/** Only drafts are edited: an entry in review is what the reviewer reads, a published one is a record. */
export function editEntry(access: EntryAccess): Decision {
  const managed = manageEntry(access);
  if (!managed.allowed) return managed;
  if (access.status !== 'draft') {
    return {
      allowed: false,
      error: new DomainError(
        'conflict',
        access.status === 'in_review'
          ? 'This entry is in review; request changes to edit it again'
          : access.status === 'published'
            ? 'This entry is published; revise it to start a new version'
            : 'This entry is archived and can no longer be edited',
      ),
    };
  }
  return { allowed: true };
}

/**
 * A status change by a moderator or admin. Publishing takes a second pair of eyes: someone
 * other than the entry's drafter. Legality of the transition is checked first, so an illegal
 * move answers 409 whoever asks.
 */
export function transitionEntry(access: EntryAccess, action: EntryAction): Decision {
  const managed = manageEntry(access);
  if (!managed.allowed) return managed;
  try {
    nextStatus(access.status, action);
  } catch (error) {
    return { allowed: false, error: error as DomainError };
  }
  if (action === 'publish' && access.isDrafter) {
    return {
      allowed: false,
      error: new DomainError(
        'forbidden',
        'You drafted this entry; another moderator or admin must publish it',
        { reason: 'self_publish' },
      ),
    };
  }
  return { allowed: true };
}

/** Public entries are the network admins' call, through the network setting. */
export function setEntryScope(scope: EntryScope, allowPublic: boolean): Decision {
  if (scope === 'public' && !allowPublic) {
    return {
      allowed: false,
      error: new DomainError('forbidden', "This network's admins have not allowed public entries"),
    };
  }
  return { allowed: true };
}

/** Only admins decide whether the network's entries may be public. */
export function changeEntrySettings(standing: Standing): Decision {
  if (standing === null)
    return { allowed: false, error: new DomainError('not_found', 'Network not found') };
  if (standing !== 'admin') {
    return {
      allowed: false,
      error: new DomainError('forbidden', 'Only admins can change who may read entries'),
    };
  }
  return { allowed: true };
}

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
export type StoredQuoteAuthor =
  | { kind: 'named'; userId: string | null; organisationLabel: string }
  | { kind: 'chatham'; label: string };

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
  authorId: string | null,
): StoredQuoteAuthor {
  if (attribution === 'chatham') return { kind: 'chatham', label: authorLabel };
  return { kind: 'named', userId: authorId, organisationLabel: authorLabel };
}

/** How a stored quote author is shown: the named author's current name, or the label. */
export function quoteAuthorView(
  stored: StoredQuoteAuthor,
  named: { displayName: string; handle: string } | null,
): AuthorView {
  if (stored.kind === 'chatham') return { kind: 'chatham', label: stored.label };
  if (!named || stored.userId === null) {
    return {
      kind: 'named',
      userId: '',
      displayName: 'Former member',
      handle: '',
      organisationLabel: null,
    };
  }
  return {
    kind: 'named',
    userId: stored.userId,
    displayName: named.displayName,
    handle: named.handle,
    organisationLabel:
      stored.organisationLabel === 'Independent practitioner' ? null : stored.organisationLabel,
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

// -------------------------------------------------------------------------- response shapes

export interface EntryPersonView {
  userId: string;
  displayName: string;
}

/** A best-practice entry as the viewer may see it. */
export interface EntryView {
  id: string;
  networkId: string | null;
  networkSlug: string | null;
  /**
   * The working status for those who see the working copy; for other readers `published` or
   * `archived` (a revision in progress is not theirs to see).
   */
  status: EntryStatus;
  scope: EntryScope;
  /** The scope readers get now (public only while the network allows it). */
  effectiveScope: EntryScope;
  /** The latest published version; null until the first publish. */
  currentVersion: number | null;
  /** True when `content` is the working copy rather than a published version. */
  isWorkingCopy: boolean;
  content: EntryContent;
  /** The thread it was curated from, when the viewer can read it. */
  sourceThread: { id: string; title: string } | null;
  /** The moderator who curated it; shown to those who see the working copy. */
  drafter: EntryPersonView | null;
  /** The last request for changes, for those who see the working copy. */
  reviewNote: { note: string; by: EntryPersonView | null; at: string } | null;
  /** What the viewer may do next. */
  actions: EntryAction[];
  canEdit: boolean;
  /** Threads the viewer may read that link to the entry. */
  discussionCount: number;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A line of the network's entry list, and the `entry:published` payload. */
export interface EntrySummaryView {
  id: string;
  networkId: string;
  title: string;
  summary: string;
  topics: Topic[];
  phase: Phase;
  language: ContentLanguage;
  status: EntryStatus;
  scope: EntryScope;
  currentVersion: number | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EntryVersionSummaryView {
  version: number;
  title: string;
  note: string;
  publishedBy: EntryPersonView | null;
  publishedAt: string;
}

export interface EntryVersionView extends EntryVersionSummaryView {
  entryId: string;
  content: EntryContent;
}

/** Shown on the thread an entry was curated from. */
export interface CuratedIntoView {
  entryId: string;
  title: string;
  status: EntryStatus;
  currentVersion: number | null;
}

export interface EntrySettingsView {
  allowPublicEntries: boolean;
  canChange: boolean;
}

// ---------------------------------------------------------------------------------------------
// Request bodies
// ---------------------------------------------------------------------------------------------

/** `POST /api/threads/:id/curate`: a draft entry prefilled from the thread. */
export interface CurateThreadBody {
  /** Messages of the thread to quote as evidence, in order. */
  messageIds?: string[];
  /** Defaults to the thread's title. */
  title?: string;
  phase?: Phase;
  language?: ContentLanguage;
  scope?: EntryScope;
}

export interface EntryContextBody {
  who?: string;
  where?: string;
}

/** Each figure may be null: "not stated yet" (review needs all of them). */
export interface EntryResourcesBody {
  budgetEur?: number | null;
  staffFte?: number | null;
  volunteers?: number | null;
  durationMonths?: number | null;
  note?: string;
}

export interface EntryLinkBody {
  type: EntryLinkType;
  id: string;
}

/** `PATCH /api/entries/:id`: `messageIds` and `links` replace their lists whole. */
export interface UpdateEntryBody {
  title?: string;
  summary?: string;
  context?: EntryContextBody;
  whatWasDone?: string;
  whatWorked?: string;
  whatDidNot?: string;
  adaptation?: string;
  evaluation?: string;
  resources?: EntryResourcesBody;
  topics?: Topic[];
  phase?: Phase;
  language?: ContentLanguage;
  scope?: EntryScope;
  messageIds?: string[];
  links?: EntryLinkBody[];
}

/** `POST /api/entries/:id/request-changes`: what to change, for the drafter. */
export interface RequestChangesBody {
  note: string;
}

/** `POST /api/entries/:id/publish`. */
export interface PublishEntryBody {
  /** What changed in this version. */
  note?: string;
}

/** `PATCH /api/networks/:slug/entry-settings`. */
export interface EntrySettingsBody {
  allowPublicEntries: boolean;
}
