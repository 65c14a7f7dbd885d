import { Injectable } from '@nestjs/common';
import * as policy from '@tandem/domain';
import {
  AuditAction,
  badRequest,
  canReadPublished,
  canReadWorkingCopy,
  conflict,
  DiscussedInView,
  enforce,
  EntryAction,
  EntryPersonView,
  EntrySettingsView,
  EntrySummaryView,
  EntryVersionSummaryView,
  EntryVersionView,
  EntryView,
  FieldProblem,
  nextStatus,
  notFound,
  NotificationKind,
  Page,
  SEARCH_CONFIG_FOR,
} from '@tandem/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditLogService } from '../platform/audit/audit-log.service';
import { loadThreadAccess } from '../channels/channel-access';
import type { Actor } from '../platform/http/actor';
import { decodeCursor, encodeCursor, pageSize, PageQuery } from '../platform/http/pagination';
import { EntryPublishedEvent, EVENTS } from '../platform/events/domain-events';
import { loadSharedLibraryLinks } from '../library/library-links.repository';
import { loadNetworkAccess } from '../networks/network-access';
import { NetworkEntity } from '../networks/network.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { UserEntity } from '../users/user.entity';
import {
  EntryEntity,
  EntryLinkEntity,
  EntryQuoteEntity,
  EntryVersionEntity,
  NetworkEntrySettingsEntity,
} from './curation.entities';
import { CurationRepository } from './curation.repository';
import type {
  CurateThreadDto,
  EntryListQuery,
  EntryLinkDto,
  EntrySettingsDto,
  UpdateEntryDto,
} from './dto/curation.dto';
import { accessOf, loadAllowPublic, loadEntryAccess, LoadedEntryAccess } from './entry-access';
import {
  loadQuotes,
  loadWorkingContent,
  mapVersionContent,
  readableSourceThread,
  snapshotOf,
} from './entry-content';
import { toEntryView, toVersionSummaryView } from './entry-views';
import { DomainEvents } from '../platform/events/domain-event-bus';

const AUDIT_FOR: Record<EntryAction, AuditAction> = {
  submit: 'entry.submitted',
  request_changes: 'entry.changes_requested',
  publish: 'entry.published',
  archive: 'entry.archived',
  revise: 'entry.revised',
};

/** Recipients and kind of what follows a committed transition, sent after the commit. */
interface AfterTransition {
  entryId: string;
  networkId: string;
  action: EntryAction;
  version: number | null;
  sourceThreadId: string | null;
  drafterId: string | null;
  note: string;
}

/**
 * Curation use cases: drafting an entry from a thread, editing the working copy, the review
 * workflow with its published versions, and the network's public-entries setting. Every method
 * takes the actor first and asks the domain policy before it reads or writes anything else.
 */
