import { Injectable } from '@nestjs/common';
import { SEARCH_TYPES, SearchResults, SearchType } from '@tandem/domain';
import type { Actor } from '../platform/http/actor';
import { SearchRepository } from './search.repository';

@Injectable()
export class SearchService {
  constructor(private readonly searches: SearchRepository) {}

  /**
   * Full-text search across what the viewer may read: threads, messages, research summaries,
   * case studies and published entries, or only the `types` asked for. Who may read what is
   * decided inside the query (see SearchRepository.findHits), never after it.
   */
  async search(
    actor: Actor,
    q: string,
    types: SearchType[],
    networkSlug: string | undefined,
    limit: number,
  ): Promise<SearchResults> {
    const wanted = new Set(types.length > 0 ? types : SEARCH_TYPES);
    return {
      query: q,
      hits: await this.searches.findHits(actor.userId, q, wanted, networkSlug, limit),
    };
  }
}
