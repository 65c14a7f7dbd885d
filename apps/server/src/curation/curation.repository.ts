import { Injectable } from '@nestjs/common';
import {
  badRequest,
  DiscussedInView,
  EntrySummaryView,
  notFound,
  Page,
  Standing,
  Topic,
} from '@tandem/domain';
import type { EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor, pageSize } from '../platform/http/pagination';
import { loadStanding } from '../networks/network-access';
import type { EntryLinkDto, EntryListQuery } from './dto/curation.dto';
import { EntrySummaryRow, toEntrySummaryView } from './entry-views';

/** A query in any content language: the OR of each configuration's reading of it. */
export const ENTRY_TSQUERY = (param: string): string =>
  `(websearch_to_tsquery('english', ${param}) || websearch_to_tsquery('french', ${param}) || websearch_to_tsquery('italian', ${param}) || websearch_to_tsquery('german', ${param}) || websearch_to_tsquery('simple', ${param}))`;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const invalidCursor = () =>
  badRequest('Invalid cursor', [
    { field: 'cursor', problems: ['cursor is not one this server issued'] },
  ]);

/**
 * Entries of one network ($2) as the viewer ($1) sees them, one row each: editors (the network's
 * moderators and admins, and the drafter while a member) get the working copy and its status;
 * other readers the current published version in its public state, and only where they may
 * read it. The SQL form of canReadEntry and of the mapping in entry-views.
 */
const VISIBLE_ENTRIES = `
  SELECT e.id, e.network_id, e.status, e.scope, e.current_version, e.created_at, e.updated_at,
         x.editor,
         CASE WHEN x.editor THEN e.status
              WHEN e.status = 'archived' THEN 'archived' ELSE 'published' END AS shown_status,
         CASE WHEN x.editor THEN e.title ELSE v.title END AS title,
         CASE WHEN x.editor THEN e.summary ELSE coalesce(v.content->>'summary', '') END AS summary,
         CASE WHEN x.editor THEN e.topics ELSE v.topics END AS topics,
         CASE WHEN x.editor THEN e.phase ELSE v.phase END AS phase,
         CASE WHEN x.editor THEN e.language ELSE v.language END AS language,
         CASE WHEN x.editor THEN e.tsv ELSE v.tsv END AS tsv,
         v.published_at
    FROM entries e
    LEFT JOIN network_memberships mem ON mem.network_id = e.network_id AND mem.user_id = $1
    LEFT JOIN network_entry_settings s ON s.network_id = e.network_id
    LEFT JOIN entry_versions v ON v.entry_id = e.id AND v.version = e.current_version
    CROSS JOIN LATERAL (SELECT coalesce(mem.role IN ('moderator', 'admin')
                               OR (mem.role IS NOT NULL AND e.created_by = $1), false) AS editor) x
   WHERE e.network_id = $2
     AND (x.editor OR (e.current_version IS NOT NULL
          AND (mem.role IS NOT NULL OR (e.scope = 'public' AND coalesce(s.allow_public_entries, false)))))`;

/** Threads citing the entry ($2) that the viewer ($1) may read. */
const CITING_THREADS = `
  FROM thread_links l
  JOIN threads t ON t.id = l.thread_id
  JOIN channels c ON c.id = t.channel_id
  JOIN network_memberships tm ON tm.network_id = t.network_id AND tm.user_id = $1
 WHERE l.target_type = 'entry' AND l.target_id = $2
   AND (c.visibility = 'network' OR EXISTS (SELECT 1 FROM channel_members cm WHERE cm.channel_id = c.id AND cm.user_id = $1))`;

/** The queries curation needs beyond single-row loads. */
@Injectable()
export class CurationRepository {
  async threadFacts(
    manager: EntityManager,
    threadId: string,
  ): Promise<{ title: string; topics: Topic[] }> {
    const rows: { title: string; topics: Topic[] }[] = await manager.query(
      `SELECT title, topics FROM threads WHERE id = $1`,
      [threadId],
    );
    if (!rows[0]) throw notFound('Thread');
    return rows[0];
  }

  async threadTitle(
    manager: EntityManager,
    threadId: string,
  ): Promise<{ id: string; title: string } | null> {
    const rows: { id: string; title: string }[] = await manager.query(
      `SELECT id, title FROM threads WHERE id = $1`,
      [threadId],
    );
    return rows[0] ?? null;
  }

  async threadChannel(manager: EntityManager, threadId: string): Promise<string | null> {
    const rows: { channel_id: string }[] = await manager.query(
      `SELECT channel_id FROM threads WHERE id = $1`,
      [threadId],
    );
    return rows[0]?.channel_id ?? null;
  }

  standing(manager: EntityManager, networkId: string, userId: string): Promise<Standing> {
    return loadStanding(manager, networkId, userId);
  }

