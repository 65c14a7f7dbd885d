import { Injectable } from '@nestjs/common';
import type {
  QuoteConsentChoice,
  QuoteConsentDecidedBy,
  QuoteConsentState,
  QuoteConsentView,
} from '@tandem/domain';
import { quoteExcerpt } from '@tandem/domain';
import type { EntityManager } from 'typeorm';

interface ConsentRow {
  id: string;
  entry_id: string;
  message_id: string;
  author_id: string | null;
  state: QuoteConsentState;
  decided_by: QuoteConsentDecidedBy | null;
  decided_at: Date | null;
  created_at: Date;
}

/** A quote of an entry with its author, for asking. */
export interface QuotedMessage {
  messageId: string;
  authorId: string | null;
  body: string;
}

/** Quote consents (`quote_consents`) and each author's standing choice. */
@Injectable()
export class QuoteConsentsRepository {
  async choiceOf(manager: EntityManager, userId: string): Promise<QuoteConsentChoice> {
    const rows: { choice: QuoteConsentChoice }[] = await manager.query(
      `SELECT choice FROM quote_consent_settings WHERE user_id = $1`,
      [userId],
    );
    return rows[0]?.choice ?? 'ask';
  }

  async setChoice(
    manager: EntityManager,
    userId: string,
    choice: QuoteConsentChoice,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO quote_consent_settings (user_id, choice) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET choice = EXCLUDED.choice, updated_at = now()`,
      [userId, choice],
    );
  }

  /** The entry's quotes with their authors and text, in order. */
  async quotedMessages(manager: EntityManager, entryId: string): Promise<QuotedMessage[]> {
    const rows: { message_id: string; author_id: string | null; body: string }[] =
      await manager.query(
        `SELECT q.message_id, m.author_id, m.body
           FROM entry_quotes q JOIN messages m ON m.id = q.message_id
          WHERE q.entry_id = $1 ORDER BY q.position`,
        [entryId],
      );
    return rows.map((row) => ({
      messageId: row.message_id,
      authorId: row.author_id,
      body: row.body,
    }));
  }

  /**
   * Creates a request for each quote that has none yet, in the state given; answers the ones
   * created. Existing requests (answered or not) are kept: an author is asked once per quote
   * and entry.
   */
  async insertMissing(
    manager: EntityManager,
    entryId: string,
    requests: {
      messageId: string;
      authorId: string | null;
      state: QuoteConsentState;
      decidedBy: QuoteConsentDecidedBy | null;
    }[],
  ): Promise<ConsentRow[]> {
    if (requests.length === 0) return [];
    return manager.query(
      `INSERT INTO quote_consents (entry_id, message_id, author_id, state, decided_by, decided_at)
       SELECT $1, r.message_id, r.author_id, r.state, r.decided_by,
              CASE WHEN r.state = 'pending' THEN NULL ELSE now() END
         FROM jsonb_to_recordset($2::jsonb)
              AS r(message_id uuid, author_id uuid, state text, decided_by text)
       ON CONFLICT (entry_id, message_id) DO NOTHING
       RETURNING id, entry_id, message_id, author_id, state, decided_by, decided_at, created_at`,
      [
        entryId,
        JSON.stringify(
          requests.map((r) => ({
            message_id: r.messageId,
            author_id: r.authorId,
            state: r.state,
            decided_by: r.decidedBy,
          })),
        ),
      ],
    );
  }

  /** The state of each quoted message's request in this entry (absent: never asked). */
  async statesFor(
    manager: EntityManager,
    entryId: string,
  ): Promise<Map<string, { state: QuoteConsentState; decidedAt: Date | null }>> {
    const rows: ConsentRow[] = await manager.query(
      `SELECT message_id, state, decided_at FROM quote_consents WHERE entry_id = $1`,
      [entryId],
    );
    return new Map(
      rows.map((row) => [row.message_id, { state: row.state, decidedAt: row.decided_at }]),
    );
  }

  /** A request with its entry's network, locked for the decision; null when there is none. */
  async forUpdate(
    manager: EntityManager,
    id: string,
  ): Promise<(ConsentRow & { network_id: string }) | null> {
    const rows: (ConsentRow & { network_id: string })[] = await manager.query(
      `SELECT c.*, e.network_id FROM quote_consents c JOIN entries e ON e.id = c.entry_id
        WHERE c.id = $1 FOR UPDATE OF c`,
      [id],
    );
    return rows[0] ?? null;
  }

  async decide(manager: EntityManager, id: string, state: 'granted' | 'refused'): Promise<void> {
    await manager.query(
      `UPDATE quote_consents SET state = $2, decided_by = 'person', decided_at = now() WHERE id = $1`,
      [id, state],
    );
  }

  /** The author's requests, newest first (pending ones first). */
  async mine(manager: EntityManager, userId: string, limit = 100): Promise<QuoteConsentView[]> {
    const rows: (ConsentRow & { title: string; body: string })[] = await manager.query(
      `SELECT c.*, e.title, m.body
         FROM quote_consents c
         JOIN entries e ON e.id = c.entry_id
         JOIN messages m ON m.id = c.message_id
        WHERE c.author_id = $1
        ORDER BY (c.state = 'pending') DESC, c.created_at DESC, c.id
        LIMIT $2`,
      [userId, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      entryId: row.entry_id,
      entryTitle: row.title,
      messageId: row.message_id,
      excerpt: quoteExcerpt(row.body),
      state: row.state,
      decidedBy: row.decided_by,
      decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
      createdAt: row.created_at.toISOString(),
    }));
  }

  /** The text of each message, for the personal-data check of new quotes. */
  async bodiesOf(manager: EntityManager, messageIds: string[]): Promise<Map<string, string>> {
    if (messageIds.length === 0) return new Map();
    const rows: { id: string; body: string }[] = await manager.query(
      `SELECT id, body FROM messages WHERE id = ANY($1::uuid[])`,
      [messageIds],
    );
    return new Map(rows.map((row) => [row.id, row.body]));
  }
}
