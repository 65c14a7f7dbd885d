import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import type { Page } from '@tandem/domain';
import { useMemo } from 'react';
import type { ApiClient } from './api-client';
import { useApiClient } from './api-context';

/** Fetches one page of a cursor-paged list; the first page has no cursor. */
export type PageFetcher<T> = (api: ApiClient, cursor: string | undefined) => Promise<Page<T>>;

/** A cursor-paged list (`Page<T>`), one "show more" at a time. */
export function usePagedQuery<T>(queryKey: QueryKey, fetchPage: PageFetcher<T>, enabled = true) {
  const api = useApiClient();
  const query = useInfiniteQuery({
    queryKey,
    enabled,
    queryFn: ({ pageParam }) => fetchPage(api, pageParam ?? undefined),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  return { query, items };
}
