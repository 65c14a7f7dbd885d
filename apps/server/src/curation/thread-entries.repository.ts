import { Injectable } from '@nestjs/common';
import type { CuratedIntoView, EntryStatus } from '@tandem/domain';
import type { EntityManager } from 'typeorm';
import { publishedForNetwork, readablePublishedEntry } from './entry-access';

interface CuratedRow {
  id: string;
  status: EntryStatus;
  current_version: number | null;
  working_title: string;
  published_title: string | null;
  editor: boolean;
}

/**
 * Entries as a thread sees them: those curated from it ("curated into") and the titles of those
 * its links cite. Callers have authorized the thread.
 */
@Injectable()
export class ThreadEntriesRepository {
  /**
   * The entries curated from a thread, as a reader of the thread may see them: every entry with a
   * published version (the thread's readers are members of its network, who read those), and to
   * the network's moderators, admins and the drafter also the drafts. Callers have authorized the
   * thread.
   */
  async curatedInto(
    manager: EntityManager,
    threadId: string,
    viewerId: string,
  ): Promise<CuratedIntoView[]> {
    const rows: CuratedRow[] = await manager.query(
      `SELECT e.id, e.status, e.current_version, e.title AS working_title, v.title AS published_title,
              coalesce(m.role IN ('moderator', 'admin') OR (m.role IS NOT NULL AND e.created_by = $2), false) AS editor
         FROM entries e
         LEFT JOIN entry_versions v ON v.entry_id = e.id AND v.version = e.current_version
         LEFT JOIN network_memberships m ON m.network_id = e.network_id AND m.user_id = $2
        WHERE e.source_thread_id = $1
        ORDER BY e.created_at, e.id`,
      [threadId, viewerId],
    );
    return rows.flatMap((row) => {
      if (row.editor) {
        return [
          {
            entryId: row.id,
            title: row.working_title,
            status: row.status,
            currentVersion: row.current_version,
          },
        ];
      }
      if (row.current_version === null || row.published_title === null) return [];
      return [
        {
          entryId: row.id,
          title: row.published_title,
          status: row.status === 'archived' ? 'archived' : 'published',
          currentVersion: row.current_version,
        },
      ];
    });
  }

  /**
   * The same for a payload sent to the thread's whole room (`thread:updated`): only what every
   * reader of the thread may open, the entries with a published version, in their public state.
   */
  async sharedCuratedInto(manager: EntityManager, threadId: string): Promise<CuratedIntoView[]> {
    const rows: { id: string; status: EntryStatus; current_version: number; title: string }[] =
      await manager.query(
        `SELECT e.id, e.status, e.current_version, v.title
           FROM entries e
           JOIN entry_versions v ON v.entry_id = e.id AND v.version = e.current_version
          WHERE e.source_thread_id = $1
          ORDER BY e.created_at, e.id`,
        [threadId],
      );
    return rows.map((row) => ({
      entryId: row.id,
      title: row.title,
      status: row.status === 'archived' ? 'archived' : 'published',
      currentVersion: row.current_version,
    }));
  }

  /** The published titles of those entries the viewer may read, by id. */
  async titlesForViewer(
    manager: EntityManager,
    ids: string[],
    viewerId: string,
  ): Promise<Map<string, string>> {
    const rows: { id: string; title: string }[] = await manager.query(
      `SELECT en.id, ev.title
         FROM entries en
         JOIN entry_versions ev ON ev.entry_id = en.id AND ev.version = en.current_version
        WHERE en.id = ANY($1::uuid[]) AND ${readablePublishedEntry('en', '$2')}`,
      [ids, viewerId],
    );
    return new Map(rows.map((row) => [row.id, row.title]));
  }

  /** The published titles of those entries every reader of a thread of the network may read. */
  async titlesForNetwork(
    manager: EntityManager,
    ids: string[],
    networkId: string,
  ): Promise<Map<string, string>> {
    const rows: { id: string; title: string }[] = await manager.query(
      `SELECT en.id, ev.title
         FROM entries en
         JOIN entry_versions ev ON ev.entry_id = en.id AND ev.version = en.current_version
        WHERE en.id = ANY($1::uuid[]) AND ${publishedForNetwork('en', '$2::uuid')}`,
      [ids, networkId],
    );
    return new Map(rows.map((row) => [row.id, row.title]));
  }
}
