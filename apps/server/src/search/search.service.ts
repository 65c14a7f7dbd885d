import { Injectable } from '@nestjs/common';
import {
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  SEARCH_TYPES,
  SearchHit,
  SearchResults,
  SearchType,
} from '@tandem/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { toAuthorView } from '../discussions/discussion-views';

/** Ranking costs O(matches), so each type ranks within its newest matches only (DESIGN.md). */
const CANDIDATES = 2000;
/**
 * Snippets come from all of an item's searchable text but its title (shown beside the snippet),
 * so a match anywhere is highlighted.
 */
const HEADLINE = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
/** The query read in every content language the library uses. */
const TSQUERY = `(websearch_to_tsquery('english', $2) || websearch_to_tsquery('french', $2) || websearch_to_tsquery('italian', $2) || websearch_to_tsquery('german', $2) || websearch_to_tsquery('simple', $2))`;

/** Threads and messages the viewer ($1) may read: member of the network, channel readable. */
const THREAD_READABLE = `EXISTS (SELECT 1 FROM network_memberships m WHERE m.network_id = t.network_id AND m.user_id = $1)
  AND (c.visibility = 'network' OR EXISTS (SELECT 1 FROM channel_members cm WHERE cm.channel_id = c.id AND cm.user_id = $1))`;

/** Library items the viewer may read (the SQL form of canReadLibraryItem). */
const LIBRARY_READABLE = `((x.status = 'published' AND (x.scope = 'public' OR mem.role IS NOT NULL))
  OR (x.status = 'draft' AND mem.role IS NOT NULL AND (x.author_id = $1 OR mem.role IN ('moderator', 'admin'))))`;

/** A public item's private network stays unnamed to outsiders. */
const VISIBLE_NETWORK_ID = `CASE WHEN EXISTS (SELECT 1 FROM network_memberships nm WHERE nm.network_id = x.network_id AND nm.user_id = $1)
  OR (SELECT visibility FROM networks nv WHERE nv.id = x.network_id) <> 'private' THEN x.network_id END AS network_id`;

interface HitRow {
  type: SearchType;
  id: string;
  title: string;
  snippet: string;
  network_id: string | null;
  thread_id: string | null;
  channel_id: string | null;
  attribution: 'named' | 'chatham' | null;
  author_label: string | null;
  author_id: string | null;
  author_name: string | null;
  author_handle: string | null;
  rank: number;
  created_at: Date;
}

