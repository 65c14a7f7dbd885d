import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LinkTargetProvider, ThreadLinks } from '../library/thread-links';
import { assertEntryLinkable } from './entry-links';
import { ThreadEntriesRepository } from './thread-entries.repository';

/** Best-practice entries as targets of a thread's links: the library stores, curation answers. */
@Injectable()
export class EntryLinkTarget implements LinkTargetProvider, OnModuleInit {
  readonly targetType = 'entry' as const;

  constructor(
    private readonly links: ThreadLinks,
    private readonly entries: ThreadEntriesRepository,
  ) {}

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

  titlesForViewer(
    manager: EntityManager,
    ids: string[],
    viewerId: string,
  ): Promise<Map<string, string>> {
    return this.entries.titlesForViewer(manager, ids, viewerId);
  }

  titlesForNetwork(
    manager: EntityManager,
    ids: string[],
    networkId: string,
  ): Promise<Map<string, string>> {
    return this.entries.titlesForNetwork(manager, ids, networkId);
  }
}
