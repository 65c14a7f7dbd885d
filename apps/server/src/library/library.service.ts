import { Injectable } from '@nestjs/common';
import * as policy from '@tandem/domain';
import {
  badRequest,
  CaseStudyView,
  conflict,
  DiscussedInView,
  enforce,
  notFound,
  Page,
  ResearchSummaryView,
  SEARCH_CONFIG_FOR,
  ThreadLinkView,
} from '@tandem/domain';
import { DataSource } from 'typeorm';
import { loadThreadAccess } from '../channels/channel-access';
import { enforceNotSuspended, loadNetworkAccess, loadStanding } from '../networks/network-access';
import type { Actor } from '../platform/http/actor';
import { EVENTS } from '../platform/events/domain-events';
import { DomainEvents } from '../platform/events/domain-event-bus';
import type { CreateCaseStudyDto, UpdateCaseStudyDto } from './dto/case-study.dto';
import type { LibraryQuery } from './dto/library-query.dto';
import type {
  CreateResearchSummaryDto,
  UpdateResearchSummaryDto,
} from './dto/research-summary.dto';
import type { CreateThreadLinkDto } from './dto/thread-link.dto';
import type { CaseStudyEntity, ResearchSummaryEntity } from './library.entities';
import { LibraryLinksRepository } from './library-links.repository';
import type { LibraryKind } from './library-sql';
import { libraryItemAccess } from './library-views';
import { LibraryRepository } from './library.repository';
import { ThreadLinks } from './thread-links';

const WHAT: Record<LibraryKind, string> = {
  research: 'Research summary',
  case_study: 'Case study',
};

/**
 * The evidence library: research summaries and case studies, and the links that cite them from
 * discussions. Every method takes the actor first and asks the domain policy before it writes.
 */
