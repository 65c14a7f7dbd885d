import { useQueryClient } from '@tanstack/react-query';
import type { PairingView } from '@tandem/domain';
import { useEffect } from 'react';
import type { ApiClient } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { useRealtime } from '../realtime/realtime-context';

/** Cache keys of the mentoring screens, under the network's so leaving a network clears them. */
export const mentoringKeys = {
  all: (slug: string) => ['networks', slug, 'mentoring'] as const,
  myProfile: (slug: string) => ['networks', slug, 'mentoring', 'profile'] as const,
  profiles: (slug: string) => ['networks', slug, 'mentoring', 'profiles'] as const,
  suggestions: (slug: string, menteeId: string) =>
    ['networks', slug, 'mentoring', 'suggestions', menteeId] as const,
  pairings: (slug: string) => ['networks', slug, 'mentoring', 'pairings'] as const,
  overview: (slug: string) => ['networks', slug, 'mentoring', 'overview'] as const,
  pairing: (id: string) => ['pairings', id] as const,
};

export const networkPath = (slug: string) => `/networks/${encodeURIComponent(slug)}`;
export const pairingPath = (id: string) => `/pairings/${encodeURIComponent(id)}`;

/**
 * Keeps pairings current: every `pairing:updated` (the viewer's own view, sent to them alone)
 * replaces the cached pairing and refreshes the network's mentoring lists.
 */
export function usePairingUpdates(): void {
  const { socket } = useRealtime();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!socket) return undefined;
    const onUpdated = (pairing: PairingView) => {
      queryClient.setQueryData(mentoringKeys.pairing(pairing.id), pairing);
      void queryClient.invalidateQueries({ queryKey: mentoringKeys.all(pairing.networkSlug) });
    };
    socket.on('pairing:updated', onUpdated);
    return () => {
      socket.off('pairing:updated', onUpdated);
    };
  }, [socket, queryClient]);
}

/**
 * Downloads a file the API serves to signed-in people only (a calendar, a CSV): a plain link
 * cannot carry the bearer token, so it is fetched with it (refreshed once on a 401) and handed
 * to the browser as a file.
 */
export async function downloadFile(api: ApiClient, path: string, filename: string): Promise<void> {
  const fetchWith = (token: string | undefined) =>
    fetch(`/api${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  let response = await fetchWith(api.readSession()?.accessToken);
  if (response.status === 401) {
    const renewed = await api.refreshSession();
    if (renewed) response = await fetchWith(renewed.accessToken);
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
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
