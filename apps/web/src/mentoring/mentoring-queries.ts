import { useQueryClient } from '@tanstack/react-query';
import type { PairingView } from '@tandem/domain';
import { useEffect } from 'react';
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

/** Addresses of the web pages (the API's paths live in mentoring-api.ts). */
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
