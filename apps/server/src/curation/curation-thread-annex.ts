import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ThreadAnnex, ThreadAnnexProvider, ThreadAnnexRegistry } from '../discussions/thread-annex';
import { ThreadEntriesRepository } from './thread-entries.repository';

/** The entries curated from a thread, in its view: curation answers discussions' annex question. */
@Injectable()
export class CurationThreadAnnex implements ThreadAnnexProvider, OnModuleInit {
  constructor(
    private readonly registry: ThreadAnnexRegistry,
    private readonly entries: ThreadEntriesRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async forViewer(
    manager: EntityManager,
    threadId: string,
    viewerId: string,
  ): Promise<Partial<ThreadAnnex>> {
    return { curatedInto: await this.entries.curatedInto(manager, threadId, viewerId) };
  }

  async forRoom(manager: EntityManager, threadId: string): Promise<Partial<ThreadAnnex>> {
    return { curatedInto: await this.entries.sharedCuratedInto(manager, threadId) };
  }
}
