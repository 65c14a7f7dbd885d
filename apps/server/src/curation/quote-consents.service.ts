import { Injectable } from '@nestjs/common';
import * as policy from '@tandem/domain';
import {
  enforce,
  initialQuoteConsent,
  notFound,
  publishWithQuotes,
  quoteExcerpt,
  type QuoteConsentSettingsView,
  type QuoteConsentView,
} from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service';
import type { Actor } from '../platform/http/actor';
import type { DecideQuoteConsentDto, QuoteConsentSettingsDto } from './dto/quote-consent.dto';
import { QuoteConsentsRepository } from './quote-consents.repository';

/** An entry as consent requests need it. */
export interface ConsentEntry {
  id: string;
  networkId: string;
  title: string;
  scope: policy.EntryScope;
}

/** Requests made in a transaction, to notify their authors once it has committed. */
export interface AskedQuote {
  entry: ConsentEntry;
  messageId: string;
  authorId: string;
  body: string;
}

/**
 * Consent before a quote leaves its audience: an entry shared beyond its network (scope
 * `public`) asks each quoted author, or applies their standing choice; publishing waits for
 * every answer, and refused quotes are left out of what is shared.
 */
@Injectable()
export class QuoteConsentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: QuoteConsentsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Asks the authors of the entry's quotes that have not been asked yet, when the entry is
   * shared beyond its network. Run inside the transaction that changed the quotes or the
   * scope; pass what it answers to `notifyAsked` after the commit.
   */
  async requestConsents(
    manager: EntityManager,
    entry: ConsentEntry,
    curatorId: string,
  ): Promise<AskedQuote[]> {
    if (entry.scope !== 'public') return [];
    const quotes = await this.repository.quotedMessages(manager, entry.id);
    const requests = [];
    for (const quote of quotes) {
      const choice = quote.authorId
        ? await this.repository.choiceOf(manager, quote.authorId)
        : 'ask';
      requests.push({
        messageId: quote.messageId,
        authorId: quote.authorId,
        ...initialQuoteConsent({ authorId: quote.authorId, curatorId, choice }),
      });
    }
    const created = await this.repository.insertMissing(manager, entry.id, requests);
    const bodies = new Map(quotes.map((quote) => [quote.messageId, quote.body]));
    return created
      .filter((row) => row.state === 'pending' && row.author_id !== null)
      .map((row) => ({
        entry,
        messageId: row.message_id,
        authorId: row.author_id as string,
        body: bodies.get(row.message_id) ?? '',
      }));
  }

  /** Tells each asked author, after the request committed (a failure does not undo it). */
  async notifyAsked(actor: Actor, asked: AskedQuote[]): Promise<void> {
    if (asked.length === 0) return;
    const curator = await this.dataSource.manager.query<
      { id: string; display_name: string; handle: string }[]
    >(`SELECT id, display_name, handle FROM users WHERE id = $1`, [actor.userId]);
    for (const quote of asked) {
      await this.notifications.notify({
        userIds: [quote.authorId],
        kind: 'quote_consent_requested',
        networkId: quote.entry.networkId,
        subject: { type: 'entry', id: quote.entry.id, title: quote.entry.title },
        messageId: quote.messageId,
        actor: curator[0]
          ? {
              kind: 'named',
              userId: curator[0].id,
              displayName: curator[0].display_name,
              handle: curator[0].handle,
              organisationLabel: null,
              organisationLabelCode: null,
            }
          : null,
        excerpt: quoteExcerpt(quote.body, 200),
        dedupeKey: `${quote.entry.id}:${quote.messageId}`,
      });
    }
  }

  /**
   * Asks, in a transaction of its own, every quoted author of a public entry not asked yet
   * (entries whose quotes predate consent), then tells them. Publishing calls it first, so a
   * refusal to publish still leaves the requests made.
   */
  async ensureAsked(actor: Actor, entry: ConsentEntry): Promise<void> {
    if (entry.scope !== 'public') return;
    const asked = await this.dataSource.transaction((manager) =>
      this.requestConsents(manager, entry, actor.userId),
    );
    await this.notifyAsked(actor, asked);
  }

  /**
   * Before a public entry publishes: refuses while any standing quote waits for its author (409
   * naming them). Answers the quotes their authors refused, which the shared version leaves
   * out. Run inside the publishing transaction.
   */
  async assertPublishable(
    manager: EntityManager,
    entry: ConsentEntry,
    standingQuotes: string[],
  ): Promise<Set<string>> {
    if (entry.scope !== 'public') return new Set();
    const states = await this.repository.statesFor(manager, entry.id);
    const consents = standingQuotes.map((messageId) => ({
      messageId,
      state: states.get(messageId)?.state ?? ('pending' as const),
    }));
    enforce(publishWithQuotes(consents));
    return new Set(consents.filter((c) => c.state === 'refused').map((c) => c.messageId));
  }

  /**
   * Which quotes a published version may show. A network-only entry shows its versions as
   * published. A public one shows only quotes their authors allowed: a refusal after
   * publication withdraws a quote, and so does a version published for the network whose
   * entry was made public later, until its authors answer.
   */
  async quoteFilterFor(
    manager: EntityManager,
    entry: { id: string; scope: policy.EntryScope },
  ): Promise<(messageId: string) => boolean> {
    if (entry.scope !== 'public') return () => true;
    const states = await this.repository.statesFor(manager, entry.id);
    return (messageId) => states.get(messageId)?.state === 'granted';
  }

  /** Consent state of each quote, for the entry's editors. */
  statesFor(
    manager: EntityManager,
    entryId: string,
  ): Promise<Map<string, { state: policy.QuoteConsentState; decidedAt: Date | null }>> {
    return this.repository.statesFor(manager, entryId);
  }

  /** The quoted author answers (404 for anyone else, worded like a missing request). */
  async decide(actor: Actor, id: string, dto: DecideQuoteConsentDto): Promise<QuoteConsentView> {
    await this.dataSource.transaction(async (manager) => {
      const consent = await this.repository.forUpdate(manager, id);
      if (!consent) throw notFound('Quote consent');
      enforce(policy.decideQuoteConsent({ isAuthor: consent.author_id === actor.userId }));
      await this.repository.decide(manager, id, dto.decision === 'grant' ? 'granted' : 'refused');
    });
    const mine = await this.repository.mine(this.dataSource.manager, actor.userId, 1000);
    const view = mine.find((consent) => consent.id === id);
    if (!view) throw notFound('Quote consent');
    return view;
  }

  bodiesOf(manager: EntityManager, messageIds: string[]): Promise<Map<string, string>> {
    return this.repository.bodiesOf(manager, messageIds);
  }

  mine(actor: Actor): Promise<QuoteConsentView[]> {
    return this.repository.mine(this.dataSource.manager, actor.userId);
  }

  async settings(actor: Actor): Promise<QuoteConsentSettingsView> {
    return { choice: await this.repository.choiceOf(this.dataSource.manager, actor.userId) };
  }

  /** A standing choice applies to requests made from now on; earlier answers stay. */
  async updateSettings(
    actor: Actor,
    dto: QuoteConsentSettingsDto,
  ): Promise<QuoteConsentSettingsView> {
    await this.repository.setChoice(this.dataSource.manager, actor.userId, dto.choice);
    return this.settings(actor);
  }
}
