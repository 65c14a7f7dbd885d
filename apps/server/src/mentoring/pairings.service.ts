import { Injectable } from '@nestjs/common';
import {
  actOnPairing,
  badRequest,
  conflict,
  enforce,
  isCoordinator,
  nextPairingState,
  notFound,
  offersMentoring,
  proposePairing,
  type NotificationKind,
  type Page,
  type PairingAction,
  type PairingSide,
  type PairingSummaryView,
  type PairingView,
} from '@tandem/domain';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogService } from '../platform/audit/audit-log.service';
import type { Actor } from '../platform/http/actor';
import { decodeCursor, encodeCursor, pageSize } from '../platform/http/pagination';
import { isUniqueViolation } from '../platform/database/sql';
import { ChannelsService } from '../channels/channels.service';
import { ThreadsService } from '../discussions/threads.service';
import { loadNetworkAccess } from '../networks/network-access';
import type { PairingListQuery, ProposePairingDto } from './dto/mentoring.dto';
import { hasAccepted, joinFirst, sideOf } from './mentoring-access';
import type { PairingEntity } from './mentoring.entities';
import { MentoringRepository } from './mentoring.repository';
import { pairingTitle } from './mentoring-views';
import { PairingPublisher } from './pairing-publisher.service';
import { PairingViewService } from './pairing-view.service';
import { PairingsRepository, toSummaryView } from './pairings.repository';
import { ProfilesRepository } from './profiles.repository';

const PAIRING_CHANNEL_NAME_MAX = 80;

