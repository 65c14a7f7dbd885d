import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import type { Page } from '@tandem/domain';
import { useMemo } from 'react';
import { useApiClient } from './api-context';

/** A cursor-paged list (`Page<T>`), one "show more" at a time. */
export function usePagedQuery<T>(queryKey: QueryKey, path: string, enabled = true) {
  const api = useApiClient();
  const query = useInfiniteQuery({
    queryKey,
    enabled,
    queryFn: ({ pageParam }) =>
      api.get<Page<T>>(path, { query: { cursor: pageParam ?? undefined } }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  return { query, items };
}
