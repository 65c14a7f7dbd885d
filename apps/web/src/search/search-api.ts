import type { SearchResults, SearchType } from '@tandem/domain';
import type { ApiClient } from '../api/api-client';

/** Searches discussions and the library for the words, among the given kinds of result. */
export const search = (api: ApiClient, q: string, types: readonly SearchType[]) =>
  api.get<SearchResults>('/search', { query: { q, types: types.join(',') } });
