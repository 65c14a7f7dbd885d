import { Injectable } from '@nestjs/common';
import * as policy from '@tandem/domain';
import {
  badRequest,
  CaseStudyView,
  conflict,
  countWords,
  DiscussedInView,
  enforce,
  notFound,
  Page,
  ResearchSummaryView,
  SEARCH_CONFIG_FOR,
  Standing,
  ThreadLinkView,
} from '@tandem/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { loadThreadAccess } from '../channels/channel-access';
import type { Actor } from '../platform/http/actor';
import { toOrganisationView } from '../organisations/organisation-views';
import { decodeCursor, encodeCursor, pageSize } from '../platform/http/pagination';
import { EVENTS } from '../platform/events/domain-events';
import { MembershipEntity } from '../networks/membership.entity';
import { NetworkEntity } from '../networks/network.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { UserEntity } from '../users/user.entity';
import type {
  CreateCaseStudyDto,
  CreateResearchSummaryDto,
  CreateThreadLinkDto,
  LibraryQuery,
  UpdateCaseStudyDto,
  UpdateResearchSummaryDto,
} from './dto/library.dto';
import { CaseStudyEntity, ResearchSummaryEntity, ThreadLinkEntity } from './library.entities';
import { ThreadLinks } from './thread-links';
import { DomainEvents } from '../platform/events/domain-event-bus';

type Kind = 'research' | 'case_study';
const TABLE: Record<Kind, string> = { research: 'research_summaries', case_study: 'case_studies' };
const WHAT: Record<Kind, string> = { research: 'Research summary', case_study: 'Case study' };

/**
 * Which items the viewer ($1) may read: the SQL form of canReadLibraryItem. Expects the item as
 * `x` and the viewer's membership of its network as `mem` (LEFT JOIN).
 */
const READABLE = `((x.status = 'published' AND (x.scope = 'public' OR mem.role IS NOT NULL))
  OR (x.status = 'draft' AND mem.role IS NOT NULL AND (x.author_id = $1 OR mem.role IN ('moderator', 'admin'))))`;

/** Threads citing the item that the viewer ($1) may read. */
const DISCUSSION_COUNT = (kind: Kind) => `(
  SELECT count(*) FROM thread_links l
    JOIN threads t ON t.id = l.thread_id
    JOIN channels c ON c.id = t.channel_id
    JOIN network_memberships tm ON tm.network_id = t.network_id AND tm.user_id = $1
   WHERE l.target_type = '${kind}' AND l.target_id = x.id
     AND (c.visibility = 'network' OR EXISTS (SELECT 1 FROM channel_members cm WHERE cm.channel_id = c.id AND cm.user_id = $1)))`;

/** A query in any content language: the OR of each configuration's reading of it. */
const TSQUERY = (param: string) =>
  `(websearch_to_tsquery('english', ${param}) || websearch_to_tsquery('french', ${param}) || websearch_to_tsquery('italian', ${param}) || websearch_to_tsquery('german', ${param}) || websearch_to_tsquery('simple', ${param}))`;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const invalidCursor = () =>
  badRequest('Invalid cursor', [
    { field: 'cursor', problems: ['cursor is not one this server issued'] },
  ]);

interface ItemRow {
  id: string;
  network_slug: string;
  network_visibility: string;
  my_role: Standing;
  discussion_count: string;
}

