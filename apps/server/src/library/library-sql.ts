import { badRequest } from '@tandem/domain';
import { decodeCursor } from '../platform/http/pagination';

/**
 * SQL fragments the library's repositories share, and curation's with them: who may read a
 * library item, which threads cite something, a query in any content language, and the keyset
 * cursor of lists sorted newest first.
 */

export type LibraryKind = 'research' | 'case_study';

export const LIBRARY_TABLE: Record<LibraryKind, string> = {
  research: 'research_summaries',
  case_study: 'case_studies',
};

/**
 * Which items the viewer ($1) may read: the SQL form of canReadLibraryItem. Expects the item as
 * `x` and the viewer's membership of its network as `mem` (LEFT JOIN).
 */
export const READABLE_ITEM = `((x.status = 'published' AND (x.scope = 'public' OR mem.role IS NOT NULL))
  OR (x.status = 'draft' AND mem.role IS NOT NULL AND (x.author_id = $1 OR mem.role IN ('moderator', 'admin'))))`;

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
 * The links (`l`) citing a target, with their threads (`t`), that the viewer may read: the FROM
 * and WHERE of a query. Each argument is SQL: a parameter, a column or a literal.
 */
export const citingThreads = (viewer: string, targetType: string, targetId: string): string => `
  FROM thread_links l
  JOIN threads t ON t.id = l.thread_id
  JOIN channels c ON c.id = t.channel_id
  JOIN network_memberships tm ON tm.network_id = t.network_id AND tm.user_id = ${viewer}
 WHERE l.target_type = ${targetType} AND l.target_id = ${targetId}
   AND (c.visibility = 'network' OR EXISTS (SELECT 1 FROM channel_members cm WHERE cm.channel_id = c.id AND cm.user_id = ${viewer}))`;

/** A query in any content language: the OR of each configuration's reading of it. */
export const anyLanguageTsquery = (param: string): string =>
  `(websearch_to_tsquery('english', ${param}) || websearch_to_tsquery('french', ${param}) || websearch_to_tsquery('italian', ${param}) || websearch_to_tsquery('german', ${param}) || websearch_to_tsquery('simple', ${param}))`;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const invalidCursor = () =>
  badRequest('Invalid cursor', [
    { field: 'cursor', problems: ['cursor is not one this server issued'] },
  ]);

/**
 * The (created at, id) key of a newest-first list's cursor, or null on the first page. Only
 * what this server issues passes: an ISO timestamp and a UUID (Postgres would fail on others).
 */
export function decodeNewestFirstCursor(cursor: string | undefined): [string, string] | null {
  const after = decodeCursor(cursor, 2);
  if (!after) return null;
  const [createdAt, id] = after;
  if (
    typeof createdAt !== 'string' ||
    !ISO_INSTANT.test(createdAt) ||
    Number.isNaN(Date.parse(createdAt))
  )
    throw invalidCursor();
  if (typeof id !== 'string' || !UUID.test(id)) throw invalidCursor();
  return [createdAt, id];
}
