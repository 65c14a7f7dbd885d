import { Injectable } from '@nestjs/common';
import * as policy from '@tandem/domain';
import {
  badRequest,
  canReadPublished,
  canReadWorkingCopy,
  DiscussedInView,
  enforce,
  EntryPersonView,
  EntrySettingsView,
  EntrySummaryView,
  EntryVersionSummaryView,
  EntryVersionView,
  EntryView,
  FieldProblem,
  notFound,
  Page,
  SEARCH_CONFIG_FOR,
} from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogService } from '../platform/audit/audit-log.service';
import { loadThreadAccess } from '../channels/channel-access';
import type { Actor } from '../platform/http/actor';
import { decodeCursor, encodeCursor, pageSize, PageQuery } from '../platform/http/pagination';
import {
  LibraryLinksRepository,
  loadSharedLibraryLinks,
} from '../library/library-links.repository';
import { enforceNotSuspended, loadNetworkAccess } from '../networks/network-access';
import type { EntryEntity } from './curation.entities';
import { CurationRepository } from './curation.repository';
import type {
  CurateThreadDto,
  EntryListQuery,
  EntryLinkDto,
  EntrySettingsDto,
  UpdateEntryDto,
} from './dto/curation.dto';
import { loadAllowPublic, loadEntryAccess, LoadedEntryAccess } from './entry-access';
import {
  loadQuotes,
  loadWorkingContent,
  mapVersionContent,
  readableSourceThread,
} from './entry-content';
import { EntryEvidenceRepository } from './entry-evidence.repository';
import { AskedQuote, QuoteConsentsService } from './quote-consents.service';
import { toEntryView, toVersionSummaryView } from './entry-views';

/**
 * Curation use cases: drafting an entry from a thread, reading and editing it, and the network's
 * public-entries setting (the review workflow is EntryWorkflowService's). Every method takes the
 * actor first and asks the domain policy before it reads or writes anything else.
 */