@Injectable()
export class CurationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CurationRepository,
    private readonly events: DomainEvents,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditLogService,
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
    const allowPublic = await loadAllowPublic(this.dataSource.manager, access.networkId);
    const scope = dto.scope ?? 'network';
    enforce(policy.setEntryScope(scope, allowPublic));
    const messageIds = dto.messageIds ?? [];
    await this.assertQuotable(this.dataSource.manager, threadId, messageIds, []);
    const language = dto.language ?? 'en';

    const entryId = await this.dataSource.transaction(async (manager) => {
      const thread = await this.repository.threadFacts(manager, threadId);
      const entry = await manager.save(
        manager.create(EntryEntity, {
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
        }),
      );
      await this.replaceQuotes(manager, entry.id, messageIds);
      // The library items the thread cites and every reader of the thread can open.
      const cited = (await loadSharedLibraryLinks(manager, threadId)).filter(
        (link): link is typeof link & { targetType: 'research' | 'case_study' } =>
          link.targetType === 'research' || link.targetType === 'case_study',
      );
      await this.replaceLinks(
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
      return entry.id;
    });
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
    return this.repository.listEntries(this.dataSource.manager, actor.userId, network.id, query);
  }

  async versions(
    actor: Actor,
    id: string,
    query: PageQuery,
  ): Promise<Page<EntryVersionSummaryView>> {
    const loaded = await loadEntryAccess(this.dataSource.manager, actor.userId, id);
    enforce(policy.readEntry(loaded.access));
    const limit = pageSize(query);
    const after = decodeCursor(query.cursor, 1);
    const before = after ? Number(after[0]) : null;
    if (before !== null && (!Number.isSafeInteger(before) || before < 1)) {
      throw badRequest('Invalid cursor', [
        { field: 'cursor', problems: ['cursor is not one this server issued'] },
      ]);
    }
    const builder = this.dataSource.manager
      .createQueryBuilder(EntryVersionEntity, 'v')
      .where('v.entryId = :id', { id })
      .orderBy('v.version', 'DESC')
      .limit(limit + 1);
    if (before !== null) builder.andWhere('v.version < :before', { before });
    const rows = await builder.getMany();
    const items = rows.slice(0, limit);
    const people = await this.people(items.map((v) => v.publishedBy));
    const last = items.at(-1);
    return {
      items: items.map((v) => toVersionSummaryView(v, personOf(people, v.publishedBy))),
      nextCursor: rows.length > limit && last ? encodeCursor([last.version]) : null,
    };
  }

  async version(actor: Actor, id: string, number: number): Promise<EntryVersionView> {
    const loaded = await loadEntryAccess(this.dataSource.manager, actor.userId, id);
    enforce(policy.readEntry(loaded.access));
    const version = await this.dataSource.manager.findOneBy(EntryVersionEntity, {
      entryId: id,
      version: number,
    });
    if (!version) throw notFound('Version');
    const people = await this.people([version.publishedBy]);
    return {
      ...toVersionSummaryView(version, personOf(people, version.publishedBy)),
      entryId: id,
      content: await mapVersionContent(this.dataSource.manager, version.content, actor.userId),
    };
  }

  /** The threads citing the entry that the caller may read. */
  async discussedIn(actor: Actor, id: string): Promise<DiscussedInView[]> {
    const loaded = await loadEntryAccess(this.dataSource.manager, actor.userId, id);
    enforce(policy.readEntry(loaded.access));
    return this.repository.discussedIn(this.dataSource.manager, actor.userId, id);
  }

  // ---------------------------------------------------------------------------- editing

  /**
   * Edits a draft. `messageIds` and `links` replace the lists whole (in the order given); quotes
   * already there stay even if their message was deleted since (so the editor sees the flag),
   * new ones must be standing messages of the source thread.
   */
  async update(actor: Actor, id: string, dto: UpdateEntryDto): Promise<EntryView> {
    await this.dataSource.transaction(async (manager) => {
      const { entry, access, allowPublic } = await loadEntryAccess(manager, actor.userId, id, {
        lock: true,
      });
      enforce(policy.editEntry(access));
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
      }
      if (dto.links !== undefined) await this.assertLinkable(manager, entry, dto.links);

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
        if (resources.durationMonths !== undefined)
          changes.durationMonths = resources.durationMonths;
        if (resources.note !== undefined) changes.resourcesNote = resources.note;
      }
      if (dto.language !== undefined) {
        changes.language = dto.language;
        changes.searchConfig = SEARCH_CONFIG_FOR[dto.language];
      }
      if (Object.keys(changes).length > 0) await manager.update(EntryEntity, { id }, changes);
      if (dto.messageIds !== undefined) await this.replaceQuotes(manager, id, dto.messageIds);
      if (dto.links !== undefined) await this.replaceLinks(manager, id, dto.links);
      if (
        Object.keys(changes).length === 0 &&
        (dto.messageIds !== undefined || dto.links !== undefined)
      ) {
        // The lists live in tables of their own; the entry still records that it changed.
        await manager.update(EntryEntity, { id }, { updatedAt: new Date() });
      }
    });
    return this.get(actor, id);
  }

  // --------------------------------------------------------------------------- workflow

  /**
   * Moves an entry through its workflow. Illegal moves answer 409 invalid_transition naming the
   * allowed ones, self-publishing 403, an entry not ready for review 409 naming what is missing;
   * in every refusal nothing changes. Publishing writes the next immutable version. The audit
   * entry commits with the change; notifications and socket events follow the commit.
   */
  async transition(actor: Actor, id: string, action: EntryAction, note = ''): Promise<EntryView> {
    const after = await this.dataSource.transaction(async (manager) => {
      const { entry, access } = await loadEntryAccess(manager, actor.userId, id, { lock: true });
      enforce(policy.transitionEntry(access, action));
      const status = nextStatus(entry.status, action);
      if (action === 'submit' || action === 'publish')
        await this.assertReady(manager, entry, actor);

      const changes: Partial<EntryEntity> = { status };
      let version: number | null = null;
      if (action === 'submit') {
        changes.submittedBy = actor.userId;
        changes.submittedAt = new Date();
      } else if (action === 'request_changes') {
        changes.reviewNote = note;
        changes.reviewNoteBy = actor.userId;
        changes.reviewNoteAt = new Date();
      } else if (action === 'archive') {
        changes.archivedAt = new Date();
      } else if (action === 'publish') {
        version = (entry.currentVersion ?? 0) + 1;
        const sourceThread = entry.sourceThreadId
          ? await this.repository.threadTitle(manager, entry.sourceThreadId)
          : null;
        const content = await snapshotOf(manager, entry, sourceThread);
        await manager.insert(EntryVersionEntity, {
          entryId: id,
          version,
          title: content.title,
          topics: content.topics,
          phase: content.phase,
          language: content.language,
          searchConfig: entry.searchConfig,
          content,
          note,
          publishedBy: actor.userId,
        });
        changes.currentVersion = version;
        // A new version answers the last request for changes.
        changes.reviewNote = null;
        changes.reviewNoteBy = null;
        changes.reviewNoteAt = null;
      }
      await manager.update(EntryEntity, { id }, changes);
      await this.audit.record(manager, {
        networkId: entry.networkId,
        actorId: actor.userId,
        action: AUDIT_FOR[action],
        subject: { type: 'entry', id },
        details: {
          from: entry.status,
          to: status,
          ...(version !== null ? { version } : {}),
          ...(note ? { note } : {}),
        },
      });
      return {
        entryId: id,
        networkId: entry.networkId,
        action,
        version,
        sourceThreadId: entry.sourceThreadId,
        drafterId: entry.createdBy,
        note,
      } satisfies AfterTransition;
    });
    await this.events.afterCommit(() => this.announce(actor, after));
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
      const before = await loadAllowPublic(manager, network.id);
      if (before === dto.allowPublicEntries) return;
      await manager.upsert(
        NetworkEntrySettingsEntity,
        {
          networkId: network.id,
          allowPublicEntries: dto.allowPublicEntries,
          updatedBy: actor.userId,
          updatedAt: new Date(),
        },
        ['networkId'],
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
        ? await manager.findOneBy(EntryVersionEntity, {
            entryId: entry.id,
            version: entry.currentVersion,
          })
        : null;
    if (current) publishedAt = current.publishedAt;
    if (working) {
      content = await loadWorkingContent(manager, entry, actor.userId);
    } else if (current && canReadPublished(access)) {
      content = await mapVersionContent(manager, current.content, actor.userId);
    } else {
      throw notFound('Entry');
    }
    const network = await manager.findOneByOrFail(NetworkEntity, { id: entry.networkId });
    const people = await this.people([entry.createdBy, entry.reviewNoteBy]);
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
      discussionCount: await this.repository.discussionCount(manager, actor.userId, entry.id),
      revealNetwork: access.standing !== null || network.visibility !== 'private',
    });
  }

  /** Names of moderators who acted (drafter, reviewer, publisher); never an email. */
  private async people(ids: (string | null)[]): Promise<Map<string, EntryPersonView>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const users = await this.dataSource.manager.findBy(UserEntity, { id: In(wanted) });
    return new Map(users.map((u) => [u.id, { userId: u.id, displayName: u.displayName }]));
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
    const rows: { id: string; deleted: boolean }[] = await manager.query(
      // A message moderators hid is as unquotable as a deleted one: its text is not for readers.
      `SELECT id, (deleted_at IS NOT NULL OR hidden_at IS NOT NULL) AS deleted FROM messages WHERE thread_id = $1 AND id = ANY($2::uuid[])`,
      [threadId, fresh],
    );
    const found = new Map(rows.map((row) => [row.id, row.deleted]));
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
    const usable = await this.repository.linkableItems(manager, entry.networkId, links);
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

  private async assertReady(
    manager: EntityManager,
    entry: EntryEntity,
    actor: Actor,
  ): Promise<void> {
    const content = await loadWorkingContent(manager, entry, actor.userId);
    const problems = policy.reviewProblems(content);
    if (problems.length > 0) {
      throw conflict(
        `This entry is not ready: ${problems.map((p) => p.field).join(', ')}`,
        problems,
      );
    }
  }

  private async replaceQuotes(
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

  private async replaceLinks(
    manager: EntityManager,
    entryId: string,
    links: { type: 'research' | 'case_study'; id: string }[],
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

  /**
   * What a committed transition tells others. A publish notifies the source thread's
   * participants who can read the entry (not the publisher), emits `entry:published` to them and
   * to the thread's rooms, and refreshes the thread's "curated into"; a submission asks the
   * network's other moderators and admins for review; a request for changes tells the drafter.
   */
  private async announce(actor: Actor, after: AfterTransition): Promise<void> {
    const manager = this.dataSource.manager;
    const entry = await manager.findOneByOrFail(EntryEntity, { id: after.entryId });
    const publisher = await manager.findOneByOrFail(UserEntity, { id: actor.userId });
    const actorView: policy.AuthorView = {
      kind: 'named',
      userId: publisher.id,
      displayName: publisher.displayName,
      handle: publisher.handle,
      organisationLabel: null,
    };
    const notify = async (
      kind: NotificationKind,
      userIds: string[],
      title: string,
      excerptText: string,
      dedupe: string | null,
    ) =>
      this.notifications.notify({
        userIds: userIds.filter((userId) => userId !== actor.userId),
        kind,
        networkId: after.networkId,
        subject: { type: 'entry', id: after.entryId, title },
        actor: actorView,
        excerpt: excerptText,
        dedupeKey: dedupe,
      });

    if (after.action === 'publish' && after.version !== null) {
      const allowPublic = await loadAllowPublic(manager, after.networkId);
      const participants = after.sourceThreadId
        ? await this.repository.threadParticipantsWhoCanRead(
            manager,
            after.sourceThreadId,
            after.networkId,
            policy.effectiveScope(entry.scope, allowPublic) === 'public',
          )
        : [];
      const recipients = participants.filter((userId) => userId !== actor.userId);
      await notify(
        'entry_published',
        recipients,
        entry.title,
        policy.excerpt(entry.summary),
        `entry:${after.entryId}:v${after.version}`,
      );
      const summary = await this.repository.publishedSummary(manager, after.entryId);
      const channelId = after.sourceThreadId
        ? await this.repository.threadChannel(manager, after.sourceThreadId)
        : null;
      if (summary) {
        const event: EntryPublishedEvent = {
          entry: summary,
          threadId: after.sourceThreadId,
          channelId,
          userIds: recipients,
        };
        this.events.committed(EVENTS.entryPublished, event);
      }
    } else if (after.action === 'submit') {
      const reviewers = await this.repository.reviewers(manager, after.networkId);
      await notify(
        'entry_submitted',
        reviewers.filter((userId) => userId !== after.drafterId),
        entry.title,
        policy.excerpt(entry.summary),
        null,
      );
    } else if (after.action === 'request_changes' && after.drafterId) {
      const standing = await this.repository.standing(manager, after.networkId, after.drafterId);
      // Only a drafter who can still read the working copy hears of it.
      if (
        standing !== null &&
        canReadWorkingCopy(accessOf(entry, standing, false, after.drafterId))
      ) {
        await notify(
          'entry_changes_requested',
          [after.drafterId],
          entry.title,
          policy.excerpt(after.note),
          null,
        );
      }
    }
    if (after.sourceThreadId) {
      this.events.committed(EVENTS.threadUpdated, { threadId: after.sourceThreadId } satisfies {
        threadId: string;
      });
    }
  }
}

function personOf(people: Map<string, EntryPersonView>, id: string | null): EntryPersonView | null {
  return id ? (people.get(id) ?? null) : null;
}
