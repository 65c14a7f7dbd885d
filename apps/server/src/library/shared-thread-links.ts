import type { ThreadLinkView } from '@tandem/domain';
import type { EntityManager } from 'typeorm';
import { publishedForNetwork } from '../curation/entry-access';

/**
 * A thread's links that every reader of the thread can open (published, and public or of the
 * thread's own network), for payloads sent to a whole room such as `thread:updated`. Per-viewer
 * answers use loadThreadLinks instead.
 */
export async function loadSharedThreadLinks(
  manager: EntityManager,
  threadId: string,
): Promise<ThreadLinkView[]> {
  const rows: {
    id: string;
    target_type: ThreadLinkView['targetType'];
    target_id: string;
    note: string;
    created_at: Date;
    title: string;
  }[] = await manager.query(
    `SELECT l.id, l.target_type, l.target_id, l.note, l.created_at, coalesce(r.title, cs.programme_name, ev.title) AS title
         FROM thread_links l
         JOIN threads t ON t.id = l.thread_id
         LEFT JOIN research_summaries r ON l.target_type = 'research' AND r.id = l.target_id
              AND r.status = 'published' AND (r.scope = 'public' OR r.network_id = t.network_id)
         LEFT JOIN case_studies cs ON l.target_type = 'case_study' AND cs.id = l.target_id
              AND cs.status = 'published' AND (cs.scope = 'public' OR cs.network_id = t.network_id)
         LEFT JOIN entries en ON l.target_type = 'entry' AND en.id = l.target_id
              AND ${publishedForNetwork('en', 't.network_id')}
         LEFT JOIN entry_versions ev ON ev.entry_id = en.id AND ev.version = en.current_version
        WHERE l.thread_id = $1 AND coalesce(r.id, cs.id, ev.id) IS NOT NULL
        ORDER BY l.created_at, l.id`,
    [threadId],
  );
  return rows.map((row) => ({
    id: row.id,
    threadId,
    targetType: row.target_type,
    targetId: row.target_id,
    title: row.title,
    note: row.note,
    createdAt: row.created_at.toISOString(),
  }));
}