@Injectable()
export class CurationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly entryRepository: CurationRepository,
    private readonly evidenceRepository: EntryEvidenceRepository,
    private readonly linkRepository: LibraryLinksRepository,
    private readonly audit: AuditLogService,
    private readonly consents: QuoteConsentsService,
  ) {}

  // --------------------------------------------------------------------------- curating

  /**
   * A draft entry prefilled from the thread: its title, topics, the library items it cites and
   * the chosen messages as quotes (by the thread's attribution rule). Answers 404 for a thread
   * the caller cannot read, 403 for members, 409 for private channels; bad message ids are a 400
   * naming `messageIds`. Nothing is written unless everything passes.
   */
  async curate(actor: Actor, threadId: string, dto: CurateThreadDto): Promise<EntryView> {
    const access = await loadThreadAccess(this.dataSource.manager, actor.userId, threadId);
    if (!policy.canReadChannel(access)) throw notFound('Thread');
    enforce(
      policy.curateThread({ standing: access.standing, channelVisibility: access.visibility }),
    );
    await enforceNotSuspended(this.dataSource.manager, access.networkId, actor.userId);
    const allowPublic = await loadAllowPublic(this.dataSource.manager, access.networkId);
    const scope = dto.scope ?? 'network';
    enforce(policy.setEntryScope(scope, allowPublic));
    const messageIds = dto.messageIds ?? [];
    await this.assertQuotable(this.dataSource.manager, threadId, messageIds, []);
    await this.assertPersonalDataChecked(
      this.dataSource.manager,
      messageIds,
      dto.confirmPersonalData === true,
    );
    const language = dto.language ?? 'en';

    let asked: AskedQuote[] = [];
    const entryId = await this.dataSource.transaction(async (manager) => {
      const thread = await this.entryRepository.threadFacts(manager, threadId);
      const entry = await this.entryRepository.insertEntry(manager, {
        networkId: access.networkId,
        sourceThreadId: threadId,
        createdBy: actor.userId,
        status: 'draft',
        scope,
        title: dto.title ?? thread.title,
        topics: thread.topics,
        phase: dto.phase ?? 'implementation',
        language,
        searchConfig: SEARCH_CONFIG_FOR[language],
      });
      await this.evidenceRepository.replaceQuotes(manager, entry.id, messageIds);
      // The library items the thread cites and every reader of the thread can open.
      const cited = (await loadSharedLibraryLinks(manager, threadId)).filter(
        (link): link is typeof link & { targetType: 'research' | 'case_study' } =>
          link.targetType === 'research' || link.targetType === 'case_study',
      );
      await this.evidenceRepository.replaceLinks(
        manager,
        entry.id,
        cited
          .slice(0, policy.ENTRY_LINKS_MAX)
          .map((link) => ({ type: link.targetType, id: link.targetId })),
      );
      await this.audit.record(manager, {
        networkId: access.networkId,
        actorId: actor.userId,
        action: 'entry.curated',
        subject: { type: 'entry', id: entry.id },
        details: { threadId, quotes: messageIds.length },
      });
      asked = await this.consents.requestConsents(
        manager,
        { id: entry.id, networkId: access.networkId, title: entry.title, scope },
        actor.userId,
      );
      return entry.id;
    });
    await this.consents.notifyAsked(actor, asked);
    return this.get(actor, entryId);
  }

  // ---------------------------------------------------------------------------- reading

  async get(actor: Actor, id: string): Promise<EntryView> {
    const loaded = await loadEntryAccess(this.dataSource.manager, actor.userId, id);
    enforce(policy.readEntry(loaded.access));
    return this.view(this.dataSource.manager, actor, loaded);
  }

  /** Newest first by creation, with a cursor on (created_at, id). */
  async list(actor: Actor, slug: string, query: EntryListQuery): Promise<Page<EntrySummaryView>> {
    const { network } = await loadNetworkAccess(this.dataSource.manager, actor.userId, slug);
    return this.entryRepository.listEntries(
      this.dataSource.manager,
      actor.userId,
      network.id,
      query,
    );
  }

  async versions(
    actor: Actor,
    id: string,
    query: PageQuery,
  ): Promise<Page<EntryVersionSummaryView>> {
    const manager = this.dataSource.manager;
    const loaded = await loadEntryAccess(manager, actor.userId, id);
    enforce(policy.readEntry(loaded.access));
    const limit = pageSize(query);
    const after = decodeCursor(query.cursor, 1);
    const before = after ? Number(after[0]) : null;
    if (before !== null && (!Number.isSafeInteger(before) || before < 1)) {
      throw badRequest('Invalid cursor', [
        { field: 'cursor', problems: ['cursor is not one this server issued'] },
      ]);
    }
    const rows = await this.entryRepository.versions(manager, id, before, limit + 1);
    const items = rows.slice(0, limit);
    const people = await this.entryRepository.people(
      manager,
      items.map((v) => v.publishedBy),
    );
    const last = items.at(-1);
    return {
      items: items.map((v) => toVersionSummaryView(v, personOf(people, v.publishedBy))),
      nextCursor: rows.length > limit && last ? encodeCursor([last.version]) : null,
    };
  }

  async version(actor: Actor, id: string, number: number): Promise<EntryVersionView> {
    const manager = this.dataSource.manager;
    const loaded = await loadEntryAccess(manager, actor.userId, id);
    enforce(policy.readEntry(loaded.access));
    const version = await this.entryRepository.version(manager, id, number);
    if (!version) throw notFound('Version');
    const people = await this.entryRepository.people(manager, [version.publishedBy]);
    return {
      ...toVersionSummaryView(version, personOf(people, version.publishedBy)),
      entryId: id,
      content: await mapVersionContent(
        manager,
        version.content,
        actor.userId,
        await this.consents.quoteFilterFor(manager, loaded.entry),
      ),
    };
  }

  /** The threads citing the entry that the caller may read. */
  async discussedIn(actor: Actor, id: string): Promise<DiscussedInView[]> {
    const loaded = await loadEntryAccess(this.dataSource.manager, actor.userId, id);
    enforce(policy.readEntry(loaded.access));
    return this.linkRepository.discussedIn(this.dataSource.manager, actor.userId, 'entry', id);
  }

  // ---------------------------------------------------------------------------- editing

  /**
   * Edits a draft. `messageIds` and `links` replace the lists whole (in the order given); quotes
   * already there stay even if their message was deleted since (so the editor sees the flag),
   * new ones must be standing messages of the source thread.
   */
  async update(actor: Actor, id: string, dto: UpdateEntryDto): Promise<EntryView> {
    let asked: AskedQuote[] = [];
    await this.dataSource.transaction(async (manager) => {
      const { entry, access, allowPublic } = await loadEntryAccess(manager, actor.userId, id, {
        lock: true,
      });
      enforce(policy.editEntry(access));
      await enforceNotSuspended(manager, entry.networkId, actor.userId);
      if (dto.scope !== undefined && dto.scope !== entry.scope) {
        enforce(policy.setEntryScope(dto.scope, allowPublic));
      }
      if (dto.messageIds !== undefined) {
        if (entry.sourceThreadId === null && dto.messageIds.length > 0) {
          throw badRequest('Invalid request: messageIds', [
            { field: 'messageIds', problems: ['the source thread no longer exists'] },
          ]);
        }
        const kept = (await loadQuotes(manager, id)).map((quote) => quote.messageId);
        if (entry.sourceThreadId !== null) {
          await this.assertQuotable(manager, entry.sourceThreadId, dto.messageIds, kept);
        }
        await this.assertPersonalDataChecked(
          manager,
          dto.messageIds.filter((messageId) => !kept.includes(messageId)),
          dto.confirmPersonalData === true,
        );
      }
      if (dto.links !== undefined) await this.assertLinkable(manager, entry, dto.links);

      const changes = entryChanges(dto);
      if (Object.keys(changes).length > 0)
        await this.entryRepository.updateEntry(manager, id, changes);
      if (dto.messageIds !== undefined)
        await this.evidenceRepository.replaceQuotes(manager, id, dto.messageIds);
      if (dto.links !== undefined)
        await this.evidenceRepository.replaceLinks(manager, id, dto.links);
      if (
        Object.keys(changes).length === 0 &&
        (dto.messageIds !== undefined || dto.links !== undefined)
      ) {
        // The lists live in tables of their own; the entry still records that it changed.
        await this.entryRepository.updateEntry(manager, id, { updatedAt: new Date() });
      }
      // Shared beyond the network (now, or from this change on): ask whoever is quoted.
      asked = await this.consents.requestConsents(
        manager,
        {
          id,
          networkId: entry.networkId,
          title: dto.title ?? entry.title,
          scope: dto.scope ?? entry.scope,
        },
        actor.userId,
      );
    });
    await this.consents.notifyAsked(actor, asked);
    return this.get(actor, id);
  }

  // --------------------------------------------------------------------------- settings

  async settings(actor: Actor, slug: string): Promise<EntrySettingsView> {
    const { network, standing } = await loadNetworkAccess(
      this.dataSource.manager,
      actor.userId,
      slug,
    );
    return {
      allowPublicEntries: await loadAllowPublic(this.dataSource.manager, network.id),
      canChange: policy.changeEntrySettings(standing).allowed,
    };
  }

  /** Admins only; withdrawing the permission makes every public entry network-only at once. */
  async updateSettings(
    actor: Actor,
    slug: string,
    dto: EntrySettingsDto,
  ): Promise<EntrySettingsView> {
    await this.dataSource.transaction(async (manager) => {
      const { network, standing } = await loadNetworkAccess(manager, actor.userId, slug, {
        lock: true,
      });
      enforce(policy.changeEntrySettings(standing));
      await enforceNotSuspended(manager, network.id, actor.userId);
      const before = await loadAllowPublic(manager, network.id);
      if (before === dto.allowPublicEntries) return;
      await this.entryRepository.saveSettings(
        manager,
        network.id,
        dto.allowPublicEntries,
        actor.userId,
      );
      await this.audit.record(manager, {
        networkId: network.id,
        actorId: actor.userId,
        action: 'network.public_entries_changed',
        subject: { type: 'network', id: network.id },
        details: { from: before, to: dto.allowPublicEntries },
      });
    });
    return this.settings(actor, slug);
  }

  // ---------------------------------------------------------------------------- helpers

  /** The entry as the viewer may see it (the caller has asked readEntry). */
  async view(manager: EntityManager, actor: Actor, loaded: LoadedEntryAccess): Promise<EntryView> {
    const { entry, access } = loaded;
    const working = canReadWorkingCopy(access);
    let content: EntryView['content'];
    let publishedAt: Date | null = null;
    const current =
      entry.currentVersion !== null
        ? await this.entryRepository.version(manager, entry.id, entry.currentVersion)
        : null;
    if (current) publishedAt = current.publishedAt;
    if (working) {
      content = await loadWorkingContent(manager, entry, actor.userId);
      if (entry.scope === 'public') {
        const states = await this.consents.statesFor(manager, entry.id);
        content = {
          ...content,
          evidence: content.evidence.map((quote) => {
            const consent = states.get(quote.messageId);
            return {
              ...quote,
              consent: {
                state: consent?.state ?? 'pending',
                decidedAt: consent?.decidedAt ? consent.decidedAt.toISOString() : null,
              },
            };
          }),
        };
      }
    } else if (current && canReadPublished(access)) {
      content = await mapVersionContent(
        manager,
        current.content,
        actor.userId,
        await this.consents.quoteFilterFor(manager, entry),
      );
    } else {
      throw notFound('Entry');
    }
    const network = await this.entryRepository.network(manager, entry.networkId);
    const people = await this.entryRepository.people(manager, [
      entry.createdBy,
      entry.reviewNoteBy,
    ]);
    return toEntryView({
      entry,
      access,
      networkSlug: network.slug,
      content,
      isWorkingCopy: working,
      sourceThread: await readableSourceThread(manager, entry.sourceThreadId, actor.userId),
      drafter: personOf(people, entry.createdBy),
      reviewNoteBy: personOf(people, entry.reviewNoteBy),
      publishedAt,
      discussionCount: await this.linkRepository.discussionCount(
        manager,
        actor.userId,
        'entry',
        entry.id,
      ),
      revealNetwork: access.standing !== null || network.visibility !== 'private',
    });
  }

  /**
   * New quotes are checked for likely personal data about the people programmes serve; with
   * findings, the curator must confirm (`confirmPersonalData: true`) or choose other messages.
   */
  private async assertPersonalDataChecked(
    manager: EntityManager,
    messageIds: string[],
    confirmed: boolean,
  ): Promise<void> {
    if (messageIds.length === 0 || confirmed) return;
    const bodies = await this.consents.bodiesOf(manager, messageIds);
    enforce(
      policy.confirmPersonalData(
        policy.personalDataReport(
          messageIds.map((messageId) => ({
            field: `quote:${messageId}`,
            text: bodies.get(messageId) ?? '',
          })),
        ),
        confirmed,
      ),
    );
  }

  /**
   * New quotes must be standing messages of the thread; ids already quoted may stay even if their
   * message was deleted since (the editor removes them, review refuses them).
   */
  private async assertQuotable(
    manager: EntityManager,
    threadId: string,
    messageIds: string[],
    alreadyQuoted: string[],
  ): Promise<void> {
    const fresh = messageIds.filter((messageId) => !alreadyQuoted.includes(messageId));
    if (fresh.length === 0) return;
    // A message moderators hid is as unquotable as a deleted one: its text is not for readers.
    const found = await this.evidenceRepository.messagesOfThread(manager, threadId, fresh);
    const problems: string[] = [];
    for (const messageId of fresh) {
      if (!found.has(messageId))
        problems.push(`${messageId} is not a message of the source thread`);
      else if (found.get(messageId))
        problems.push(`${messageId} was deleted or hidden by moderators and cannot be quoted`);
    }
    if (problems.length > 0) {
      throw badRequest('Invalid request: messageIds', [{ field: 'messageIds', problems }]);
    }
  }

  /**
   * An entry may rest on published research and case studies that its readers can open: the
   * entry network's own, or public ones.
   */
  private async assertLinkable(
    manager: EntityManager,
    entry: EntryEntity,
    links: EntryLinkDto[],
  ): Promise<void> {
    const seen = new Set<string>();
    const problems: FieldProblem[] = [];
    const usable = await this.evidenceRepository.linkableItems(manager, entry.networkId, links);
    links.forEach((link, index) => {
      const key = `${link.type}:${link.id}`;
      if (seen.has(key)) {
        problems.push({ field: `links.${index}`, problems: ['links must not repeat an item'] });
      } else if (!usable.has(key)) {
        problems.push({
          field: `links.${index}`,
          problems: [
            `${link.type} ${link.id} is not a published item of this network or a public one`,
          ],
        });
      }
      seen.add(key);
    });
    if (problems.length > 0) {
      throw badRequest(`Invalid request: ${problems.map((p) => p.field).join(', ')}`, problems);
    }
  }
}

