import { Injectable } from '@nestjs/common';
import type { ThreadLinkView } from '@tandem/domain';
import type { EntityManager } from 'typeorm';
import { LibraryLinksRepository, LinkRow, toLinkViews } from './library-links.repository';

type TargetType = ThreadLinkView['targetType'];
/** The kinds of link target the library itself holds; any other kind comes from a provider. */
type LibraryTargetType = 'research' | 'case_study';

/**
 * A kind of link target that a feature above the library owns (curation's entries). The
 * library stores every link, and asks the target's owner whether a link may be made and which
 * titles a reader may see: it never reads another feature's tables.
 */
export interface LinkTargetProvider {
  readonly targetType: Exclude<TargetType, LibraryTargetType>;
  /**
   * Throws a domain error unless the user may cite the target in a thread of network
   * `threadNetworkId`: every reader of the thread must be able to open it.
   */
  assertLinkable(
    manager: EntityManager,
    userId: string,
    targetId: string,
    threadNetworkId: string,
  ): Promise<void>;
  /** The titles of those targets the viewer may open, by id (others are left out). */
  titlesForViewer(
    manager: EntityManager,
    ids: string[],
    viewerId: string,
  ): Promise<Map<string, string>>;
  /** The titles of those targets every reader of a thread of the network may open, by id. */
  titlesForNetwork(
    manager: EntityManager,
    ids: string[],
    networkId: string,
  ): Promise<Map<string, string>>;
}

/** Reads a thread's links with their targets' titles; features above register their targets. */
@Injectable()
export class ThreadLinks {
  private readonly providers = new Map<TargetType, LinkTargetProvider>();

  constructor(private readonly links: LibraryLinksRepository) {}

  register(provider: LinkTargetProvider): void {
    this.providers.set(provider.targetType, provider);
  }

  /** The provider of a target kind the library does not hold; a kind nobody provides is a bug. */
  provider(targetType: Exclude<TargetType, LibraryTargetType>): LinkTargetProvider {
    const provider = this.providers.get(targetType);
    if (!provider) throw new Error(`No link target provider for ${targetType}`);
    return provider;
  }

  /**
   * A thread's links as the viewer may see them. Callers have authorized the thread. A target
   * was readable by the thread's readers when it was linked, but it can change since (made
   * network-only, or back to draft), so each target is checked again for this viewer: a link
   * never shows a title its reader could not open.
   */
  async forViewer(
    manager: EntityManager,
    threadId: string,
    viewerId: string,
  ): Promise<ThreadLinkView[]> {
    const rows = await this.links.rowsForViewer(manager, threadId, viewerId);
    await this.fillForeignTitles(rows, (provider, ids) =>
      provider.titlesForViewer(manager, ids, viewerId),
    );
    return toLinkViews(threadId, rows);
  }

  /**
   * A thread's links that every reader of the thread can open (published, and public or of the
   * thread's own network), for payloads sent to a whole room such as `thread:updated`.
   */
  async forRoom(manager: EntityManager, threadId: string): Promise<ThreadLinkView[]> {
    const rows = await this.links.rowsForRoom(manager, threadId);
    const networkId = rows[0]?.network_id;
    if (networkId) {
      await this.fillForeignTitles(rows, (provider, ids) =>
        provider.titlesForNetwork(manager, ids, networkId),
      );
    }
    return toLinkViews(threadId, rows);
  }

  /** Asks each target kind's provider for the titles of its targets among the rows. */
  private async fillForeignTitles(
    rows: LinkRow[],
    titles: (provider: LinkTargetProvider, ids: string[]) => Promise<Map<string, string>>,
  ): Promise<void> {
    const byType = new Map<TargetType, LinkRow[]>();
    for (const row of rows) {
      if (row.target_type === 'research' || row.target_type === 'case_study') continue;
      byType.set(row.target_type, [...(byType.get(row.target_type) ?? []), row]);
    }
    for (const [type, typed] of byType) {
      const provider = this.providers.get(type);
      if (!provider) continue;
      const found = await titles(provider, [...new Set(typed.map((row) => row.target_id))]);
      for (const row of typed) row.title = found.get(row.target_id) ?? null;
    }
  }
}
