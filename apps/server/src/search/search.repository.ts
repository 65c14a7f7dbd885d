import { Injectable } from '@nestjs/common';
import {
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  LabelCode,
  SearchHit,
  SearchType,
  toAuthorFacts,
  toAuthorView,
} from '@tandem/domain';
import { DataSource } from 'typeorm';

/**
 * Ranking costs O(matches), so each type ranks within its newest matches only (DESIGN.md).
 * Discussions are far more numerous than library items, and their candidates are found by
 * walking `messages_created_idx` newest first when a term is common (or through the GIN index
 * when it is rare); 500 keeps the walk short for terms in a few percent of all messages.
 */
const DISCUSSION_CANDIDATES = 100;
const LIBRARY_CANDIDATES = 2000;
/**
 * Snippets come from all of an item's searchable text but its title (shown beside the snippet),
 * so a match anywhere is highlighted.
 */
const HEADLINE = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
/**
 * Library items: the query read in every content language the library uses, since each item's
 * vector is built with its own language's configuration.
 */
const TSQUERY = `(websearch_to_tsquery('english', $2) || websearch_to_tsquery('french', $2) || websearch_to_tsquery('italian', $2) || websearch_to_tsquery('german', $2) || websearch_to_tsquery('simple', $2))`;
/**
 * Threads and messages: their vectors use the language-neutral `simple` configuration, so only
 * the simple reading of the query can match them. Asking with the five-language OR as well
 * would find nothing more, and it spoils the planner's estimate of how common a term is
 * (a term in 0.3 % of messages was estimated at 0.8 %, and the plan went from 13 to 108 ms).
 */
const SIMPLE_TSQUERY = `websearch_to_tsquery('simple', $2)`;

/** Threads and messages the viewer ($1) may read: member of the network, channel readable. */
const THREAD_READABLE = `EXISTS (SELECT 1 FROM network_memberships m WHERE m.network_id = t.network_id AND m.user_id = $1)
  AND (c.visibility = 'network' OR EXISTS (SELECT 1 FROM channel_members cm WHERE cm.channel_id = c.id AND cm.user_id = $1))`;

/** Library items the viewer may read (the SQL form of canReadLibraryItem). */
const LIBRARY_READABLE = `((x.status = 'published' AND (x.scope = 'public' OR mem.role IS NOT NULL))
  OR (x.status = 'draft' AND mem.role IS NOT NULL AND (x.author_id = $1 OR mem.role IN ('moderator', 'admin'))))`;

/** Entries whose published version the viewer may read (the SQL form of canReadPublished). */
const ENTRY_READABLE = `(mem.role IS NOT NULL OR (e.scope = 'public' AND EXISTS (
  SELECT 1 FROM network_entry_settings es WHERE es.network_id = e.network_id AND es.allow_public_entries)))`;

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
  author_label_code: LabelCode | null;
  author_id: string | null;
  author_name: string | null;
  author_handle: string | null;
  rank: number;
  created_at: Date;
}

