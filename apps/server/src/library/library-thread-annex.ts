import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ThreadAnnex, ThreadAnnexProvider, ThreadAnnexRegistry } from '../discussions/thread-annex';
import { ThreadLinks } from './thread-links';

/** A thread's evidence links, in its view: library answers discussions' annex question. */
@Injectable()
export class LibraryThreadAnnex implements ThreadAnnexProvider, OnModuleInit {
  constructor(
    private readonly registry: ThreadAnnexRegistry,
    private readonly links: ThreadLinks,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async forViewer(
    manager: EntityManager,
    threadId: string,
    viewerId: string,
  ): Promise<Partial<ThreadAnnex>> {
    return { links: await this.links.forViewer(manager, threadId, viewerId) };
  }

  async forRoom(manager: EntityManager, threadId: string): Promise<Partial<ThreadAnnex>> {
    return { links: await this.links.forRoom(manager, threadId) };
  }
}
