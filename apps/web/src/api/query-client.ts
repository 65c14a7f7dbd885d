import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';

/** Keys of every cached query; prefixes matter, since invalidating ['networks'] covers a network's members too. */
export const queryKeys = {
  me: ['me'] as const,
  sessions: ['me', 'sessions'] as const,
  organisations: (query: string) => ['organisations', query] as const,
  networks: ['networks'] as const,
  network: (slug: string) => ['networks', slug] as const,
  members: (slug: string) => ['networks', slug, 'members'] as const,
  invitations: (slug: string) => ['networks', slug, 'invitations'] as const,
  invitation: (token: string) => ['invitation', token] as const,
  channels: (slug: string) => ['networks', slug, 'channels'] as const,
  channel: (id: string) => ['channels', id] as const,
  threads: (channelId: string) => ['channels', channelId, 'threads'] as const,
  thread: (id: string) => ['threads', id] as const,
  notifications: ['notifications'] as const,
  threadLinks: (id: string) => ['threads', id, 'links'] as const,
  /** Lists of summaries or case studies, keyed by their filters' query string. */
  libraryList: (kind: 'research' | 'case_study', filters: string) =>
    ['library', kind, 'list', filters] as const,
  researchSummary: (id: string) => ['library', 'research', 'item', id] as const,
  caseStudy: (id: string) => ['library', 'case_study', 'item', id] as const,
  discussedIn: (kind: 'research' | 'case_study' | 'entry', id: string) =>
    kind === 'entry'
      ? (['entries', 'item', id, 'discussions'] as const)
      : (['library', kind, 'item', id, 'discussions'] as const),
  search: (query: string, types: string) => ['search', query, types] as const,
};

/** Retrying a refusal (4xx) only repeats it; retry what may pass next time. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