@Injectable()
export class LibraryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly itemRepository: LibraryRepository,
    private readonly linkRepository: LibraryLinksRepository,
    private readonly events: DomainEvents,
    private readonly threadLinks: ThreadLinks,
  ) {}

  // -------------------------------------------------------------------- research summaries

  async createSummary(actor: Actor, dto: CreateResearchSummaryDto): Promise<ResearchSummaryView> {
    const manager = this.dataSource.manager;
    const { network, standing } = await loadNetworkAccess(manager, actor.userId, dto.network);
    enforce(policy.createLibraryItem(standing));
    await enforceNotSuspended(manager, network.id, actor.userId);
    enforce(policy.setLibraryScope(standing, dto.scope ?? 'network'));
    const status = dto.status ?? 'draft';
    const id = await this.itemRepository.insertSummary(manager, {
      networkId: network.id,
      authorId: actor.userId,
      organisationId: await this.itemRepository.authorOrganisationId(manager, actor.userId),
      title: dto.title,
      summary: dto.summary,
      keyFinding: dto.keyFinding,
      practiceImplications: dto.practiceImplications,
      question: dto.question,
      phase: dto.phase,
      topics: dto.topics ?? [],
      language: dto.language,
      searchConfig: SEARCH_CONFIG_FOR[dto.language],
      sources: dto.sources.map(({ url, citation }) => ({ url, citation })),
      status,
      scope: dto.scope ?? 'network',
      publishedAt: status === 'published' ? new Date() : null,
    });
    return this.getSummary(actor, id);
  }

  async updateSummary(
    actor: Actor,
    id: string,
    dto: UpdateResearchSummaryDto,
  ): Promise<ResearchSummaryView> {
    await this.dataSource.transaction(async (manager) => {
      const item = await this.itemRepository.lockSummary(manager, id);
      if (!item) throw notFound(WHAT.research);
      const standing = await loadStanding(manager, item.networkId, actor.userId);
      enforce(
        policy.editLibraryItem(libraryItemAccess(item, standing, actor.userId), WHAT.research),
      );
      await enforceNotSuspended(manager, item.networkId, actor.userId);
      if (dto.scope) enforce(policy.setLibraryScope(standing, dto.scope));
      const changes: Partial<ResearchSummaryEntity> = {};
      for (const key of [
        'title',
        'summary',
        'keyFinding',
        'practiceImplications',
        'question',
        'phase',
        'topics',
        'scope',
      ] as const) {
        if (dto[key] !== undefined) Object.assign(changes, { [key]: dto[key] });
      }
      if (dto.sources)
        changes.sources = dto.sources.map(({ url, citation }) => ({ url, citation }));
      if (dto.language)
        Object.assign(changes, {
          language: dto.language,
          searchConfig: SEARCH_CONFIG_FOR[dto.language],
        });
      Object.assign(changes, statusChange(item.status, dto.status));
      if (Object.keys(changes).length > 0)
        await this.itemRepository.updateSummary(manager, id, changes);
    });
    return this.getSummary(actor, id);
  }

  async getSummary(actor: Actor, id: string): Promise<ResearchSummaryView> {
    const view = await this.itemRepository.summary(this.dataSource.manager, actor.userId, id);
    if (!view) throw notFound(WHAT.research);
    return view;
  }

  async listSummaries(actor: Actor, query: LibraryQuery): Promise<Page<ResearchSummaryView>> {
    refuseFilters(query, ['country', 'fundingSource', 'maxBudgetEur'], 'research summaries');
    return this.itemRepository.summaryPage(this.dataSource.manager, actor.userId, query);
  }

  // -------------------------------------------------------------------------- case studies

  async createCaseStudy(actor: Actor, dto: CreateCaseStudyDto): Promise<CaseStudyView> {
    const manager = this.dataSource.manager;
    const { network, standing } = await loadNetworkAccess(manager, actor.userId, dto.network);
    enforce(policy.createLibraryItem(standing));
    await enforceNotSuspended(manager, network.id, actor.userId);
    enforce(policy.setLibraryScope(standing, dto.scope ?? 'network'));
    const status = dto.status ?? 'draft';
    const id = await this.itemRepository.insertCaseStudy(manager, {
      networkId: network.id,
      authorId: actor.userId,
      organisationId: await this.itemRepository.authorOrganisationId(manager, actor.userId),
      programmeName: dto.programmeName,
      city: dto.city ?? '',
      country: dto.country.toUpperCase(),
      summary: dto.summary,
      targetGroups: dto.targetGroups ?? [],
      twoWay: dto.twoWay ?? null,
      annualBudgetEur: dto.annualBudgetEur,
      staffFte: dto.staffFte,
      volunteers: dto.volunteers,
      durationMonths: dto.durationMonths,
      fundingSources: dto.fundingSources,
      outcomes: dto.outcomes ?? '',
      evaluation: dto.evaluation ?? '',
      adaptation: dto.adaptation ?? '',
      contact: dto.contact ?? '',
      topics: dto.topics ?? [],
      language: dto.language,
      searchConfig: SEARCH_CONFIG_FOR[dto.language],
      status,
      scope: dto.scope ?? 'network',
      publishedAt: status === 'published' ? new Date() : null,
    });
    return this.getCaseStudy(actor, id);
  }

  async updateCaseStudy(actor: Actor, id: string, dto: UpdateCaseStudyDto): Promise<CaseStudyView> {
    await this.dataSource.transaction(async (manager) => {
      const item = await this.itemRepository.lockCaseStudy(manager, id);
      if (!item) throw notFound(WHAT.case_study);
      const standing = await loadStanding(manager, item.networkId, actor.userId);
      enforce(
        policy.editLibraryItem(libraryItemAccess(item, standing, actor.userId), WHAT.case_study),
      );
      await enforceNotSuspended(manager, item.networkId, actor.userId);
      if (dto.scope) enforce(policy.setLibraryScope(standing, dto.scope));
      const changes: Partial<CaseStudyEntity> = {};
      const keys = [
        'programmeName',
        'city',
        'summary',
        'targetGroups',
        'twoWay',
        'annualBudgetEur',
        'staffFte',
        'volunteers',
        'durationMonths',
        'fundingSources',
        'outcomes',
        'evaluation',
        'adaptation',
        'contact',
        'topics',
        'scope',
      ] as const;
      for (const key of keys)
        if (dto[key] !== undefined) Object.assign(changes, { [key]: dto[key] });
      if (dto.country) changes.country = dto.country.toUpperCase();
      if (dto.language)
        Object.assign(changes, {
          language: dto.language,
          searchConfig: SEARCH_CONFIG_FOR[dto.language],
        });
      Object.assign(changes, statusChange(item.status, dto.status));
      if (Object.keys(changes).length > 0)
        await this.itemRepository.updateCaseStudy(manager, id, changes);
    });
    return this.getCaseStudy(actor, id);
  }

  async getCaseStudy(actor: Actor, id: string): Promise<CaseStudyView> {
    const view = await this.itemRepository.caseStudy(this.dataSource.manager, actor.userId, id);
    if (!view) throw notFound(WHAT.case_study);
    return view;
  }

  async listCaseStudies(actor: Actor, query: LibraryQuery): Promise<Page<CaseStudyView>> {
    refuseFilters(query, ['phase', 'question'], 'case studies');
    return this.itemRepository.caseStudyPage(this.dataSource.manager, actor.userId, query);
  }

  // --------------------------------------------------------------------------------- links

  /**
   * Links a published library item into a thread. The item must be readable by everyone who can
   * read the thread — public, or from the thread's own network — so a link never shows a title
   * its readers could not open.
   */
  async addLink(
    actor: Actor,
    threadId: string,
    dto: CreateThreadLinkDto,
  ): Promise<ThreadLinkView[]> {
    const manager = this.dataSource.manager;
    const access = await loadThreadAccess(manager, actor.userId, threadId);
    enforce(policy.postMessage(access));
    await enforceNotSuspended(manager, access.networkId, actor.userId);
    if (dto.targetType !== 'research' && dto.targetType !== 'case_study') {
      await this.threadLinks
        .provider(dto.targetType)
        .assertLinkable(manager, actor.userId, dto.targetId, access.networkId);
    } else {
      await this.assertLinkable(actor, dto.targetType, dto.targetId, access.networkId);
    }
    await this.linkRepository.insert(manager, {
      threadId,
      targetType: dto.targetType,
      targetId: dto.targetId,
      note: dto.note ?? '',
      createdBy: actor.userId,
    });
    this.events.committed(EVENTS.threadUpdated, { threadId } satisfies { threadId: string });
    return this.threadLinks.forViewer(manager, threadId, actor.userId);
  }

  /** A library item a thread may cite: see addLink. */
  private async assertLinkable(
    actor: Actor,
    kind: LibraryKind,
    targetId: string,
    threadNetworkId: string,
  ): Promise<void> {
    const target = await this.linkRepository.readableItem(
      this.dataSource.manager,
      actor.userId,
      kind,
      targetId,
    );
    if (!target) throw notFound(WHAT[kind]);
    if (target.status !== 'published')
      throw conflict('Only published items can be linked into a discussion');
    if (target.scope !== 'public' && target.network_id !== threadNetworkId) {
      throw conflict('This item belongs to another network; only public items can be linked here');
    }
  }

  async removeLink(actor: Actor, threadId: string, linkId: string): Promise<void> {
    const manager = this.dataSource.manager;
    const access = await loadThreadAccess(manager, actor.userId, threadId);
    enforce(policy.readThread(access));
    await enforceNotSuspended(manager, access.networkId, actor.userId);
    const link = await this.linkRepository.find(manager, threadId, linkId);
    if (!link) throw notFound('Link');
    if (link.createdBy !== actor.userId && !policy.atLeast(access.standing, 'moderator')) {
      throw new policy.DomainError(
        'forbidden',
        'Only whoever added a link, or a moderator, can remove it',
      );
    }
    await this.linkRepository.delete(manager, linkId);
    this.events.committed(EVENTS.threadUpdated, { threadId } satisfies { threadId: string });
  }

  async links(actor: Actor, threadId: string): Promise<ThreadLinkView[]> {
    const access = await loadThreadAccess(this.dataSource.manager, actor.userId, threadId);
    enforce(policy.readThread(access));
    return this.threadLinks.forViewer(this.dataSource.manager, threadId, actor.userId);
  }

  /** The discussions citing an item, only those the viewer may read. */
  async discussedIn(actor: Actor, kind: LibraryKind, id: string): Promise<DiscussedInView[]> {
    if (kind === 'research') await this.getSummary(actor, id);
    else await this.getCaseStudy(actor, id);
    return this.linkRepository.discussedIn(this.dataSource.manager, actor.userId, kind, id);
  }
}

function refuseFilters(query: LibraryQuery, names: (keyof LibraryQuery)[], what: string): void {
  const used = names.filter((name) => query[name] !== undefined);
  if (used.length > 0) {
    throw badRequest(
      `Invalid request: ${used.join(', ')}`,
      used.map((field) => ({ field, problems: [`${field} does not apply to ${what}`] })),
    );
  }
}

function statusChange(
  current: policy.LibraryStatus,
  next: policy.LibraryStatus | undefined,
): Partial<ResearchSummaryEntity & CaseStudyEntity> {
  if (!next || next === current) return {};
  return next === 'published'
    ? { status: 'published', publishedAt: new Date() }
    : { status: 'draft', publishedAt: null };
}