/** Proposing pairings, and moving them through their states. */
@Injectable()
export class PairingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MentoringRepository,
    private readonly pairings: PairingsRepository,
    private readonly profiles: ProfilesRepository,
    private readonly channels: ChannelsService,
    private readonly threads: ThreadsService,
    private readonly views: PairingViewService,
    private readonly publisher: PairingPublisher,
    private readonly audit: AuditLogService,
  ) {}

  /**
   * Proposes a pairing. The proposer's own side (a mentee proposing for themselves) counts as
   * accepted; the other side, or both when a coordinator proposes, must accept.
   */
  async propose(actor: Actor, slug: string, dto: ProposePairingDto): Promise<PairingView> {
    let pairing: { id: string; mentorId: string; menteeId: string; side: PairingSide | null };
    try {
      pairing = await this.dataSource.transaction(async (manager) => {
        const { network, standing } = await loadNetworkAccess(manager, actor.userId, slug);
        enforce(
          proposePairing({
            standing,
            actorId: actor.userId,
            mentorId: dto.mentorId,
            menteeId: dto.menteeId,
          }),
        );
        const mentorProfile = await this.profiles.profile(manager, network.id, dto.mentorId);
        if (!mentorProfile || !offersMentoring(mentorProfile.mode)) {
          throw badRequest('Invalid request: mentorId', [
            {
              field: 'mentorId',
              problems: ['mentorId must be a member who offers mentoring here'],
            },
          ]);
        }
        if (!(await this.pairings.isMember(manager, network.id, dto.menteeId))) {
          throw badRequest('Invalid request: menteeId', [
            { field: 'menteeId', problems: ['menteeId must be a member of this network'] },
          ]);
        }
        const active = await this.repository.activeMentorships(manager, network.id, dto.mentorId);
        if (active >= mentorProfile.capacity) {
          throw conflict('This mentor has no place left for another pairing', {
            capacity: mentorProfile.capacity,
            active,
          });
        }
        // One after the other: a transaction's connection runs one query at a time.
        const mentorOrganisationId = await this.pairings.organisationOf(manager, dto.mentorId);
        const menteeOrganisationId = await this.pairings.organisationOf(manager, dto.menteeId);
        const onBehalf = dto.onBehalfOfOrganisations ?? false;
        if (onBehalf && (!mentorOrganisationId || !menteeOrganisationId)) {
          throw badRequest('Invalid request: onBehalfOfOrganisations', [
            {
              field: 'onBehalfOfOrganisations',
              problems: ['both people need an organisation for a pairing on its behalf'],
            },
          ]);
        }
        const now = new Date();
        const side = sideOf({ mentorId: dto.mentorId, menteeId: dto.menteeId }, actor.userId);
        const id = await this.pairings.insert(
          manager,
          {
            networkId: network.id,
            mentorId: dto.mentorId,
            menteeId: dto.menteeId,
            proposedBy: actor.userId,
            onBehalfOfOrganisations: onBehalf,
            mentorOrganisationId: onBehalf ? mentorOrganisationId : null,
            menteeOrganisationId: onBehalf ? menteeOrganisationId : null,
            topics: dto.topics,
            state: 'proposed',
            mentorAcceptedAt: side === 'mentor' ? now : null,
            menteeAcceptedAt: side === 'mentee' ? now : null,
          },
          dto.goals,
        );
        if (side === null) {
          await this.audit.record(manager, {
            networkId: network.id,
            actorId: actor.userId,
            action: 'pairing.proposed',
            subject: { type: 'pairing', id },
            details: { mentorId: dto.mentorId, menteeId: dto.menteeId, topics: dto.topics },
          });
        }
        return { id, mentorId: dto.mentorId, menteeId: dto.menteeId, side };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'pairings_open_pair_key')) {
        throw conflict('These two already have a proposed or active pairing in this network');
      }
      throw error;
    }
    // The proposer's own side has accepted already; whoever still has to is told.
    await this.publisher.publish({
      pairingId: pairing.id,
      kind: 'pairing_proposed',
      notify: [
        ...(pairing.side === 'mentor' ? [] : [pairing.mentorId]),
        ...(pairing.side === 'mentee' ? [] : [pairing.menteeId]),
      ],
      actorId: actor.userId,
    });
    return this.views.get(actor, pairing.id);
  }

  async listPairings(
    actor: Actor,
    slug: string,
    query: PairingListQuery,
  ): Promise<Page<PairingSummaryView>> {
    const { network, standing } = await loadNetworkAccess(
      this.dataSource.manager,
      actor.userId,
      slug,
    );
    if (standing === null) throw joinFirst();
    const limit = pageSize(query);
    const rows = await this.pairings.summaries(network.id, {
      onlyFor: isCoordinator(standing) ? undefined : actor.userId,
      state: query.state,
      after: decodeCursor(query.cursor, 2),
      limit,
      now: new Date(),
    });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const people = await this.repository.peopleByIds(
      this.dataSource.manager,
      items.flatMap((row) => [row.mentor_id, row.mentee_id]),
    );
    return {
      items: items.map((row) => toSummaryView(row, people)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.created_key, last.id]) : null,
    };
  }

  get(actor: Actor, pairingId: string): Promise<PairingView> {
    return this.views.get(actor, pairingId);
  }

  /**
   * accept, decline, complete or cancel. The pairing row is locked for the whole transaction;
   * an activation also locks the mentor's profile before counting their active pairings, so
   * concurrent acceptances can never give a mentor more pairings than their capacity.
   */
  async act(actor: Actor, pairingId: string, action: PairingAction): Promise<PairingView> {
    const pairing = await this.dataSource.transaction(async (manager) => {
      const { pairing, access } = await this.repository.loadPairing(
        manager,
        actor.userId,
        pairingId,
        { lock: true },
      );
      // "Already accepted" only means something while the pairing waits for acceptances; in any
      // other state the state machine answers (invalid_transition).
      const acceptedAlready = hasAccepted(pairing, access.side) && pairing.state === 'proposed';
      enforce(actOnPairing(access, action, acceptedAlready));
      const otherSideAccepted = hasAccepted(
        pairing,
        access.side === 'mentor' ? 'mentee' : 'mentor',
      );
      const next = nextPairingState(pairing.state, action, { otherSideAccepted });
      const now = new Date();
      const changes: Partial<PairingEntity> = { state: next };
      if (action === 'accept') {
        if (access.side === 'mentor') changes.mentorAcceptedAt = now;
        if (access.side === 'mentee') changes.menteeAcceptedAt = now;
      }
      if (next === 'active' && pairing.state !== 'active') {
        await this.assertCapacity(manager, pairing);
        changes.activatedAt = now;
        Object.assign(changes, await this.openChannel(manager, pairing, actor.userId, now));
      }
      if (next === 'completed' || next === 'declined' || next === 'cancelled') {
        changes.endedAt = now;
        changes.endedBy = actor.userId;
        if (pairing.channelId)
          await this.channels.archiveOwnedChannel(manager, pairing.channelId, now);
      }
      await this.pairings.update(manager, pairing.id, changes);
      if (access.side === null && (action === 'complete' || action === 'cancel')) {
        await this.audit.record(manager, {
          networkId: pairing.networkId,
          actorId: actor.userId,
          action: action === 'complete' ? 'pairing.completed' : 'pairing.cancelled',
          subject: { type: 'pairing', id: pairing.id },
          details: { from: pairing.state, to: next },
        });
      }
      return pairing;
    });
    const involved = [pairing.mentorId, pairing.menteeId, pairing.proposedBy].filter(
      (id): id is string => id !== null,
    );
    await this.publisher.publish({
      pairingId: pairing.id,
      kind: NOTIFICATION_FOR[action],
      notify: action === 'complete' ? [pairing.mentorId, pairing.menteeId] : involved,
      actorId: actor.userId,
    });
    return this.views.get(actor, pairingId);
  }

  /** Must run under the pairing's lock, inside the activating transaction. */
  private async assertCapacity(manager: EntityManager, pairing: PairingEntity): Promise<void> {
    const profile = await this.profiles.lockMentorProfile(
      manager,
      pairing.networkId,
      pairing.mentorId,
    );
    if (!profile || !offersMentoring(profile.mode)) {
      throw conflict('The mentor no longer offers mentoring in this network');
    }
    const active = await this.repository.activeMentorships(
      manager,
      pairing.networkId,
      pairing.mentorId,
    );
    if (active >= profile.capacity) {
      throw conflict('The mentor has no place left: their other pairings fill their capacity', {
        capacity: profile.capacity,
        active,
      });
    }
  }

  /**
   * The pair's private channel and its conversation thread, made in the activating transaction.
   * The channel lists the two of them; it belongs to the pairing (pairings.channel_id), which is
   * what keeps coordinators from managing it. The thread has no first message: the pair start
   * talking in it, through the ordinary message machinery.
   */
  private async openChannel(
    manager: EntityManager,
    pairing: PairingEntity,
    actorId: string,
    now: Date,
  ): Promise<Pick<PairingEntity, 'channelId' | 'threadId'>> {
    const people = await this.repository.peopleByIds(manager, [pairing.mentorId, pairing.menteeId]);
    const mentor = people.get(pairing.mentorId);
    const mentee = people.get(pairing.menteeId);
    if (!mentor || !mentee) throw notFound('Pairing');
    const name = pairingTitle(mentor.display_name, mentee.display_name);
    const channelId = await this.channels.openPrivateChannel(manager, {
      networkId: pairing.networkId,
      slug: `pairing-${pairing.id.replace(/-/g, '').slice(0, 24)}-${randomBytes(2).toString('hex')}`,
      name: name.slice(0, PAIRING_CHANNEL_NAME_MAX),
      topics: pairing.topics,
      memberIds: [pairing.mentorId, pairing.menteeId],
      createdBy: actorId,
    });
    const threadId = await this.threads.openConversation(manager, {
      channelId,
      networkId: pairing.networkId,
      title: name,
      topics: pairing.topics,
      authorId: pairing.menteeId,
      clientId: `pairing-${pairing.id}`,
      at: now,
    });
    return { channelId, threadId };
  }
}

const NOTIFICATION_FOR: Record<PairingAction, NotificationKind> = {
  accept: 'pairing_accepted',
  decline: 'pairing_declined',
  cancel: 'pairing_cancelled',
  complete: 'pairing_completed',
};
