import {
  EntryContent,
  EntryLinkType,
  EntryLinkView,
  EvidenceQuoteView,
  quoteAttribution,
  quoteAuthorView,
  quoteExcerpt,
  StoredQuoteAuthor,
  Attribution,
  LabelCode,
} from '@tandem/domain';
import type { EntityManager } from 'typeorm';
import { readableLibraryItem } from '../library/library-sql';
import type { EntryEntity, StoredQuote, VersionContent } from './curation.entities';

/**
 * Entry content as a viewer may see it: the working copy (quotes read live from their messages)
 * or a published version (quotes frozen). Both pass through here, and this is where the thread's
 * attribution rule is applied: a Chatham House quote carries its label and nothing else.
 */

interface QuoteRow {
  message_id: string;
  seq: number;
  body: string;
  author_id: string | null;
  author_label: string;
  author_label_code: LabelCode;
  deleted_at: Date | null;
  hidden_at: Date | null;
  created_at: Date;
  attribution: Attribution;
}

/** The working copy's quotes in order, with what the thread's rule lets a quote keep. */
export async function loadQuotes(
  manager: EntityManager,
  entryId: string,
): Promise<(StoredQuote & { deleted: boolean })[]> {
  const rows: QuoteRow[] = await manager.query(
    `SELECT q.message_id, m.seq, m.body, m.author_id, m.author_label, m.author_label_code, m.deleted_at, m.hidden_at, m.created_at, t.attribution
       FROM entry_quotes q
       JOIN messages m ON m.id = q.message_id
       JOIN threads t ON t.id = m.thread_id
      WHERE q.entry_id = $1
      ORDER BY q.position`,
    [entryId],
  );
  return rows.map((row) => ({
    messageId: row.message_id,
    seq: row.seq,
    // A deleted message's text is never shown again, not even to the entry's editors; nor is a
    // hidden one's (moderators judged it unfit for readers). Both show as removed.
    body: row.deleted_at || row.hidden_at ? '' : quoteExcerpt(row.body),
    // The author id is dropped here for Chatham House threads, before anything else sees it.
    author: quoteAttribution(
      row.attribution,
      row.author_label,
      row.author_label_code,
      row.author_id,
    ),
    postedAt: row.created_at.toISOString(),
    deleted: row.deleted_at !== null || row.hidden_at !== null,
  }));
}