/** The working-copy columns an edit changes; the quote and link lists are written apart. */
function entryChanges(dto: UpdateEntryDto): Partial<EntryEntity> {
  const changes: Partial<EntryEntity> = {};
  for (const key of [
    'title',
    'summary',
    'whatWasDone',
    'whatWorked',
    'whatDidNot',
    'adaptation',
    'evaluation',
    'topics',
    'phase',
    'scope',
  ] as const) {
    if (dto[key] !== undefined) Object.assign(changes, { [key]: dto[key] });
  }
  if (dto.context?.who !== undefined) changes.contextWho = dto.context.who;
  if (dto.context?.where !== undefined) changes.contextWhere = dto.context.where;
  const resources = dto.resources;
  if (resources) {
    if (resources.budgetEur !== undefined) changes.budgetEur = resources.budgetEur;
    if (resources.staffFte !== undefined) changes.staffFte = resources.staffFte;
    if (resources.volunteers !== undefined) changes.volunteers = resources.volunteers;
    if (resources.durationMonths !== undefined) changes.durationMonths = resources.durationMonths;
    if (resources.note !== undefined) changes.resourcesNote = resources.note;
  }
  if (dto.language !== undefined) {
    changes.language = dto.language;
    changes.searchConfig = SEARCH_CONFIG_FOR[dto.language];
  }
  return changes;
}

function personOf(people: Map<string, EntryPersonView>, id: string | null): EntryPersonView | null {
  return id ? (people.get(id) ?? null) : null;
}