  async listEntries(
    manager: EntityManager,
    viewerId: string,
    networkId: string,
    query: EntryListQuery,
  ): Promise<Page<EntrySummaryView>> {
    const limit = pageSize(query);
    const params: unknown[] = [viewerId, networkId];
    const where: string[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (query.status) add((p) => `x.shown_status = ${p}`, query.status);
    else where.push(`x.shown_status <> 'archived'`);
    if (query.topic) add((p) => `${p} = ANY(x.topics)`, query.topic);
    if (query.phase) add((p) => `x.phase = ${p}`, query.phase);
    if (query.q) add((p) => `x.tsv @@ ${ENTRY_TSQUERY(p)}`, query.q);
    const after = decodeCursor(query.cursor, 2);
    if (after) {
      const [createdAt, id] = after;
      // Only what this server issues: an ISO timestamp and a UUID (Postgres would fail on others).
      if (
        typeof createdAt !== 'string' ||
        !ISO_INSTANT.test(createdAt) ||
        Number.isNaN(Date.parse(createdAt))
      )
        throw invalidCursor();
      if (typeof id !== 'string' || !UUID.test(id)) throw invalidCursor();
      params.push(createdAt, id);
      where.push(
        `(date_trunc('milliseconds', x.created_at), x.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    const rows: EntrySummaryRow[] = await manager.query(
      `SELECT * FROM (${VISIBLE_ENTRIES}) x
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY date_trunc('milliseconds', x.created_at) DESC, x.id DESC
        LIMIT ${limit + 1}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toEntrySummaryView),
      nextCursor:
        rows.length > limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
    };
  }

  /**
   * The network's published entries the viewer may read, for a printable guide: the current
   * version of each (not archived ones), ordered by title.
   */
  async guideEntries(
    manager: EntityManager,
    viewerId: string,
    networkId: string,
    limit: number,
    topic?: Topic,
  ): Promise<{ id: string }[]> {
    const params: unknown[] = [viewerId, networkId];
    let filter = '';
    if (topic) {
      params.push(topic);
      filter = `AND $3 = ANY(v.topics)`;
    }
    return manager.query(
      `SELECT e.id FROM entries e
         JOIN entry_versions v ON v.entry_id = e.id AND v.version = e.current_version
         LEFT JOIN network_memberships mem ON mem.network_id = e.network_id AND mem.user_id = $1
         LEFT JOIN network_entry_settings s ON s.network_id = e.network_id
        WHERE e.network_id = $2 AND e.status <> 'archived' ${filter}
          AND (mem.role IS NOT NULL OR (e.scope = 'public' AND coalesce(s.allow_public_entries, false)))
        ORDER BY lower(v.title), e.id
        LIMIT ${Number(limit)}`,
      params,
    );
  }

  async publishedSummary(
    manager: EntityManager,
    entryId: string,
  ): Promise<EntrySummaryView | null> {
    const rows: EntrySummaryRow[] = await manager.query(
      `SELECT e.id, e.network_id, e.status, e.status AS shown_status, e.scope, e.current_version,
              v.title, coalesce(v.content->>'summary', '') AS summary, v.topics, v.phase, v.language,
              v.published_at, e.created_at, e.updated_at
         FROM entries e JOIN entry_versions v ON v.entry_id = e.id AND v.version = e.current_version
        WHERE e.id = $1`,
      [entryId],
    );
    return rows[0] ? toEntrySummaryView(rows[0]) : null;
  }

  async discussedIn(
    manager: EntityManager,
    viewerId: string,
    entryId: string,
  ): Promise<DiscussedInView[]> {
    const rows: {
      thread_id: string;
      title: string;
      channel_id: string;
      network_id: string;
      note: string;
      created_at: Date;
    }[] = await manager.query(
      `SELECT l.thread_id, t.title, t.channel_id, t.network_id, l.note, l.created_at ${CITING_THREADS}
        ORDER BY t.last_activity_at DESC LIMIT 100`,
      [viewerId, entryId],
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

  async discussionCount(
    manager: EntityManager,
    viewerId: string,
    entryId: string,
  ): Promise<number> {
    const rows: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n ${CITING_THREADS}`,
      [viewerId, entryId],
    );
    return rows[0]?.n ?? 0;
  }

  /** Which of the given items an entry of `networkId` may rest on: published, own network or public. */
  async linkableItems(
    manager: EntityManager,
    networkId: string,
    links: EntryLinkDto[],
  ): Promise<Set<string>> {
    if (links.length === 0) return new Set();
    const research = links.filter((l) => l.type === 'research').map((l) => l.id);
    const caseStudies = links.filter((l) => l.type === 'case_study').map((l) => l.id);
    const rows: { type: string; id: string }[] = await manager.query(
      `SELECT 'research' AS type, id FROM research_summaries
        WHERE id = ANY($1::uuid[]) AND status = 'published' AND (scope = 'public' OR network_id = $3)
       UNION ALL
       SELECT 'case_study' AS type, id FROM case_studies
        WHERE id = ANY($2::uuid[]) AND status = 'published' AND (scope = 'public' OR network_id = $3)`,
      [research, caseStudies, networkId],
    );
    return new Set(rows.map((row) => `${row.type}:${row.id}`));
  }

  /**
   * Authors of the thread's messages who can read the entry's published version: members of the
   * entry's network, or anyone when the entry is effectively public.
   */
  async threadParticipantsWhoCanRead(
    manager: EntityManager,
    threadId: string,
    networkId: string,
    isPublic: boolean,
  ): Promise<string[]> {
    const rows: { author_id: string }[] = await manager.query(
      `SELECT DISTINCT m.author_id FROM messages m
        WHERE m.thread_id = $1 AND m.author_id IS NOT NULL
          AND ($3 OR EXISTS (SELECT 1 FROM network_memberships nm WHERE nm.network_id = $2 AND nm.user_id = m.author_id))`,
      [threadId, networkId, isPublic],
    );
    return rows.map((row) => row.author_id);
  }

  /** The network's moderators and admins, who review entries. */
  async reviewers(manager: EntityManager, networkId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT user_id FROM network_memberships WHERE network_id = $1 AND role IN ('moderator', 'admin')`,
      [networkId],
    );
    return rows.map((row) => row.user_id);
  }
}