/** Named authors' current names and handles, for showing quotes. */
async function namedAuthors(
  manager: EntityManager,
  authors: StoredQuoteAuthor[],
): Promise<Map<string, { displayName: string; handle: string }>> {
  const ids = [
    ...new Set(
      authors.flatMap((author) =>
        author.kind === 'named' && author.userId !== null ? [author.userId] : [],
      ),
    ),
  ];
  if (ids.length === 0) return new Map();
  const rows: { id: string; display_name: string; handle: string }[] = await manager.query(
    `SELECT id, display_name, handle FROM users WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(
    rows.map((row) => [row.id, { displayName: row.display_name, handle: row.handle }]),
  );
}

function toQuoteViews(
  quotes: (StoredQuote & { deleted?: boolean })[],
  names: Map<string, { displayName: string; handle: string }>,
  withDeletedFlag: boolean,
  locale: string,
): EvidenceQuoteView[] {
  return quotes.map((quote) => ({
    messageId: quote.messageId,
    seq: quote.seq,
    body: quote.body,
    author: quoteAuthorView(
      quote.author,
      quote.author.kind === 'named' && quote.author.userId !== null
        ? (names.get(quote.author.userId) ?? null)
        : null,
      locale,
    ),
    postedAt: quote.postedAt,
    ...(withDeletedFlag ? { deleted: quote.deleted ?? false } : {}),
  }));
}

/**
 * The working copy's links with their items' current titles, keeping only the items the viewer
 * may open (an item can be made network-only or turned back into a draft after it was linked).
 */
export async function loadWorkingLinks(
  manager: EntityManager,
  entryId: string,
  viewerId: string | null,
): Promise<EntryLinkView[]> {
  const rows: { target_type: EntryLinkType; target_id: string; title: string | null }[] =
    await manager.query(
      `SELECT l.target_type, l.target_id, coalesce(r.title, cs.programme_name) AS title
         FROM entry_links l
         LEFT JOIN research_summaries r ON l.target_type = 'research' AND r.id = l.target_id
              AND r.status = 'published' ${viewerId ? `AND ${readableLibraryItem('r', '$2')}` : ''}
         LEFT JOIN case_studies cs ON l.target_type = 'case_study' AND cs.id = l.target_id
              AND cs.status = 'published' ${viewerId ? `AND ${readableLibraryItem('cs', '$2')}` : ''}
        WHERE l.entry_id = $1
        ORDER BY l.position`,
      viewerId ? [entryId, viewerId] : [entryId],
    );
  return rows.flatMap((row) =>
    row.title === null ? [] : [{ type: row.target_type, id: row.target_id, title: row.title }],
  );
}

/** A version's links, keeping those the viewer may open, with the titles they had when published. */
async function readableVersionLinks(
  manager: EntityManager,
  links: VersionContent['links'],
  viewerId: string,
): Promise<EntryLinkView[]> {
  if (links.length === 0) return [];
  const research = links.filter((l) => l.type === 'research').map((l) => l.id);
  const caseStudies = links.filter((l) => l.type === 'case_study').map((l) => l.id);
  const rows: { type: EntryLinkType; id: string }[] = await manager.query(
    `SELECT 'research' AS type, r.id FROM research_summaries r
      WHERE r.id = ANY($1::uuid[]) AND r.status = 'published' AND ${readableLibraryItem('r', '$3')}
     UNION ALL
     SELECT 'case_study' AS type, cs.id FROM case_studies cs
      WHERE cs.id = ANY($2::uuid[]) AND cs.status = 'published' AND ${readableLibraryItem('cs', '$3')}`,
    [research, caseStudies, viewerId],
  );
  const readable = new Set(rows.map((row) => `${row.type}:${row.id}`));
  return links.filter((link) => readable.has(`${link.type}:${link.id}`));
}

/** The working copy as its editors see it (quotes of deleted messages flagged). */
export async function loadWorkingContent(
  manager: EntityManager,
  entry: EntryEntity,
  viewerId: string,
  locale = 'en',
): Promise<EntryContent> {
  const quotes = await loadQuotes(manager, entry.id);
  const names = await namedAuthors(
    manager,
    quotes.map((quote) => quote.author),
  );
  return {
    ...workingFields(entry),
    evidence: toQuoteViews(quotes, names, true, locale),
    links: await loadWorkingLinks(manager, entry.id, viewerId),
  };
}

/** A published version as a viewer sees it. */
export async function mapVersionContent(
  manager: EntityManager,
  content: VersionContent,
  viewerId: string,
  shows: (messageId: string) => boolean = () => true,
  locale = 'en',
): Promise<EntryContent> {
  // A public entry shows only the quotes their authors allowed (see QuoteConsentsService).
  const evidence = content.evidence.filter((quote) => shows(quote.messageId));
  const names = await namedAuthors(
    manager,
    evidence.map((quote) => quote.author),
  );
  return {
    title: content.title,
    summary: content.summary,
    context: content.context,
    whatWasDone: content.whatWasDone,
    whatWorked: content.whatWorked,
    whatDidNot: content.whatDidNot,
    resources: content.resources,
    adaptation: content.adaptation,
    evaluation: content.evaluation,
    topics: content.topics,
    phase: content.phase,
    language: content.language,
    evidence: toQuoteViews(evidence, names, false, locale),
    links: await readableVersionLinks(manager, content.links, viewerId),
  };
}

/**
 * What a publish freezes: the working copy with its quotes' current text and attribution and its
 * links' titles. Deleted messages are not quoted (the workflow refuses to publish with one). Run
 * inside the publishing transaction, after the entry row is locked.
 */
export async function snapshotOf(
  manager: EntityManager,
  entry: EntryEntity,
  sourceThread: { id: string; title: string } | null,
  leaveOut: ReadonlySet<string> = new Set(),
): Promise<VersionContent> {
  // Quotes whose authors refused to be quoted beyond the network are left out of what is shared.
  const quotes = (await loadQuotes(manager, entry.id)).filter(
    (quote) => !quote.deleted && !leaveOut.has(quote.messageId),
  );
  return {
    ...workingFields(entry),
    evidence: quotes.map(({ messageId, seq, body, author, postedAt }) => ({
      messageId,
      seq,
      body,
      author,
      postedAt,
    })),
    links: await loadWorkingLinks(manager, entry.id, null),
    sourceThread,
  };
}

function workingFields(entry: EntryEntity): Omit<EntryContent, 'evidence' | 'links'> {
  return {
    title: entry.title,
    summary: entry.summary,
    context: { who: entry.contextWho, where: entry.contextWhere },
    whatWasDone: entry.whatWasDone,
    whatWorked: entry.whatWorked,
    whatDidNot: entry.whatDidNot,
    resources: {
      budgetEur: entry.budgetEur,
      staffFte: entry.staffFte,
      volunteers: entry.volunteers,
      durationMonths: entry.durationMonths,
      note: entry.resourcesNote,
    },
    adaptation: entry.adaptation,
    evaluation: entry.evaluation,
    topics: entry.topics,
    phase: entry.phase,
    language: entry.language,
  };
}

/** The source thread, when the viewer can read it (member of its network, channel readable). */
export async function readableSourceThread(
  manager: EntityManager,
  threadId: string | null,
  viewerId: string,
): Promise<{ id: string; title: string } | null> {
  if (threadId === null) return null;
  const rows: { id: string; title: string }[] = await manager.query(
    `SELECT t.id, t.title FROM threads t JOIN channels c ON c.id = t.channel_id
      WHERE t.id = $1
        AND EXISTS (SELECT 1 FROM network_memberships m WHERE m.network_id = t.network_id AND m.user_id = $2)
        AND (c.visibility = 'network' OR EXISTS (SELECT 1 FROM channel_members cm WHERE cm.channel_id = c.id AND cm.user_id = $2))`,
    [threadId, viewerId],
  );
  return rows[0] ?? null;
}
