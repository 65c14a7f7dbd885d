import { Injectable } from '@nestjs/common';
import type { CuratedIntoView, ThreadLinkView } from '@tandem/domain';
import type { EntityManager } from 'typeorm';

/** What a thread view carries from the features above discussions. */
export interface ThreadAnnex {
  /** Evidence linked to the thread (library). */
  links: ThreadLinkView[];
  /** Best-practice entries curated from it (curation). */
  curatedInto: CuratedIntoView[];
}

/**
 * A feature above discussions that adds to a thread's view. Discussions owns this interface and
 * never imports its implementations: library and curation register theirs when their modules
 * start (a lower feature asks, a higher one answers).
 */
export interface ThreadAnnexProvider {
  /** What this viewer may see. Callers have authorized the thread for the viewer. */
  forViewer(
    manager: EntityManager,
    threadId: string,
    viewerId: string,
  ): Promise<Partial<ThreadAnnex>>;
  /**
   * What every reader of the thread may see, for payloads sent to the thread's whole room (no
   * drafts, nothing another network's reader could not open).
   */
  forRoom(manager: EntityManager, threadId: string): Promise<Partial<ThreadAnnex>>;
}

@Injectable()
export class ThreadAnnexRegistry {
  private readonly providers: ThreadAnnexProvider[] = [];

  register(provider: ThreadAnnexProvider): void {
    this.providers.push(provider);
  }

  async forViewer(
    manager: EntityManager,
    threadId: string,
    viewerId: string,
  ): Promise<ThreadAnnex> {
    const parts: Partial<ThreadAnnex>[] = [];
    // One after another: the manager may be a transaction's, whose one connection takes no
    // concurrent queries.
    for (const provider of this.providers) {
      parts.push(await provider.forViewer(manager, threadId, viewerId));
    }
    return this.gather(parts);
  }

  async forRoom(manager: EntityManager, threadId: string): Promise<ThreadAnnex> {
    const parts: Partial<ThreadAnnex>[] = [];
    for (const provider of this.providers) parts.push(await provider.forRoom(manager, threadId));
    return this.gather(parts);
  }

  private gather(parts: Partial<ThreadAnnex>[]): ThreadAnnex {
    const annex: ThreadAnnex = { links: [], curatedInto: [] };
    for (const part of parts) {
      if (part.links) annex.links.push(...part.links);
      if (part.curatedInto) annex.curatedInto.push(...part.curatedInto);
    }
    return annex;
  }
}
