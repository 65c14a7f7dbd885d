import { Injectable } from '@nestjs/common';
import type { DiscussedInView, LinkTargetType, ThreadLinkView } from '@tandem/domain';
import type { EntityManager } from 'typeorm';
import { ThreadLinkEntity } from './library.entities';
import {
  citingThreads,
  LIBRARY_TABLE,
  LibraryKind,
  READABLE_ITEM,
  readableLibraryItem,
} from './library-sql';

export interface LinkRow {
  id: string;
  target_type: LinkTargetType;
  target_id: string;
  note: string;
  created_at: Date;
  title: string | null;
}

/**
 * A thread's links, as rows with the titles of the library's own targets (null when the
 * reader may not open one; other kinds' titles are filled in by their providers).
 */
const LINKS_WITH_ROOM_TITLES = `SELECT l.id, l.target_type, l.target_id, l.note, l.created_at, t.network_id,
            coalesce(r.title, cs.programme_name) AS title
       FROM thread_links l
       JOIN threads t ON t.id = l.thread_id
       LEFT JOIN research_summaries r ON l.target_type = 'research' AND r.id = l.target_id
            AND r.status = 'published' AND (r.scope = 'public' OR r.network_id = t.network_id)
       LEFT JOIN case_studies cs ON l.target_type = 'case_study' AND cs.id = l.target_id
            AND cs.status = 'published' AND (cs.scope = 'public' OR cs.network_id = t.network_id)`;

/**
 * The links between threads and what they cite. The library stores every link, whatever its
 * target; which titles a reader may see is decided per target kind.
 */
@Injectable()
export class LibraryLinksRepository {
  /** Adds the link unless the thread already cites the target (then nothing changes). */
  async insert(
    manager: EntityManager,
    link: {
      threadId: string;
      targetType: LinkTargetType;
      targetId: string;
      note: string;
      createdBy: string;
    },
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ThreadLinkEntity)
      .values(link)
      .orIgnore()
      .execute();
  }

  find(manager: EntityManager, threadId: string, linkId: string): Promise<ThreadLinkEntity | null> {
    return manager.findOneBy(ThreadLinkEntity, { id: linkId, threadId });
  }

  async delete(manager: EntityManager, linkId: string): Promise<void> {
    await manager.delete(ThreadLinkEntity, { id: linkId });
  }

  /** A library item the viewer may read, with what decides whether a thread may cite it. */
  async readableItem(
    manager: EntityManager,
    viewerId: string,
    kind: LibraryKind,
    id: string,
  ): Promise<{ scope: string; status: string; network_id: string } | null> {
    const rows: { scope: string; status: string; network_id: string }[] = await manager.query(
      `SELECT x.scope, x.status, x.network_id FROM ${LIBRARY_TABLE[kind]} x
         LEFT JOIN network_memberships mem ON mem.network_id = x.network_id AND mem.user_id = $1
        WHERE x.id = $2 AND ${READABLE_ITEM}`,
      [viewerId, id],
    );
    return rows[0] ?? null;
  }

  /** The threads citing a target that the viewer may read, most recently active first. */
  async discussedIn(
    manager: EntityManager,
    viewerId: string,
    targetType: LinkTargetType,
    targetId: string,
  ): Promise<DiscussedInView[]> {
    const rows: {
      thread_id: string;
      title: string;
      channel_id: string;
      network_id: string;
      note: string;
      created_at: Date;
    }[] = await manager.query(
      `SELECT l.thread_id, t.title, t.channel_id, t.network_id, l.note, l.created_at
         ${citingThreads('$1', '$2', '$3')}
        ORDER BY t.last_activity_at DESC
        LIMIT 100`,
      [viewerId, targetType, targetId],
    );
    return rows.map((row) => ({
      threadId: row.thread_id,
      threadTitle: row.title,
      channelId: row.channel_id,
      networkId: row.network_id,
      note: row.note,
      linkedAt: row.created_at.toISOString(),
    }));
  }

  /** How many threads citing a target the viewer may read. */
  async discussionCount(
    manager: EntityManager,
    viewerId: string,
    targetType: LinkTargetType,
    targetId: string,
  ): Promise<number> {
    const rows: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n ${citingThreads('$1', '$2', '$3')}`,
      [viewerId, targetType, targetId],
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * A thread's links, with the titles of the library items the viewer may open (checked again
   * for this viewer: an item can be made network-only or turned back into a draft).
   */
  rowsForViewer(manager: EntityManager, threadId: string, viewerId: string): Promise<LinkRow[]> {
    return manager.query(
      `SELECT l.id, l.target_type, l.target_id, l.note, l.created_at,
              coalesce(r.title, cs.programme_name) AS title
         FROM thread_links l
         LEFT JOIN research_summaries r ON l.target_type = 'research' AND r.id = l.target_id AND ${readableLibraryItem('r', '$2')}
         LEFT JOIN case_studies cs ON l.target_type = 'case_study' AND cs.id = l.target_id AND ${readableLibraryItem('cs', '$2')}
        WHERE l.thread_id = $1
        ORDER BY l.created_at, l.id`,
      [threadId, viewerId],
    );
  }

  /**
   * A thread's links, with the titles of the library items every reader of the thread can open
   * (published, and public or of the thread's own network), and the thread's network.
   */
  rowsForRoom(
    manager: EntityManager,
    threadId: string,
  ): Promise<(LinkRow & { network_id: string })[]> {
    return manager.query(
      `${LINKS_WITH_ROOM_TITLES}
        WHERE l.thread_id = $1
        ORDER BY l.created_at, l.id`,
      [threadId],
    );
  }
}

/**
 * The library's own links of a thread (summaries and case studies) that every reader of the
 * thread can open: what curation copies into an entry drafted from the thread.
 */
export async function loadSharedLibraryLinks(
  manager: EntityManager,
  threadId: string,
): Promise<(ThreadLinkView & { targetType: LibraryKind })[]> {
  const rows: LinkRow[] = await manager.query(
    `${LINKS_WITH_ROOM_TITLES}
      WHERE l.thread_id = $1 AND l.target_type IN ('research', 'case_study')
      ORDER BY l.created_at, l.id`,
    [threadId],
  );
  return toLinkViews(threadId, rows) as (ThreadLinkView & { targetType: LibraryKind })[];
}

/** Links whose target the reader may open (a title was found), as the API shows them. */
export function toLinkViews(threadId: string, rows: LinkRow[]): ThreadLinkView[] {
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
