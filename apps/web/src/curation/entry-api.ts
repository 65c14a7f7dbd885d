import { useQuery } from '@tanstack/react-query';
import type {
  ContentLanguage,
  EntryAction,
  EntryLinkView,
  EntryScope,
  EntrySettingsView,
  EntrySummaryView,
  EntryTextField,
  EntryVersionSummaryView,
  EntryVersionView,
  EntryView,
  ExportFormat,
  Page,
  Phase,
  Topic,
} from '@tandem/domain';
import type { ApiClient } from '../api/api-client';
import { useApiClient } from '../api/api-context';
import { downloadFile } from '../api/download-file';

/** Query keys of curation; under ['entries'] so one invalidation refreshes every entry view. */
export const entryKeys = {
  all: ['entries'] as const,
  list: (slug: string, filters: EntryFilters) => ['entries', 'list', slug, filters] as const,
  entry: (id: string) => ['entries', 'item', id] as const,
  versions: (id: string) => ['entries', 'item', id, 'versions'] as const,
  version: (id: string, version: number) => ['entries', 'item', id, 'versions', version] as const,
  settings: (slug: string) => ['entries', 'settings', slug] as const,
};

export const entryPath = (id: string) => `/entries/${encodeURIComponent(id)}`;
const networkEntriesPath = (slug: string) => `/networks/${encodeURIComponent(slug)}/entries`;
const entrySettingsPath = (slug: string) => `/networks/${encodeURIComponent(slug)}/entry-settings`;

const ACTION_PATH: Record<EntryAction, string> = {
  submit: 'submit',
  request_changes: 'request-changes',
  publish: 'publish',
  archive: 'archive',
  revise: 'revise',
};

/** The working copy as the form sends it; the quotes and sources are saved on their own. */
export type EntryContentInput = Record<EntryTextField, string> & {
  title: string;
  context: { who: string; where: string };
  resources: {
    budgetEur?: number | null;
    staffFte?: number | null;
    volunteers?: number | null;
    durationMonths?: number | null;
    note: string;
  };
  topics: Topic[];
  phase: Phase;
  language: ContentLanguage;
  scope: EntryScope;
};

/** Any part of the working copy: its content, its quotes in order, or its sources. */
export type EntryChange =
  EntryContentInput | { messageIds: string[] } | { links: Pick<EntryLinkView, 'type' | 'id'>[] };

export const getEntry = (api: ApiClient, id: string) => api.get<EntryView>(entryPath(id));

/** The filters of a network's entry list; an empty one is left out. */
export interface EntryFilters {
  status?: string;
  topic?: string;
  phase?: string;
  q?: string;
}

/** A page of the network's entries. */
export const listEntries = (api: ApiClient, slug: string, filters: EntryFilters, cursor?: string) =>
  api.get<Page<EntrySummaryView>>(networkEntriesPath(slug), { query: { ...filters, cursor } });

export const updateEntry = (api: ApiClient, id: string, change: EntryChange) =>
  api.patch<EntryView>(entryPath(id), change);

/** A move in the review workflow; publish and request changes carry a note. */
export const moveEntry = (
  api: ApiClient,
  id: string,
  action: EntryAction,
  body: { note?: string } = {},
) => api.post<EntryView>(`${entryPath(id)}/${ACTION_PATH[action]}`, body);

/** Drafts an entry from a thread, quoting the chosen messages. */
export const curateThread = (
  api: ApiClient,
  threadId: string,
  body: { messageIds: string[]; phase: Phase; language: ContentLanguage },
) => api.post<EntryView>(`/threads/${encodeURIComponent(threadId)}/curate`, body);

export const listEntryVersions = (api: ApiClient, id: string) =>
  api.get<Page<EntryVersionSummaryView>>(`${entryPath(id)}/versions`, { query: { limit: 100 } });

export const getEntryVersion = (api: ApiClient, id: string, version: number) =>
  api.get<EntryVersionView>(`${entryPath(id)}/versions/${version}`);

export const getEntrySettings = (api: ApiClient, slug: string) =>
  api.get<EntrySettingsView>(entrySettingsPath(slug));

export const setPublicEntriesAllowed = (api: ApiClient, slug: string, allowed: boolean) =>
  api.patch<EntrySettingsView>(entrySettingsPath(slug), { allowPublicEntries: allowed });

/** The entry in one export format: what this viewer sees, or a chosen published version. */
export const downloadEntryExport = (
  api: ApiClient,
  id: string,
  format: ExportFormat,
  version?: number,
) =>
  downloadFile(
    api,
    `${entryPath(id)}/export?format=${format}${version ? `&version=${version}` : ''}`,
    `entry.${format}`,
    { preferServerName: true },
  );

/** The network's printable guide of published entries, in the reader's language. */
export const downloadGuide = (
  api: ApiClient,
  slug: string,
  format: ExportFormat,
  language: string,
) =>
  downloadFile(
    api,
    `${networkEntriesPath(slug)}/export?format=${format}&lang=${language}`,
    `guide.${format}`,
    { preferServerName: true },
  );

/** One entry by id, shared by the entry, version and edit pages. */
export function useEntry(id: string) {
  const api = useApiClient();
  return useQuery({ queryKey: entryKeys.entry(id), queryFn: () => getEntry(api, id) });
}
