import {
  allowedEntryActions,
  canReadWorkingCopy,
  editEntry,
  effectiveScope,
  EntryAccess,
  EntryAction,
  EntryContent,
  EntryPersonView,
  EntryStatus,
  EntrySummaryView,
  EntryVersionSummaryView,
  EntryView,
  transitionEntry,
} from '@tandem/domain';
import type { EntryEntity, EntryVersionEntity } from './curation.entities';

/** The status a viewer is told: the working status to editors, the public state to readers. */
export function shownStatus(entry: Pick<EntryEntity, 'status'>, access: EntryAccess): EntryStatus {
  if (canReadWorkingCopy(access)) return entry.status;
  return entry.status === 'archived' ? 'archived' : 'published';
}

/** The actions this viewer may take now (self-publishing left out for the drafter). */
export function actionsFor(access: EntryAccess): EntryAction[] {
  return allowedEntryActions(access.status).filter(
    (action) => transitionEntry(access, action).allowed,
  );
}

export interface EntryViewParts {
  entry: EntryEntity;
  access: EntryAccess;
  networkSlug: string | null;
  content: EntryContent;
  isWorkingCopy: boolean;
  sourceThread: { id: string; title: string } | null;
  drafter: EntryPersonView | null;
  reviewNoteBy: EntryPersonView | null;
  publishedAt: Date | null;
  discussionCount: number;
  /** False when the network is private and the viewer is not a member: it stays unnamed. */
  revealNetwork: boolean;
}

/** The one mapper from an entry to its response: nothing reaches a client any other way. */
export function toEntryView(parts: EntryViewParts): EntryView {
  const { entry, access } = parts;
  const editor = canReadWorkingCopy(access);
  return {
    id: entry.id,
    networkId: parts.revealNetwork ? entry.networkId : null,
    networkSlug: parts.revealNetwork ? parts.networkSlug : null,
    status: shownStatus(entry, access),
    scope: entry.scope,
    effectiveScope: effectiveScope(entry.scope, access.allowPublic),
    currentVersion: entry.currentVersion,
    isWorkingCopy: parts.isWorkingCopy,
    content: parts.content,
    sourceThread: parts.sourceThread,
    drafter: editor ? parts.drafter : null,
    reviewNote:
      editor && entry.reviewNote !== null && entry.reviewNoteAt !== null
        ? { note: entry.reviewNote, by: parts.reviewNoteBy, at: entry.reviewNoteAt.toISOString() }
        : null,
    actions: actionsFor(access),
    canEdit: editEntry(access).allowed,
    discussionCount: parts.discussionCount,
    publishedAt: parts.publishedAt ? parts.publishedAt.toISOString() : null,
    createdAt: entry.createdAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
  };
}

export interface EntrySummaryRow {
  id: string;
  network_id: string;
  status: EntryStatus;
  shown_status: EntryStatus;
  scope: EntrySummaryView['scope'];
  current_version: number | null;
  title: string;
  summary: string;
  topics: EntrySummaryView['topics'];
  phase: EntrySummaryView['phase'];
  language: EntrySummaryView['language'];
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export function toEntrySummaryView(row: EntrySummaryRow): EntrySummaryView {
  return {
    id: row.id,
    networkId: row.network_id,
    title: row.title,
    summary: row.summary,
    topics: row.topics,
    phase: row.phase,
    language: row.language,
    status: row.shown_status,
    scope: row.scope,
    currentVersion: row.current_version,
    publishedAt: row.published_at ? row.published_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toVersionSummaryView(
  version: Pick<EntryVersionEntity, 'version' | 'title' | 'note' | 'publishedAt'>,
  publishedBy: EntryPersonView | null,
): EntryVersionSummaryView {
  return {
    version: version.version,
    title: version.title,
    note: version.note,
    publishedBy,
    publishedAt: version.publishedAt.toISOString(),
  };
}
