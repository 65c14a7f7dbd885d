import type { ApiClient } from './api-client';
import { ApiError } from './api-error';

/**
 * Downloads a file the API serves to signed-in people only (an export, a calendar, a CSV): a
 * plain link cannot carry the bearer token, so it is fetched with it and handed to the browser
 * as a file. A 401 refreshes the session once and tries again, like every API call.
 *
 * `filename` names the file, unless `preferServerName` lets the name the server gives in
 * Content-Disposition win (exports name themselves after the entry or guide).
 */
export async function downloadFile(
  api: ApiClient,
  path: string,
  filename: string,
  { preferServerName = false }: { preferServerName?: boolean } = {},
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
  const name =
    (preferServerName ? /filename="([^"]+)"/.exec(disposition)?.[1] : undefined) ?? filename;
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