@Injectable()
export class SearchService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Full-text search across what the viewer may read. Each type contributes its newest
   * CANDIDATES matches among what the viewer may read (and the network asked for), ranked with
   * ts_rank; the best `limit` of all types are returned. Access is decided inside the capped
   * candidate set, not after it: otherwise a busy network the viewer cannot see could fill the
   * cap and hide every match they can. Entries arrive with curation and return nothing until then.
   */
  async search(
    actor: Actor,
    q: string,
    types: SearchType[],
    networkSlug: string | undefined,
    limit: number,
  ): Promise<SearchResults> {
    const wanted = new Set(types.length > 0 ? types : SEARCH_TYPES);
    const parts: string[] = [];
    const inNetwork = (column: string) =>
      networkSlug ? `AND ${column} IN (SELECT id FROM networks WHERE slug = $3)` : '';
    if (wanted.has('thread')) {
      parts.push(`(SELECT 'thread' AS type, t.id, t.title,
          ts_headline('simple', t.title, ${TSQUERY}, '${HEADLINE}') AS snippet,
          t.network_id, t.id AS thread_id, t.channel_id, t.attribution, t.author_label, t.author_id,
          u.display_name AS author_name, u.handle AS author_handle,
          ts_rank(t.tsv, ${TSQUERY}) AS rank, t.created_at
        FROM (SELECT t.* FROM threads t JOIN channels c ON c.id = t.channel_id
               WHERE t.tsv @@ ${TSQUERY} AND ${THREAD_READABLE} ${inNetwork('t.network_id')}
               ORDER BY t.created_at DESC LIMIT ${CANDIDATES}) t
        LEFT JOIN users u ON u.id = t.author_id)`);
    }
    if (wanted.has('message')) {
      parts.push(`(SELECT 'message' AS type, msg.id, msg.thread_title AS title,
          ts_headline('simple', msg.body, ${TSQUERY}, '${HEADLINE}') AS snippet,
          msg.network_id, msg.thread_id, msg.channel_id, msg.attribution, msg.author_label, msg.author_id,
          u.display_name AS author_name, u.handle AS author_handle,
          ts_rank(msg.tsv, ${TSQUERY}) AS rank, msg.created_at
        FROM (SELECT m.id, m.body, m.tsv, m.thread_id, m.author_id, m.author_label, m.created_at,
                     t.title AS thread_title, t.network_id, t.channel_id, t.attribution
                FROM messages m JOIN threads t ON t.id = m.thread_id JOIN channels c ON c.id = t.channel_id
               WHERE m.tsv @@ ${TSQUERY} AND m.deleted_at IS NULL AND m.hidden_at IS NULL AND ${THREAD_READABLE} ${inNetwork('t.network_id')}
               ORDER BY m.created_at DESC LIMIT ${CANDIDATES}) msg
        LEFT JOIN users u ON u.id = msg.author_id)`);
    }
    if (wanted.has('research')) {
      parts.push(`(SELECT 'research' AS type, x.id, x.title,
          ts_headline(x.search_config, x.key_finding || ' ' || x.summary || ' ' || x.practice_implications, ${TSQUERY}, '${HEADLINE}') AS snippet,
          ${VISIBLE_NETWORK_ID}, NULL::uuid AS thread_id, NULL::uuid AS channel_id, NULL AS attribution, NULL AS author_label,
          NULL::uuid AS author_id, NULL AS author_name, NULL AS author_handle,
          ts_rank(x.tsv, ${TSQUERY}) AS rank, x.created_at
        FROM (SELECT x.* FROM research_summaries x
                LEFT JOIN network_memberships mem ON mem.network_id = x.network_id AND mem.user_id = $1
               WHERE x.tsv @@ ${TSQUERY} AND ${LIBRARY_READABLE} ${inNetwork('x.network_id')}
               ORDER BY x.created_at DESC LIMIT ${CANDIDATES}) x)`);
    }
    if (wanted.has('case_study')) {
      parts.push(`(SELECT 'case_study' AS type, x.id, x.programme_name AS title,
          ts_headline(x.search_config, concat_ws(' ', x.summary, x.outcomes, x.evaluation, x.adaptation, x.two_way), ${TSQUERY}, '${HEADLINE}') AS snippet,
          ${VISIBLE_NETWORK_ID}, NULL::uuid AS thread_id, NULL::uuid AS channel_id, NULL AS attribution, NULL AS author_label,
          NULL::uuid AS author_id, NULL AS author_name, NULL AS author_handle,
          ts_rank(x.tsv, ${TSQUERY}) AS rank, x.created_at
        FROM (SELECT x.* FROM case_studies x
                LEFT JOIN network_memberships mem ON mem.network_id = x.network_id AND mem.user_id = $1
               WHERE x.tsv @@ ${TSQUERY} AND ${LIBRARY_READABLE} ${inNetwork('x.network_id')}
               ORDER BY x.created_at DESC LIMIT ${CANDIDATES}) x)`);
    }
    if (parts.length === 0) return { query: q, hits: [] };
    const params: unknown[] = [actor.userId, q];
    if (networkSlug) params.push(networkSlug);
    const rows: HitRow[] = await this.dataSource.query(
      `${parts.join(' UNION ALL ')} ORDER BY rank DESC, created_at DESC LIMIT ${Number(limit)}`,
      params,
    );
    return { query: q, hits: rows.map(toHit) };
  }
}

function toHit(row: HitRow): SearchHit {
  const discussion = row.type === 'thread' || row.type === 'message';
  const author =
    discussion && row.attribution
      ? toAuthorView(
          row.attribution,
          row.author_label ?? '',
          row.author_id && row.author_name && row.author_handle
            ? { userId: row.author_id, displayName: row.author_name, handle: row.author_handle }
            : null,
        )
      : null;
  return {
    type: row.type,
    id: row.id,
    title: row.title,
    snippet: row.snippet,
    networkId: row.network_id,
    threadId: row.thread_id,
    channelId: row.channel_id,
    author,
    rank: Number(row.rank),
    createdAt: row.created_at.toISOString(),
  };
}