@Injectable()
export class LibraryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly threadLinks: ThreadLinks,
  ) {}

  // -------------------------------------------------------------------- research summaries

  async createSummary(actor: Actor, dto: CreateResearchSummaryDto): Promise<ResearchSummaryView> {
    const { network, standing } = await this.owningNetwork(actor, dto.network);
    enforce(policy.createLibraryItem(standing));
    enforce(policy.setLibraryScope(standing, dto.scope ?? 'network'));
    const author = await this.dataSource.manager.findOneByOrFail(UserEntity, { id: actor.userId });
    const status = dto.status ?? 'draft';
    const saved = await this.dataSource.manager.save(
      this.dataSource.manager.create(ResearchSummaryEntity, {
        networkId: network.id,
        authorId: actor.userId,
        organisationId: author.organisationId,
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
      }),
    );
    return this.getSummary(actor, saved.id);
  }

  async updateSummary(
    actor: Actor,
    id: string,
    dto: UpdateResearchSummaryDto,
  ): Promise<ResearchSummaryView> {
    await this.dataSource.transaction(async (manager) => {
      const item = await this.lockItem(manager, ResearchSummaryEntity, id, 'research');
      const standing = await this.standing(manager, actor, item.networkId);
      enforce(policy.editLibraryItem(this.access(item, standing, actor), WHAT.research));
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
      Object.assign(changes, this.statusChange(item.status, dto.status));
      if (Object.keys(changes).length > 0)
        await manager.update(ResearchSummaryEntity, { id }, changes);
    });
    return this.getSummary(actor, id);
  }

  async getSummary(actor: Actor, id: string): Promise<ResearchSummaryView> {
    const [view] = await this.summaries(actor, 'x.id = $2', [id]);
    if (!view) throw notFound(WHAT.research);
    return view;
  }

  async listSummaries(actor: Actor, query: LibraryQuery): Promise<Page<ResearchSummaryView>> {
    this.refuseFilters(query, ['country', 'fundingSource', 'maxBudgetEur'], 'research summaries');
    const { where, params } = this.filters(query, 'research');
    return this.page(query, where, params, (w, p, tail) => this.summaries(actor, w, p, tail));
  }

  // -------------------------------------------------------------------------- case studies

  async createCaseStudy(actor: Actor, dto: CreateCaseStudyDto): Promise<CaseStudyView> {
    const { network, standing } = await this.owningNetwork(actor, dto.network);
    enforce(policy.createLibraryItem(standing));
    enforce(policy.setLibraryScope(standing, dto.scope ?? 'network'));
    const author = await this.dataSource.manager.findOneByOrFail(UserEntity, { id: actor.userId });
    const status = dto.status ?? 'draft';
    const saved = await this.dataSource.manager.save(
      this.dataSource.manager.create(CaseStudyEntity, {
        networkId: network.id,
        authorId: actor.userId,
        organisationId: author.organisationId,
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
      }),
    );
    return this.getCaseStudy(actor, saved.id);
  }

  async updateCaseStudy(actor: Actor, id: string, dto: UpdateCaseStudyDto): Promise<CaseStudyView> {
    await this.dataSource.transaction(async (manager) => {
      const item = await this.lockItem(manager, CaseStudyEntity, id, 'case_study');
      const standing = await this.standing(manager, actor, item.networkId);
      enforce(policy.editLibraryItem(this.access(item, standing, actor), WHAT.case_study));
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
      Object.assign(changes, this.statusChange(item.status, dto.status));
      if (Object.keys(changes).length > 0) await manager.update(CaseStudyEntity, { id }, changes);
    });
    return this.getCaseStudy(actor, id);
  }

  async getCaseStudy(actor: Actor, id: string): Promise<CaseStudyView> {
    const [view] = await this.caseStudies(actor, 'x.id = $2', [id]);
    if (!view) throw notFound(WHAT.case_study);
    return view;
  }

  async listCaseStudies(actor: Actor, query: LibraryQuery): Promise<Page<CaseStudyView>> {
    this.refuseFilters(query, ['phase', 'question'], 'case studies');
    const { where, params } = this.filters(query, 'case_study');
    return this.page(query, where, params, (w, p, tail) => this.caseStudies(actor, w, p, tail));
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
    const access = await loadThreadAccess(this.dataSource.manager, actor.userId, threadId);
    enforce(policy.postMessage(access));
    if (dto.targetType !== 'research' && dto.targetType !== 'case_study') {
      await this.threadLinks
        .provider(dto.targetType)
        .assertLinkable(this.dataSource.manager, actor.userId, dto.targetId, access.networkId);
    } else {
      await this.assertLinkable(actor, dto.targetType, dto.targetId, access.networkId);
    }
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ThreadLinkEntity)
      .values({
        threadId,
        targetType: dto.targetType,
        targetId: dto.targetId,
        note: dto.note ?? '',
        createdBy: actor.userId,
      })
      .orIgnore()
      .execute();
    this.events.committed(EVENTS.threadUpdated, { threadId } satisfies { threadId: string });
    return this.threadLinks.forViewer(this.dataSource.manager, threadId, actor.userId);
  }

  /** A library item a thread may cite: see addLink. */
  private async assertLinkable(
    actor: Actor,
    kind: Kind,
    targetId: string,
    threadNetworkId: string,
  ): Promise<void> {
    const rows: { scope: string; status: string; network_id: string }[] =
      await this.dataSource.query(
        `SELECT x.scope, x.status, x.network_id FROM ${TABLE[kind]} x
         LEFT JOIN network_memberships mem ON mem.network_id = x.network_id AND mem.user_id = $1
        WHERE x.id = $2 AND ${READABLE}`,
        [actor.userId, targetId],
      );
    const target = rows[0];
    if (!target) throw notFound(WHAT[kind]);
    if (target.status !== 'published')
      throw conflict('Only published items can be linked into a discussion');
    if (target.scope !== 'public' && target.network_id !== threadNetworkId) {
      throw conflict('This item belongs to another network; only public items can be linked here');
    }
  }

  async removeLink(actor: Actor, threadId: string, linkId: string): Promise<void> {
    const access = await loadThreadAccess(this.dataSource.manager, actor.userId, threadId);
    enforce(policy.readChannel(access));
    const link = await this.dataSource.manager.findOneBy(ThreadLinkEntity, {
      id: linkId,
      threadId,
    });
    if (!link) throw notFound('Link');
    if (link.createdBy !== actor.userId && !policy.atLeast(access.standing, 'moderator')) {
      throw new policy.DomainError(
        'forbidden',
        'Only whoever added a link, or a moderator, can remove it',
      );
    }
    await this.dataSource.manager.delete(ThreadLinkEntity, { id: linkId });
    this.events.committed(EVENTS.threadUpdated, { threadId } satisfies { threadId: string });
  }

  async links(actor: Actor, threadId: string): Promise<ThreadLinkView[]> {
    const access = await loadThreadAccess(this.dataSource.manager, actor.userId, threadId);
    enforce(policy.readChannel(access));
    return this.threadLinks.forViewer(this.dataSource.manager, threadId, actor.userId);
  }

  /** The discussions citing an item, only those the viewer may read. */
  async discussedIn(actor: Actor, kind: Kind, id: string): Promise<DiscussedInView[]> {
    if (kind === 'research') await this.getSummary(actor, id);
    else await this.getCaseStudy(actor, id);
    const rows: {
      thread_id: string;
      title: string;
      channel_id: string;
      network_id: string;
      note: string;
      created_at: Date;
    }[] = await this.dataSource.query(
      `SELECT l.thread_id, t.title, t.channel_id, t.network_id, l.note, l.created_at
           FROM thread_links l
           JOIN threads t ON t.id = l.thread_id
           JOIN channels c ON c.id = t.channel_id
           JOIN network_memberships tm ON tm.network_id = t.network_id AND tm.user_id = $1
          WHERE l.target_type = $2 AND l.target_id = $3
            AND (c.visibility = 'network' OR EXISTS (SELECT 1 FROM channel_members cm WHERE cm.channel_id = c.id AND cm.user_id = $1))
          ORDER BY t.last_activity_at DESC
          LIMIT 100`,
      [actor.userId, kind, id],
    );
    return rows.map((row) => ({
      threadId: row.thread_id,
      threadTitle: row.title,
      channelId: row.channel_id,
      networkId: row.network_id,
      note: row.note,
      linkedAt: row.created_at.toISOString(),
    }));
  }

  // ------------------------------------------------------------------------------- helpers

  private async summaries(
    actor: Actor,
    where: string,
    params: unknown[],
    tail = '',
  ): Promise<ResearchSummaryView[]> {
    const rows: ItemRow[] = await this.dataSource.query(
      `SELECT x.id, n.slug AS network_slug, n.visibility AS network_visibility, mem.role AS my_role, ${DISCUSSION_COUNT('research')} AS discussion_count
         FROM research_summaries x
         JOIN networks n ON n.id = x.network_id
         LEFT JOIN network_memberships mem ON mem.network_id = x.network_id AND mem.user_id = $1
        WHERE ${READABLE} AND ${where} ${tail}`,
      [actor.userId, ...params],
    );
    if (rows.length === 0) return [];
    const items = await this.dataSource.manager.findBy(ResearchSummaryEntity, {
      id: In(rows.map((r) => r.id)),
    });
    const organisations = await this.organisations(items.map((i) => i.organisationId));
    const byId = new Map(items.map((item) => [item.id, item]));
    return rows.map((row) => {
      const item = byId.get(row.id)!;
      return {
        ...this.baseView(item, row, actor, organisations),
        title: item.title,
        summary: item.summary,
        wordCount: countWords(item.summary),
        keyFinding: item.keyFinding,
        practiceImplications: item.practiceImplications,
        question: item.question,
        phase: item.phase,
        sources: item.sources,
      };
    });
  }

  private async caseStudies(
    actor: Actor,
    where: string,
    params: unknown[],
    tail = '',
  ): Promise<CaseStudyView[]> {
    const rows: ItemRow[] = await this.dataSource.query(
      `SELECT x.id, n.slug AS network_slug, n.visibility AS network_visibility, mem.role AS my_role, ${DISCUSSION_COUNT('case_study')} AS discussion_count
         FROM case_studies x
         JOIN networks n ON n.id = x.network_id
         LEFT JOIN network_memberships mem ON mem.network_id = x.network_id AND mem.user_id = $1
        WHERE ${READABLE} AND ${where} ${tail}`,
      [actor.userId, ...params],
    );
    if (rows.length === 0) return [];
    const items = await this.dataSource.manager.findBy(CaseStudyEntity, {
      id: In(rows.map((r) => r.id)),
    });
    const organisations = await this.organisations(items.map((i) => i.organisationId));
    const byId = new Map(items.map((item) => [item.id, item]));
    return rows.map((row) => {
      const item = byId.get(row.id)!;
      return {
        ...this.baseView(item, row, actor, organisations),
        programmeName: item.programmeName,
        city: item.city,
        country: item.country,
        summary: item.summary,
        targetGroups: item.targetGroups,
        twoWay: item.twoWay,
        resources: {
          annualBudgetEur: item.annualBudgetEur,
          staffFte: item.staffFte,
          volunteers: item.volunteers,
          durationMonths: item.durationMonths,
        },
        fundingSources: item.fundingSources,
        outcomes: item.outcomes,
        evaluation: item.evaluation,
        adaptation: item.adaptation,
        contact: item.contact,
      };
    });
  }

  private baseView(
    item: ResearchSummaryEntity | CaseStudyEntity,
    row: ItemRow,
    actor: Actor,
    organisations: Map<string, OrganisationEntity>,
  ) {
    const organisation = item.organisationId ? organisations.get(item.organisationId) : undefined;
    return {
      id: item.id,
      // A public item from a private network must not reveal that network to outsiders.
      ...(row.network_visibility === 'private' && row.my_role === null
        ? { networkId: null, networkSlug: null }
        : { networkId: item.networkId, networkSlug: row.network_slug }),
      organisation: organisation ? toOrganisationView(organisation) : null,
      topics: item.topics,
      language: item.language,
      status: item.status,
      scope: item.scope,
      discussionCount: Number(row.discussion_count),
      canEdit: policy.editLibraryItem(this.access(item, row.my_role, actor), 'item').allowed,
      publishedAt: item.publishedAt ? item.publishedAt.toISOString() : null,
      createdAt: item.createdAt.toISOString(),
      updatedAt: item.updatedAt.toISOString(),
    };
  }

  /** Filters shared by both lists; kind-specific ones only where they apply. */
  private filters(query: LibraryQuery, kind: Kind): { where: string; params: unknown[] } {
    // $1 is the viewer; parameters here start at $2.
    const params: unknown[] = [];
    const conditions: string[] = ['TRUE'];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(sql(`$${params.length + 1}`));
    };
    if (query.topic) add((p) => `${p} = ANY(x.topics)`, query.topic);
    if (query.language) add((p) => `x.language = ${p}`, query.language);
    if (query.status) add((p) => `x.status = ${p}`, query.status);
    if (query.network) add((p) => `n.slug = ${p}`, query.network);
    if (query.q) add((p) => `x.tsv @@ ${TSQUERY(p)}`, query.q);
    if (kind === 'research') {
      if (query.phase) add((p) => `x.phase = ${p}`, query.phase);
      if (query.question) add((p) => `x.question = ${p}`, query.question);
    } else {
      if (query.country) add((p) => `x.country = ${p}`, query.country.toUpperCase());
      if (query.fundingSource) add((p) => `${p} = ANY(x.funding_sources)`, query.fundingSource);
      if (query.maxBudgetEur !== undefined)
        add((p) => `x.annual_budget_eur <= ${p}`, query.maxBudgetEur);
    }
    return { where: conditions.join(' AND '), params };
  }

  /**
   * Newest first pages by (created_at, id); "most discussed" pages by offset, since its order
   * depends on the viewer and changes as people link.
   */
  private async page<T extends { id: string; createdAt: string; discussionCount: number }>(
    query: LibraryQuery,
    where: string,
    params: unknown[],
    load: (where: string, params: unknown[], tail: string) => Promise<T[]>,
  ): Promise<Page<T>> {
    const limit = pageSize(query);
    if (query.sort === 'most_discussed') {
      const [offset] = decodeCursor(query.cursor, 1) ?? [0];
      if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0)
        throw invalidCursor();
      const items = await load(
        where,
        params,
        `ORDER BY discussion_count DESC, x.created_at DESC, x.id DESC LIMIT ${limit + 1} OFFSET ${offset}`,
      );
      return {
        items: items.slice(0, limit),
        nextCursor: items.length > limit ? encodeCursor([offset + limit]) : null,
      };
    }
    const after = decodeCursor(query.cursor, 2);
    let keyset = where;
    const allParams = [...params];
    if (after) {
      const [createdAt, id] = after;
      // Only what this server issues: an ISO timestamp and a UUID (Postgres would fail on others).
      if (
        typeof createdAt !== 'string' ||
        !ISO_INSTANT.test(createdAt) ||
        Number.isNaN(Date.parse(createdAt))
      )
        throw invalidCursor();
      if (typeof id !== 'string' || !UUID.test(id)) throw invalidCursor();
      allParams.push(createdAt, id);
      // Parameter numbers are shifted by one: the viewer is $1.
      keyset += ` AND (date_trunc('milliseconds', x.created_at), x.id) < ($${allParams.length}::timestamptz, $${allParams.length + 1}::uuid)`;
    }
    // Ordered on the millisecond the cursor can carry, so no row sits between two cursors.
    const items = await load(
      keyset,
      allParams,
      `ORDER BY date_trunc('milliseconds', x.created_at) DESC, x.id DESC LIMIT ${limit + 1}`,
    );
    const page = items.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page,
      nextCursor: items.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null,
    };
  }

  private refuseFilters(query: LibraryQuery, names: (keyof LibraryQuery)[], what: string): void {
    const used = names.filter((name) => query[name] !== undefined);
    if (used.length > 0) {
      throw badRequest(
        `Invalid request: ${used.join(', ')}`,
        used.map((field) => ({ field, problems: [`${field} does not apply to ${what}`] })),
      );
    }
  }

  private statusChange(
    current: policy.LibraryStatus,
    next: policy.LibraryStatus | undefined,
  ): Partial<ResearchSummaryEntity> {
    if (!next || next === current) return {};
    return next === 'published'
      ? { status: 'published', publishedAt: new Date() }
      : { status: 'draft', publishedAt: null };
  }

  private access(
    item: ResearchSummaryEntity | CaseStudyEntity,
    standing: Standing,
    actor: Actor,
  ): policy.LibraryItemAccess {
    return {
      scope: item.scope,
      status: item.status,
      standing,
      isAuthor: item.authorId === actor.userId,
    };
  }

  private async lockItem<E extends ResearchSummaryEntity | CaseStudyEntity>(
    manager: EntityManager,
    entity: new () => E,
    id: string,
    kind: Kind,
  ): Promise<E> {
    const item = await manager.findOne(entity, {
      where: { id } as never,
      lock: { mode: 'pessimistic_write' },
    });
    if (!item) throw notFound(WHAT[kind]);
    return item;
  }

  private async standing(
    manager: EntityManager,
    actor: Actor,
    networkId: string,
  ): Promise<Standing> {
    const membership = await manager.findOneBy(MembershipEntity, {
      networkId,
      userId: actor.userId,
    });
    return membership?.role ?? null;
  }

  private async owningNetwork(
    actor: Actor,
    slug: string,
  ): Promise<{ network: NetworkEntity; standing: Standing }> {
    const network = await this.dataSource.manager.findOneBy(NetworkEntity, { slug });
    if (!network) throw notFound('Network');
    const standing = await this.standing(this.dataSource.manager, actor, network.id);
    if (!policy.canSeeNetwork(network.visibility, standing)) throw notFound('Network');
    return { network, standing };
  }

  private async organisations(ids: (string | null)[]): Promise<Map<string, OrganisationEntity>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const rows = await this.dataSource.manager.findBy(OrganisationEntity, { id: In(wanted) });
    return new Map(rows.map((row) => [row.id, row]));
  }
}