/** The full-text queries behind search, over everything searchable. */
@Injectable()
export class SearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The best `limit` matches of `q` among the `wanted` types that the viewer may read (in the
   * network with this slug, when given). Each type contributes its newest CANDIDATES matches
   * among what the viewer may read (and the network asked for), ranked with ts_rank. Access is
   * decided inside the capped candidate set, not after it: otherwise a busy network the viewer
   * cannot see could fill the cap and hide every match they can. Entries are found by their
   * current published version only.
   */
  async findHits(
    viewerId: string,
    q: string,
    wanted: ReadonlySet<SearchType>,
    networkSlug: string | undefined,
    limit: number,
  ): Promise<SearchHit[]> {
    const parts: string[] = [];
    const inNetwork = (column: string) =>
      networkSlug ? `AND ${column} IN (SELECT id FROM networks WHERE slug = $3)` : '';
    // Each part yields its capped candidates with their rank and the text to make a snippet
    // from; snippets (ts_headline, the costliest step) are made for the final page only.
    if (wanted.has('thread')) {
      parts.push(`(SELECT 'thread' AS type, t.id, t.title, t.title AS snippet_source,
          'simple'::regconfig AS snippet_config, t.network_id, t.id AS thread_id, t.channel_id,
          t.attribution, t.author_label, t.author_label_code, t.author_id,
          ts_rank(t.tsv, ${SIMPLE_TSQUERY}) AS rank, t.created_at
        FROM threads t JOIN channels c ON c.id = t.channel_id
       WHERE t.tsv @@ ${SIMPLE_TSQUERY} AND ${THREAD_READABLE} ${inNetwork('t.network_id')}
       ORDER BY t.created_at DESC LIMIT ${DISCUSSION_CANDIDATES})`);
    }
    if (wanted.has('message')) {
      parts.push(`(SELECT 'message' AS type, m.id, t.title, m.body AS snippet_source,
          'simple'::regconfig AS snippet_config, t.network_id, m.thread_id, t.channel_id,
          t.attribution, m.author_label, m.author_label_code, m.author_id,
          ts_rank(m.tsv, ${SIMPLE_TSQUERY}) AS rank, m.created_at
        FROM messages m JOIN threads t ON t.id = m.thread_id JOIN channels c ON c.id = t.channel_id
       WHERE m.tsv @@ ${SIMPLE_TSQUERY} AND m.deleted_at IS NULL AND m.hidden_at IS NULL AND ${THREAD_READABLE} ${inNetwork('t.network_id')}
       ORDER BY m.created_at DESC LIMIT ${DISCUSSION_CANDIDATES})`);
    }
    if (wanted.has('research')) {
      parts.push(`(SELECT 'research' AS type, x.id, x.title,
          x.key_finding || ' ' || x.summary || ' ' || x.practice_implications AS snippet_source,
          x.search_config AS snippet_config, ${VISIBLE_NETWORK_ID}, NULL::uuid AS thread_id,
          NULL::uuid AS channel_id, NULL AS attribution, NULL AS author_label, NULL AS author_label_code, NULL::uuid AS author_id,
          ts_rank(x.tsv, ${TSQUERY}) AS rank, x.created_at
        FROM research_summaries x
        LEFT JOIN network_memberships mem ON mem.network_id = x.network_id AND mem.user_id = $1
       WHERE x.tsv @@ ${TSQUERY} AND ${LIBRARY_READABLE} ${inNetwork('x.network_id')}
       ORDER BY x.created_at DESC LIMIT ${LIBRARY_CANDIDATES})`);
    }
    if (wanted.has('case_study')) {
      parts.push(`(SELECT 'case_study' AS type, x.id, x.programme_name AS title,
          concat_ws(' ', x.summary, x.outcomes, x.evaluation, x.adaptation, x.two_way) AS snippet_source,
          x.search_config AS snippet_config, ${VISIBLE_NETWORK_ID}, NULL::uuid AS thread_id,
          NULL::uuid AS channel_id, NULL AS attribution, NULL AS author_label, NULL AS author_label_code, NULL::uuid AS author_id,
          ts_rank(x.tsv, ${TSQUERY}) AS rank, x.created_at
        FROM case_studies x
        LEFT JOIN network_memberships mem ON mem.network_id = x.network_id AND mem.user_id = $1
       WHERE x.tsv @@ ${TSQUERY} AND ${LIBRARY_READABLE} ${inNetwork('x.network_id')}
       ORDER BY x.created_at DESC LIMIT ${LIBRARY_CANDIDATES})`);
    }
    if (wanted.has('entry')) {
      // The current published version of each entry, never a working copy: drafts, entries in
      // review and unpublished revisions cannot be found, by anyone.
      parts.push(`(SELECT 'entry' AS type, x.id, x.title,
          concat_ws(' ', x.content->>'summary', x.content->>'whatWasDone', x.content->>'whatWorked', x.content->>'adaptation', x.content->>'evaluation') AS snippet_source,
          x.search_config AS snippet_config, ${VISIBLE_NETWORK_ID}, NULL::uuid AS thread_id,
          NULL::uuid AS channel_id, NULL AS attribution, NULL AS author_label, NULL AS author_label_code, NULL::uuid AS author_id,
          ts_rank(x.tsv, ${TSQUERY}) AS rank, x.created_at
        FROM (SELECT e.id, e.network_id, v.title, v.search_config, v.content, v.tsv, v.published_at AS created_at
                FROM entries e
                JOIN entry_versions v ON v.entry_id = e.id AND v.version = e.current_version
                LEFT JOIN network_memberships mem ON mem.network_id = e.network_id AND mem.user_id = $1
               WHERE v.tsv @@ ${TSQUERY} AND e.status <> 'archived' AND ${ENTRY_READABLE} ${inNetwork('e.network_id')}
               ORDER BY v.published_at DESC LIMIT ${LIBRARY_CANDIDATES}) x)`);
    }
    if (parts.length === 0) return [];
    const params: unknown[] = [viewerId, q];
    if (networkSlug) params.push(networkSlug);
    const rows: HitRow[] = await this.dataSource.query(
      `SELECT hit.type, hit.id, hit.title, hit.network_id, hit.thread_id, hit.channel_id,
              hit.attribution, hit.author_label, hit.author_label_code, hit.author_id, hit.rank, hit.created_at,
              u.display_name AS author_name, u.handle AS author_handle,
              ts_headline(hit.snippet_config, hit.snippet_source,
                CASE WHEN hit.type IN ('thread', 'message') THEN ${SIMPLE_TSQUERY} ELSE ${TSQUERY} END,
                '${HEADLINE}') AS snippet
         FROM (SELECT * FROM (${parts.join(' UNION ALL ')}) candidates
                ORDER BY rank DESC, created_at DESC LIMIT ${Number(limit)}) hit
         LEFT JOIN users u ON u.id = hit.author_id
        ORDER BY hit.rank DESC, hit.created_at DESC`,
      params,
    );
    return rows.map(toHit);
  }
}

function toHit(row: HitRow): SearchHit {
  const discussion = row.type === 'thread' || row.type === 'message';
  const author =
    discussion && row.attribution
      ? toAuthorView(
          row.attribution,
          row.author_label_code ?? 'member',
          toAuthorFacts(row.author_id, row.author_name, row.author_handle),
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
