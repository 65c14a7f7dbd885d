/**
 * Curation: a moderator turns a good thread into a best-practice entry that other networks can
 * reuse. The rules here — the workflow and who may do what (what an entry holds, what a quote
 * may show and how long each part may be: curation-content.ts) — need no I/O; the server and
 * the web app both call them.
 */
import type { EntryContent, EntryLinkType } from './curation-content';
import { DomainError } from './errors';
import type { ContentLanguage, LibraryScope, Phase } from './library';
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
  /**
   * The curator looked at the personal data the check found (see personal-data-check.ts) and
   * confirms it may go on; without it, findings answer 400.
   */
  confirmPersonalData?: boolean;

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
  /**
   * The curator looked at the personal data the check found (see personal-data-check.ts) and
   * confirms it may go on; without it, findings answer 400.
   */
  confirmPersonalData?: boolean;
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
  /**
   * The curator looked at the personal data the check found (see personal-data-check.ts) and
   * confirms it may go on; without it, findings answer 400.
   */
  confirmPersonalData?: boolean;
}

/** `PATCH /api/networks/:slug/entry-settings`. */
export interface EntrySettingsBody {
  allowPublicEntries: boolean;
}
