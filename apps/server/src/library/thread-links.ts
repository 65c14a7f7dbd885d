import { Injectable } from '@nestjs/common';
import type { ThreadLinkView } from '@tandem/domain';
import type { EntityManager } from 'typeorm';

type TargetType = ThreadLinkView['targetType'];
/** The kinds of link target the library itself holds; any other kind comes from a provider. */
type LibraryTargetType = 'research' | 'case_study';

/**
 * Whether the viewer (`viewer`, a parameter) may read the library item aliased `x`: the SQL form
 * of canReadLibraryItem, for queries that have no membership join of their own.
 */
export const readableLibraryItem = (x: string, viewer: string): string => `(
  (${x}.status = 'published' AND (${x}.scope = 'public' OR EXISTS (
     SELECT 1 FROM network_memberships rm WHERE rm.network_id = ${x}.network_id AND rm.user_id = ${viewer})))
  OR (${x}.status = 'draft' AND EXISTS (
     SELECT 1 FROM network_memberships rm WHERE rm.network_id = ${x}.network_id AND rm.user_id = ${viewer}
        AND (${x}.author_id = ${viewer} OR rm.role IN ('moderator', 'admin')))))`;

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

interface LinkRow {
  id: string;
  target_type: TargetType;
  target_id: string;
  note: string;
  created_at: Date;
  title: string | null;
}

/** Reads a thread's links with their targets' titles; features above register their targets. */
@Injectable()
export class ThreadLinks {
  private readonly providers = new Map<TargetType, LinkTargetProvider>();

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
    const rows: LinkRow[] = await manager.query(
      `SELECT l.id, l.target_type, l.target_id, l.note, l.created_at,
              coalesce(r.title, cs.programme_name) AS title
         FROM thread_links l
         LEFT JOIN research_summaries r ON l.target_type = 'research' AND r.id = l.target_id AND ${readableLibraryItem('r', '$2')}
         LEFT JOIN case_studies cs ON l.target_type = 'case_study' AND cs.id = l.target_id AND ${readableLibraryItem('cs', '$2')}
        WHERE l.thread_id = $1
        ORDER BY l.created_at, l.id`,
      [threadId, viewerId],
    );
    await this.fillForeignTitles(rows, (provider, ids) =>
      provider.titlesForViewer(manager, ids, viewerId),
    );
    return toViews(threadId, rows);
  }

  /**
   * A thread's links that every reader of the thread can open (published, and public or of the
   * thread's own network), for payloads sent to a whole room such as `thread:updated`.
   */
  async forRoom(manager: EntityManager, threadId: string): Promise<ThreadLinkView[]> {
    const rows: (LinkRow & { network_id: string })[] = await manager.query(
      `SELECT l.id, l.target_type, l.target_id, l.note, l.created_at, t.network_id,
              coalesce(r.title, cs.programme_name) AS title
         FROM thread_links l
         JOIN threads t ON t.id = l.thread_id
         LEFT JOIN research_summaries r ON l.target_type = 'research' AND r.id = l.target_id
              AND r.status = 'published' AND (r.scope = 'public' OR r.network_id = t.network_id)
         LEFT JOIN case_studies cs ON l.target_type = 'case_study' AND cs.id = l.target_id
              AND cs.status = 'published' AND (cs.scope = 'public' OR cs.network_id = t.network_id)
        WHERE l.thread_id = $1
        ORDER BY l.created_at, l.id`,
      [threadId],
    );
    const networkId = rows[0]?.network_id;
    if (networkId) {
      await this.fillForeignTitles(rows, (provider, ids) =>
        provider.titlesForNetwork(manager, ids, networkId),
      );
    }
    return toViews(threadId, rows);
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

/**
 * The library's own links of a thread (summaries and case studies) that every reader of the
 * thread can open: what curation copies into an entry drafted from the thread.
 */
export async function loadSharedLibraryLinks(
  manager: EntityManager,
  threadId: string,
): Promise<(ThreadLinkView & { targetType: LibraryTargetType })[]> {
  const rows: LinkRow[] = await manager.query(
    `SELECT l.id, l.target_type, l.target_id, l.note, l.created_at,
            coalesce(r.title, cs.programme_name) AS title
       FROM thread_links l
       JOIN threads t ON t.id = l.thread_id
       LEFT JOIN research_summaries r ON l.target_type = 'research' AND r.id = l.target_id
            AND r.status = 'published' AND (r.scope = 'public' OR r.network_id = t.network_id)
       LEFT JOIN case_studies cs ON l.target_type = 'case_study' AND cs.id = l.target_id
            AND cs.status = 'published' AND (cs.scope = 'public' OR cs.network_id = t.network_id)
      WHERE l.thread_id = $1 AND l.target_type IN ('research', 'case_study')
      ORDER BY l.created_at, l.id`,
    [threadId],
  );
  return toViews(threadId, rows) as (ThreadLinkView & { targetType: LibraryTargetType })[];
}

function toViews(threadId: string, rows: LinkRow[]): ThreadLinkView[] {
  return rows.flatMap((row) =>
    row.title === null
      ? []
      : [
          {
            id: row.id,
            threadId,
            targetType: row.target_type,
            targetId: row.target_id,
            title: row.title,
            note: row.note,
            createdAt: row.created_at.toISOString(),
          },
        ],
  );
}
