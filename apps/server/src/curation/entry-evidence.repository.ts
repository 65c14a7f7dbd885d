import { Injectable } from '@nestjs/common';
import type { EntryLinkType } from '@tandem/domain';
import type { EntityManager } from 'typeorm';
import { EntryLinkEntity, EntryQuoteEntity } from './curation.entities';

/** What an entry rests on: the messages it quotes and the library items it links. */
@Injectable()
export class EntryEvidenceRepository {
  /**
   * Which of the messages belong to the thread, each with whether it can no longer be quoted:
   * deleted, or hidden by moderators (its text is not for readers either).
   */
  async messagesOfThread(
    manager: EntityManager,
    threadId: string,
    messageIds: string[],
  ): Promise<Map<string, boolean>> {
    const rows: { id: string; deleted: boolean }[] = await manager.query(
      `SELECT id, (deleted_at IS NOT NULL OR hidden_at IS NOT NULL) AS deleted FROM messages WHERE thread_id = $1 AND id = ANY($2::uuid[])`,
      [threadId, messageIds],
    );
    return new Map(rows.map((row) => [row.id, row.deleted]));
  }

  /** Which of the given items an entry of `networkId` may rest on: published, own network or public. */
  async linkableItems(
    manager: EntityManager,
    networkId: string,
    links: { type: EntryLinkType; id: string }[],
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

  /** Replaces the entry's quotes with these messages, in this order. */
  async replaceQuotes(
    manager: EntityManager,
    entryId: string,
    messageIds: string[],
  ): Promise<void> {
    await manager.delete(EntryQuoteEntity, { entryId });
    if (messageIds.length === 0) return;
    await manager.insert(
      EntryQuoteEntity,
      messageIds.map((messageId, position) => ({ entryId, messageId, position })),
    );
  }

  /** Replaces the entry's links with these items, in this order. */
  async replaceLinks(
    manager: EntityManager,
    entryId: string,
    links: { type: EntryLinkType; id: string }[],
  ): Promise<void> {
    await manager.delete(EntryLinkEntity, { entryId });
    if (links.length === 0) return;
    await manager.insert(
      EntryLinkEntity,
      links.map((link, position) => ({
        entryId,
        targetType: link.type,
        targetId: link.id,
        position,
      })),
    );
  }
}
