import type { ApiClient } from '../api/api-client';
import { ApiError } from '../api/api-error';

/** Query keys of curation; under ['entries'] so one invalidation refreshes every entry view. */
export const entryKeys = {
  all: ['entries'] as const,
  list: (slug: string, filters: string) => ['entries', 'list', slug, filters] as const,
  entry: (id: string) => ['entries', 'item', id] as const,
  versions: (id: string) => ['entries', 'item', id, 'versions'] as const,
  version: (id: string, version: number) => ['entries', 'item', id, 'versions', version] as const,
  settings: (slug: string) => ['entries', 'settings', slug] as const,
};

export const entryPath = (id: string) => `/entries/${encodeURIComponent(id)}`;

/**
 * Downloads an export with the session's token (a plain link cannot carry it) and hands it to
 * the browser as a file. A 401 refreshes the session once and tries again, like every API call.
 */
export async function downloadExport(
  api: ApiClient,
  path: string,
  fallbackName: string,
): Promise<void> {
  const send = (token: string | undefined) =>
    fetch(`/api${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  let response = await send(api.readSession()?.accessToken);
  if (response.status === 401) {
    const renewed = await api.refreshSession();
    if (renewed) response = await send(renewed.accessToken);
  }
  if (!response.ok) {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    throw ApiError.fromBody(response.status, body);
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the address goes away.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
