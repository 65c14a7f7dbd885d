import { Injectable } from '@nestjs/common';
import type { CaseStudyView, Page, ResearchSummaryView, Standing } from '@tandem/domain';
import { EntityManager, In } from 'typeorm';
import { toOrganisationView } from '../organisations/organisation-views';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { decodeCursor, encodeCursor, pageSize } from '../platform/http/pagination';
import { UserEntity } from '../users/user.entity';
import type { LibraryQuery } from './dto/library-query.dto';
import { CaseStudyEntity, ResearchSummaryEntity } from './library.entities';
import {
  anyLanguageTsquery,
  citingThreads,
  decodeNewestFirstCursor,
  invalidCursor,
  LIBRARY_TABLE,
  LibraryKind,
  READABLE_ITEM,
} from './library-sql';
import { LibraryItemFacts, toCaseStudyView, toResearchSummaryView } from './library-views';

interface ItemRow {
  id: string;
  network_slug: string;
  network_visibility: string;
  my_role: Standing;
  discussion_count: string;
}

/** A condition on the item `x` (and its network `n`), its parameters from $2 on. */
interface Filter {
  where: string;
  params: unknown[];
}

type LibraryEntity = ResearchSummaryEntity | CaseStudyEntity;

/** Threads citing the item `x` that the viewer ($1) may read. */
const DISCUSSION_COUNT = (kind: LibraryKind) =>
  `(SELECT count(*) ${citingThreads('$1', `'${kind}'`, 'x.id')})`;

/**
 * Research summaries and case studies as a viewer may read them. Every read goes through
 * READABLE_ITEM, the SQL form of canReadLibraryItem; an item the viewer may not read is absent.
 */
@Injectable()
export class LibraryRepository {
  async summary(
    manager: EntityManager,
    viewerId: string,
    id: string,
  ): Promise<ResearchSummaryView | null> {
    const [view] = await this.summaries(manager, viewerId, { where: 'x.id = $2', params: [id] });
    return view ?? null;
  }

  summaryPage(
    manager: EntityManager,
    viewerId: string,
    query: LibraryQuery,
  ): Promise<Page<ResearchSummaryView>> {
    return this.page(query, this.filters(query, 'research'), (filter, tail) =>
      this.summaries(manager, viewerId, filter, tail),
    );
  }

  async caseStudy(
    manager: EntityManager,
    viewerId: string,
    id: string,
  ): Promise<CaseStudyView | null> {
    const [view] = await this.caseStudies(manager, viewerId, { where: 'x.id = $2', params: [id] });
    return view ?? null;
  }

  caseStudyPage(
    manager: EntityManager,
    viewerId: string,
    query: LibraryQuery,
  ): Promise<Page<CaseStudyView>> {
    return this.page(query, this.filters(query, 'case_study'), (filter, tail) =>
      this.caseStudies(manager, viewerId, filter, tail),
    );
  }

  /** The organisation an author writes for now; the item keeps it even if they move on. */
  async authorOrganisationId(manager: EntityManager, userId: string): Promise<string | null> {
    const author = await manager.findOneByOrFail(UserEntity, { id: userId });
    return author.organisationId;
  }

  async insertSummary(
    manager: EntityManager,
    fields: Omit<ResearchSummaryEntity, 'id' | 'createdAt' | 'updatedAt'>,
  ): Promise<string> {
    const saved = await manager.save(manager.create(ResearchSummaryEntity, fields));
    return saved.id;
  }

  async insertCaseStudy(
    manager: EntityManager,
    fields: Omit<CaseStudyEntity, 'id' | 'createdAt' | 'updatedAt'>,
  ): Promise<string> {
    const saved = await manager.save(manager.create(CaseStudyEntity, fields));
    return saved.id;
  }

  /**
   * The item, its row held FOR UPDATE until the surrounding transaction ends (call it inside
   * one), so two edits of one item run one after the other.
   */
  lockSummary(manager: EntityManager, id: string): Promise<ResearchSummaryEntity | null> {
    return this.lock(manager, ResearchSummaryEntity, id);
  }

  /** See lockSummary. */
  lockCaseStudy(manager: EntityManager, id: string): Promise<CaseStudyEntity | null> {
    return this.lock(manager, CaseStudyEntity, id);
  }

  async updateSummary(
    manager: EntityManager,
    id: string,
    changes: Partial<ResearchSummaryEntity>,
  ): Promise<void> {
    await manager.update(ResearchSummaryEntity, { id }, changes);
  }

  async updateCaseStudy(
    manager: EntityManager,
    id: string,
    changes: Partial<CaseStudyEntity>,
  ): Promise<void> {
    await manager.update(CaseStudyEntity, { id }, changes);
  }

