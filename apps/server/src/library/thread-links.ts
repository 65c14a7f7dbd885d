import type { ThreadLinkView } from '@tandem/domain';
import type { EntityManager } from 'typeorm';
import { readablePublishedEntry } from '../curation/entry-access';

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
 * A thread's links with their targets' titles, as the viewer may see them. Callers have
 * authorized the thread. A target was readable by the thread's readers when it was linked, but
 * it can change since (made network-only, or back to draft), so each target is checked again
 * for this viewer: a link never shows a title its reader could not open.
 */
export async function loadThreadLinks(
  manager: EntityManager,
  threadId: string,
  viewerId: string,
): Promise<ThreadLinkView[]> {
  const rows: {
    id: string;
    target_type: ThreadLinkView['targetType'];
    target_id: string;
    note: string;
    created_at: Date;
    title: string | null;
  }[] = await manager.query(
    `SELECT l.id, l.target_type, l.target_id, l.note, l.created_at,
              coalesce(r.title, cs.programme_name, ev.title) AS title
         FROM thread_links l
         LEFT JOIN research_summaries r ON l.target_type = 'research' AND r.id = l.target_id AND ${readableLibraryItem('r', '$2')}
         LEFT JOIN case_studies cs ON l.target_type = 'case_study' AND cs.id = l.target_id AND ${readableLibraryItem('cs', '$2')}
         LEFT JOIN entries en ON l.target_type = 'entry' AND en.id = l.target_id AND ${readablePublishedEntry('en', '$2')}
         LEFT JOIN entry_versions ev ON ev.entry_id = en.id AND ev.version = en.current_version
        WHERE l.thread_id = $1
        ORDER BY l.created_at, l.id`,
    [threadId, viewerId],
  );
  return rows
    .filter((row) => row.title !== null)
    .map((row) => ({
      id: row.id,
      threadId,
      targetType: row.target_type,
      targetId: row.target_id,
      title: row.title ?? '',
      note: row.note,
      createdAt: row.created_at.toISOString(),
    }));
}
