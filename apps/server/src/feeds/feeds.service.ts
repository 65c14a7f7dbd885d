import { Inject, Injectable } from '@nestjs/common';
import { isPlainText, unauthorized } from '@tandem/domain';
import { Feed } from 'feed';
import { hashToken, newOpaqueToken } from '../auth/tokens';
import type { Actor } from '../platform/http/actor';
import { APP_CONFIG, AppConfig } from '../platform/config/configuration';
import { FeedsRepository } from './feeds.repository';

export interface FeedLink {
  /** Path of the personal Atom feed, to prefix with the site's address. */
  atomPath: string;
}

export interface DigestItem {
  type: 'research' | 'case_study';
  id: string;
  title: string;
  line: string;
  topics: string[];
  publishedAt: string;
}

export interface Digest {
  since: string;
  subject: string;
  items: DigestItem[];
  text: string;
  html: string;
}

const DIGEST_DAYS = 7;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** Drops the control characters XML 1.0 cannot carry (text stored before the API refused them). */
function xmlSafe(text: string): string {
  return isPlainText(text) ? text : Array.from(text, (c) => (isPlainText(c) ? c : '')).join('');
}

/**
 * Text for an Atom text construct of type="html" (the only type the feed library writes): the
 * reader decodes it as HTML, so plain text goes in HTML-escaped. Escaping `>` also keeps "]]>"
 * out of the CDATA section the library wraps it in, which would otherwise end it early and let
 * the rest of the text become feed markup.
 */
function atomHtml(text: string): string {
  return escapeHtml(xmlSafe(text));
}

@Injectable()
export class FeedsService {
  constructor(
    private readonly feeds: FeedsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Issues (or replaces) the caller's feed key; the old feed address stops working. */
  async rotateFeedKey(actor: Actor): Promise<FeedLink> {
    const key = newOpaqueToken();
    await this.feeds.setFeedKeyHash(actor.userId, hashToken(key));
    return { atomPath: `/api/feeds/research.atom?key=${key}` };
  }

  /**
   * The Atom feed of published public research summaries, for a feed reader holding a personal
   * key (public items are for signed-in users, and a feed reader cannot sign in).
   */
  async researchAtom(key: string | undefined, baseUrl: string): Promise<string> {
    if (!key) throw unauthorized('This feed needs the personal key from your account page');
    if (!(await this.feeds.feedKeyExists(hashToken(key))))
      throw unauthorized(
        'This feed key is not valid; get a new feed address from your account page',
      );
    const rows = await this.feeds.publicResearch();
    const feed = new Feed({
      id: `${baseUrl}/api/feeds/research.atom`,
      title: 'Tandem — research summaries',
      description:
        'One-page research summaries for integration practitioners: the key finding and what it means for your programme.',
      link: `${baseUrl}/library`,
      // The feed changed when any entry last did, not when the newest one was published.
      updated: rows.reduce(
        (latest, row) => (row.updated_at > latest ? row.updated_at : latest),
        new Date(0),
      ),
      generator: 'Tandem',
      copyright: 'Summaries by their authors; see each source for the full text.',
      feedLinks: { atom: `${baseUrl}/api/feeds/research.atom` },
    });
    for (const row of rows) {
      feed.addItem({
        id: `urn:uuid:${row.id}`,
        title: atomHtml(row.title),
        link: `${baseUrl}/library/research/${row.id}`,
        date: row.updated_at,
        published: row.published_at,
        description: atomHtml(row.key_finding),
        content: atomHtml(
          `${row.summary}\n\nWhat this means for your programme: ${row.practice_implications}`,
        ),
        category: row.topics.map((topic) => ({ term: topic, name: topic })),
        author: row.organisation ? [{ name: xmlSafe(row.organisation) }] : undefined,
      });
    }
    return feed.atom1();
  }

  /**
   * The week's new summaries and case studies the caller may read, on the topics of the channels
   * they read in their networks (all topics when those channels have none). Mail sending comes later.
   */
  async digest(actor: Actor, now = new Date()): Promise<Digest> {
    const since = new Date(now.getTime() - DIGEST_DAYS * 86_400_000);
    const rows = await this.feeds.digestItems(actor.userId, since);
    const items: DigestItem[] = rows.map((row) => ({
      type: row.type,
      id: row.id,
      title: row.title,
      line: row.line,
      topics: row.topics,
      publishedAt: row.published_at.toISOString(),
    }));
    const subject =
      items.length === 0
        ? 'Tandem: nothing new in your topics this week'
        : `Tandem: ${items.length} new in your topics this week`;
    const base = this.config.webOrigin ?? '';
    const pathOf = (item: DigestItem) =>
      `${base}/library/${item.type === 'research' ? 'research' : 'case-studies'}/${item.id}`;
    const text = [
      subject,
      '',
      ...(items.length === 0
        ? ['No new research summaries or case studies on your topics in the last 7 days.']
        : items.map(
            (item) =>
              `- ${item.type === 'research' ? 'Research' : 'Case study'}: ${item.title}\n  ${item.line}\n  ${pathOf(item)}`,
          )),
    ].join('\n');
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;max-width:640px">
<h1 style="font-size:1.25rem">${escapeHtml(subject)}</h1>
${
  items.length === 0
    ? '<p>No new research summaries or case studies on your topics in the last 7 days.</p>'
    : `<ul>${items
        .map(
          (item) =>
            `<li><p><strong>${item.type === 'research' ? 'Research' : 'Case study'}:</strong> <a href="${escapeHtml(pathOf(item))}">${escapeHtml(item.title)}</a><br>${escapeHtml(item.line)}</p></li>`,
        )
        .join('')}</ul>`
}
</body></html>`;
    return { since: since.toISOString(), subject, items, text, html };
  }
}