  private lock<E extends LibraryEntity>(
    manager: EntityManager,
    entity: new () => E,
    id: string,
  ): Promise<E | null> {
    return manager.findOne(entity, {
      where: { id } as never,
      lock: { mode: 'pessimistic_write' },
    });
  }

  private async summaries(
    manager: EntityManager,
    viewerId: string,
    filter: Filter,
    tail = '',
  ): Promise<ResearchSummaryView[]> {
    const found = await this.readable(
      manager,
      'research',
      ResearchSummaryEntity,
      viewerId,
      filter,
      tail,
    );
    return found.map(({ item, facts }) => toResearchSummaryView(item, facts, viewerId));
  }

  private async caseStudies(
    manager: EntityManager,
    viewerId: string,
    filter: Filter,
    tail = '',
  ): Promise<CaseStudyView[]> {
    const found = await this.readable(
      manager,
      'case_study',
      CaseStudyEntity,
      viewerId,
      filter,
      tail,
    );
    return found.map(({ item, facts }) => toCaseStudyView(item, facts, viewerId));
  }

  /**
   * The items of one kind the viewer ($1) may read that match the filter, in the order `tail`
   * gives, with what their views need besides their own columns.
   */
  private async readable<E extends LibraryEntity>(
    manager: EntityManager,
    kind: LibraryKind,
    entity: new () => E,
    viewerId: string,
    filter: Filter,
    tail: string,
  ): Promise<{ item: E; facts: LibraryItemFacts }[]> {
    const rows: ItemRow[] = await manager.query(
      `SELECT x.id, n.slug AS network_slug, n.visibility AS network_visibility, mem.role AS my_role, ${DISCUSSION_COUNT(kind)} AS discussion_count
         FROM ${LIBRARY_TABLE[kind]} x
         JOIN networks n ON n.id = x.network_id
         LEFT JOIN network_memberships mem ON mem.network_id = x.network_id AND mem.user_id = $1
        WHERE ${READABLE_ITEM} AND ${filter.where} ${tail}`,
      [viewerId, ...filter.params],
    );
    if (rows.length === 0) return [];
    const items: E[] = await manager.findBy(entity, { id: In(rows.map((r) => r.id)) } as never);
    const organisations = await this.organisations(
      manager,
      items.map((i) => i.organisationId),
    );
    const byId = new Map(items.map((item) => [item.id, item]));
    return rows.map((row) => {
      const item = byId.get(row.id)!;
      const organisation = item.organisationId ? organisations.get(item.organisationId) : undefined;
      return {
        item,
        facts: {
          networkSlug: row.network_slug,
          networkVisibility: row.network_visibility,
          myRole: row.my_role,
          discussionCount: Number(row.discussion_count),
          organisation: organisation ? toOrganisationView(organisation) : null,
        },
      };
    });
  }

  private async organisations(
    manager: EntityManager,
    ids: (string | null)[],
  ): Promise<Map<string, OrganisationEntity>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const rows = await manager.findBy(OrganisationEntity, { id: In(wanted) });
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** Filters shared by both lists; kind-specific ones only where they apply. */
  private filters(query: LibraryQuery, kind: LibraryKind): Filter {
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
    if (query.q) add((p) => `x.tsv @@ ${anyLanguageTsquery(p)}`, query.q);
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
    filter: Filter,
    load: (filter: Filter, tail: string) => Promise<T[]>,
  ): Promise<Page<T>> {
    const limit = pageSize(query);
    if (query.sort === 'most_discussed') {
      const [offset] = decodeCursor(query.cursor, 1) ?? [0];
      if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0)
        throw invalidCursor();
      const items = await load(
        filter,
        `ORDER BY discussion_count DESC, x.created_at DESC, x.id DESC LIMIT ${limit + 1} OFFSET ${offset}`,
      );
      return {
        items: items.slice(0, limit),
        nextCursor: items.length > limit ? encodeCursor([offset + limit]) : null,
      };
    }
    const after = decodeNewestFirstCursor(query.cursor);
    let keyset = filter.where;
    const params = [...filter.params];
    if (after) {
      params.push(...after);
      // Parameter numbers are shifted by one: the viewer is $1.
      keyset += ` AND (date_trunc('milliseconds', x.created_at), x.id) < ($${params.length}::timestamptz, $${params.length + 1}::uuid)`;
    }
    // Ordered on the millisecond the cursor can carry, so no row sits between two cursors.
    const items = await load(
      { where: keyset, params },
      `ORDER BY date_trunc('milliseconds', x.created_at) DESC, x.id DESC LIMIT ${limit + 1}`,
    );
    const page = items.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page,
      nextCursor: items.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null,
    };
  }
}
