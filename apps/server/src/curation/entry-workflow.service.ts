import { Injectable } from '@nestjs/common';
import * as policy from '@tandem/domain';
import {
  AuditAction,
  canReadWorkingCopy,
  conflict,
  enforce,
  EntryAction,
  EntryView,
  nextStatus,
  NotificationKind,
} from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogService } from '../platform/audit/audit-log.service';
import type { Actor } from '../platform/http/actor';
import { EntryPublishedEvent, EVENTS } from '../platform/events/domain-events';
import { DomainEvents } from '../platform/events/domain-event-bus';
import { NotificationsService } from '../notifications/notifications.service';
import type { EntryEntity } from './curation.entities';
import { CurationRepository } from './curation.repository';
import { CurationService } from './curation.service';
import { accessOf, loadAllowPublic, loadEntryAccess } from './entry-access';
import { loadQuotes, loadWorkingContent, snapshotOf } from './entry-content';
import { enforceNotSuspended } from '../networks/network-access';
import { QuoteConsentsService } from './quote-consents.service';

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
 * The review workflow of an entry: submitting, requesting changes, publishing immutable
 * versions, archiving and revising, and what each move tells others once it has committed.
 */
@Injectable()
export class EntryWorkflowService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly entryRepository: CurationRepository,
    private readonly curation: CurationService,
    private readonly events: DomainEvents,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditLogService,
    private readonly consents: QuoteConsentsService,
  ) {}

  /**
   * Moves an entry through its workflow. Illegal moves answer 409 invalid_transition naming the
   * allowed ones, self-publishing 403, an entry not ready for review 409 naming what is missing;
   * in every refusal nothing changes. Publishing writes the next immutable version. The audit
   * entry commits with the change; notifications and socket events follow the commit.
   */
  async transition(
    actor: Actor,
    id: string,
    action: EntryAction,
    note = '',
    options: { confirmPersonalData?: boolean } = {},
  ): Promise<EntryView> {
    if (action === 'publish') {
      // Quoted authors of a public entry who were never asked (quotes that predate consent)
      // are asked now, in a transaction of their own: a publish refused below leaves them asked.
      const { entry, access } = await loadEntryAccess(this.dataSource.manager, actor.userId, id);
      enforce(policy.transitionEntry(access, action));
      await this.consents.ensureAsked(actor, entry);
    }
    await this.events.transaction(async (manager, events) => {
      const { entry, access } = await loadEntryAccess(manager, actor.userId, id, { lock: true });
      enforce(policy.transitionEntry(access, action));
      await enforceNotSuspended(manager, entry.networkId, actor.userId);
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
        // Shared beyond the network: every quote needs its author's answer (409 while one
        // waits); refused ones are left out of the version.
        const standing = (await loadQuotes(manager, id))
          .filter((quote) => !quote.deleted)
          .map((quote) => quote.messageId);
        const refused = await this.consents.assertPublishable(manager, entry, standing);
        await this.assertPersonalDataChecked(
          manager,
          entry,
          actor,
          refused,
          options.confirmPersonalData === true,
        );
        version = (entry.currentVersion ?? 0) + 1;
        const sourceThread = entry.sourceThreadId
          ? await this.entryRepository.threadTitle(manager, entry.sourceThreadId)
          : null;
        await this.entryRepository.insertVersion(manager, {
          entryId: id,
          version,
          searchConfig: entry.searchConfig,
          content: await snapshotOf(manager, entry, sourceThread, refused),
          note,
          publishedBy: actor.userId,
        });
        changes.currentVersion = version;
        // A new version answers the last request for changes.
        changes.reviewNote = null;
        changes.reviewNoteBy = null;
        changes.reviewNoteAt = null;
      }
      await this.entryRepository.updateEntry(manager, id, changes);
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
      const after: AfterTransition = {
        entryId: id,
        networkId: entry.networkId,
        action,
        version,
        sourceThreadId: entry.sourceThreadId,
        drafterId: entry.createdBy,
        note,
      };
      events.then(() => this.announce(actor, after));
    });
    return this.curation.get(actor, id);
  }

  /**
   * Before a version is published, its text (and the quotes it will carry) is checked for
   * likely personal data; findings need the publisher's confirmation.
   */
  private async assertPersonalDataChecked(
    manager: EntityManager,
    entry: EntryEntity,
    actor: Actor,
    leftOut: ReadonlySet<string>,
    confirmed: boolean,
  ): Promise<void> {
    if (confirmed) return;
    const content = await loadWorkingContent(manager, entry, actor.userId);
    const fields = [
      { field: 'title', text: content.title },
      { field: 'summary', text: content.summary },
      { field: 'context.who', text: content.context.who },
      { field: 'context.where', text: content.context.where },
      { field: 'whatWasDone', text: content.whatWasDone },
      { field: 'whatWorked', text: content.whatWorked },
      { field: 'whatDidNot', text: content.whatDidNot },
      { field: 'adaptation', text: content.adaptation },
      { field: 'evaluation', text: content.evaluation },
      { field: 'resources.note', text: content.resources.note ?? '' },
      ...content.evidence
        .filter((quote) => !leftOut.has(quote.messageId))
        .map((quote) => ({ field: `quote:${quote.messageId}`, text: quote.body })),
    ];
    enforce(policy.confirmPersonalData(policy.personalDataReport(fields), false));
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

  /**
   * What a committed transition tells others. A publish notifies the source thread's
   * participants who can read the entry (not the publisher), emits `entry:published` to them and
   * to the thread's rooms, and refreshes the thread's "curated into"; a submission asks the
   * network's other moderators and admins for review; a request for changes tells the drafter.
   */
  private async announce(actor: Actor, after: AfterTransition): Promise<void> {
    const manager = this.dataSource.manager;
    const entry = await this.entryRepository.entry(manager, after.entryId);
    const publisher = await this.entryRepository.user(manager, actor.userId);
    const actorView: policy.AuthorView = {
      kind: 'named',
      userId: publisher.id,
      displayName: publisher.displayName,
      handle: publisher.handle,
      organisationLabel: null,
      organisationLabelCode: null,
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
        ? await this.entryRepository.threadParticipantsWhoCanRead(
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
      const summary = await this.entryRepository.publishedSummary(manager, after.entryId);
      const channelId = after.sourceThreadId
        ? await this.entryRepository.threadChannel(manager, after.sourceThreadId)
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
      const reviewers = await this.entryRepository.reviewers(manager, after.networkId);
      await notify(
        'entry_submitted',
        reviewers.filter((userId) => userId !== after.drafterId),
        entry.title,
        policy.excerpt(entry.summary),
        null,
      );
    } else if (after.action === 'request_changes' && after.drafterId) {
      const standing = await this.entryRepository.standing(
        manager,
        after.networkId,
        after.drafterId,
      );
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
