import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LinkTargetProvider, ThreadLinks } from '../library/thread-links';
import { publishedForNetwork, readablePublishedEntry } from './entry-access';
import { assertEntryLinkable } from './entry-links';

/** Best-practice entries as targets of a thread's links: the library stores, curation answers. */
@Injectable()
export class EntryLinkTarget implements LinkTargetProvider, OnModuleInit {
  readonly targetType = 'entry' as const;

  constructor(private readonly links: ThreadLinks) {}

  onModuleInit(): void {
    this.links.register(this);
  }

  assertLinkable(
    manager: EntityManager,
    userId: string,
    targetId: string,
    threadNetworkId: string,
  ): Promise<void> {
    return assertEntryLinkable(manager, userId, targetId, threadNetworkId);
  }

  async titlesForViewer(
    manager: EntityManager,
    ids: string[],
    viewerId: string,
  ): Promise<Map<string, string>> {
    const rows: { id: string; title: string }[] = await manager.query(
      `SELECT en.id, ev.title
         FROM entries en
         JOIN entry_versions ev ON ev.entry_id = en.id AND ev.version = en.current_version
        WHERE en.id = ANY($1::uuid[]) AND ${readablePublishedEntry('en', '$2')}`,
      [ids, viewerId],
    );
    return new Map(rows.map((row) => [row.id, row.title]));
  }

  async titlesForNetwork(
    manager: EntityManager,
    ids: string[],
    networkId: string,
  ): Promise<Map<string, string>> {
    const rows: { id: string; title: string }[] = await manager.query(
      `SELECT en.id, ev.title
         FROM entries en
         JOIN entry_versions ev ON ev.entry_id = en.id AND ev.version = en.current_version
        WHERE en.id = ANY($1::uuid[]) AND ${publishedForNetwork('en', '$2::uuid')}`,
      [ids, networkId],
    );
    return new Map(rows.map((row) => [row.id, row.title]));
  }
}
