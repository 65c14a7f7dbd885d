import { Injectable, Logger } from '@nestjs/common';
import {
  actionsFor,
  actOnPairing,
  addGoals,
  answerFollowUp,
  attributionLabel,
  badRequest,
  conflict,
  coordinateMentoring,
  DomainError,
  editPairingWork,
  enforce,
  excerpt,
  giveFeedback,
  isCoordinator,
  nextPairingState,
  notFound,
  offersMentoring,
  PAIRING_SESSIONS_MAX,
  proposePairing,
  rankMentors,
  seeksMentoring,
  suggestMentors,
  SUGGESTIONS_LIMIT_DEFAULT,
  type MentoringOverviewView,
  type MentoringProfileView,
  type MentorCandidate,
  type NotificationKind,
  type Page,
  type PairingAction,
  type PairingSessionView,
  type PairingSide,
  type PairingSummaryView,
  type PairingView,
  type SuggestionsView,
} from '@tandem/domain';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogService } from '../platform/audit/audit-log.service';
import { ChannelEntity, ChannelMemberEntity } from '../channels/channel.entity';
import type { Actor } from '../platform/http/actor';
import { decodeCursor, encodeCursor, pageSize } from '../platform/http/pagination';
import { isUniqueViolation } from '../platform/database/sql';
import { ThreadEntity } from '../discussions/thread.entity';
import { EVENTS, PairingUpdatedEvent } from '../platform/events/domain-events';
import { MembershipEntity } from '../networks/membership.entity';
import { loadNetworkAccess } from '../networks/network-access';
import { NetworkEntity } from '../networks/network.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { UserEntity } from '../users/user.entity';
import type {
  AddGoalDto,
  CreateSessionDto,
  FeedbackDto,
  FollowUpAnswerDto,
  PairingListQuery,
  ProfileListQuery,
  ProposePairingDto,
  SessionListQuery,
  SuggestionsQuery,
  UpdateGoalDto,
  UpdateSessionDto,
  UpsertMentoringProfileDto,
} from './dto/mentoring.dto';
import {
  MentoringProfileEntity,
  PairingEntity,
  PairingFeedbackEntity,
  PairingFollowUpEntity,
  PairingGoalEntity,
  PairingSessionEntity,
} from './mentoring.entities';
import {
  CandidateRow,
  LoadedPairing,
  MentoringRepository,
  PairingSummaryRow,
  sideOf,
} from './mentoring.repository';
import {
  PersonRow,
  toFeedbackView,
  toFollowUpView,
  toGoalView,
  toPersonView,
  toProfileView,
  toSessionView,
} from './mentoring-views';
import { DomainEvents } from '../platform/events/domain-event-bus';

/** Who hears about a change, and how. Runs after the change has committed. */
interface Publication {
  pairingId: string;
  kind?: NotificationKind;
  /** Notified (the actor is left out); everyone involved gets `pairing:updated` regardless. */
  notify?: string[];
  actorId: string | null;
  excerpt?: string;
}

const PAIRING_CHANNEL_NAME_MAX = 80;

@Injectable()
export class MentoringService {
  private readonly logger = new Logger('MentoringService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MentoringRepository,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditLogService,
    private readonly events: DomainEvents,
  ) {}

  // ---------------------------------------------------------------------------- profiles

  /** Creates or replaces the caller's own profile in the network. */
  async upsertProfile(
    actor: Actor,
    slug: string,
    dto: UpsertMentoringProfileDto,
  ): Promise<{ profile: MentoringProfileView; created: boolean }> {
    const { network, standing } = await loadNetworkAccess(
      this.dataSource.manager,
      actor.userId,
      slug,
    );
    if (standing === null) throw joinFirst();
    const rows: { created: boolean }[] = await this.dataSource.query(
      `INSERT INTO mentoring_profiles
         (network_id, user_id, mode, topics, languages, capacity, about, available, availability_note)
       VALUES ($1, $2, $3, $4::text[], $5::text[], $6, $7, $8, $9)
       ON CONFLICT (network_id, user_id) DO UPDATE SET
         mode = EXCLUDED.mode, topics = EXCLUDED.topics, languages = EXCLUDED.languages,
         capacity = EXCLUDED.capacity, about = EXCLUDED.about, available = EXCLUDED.available,
         availability_note = EXCLUDED.availability_note, updated_at = now()
       RETURNING (xmax = 0) AS created`,
      [
        network.id,
        actor.userId,
        dto.mode,
        dto.topics,
        dto.languages,
        dto.capacity ?? 1,
        dto.about ?? '',
        dto.available ?? true,
        dto.availabilityNote ?? '',
      ],
    );
    return { profile: await this.profileView(network.id, actor.userId), created: rows[0].created };
  }

  async myProfile(actor: Actor, slug: string): Promise<MentoringProfileView> {
    const { network, standing } = await loadNetworkAccess(
      this.dataSource.manager,
      actor.userId,
      slug,
    );
    if (standing === null) throw notFound('Mentoring profile');
    return this.profileView(network.id, actor.userId);
  }

  /** For coordinators: everyone with a profile, by name. */
  async listProfiles(
    actor: Actor,
    slug: string,
    query: ProfileListQuery,
  ): Promise<Page<MentoringProfileView>> {
    const { network, standing } = await loadNetworkAccess(
      this.dataSource.manager,
      actor.userId,
      slug,
    );
    enforce(coordinateMentoring(standing));
    const limit = pageSize(query);
    const rows = await this.repository.profilePage(
      network.id,
      query.mode,
      decodeCursor(query.cursor, 2),
      limit,
    );
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map((row) => candidateToProfileView(network.id, row)),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor([last.display_name.toLowerCase(), last.user_id])
          : null,
    };
  }

  private async profileView(networkId: string, userId: string): Promise<MentoringProfileView> {
    const found = await this.repository.profileWithPerson(
      this.dataSource.manager,
      networkId,
      userId,
    );
    if (!found) throw notFound('Mentoring profile');
    return toProfileView(found.profile, found.person, found.active);
  }

  // ------------------------------------------------------------------------- suggestions

  async suggestions(actor: Actor, slug: string, query: SuggestionsQuery): Promise<SuggestionsView> {
    const { network, standing } = await loadNetworkAccess(
      this.dataSource.manager,
      actor.userId,
      slug,
    );
    const menteeId = query.menteeId ?? actor.userId;
    enforce(suggestMentors(standing, actor.userId, menteeId));
    const mentee = await this.repository.profileWithPerson(
      this.dataSource.manager,
      network.id,
      menteeId,
    );
    if (!mentee) throw notFound('Mentoring profile');
    if (!seeksMentoring(mentee.profile.mode)) {
      throw conflict('This profile offers mentoring only; it does not seek a mentor');
    }
    const rows = await this.repository.mentorCandidates(network.id, menteeId);
    const candidates = rows.map((row) => ({ ...candidateFacts(row), row }));
    const ranked = rankMentors(
      {
        userId: menteeId,
        organisationId: mentee.person.organisation_id,
        country: mentee.person.organisation_country,
        level: mentee.person.organisation_level,
        sector: mentee.person.organisation_sector,
        topics: mentee.profile.topics,
        languages: mentee.profile.languages,
      },
      candidates,
      query.limit ?? SUGGESTIONS_LIMIT_DEFAULT,
    );
    return {
      mentee: toProfileView(mentee.profile, mentee.person, mentee.active),
      suggestions: ranked.map(({ candidate, score, reasons }) => ({
        mentor: candidateToProfileView(network.id, candidate.row),
        score,
        reasons,
      })),
    };
  }

  // ---------------------------------------------------------------------------- pairings

  /**
   * Proposes a pairing. The proposer's own side (a mentee proposing for themselves) counts as
   * accepted; the other side, or both when a coordinator proposes, must accept.
   */
  async propose(actor: Actor, slug: string, dto: ProposePairingDto): Promise<PairingView> {
    let id: string;
    try {
      id = await this.dataSource.transaction(async (manager) => {
        const { network, standing } = await loadNetworkAccess(manager, actor.userId, slug);
        enforce(
          proposePairing({
            standing,
            actorId: actor.userId,
            mentorId: dto.mentorId,
            menteeId: dto.menteeId,
          }),
        );
        const mentorProfile = await manager.findOneBy(MentoringProfileEntity, {
          networkId: network.id,
          userId: dto.mentorId,
        });
        if (!mentorProfile || !offersMentoring(mentorProfile.mode)) {
          throw badRequest('Invalid request: mentorId', [
            {
              field: 'mentorId',
              problems: ['mentorId must be a member who offers mentoring here'],
            },
          ]);
        }
        if (
          !(await manager.existsBy(MembershipEntity, {
            networkId: network.id,
            userId: dto.menteeId,
          }))
        ) {
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
        const mentor = await manager.findOneByOrFail(UserEntity, { id: dto.mentorId });
        const mentee = await manager.findOneByOrFail(UserEntity, { id: dto.menteeId });
        const onBehalf = dto.onBehalfOfOrganisations ?? false;
        if (onBehalf && (!mentor.organisationId || !mentee.organisationId)) {
          throw badRequest('Invalid request: onBehalfOfOrganisations', [
            {
              field: 'onBehalfOfOrganisations',
              problems: ['both people need an organisation for a pairing on its behalf'],
            },
          ]);
        }
        const now = new Date();
        const side = sideOf({ mentorId: dto.mentorId, menteeId: dto.menteeId }, actor.userId);
        const pairing = await manager.save(
          manager.create(PairingEntity, {
            networkId: network.id,
            mentorId: dto.mentorId,
            menteeId: dto.menteeId,
            proposedBy: actor.userId,
            onBehalfOfOrganisations: onBehalf,
            mentorOrganisationId: onBehalf ? mentor.organisationId : null,
            menteeOrganisationId: onBehalf ? mentee.organisationId : null,
            topics: dto.topics,
            state: 'proposed',
            mentorAcceptedAt: side === 'mentor' ? now : null,
            menteeAcceptedAt: side === 'mentee' ? now : null,
          }),
        );
        for (const [index, title] of dto.goals.entries()) {
          await manager.insert(PairingGoalEntity, {
            pairingId: pairing.id,
            position: index + 1,
            title,
            createdBy: actor.userId,
          });
        }
        if (side === null) {
          await this.audit.record(manager, {
            networkId: network.id,
            actorId: actor.userId,
            action: 'pairing.proposed',
            subject: { type: 'pairing', id: pairing.id },
            details: { mentorId: dto.mentorId, menteeId: dto.menteeId, topics: dto.topics },
          });
        }
        return pairing.id;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'pairings_open_pair_key')) {
        throw conflict('These two already have a proposed or active pairing in this network');
      }
      throw error;
    }
    const pairing = await this.dataSource.manager.findOneByOrFail(PairingEntity, { id });
    await this.publish({
      pairingId: id,
      kind: 'pairing_proposed',
      notify: [
        ...(pairing.mentorAcceptedAt ? [] : [pairing.mentorId]),
        ...(pairing.menteeAcceptedAt ? [] : [pairing.menteeId]),
      ],
      actorId: actor.userId,
    });
    return this.get(actor, id);
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
    const rows = await this.repository.pairingSummaries(network.id, {
      onlyFor: isCoordinator(standing) ? undefined : actor.userId,
      state: query.state,
      after: decodeCursor(query.cursor, 2),
      limit,
      now: new Date(),
    });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const people = await this.repository.people(
      this.dataSource.manager,
      uniqueIds(items.flatMap((row) => [row.mentor_id, row.mentee_id])).map((userId) => ({
        userId,
      })),
    );
    return {
      items: items.map((row) => toSummaryView(row, people)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.created_key, last.id]) : null,
    };
  }

  async get(actor: Actor, pairingId: string): Promise<PairingView> {
    const loaded = await this.repository.loadPairing(
      this.dataSource.manager,
      actor.userId,
      pairingId,
    );
    return this.view(this.dataSource.manager, loaded, actor.userId);
  }

  /**
   * accept, decline, complete or cancel. The pairing row is locked for the whole transaction;
   * an activation also locks the mentor's profile before counting their active pairings, so
   * concurrent acceptances can never give a mentor more pairings than their capacity.
   */
  async act(actor: Actor, pairingId: string, action: PairingAction): Promise<PairingView> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const loaded = await this.repository.loadPairing(manager, actor.userId, pairingId, {
        lock: true,
      });
      const { pairing, access } = loaded;
      const acceptedAlready =
        access.side === 'mentor'
          ? pairing.mentorAcceptedAt !== null
          : access.side === 'mentee'
            ? pairing.menteeAcceptedAt !== null
            : false;
      // "Already accepted" only means something while the pairing waits for acceptances; in any
      // other state the state machine answers (invalid_transition).
      enforce(actOnPairing(access, action, acceptedAlready && pairing.state === 'proposed'));
      const otherSideAccepted =
        access.side === 'mentor'
          ? pairing.menteeAcceptedAt !== null
          : pairing.mentorAcceptedAt !== null;
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
        Object.assign(changes, await this.openChannel(manager, loaded, actor.userId));
      }
      if (next === 'completed' || next === 'declined' || next === 'cancelled') {
        changes.endedAt = now;
        changes.endedBy = actor.userId;
        if (pairing.channelId) {
          await manager.update(ChannelEntity, { id: pairing.channelId }, { archivedAt: now });
        }
      }
      await manager.update(PairingEntity, { id: pairing.id }, changes);
      if (access.side === null && (action === 'complete' || action === 'cancel')) {
        await this.audit.record(manager, {
          networkId: pairing.networkId,
          actorId: actor.userId,
          action: action === 'complete' ? 'pairing.completed' : 'pairing.cancelled',
          subject: { type: 'pairing', id: pairing.id },
          details: { from: pairing.state, to: next },
        });
      }
      return { pairing, next };
    });
    const { pairing } = outcome;
    const involved = [pairing.mentorId, pairing.menteeId, pairing.proposedBy].filter(
      (id): id is string => id !== null,
    );
    const kind: NotificationKind =
      action === 'accept'
        ? 'pairing_accepted'
        : action === 'decline'
          ? 'pairing_declined'
          : action === 'cancel'
            ? 'pairing_cancelled'
            : 'pairing_completed';
    await this.publish({
      pairingId: pairing.id,
      kind,
      notify: action === 'complete' ? [pairing.mentorId, pairing.menteeId] : involved,
      actorId: actor.userId,
    });
    return this.get(actor, pairingId);
  }

  /** Must run under the pairing's lock, inside the activating transaction. */
  private async assertCapacity(manager: EntityManager, pairing: PairingEntity): Promise<void> {
    const profile = await this.repository.lockMentorProfile(
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
    { pairing }: LoadedPairing,
    actorId: string,
  ): Promise<Pick<PairingEntity, 'channelId' | 'threadId'>> {
    const mentor = await manager.findOneOrFail(UserEntity, {
      where: { id: pairing.mentorId },
      relations: { organisation: true },
    });
    const mentee = await manager.findOneOrFail(UserEntity, {
      where: { id: pairing.menteeId },
      relations: { organisation: true },
    });
    const name = pairingTitle(mentor.displayName, mentee.displayName);
    const channel = await manager.save(
      manager.create(ChannelEntity, {
        networkId: pairing.networkId,
        slug: `pairing-${pairing.id.replace(/-/g, '').slice(0, 24)}-${randomBytes(2).toString('hex')}`,
        name: name.slice(0, PAIRING_CHANNEL_NAME_MAX),
        description: '',
        topics: pairing.topics,
        visibility: 'private',
        createdBy: actorId,
      }),
    );
    await manager.insert(ChannelMemberEntity, [
      { channelId: channel.id, userId: pairing.mentorId, addedBy: actorId },
      { channelId: channel.id, userId: pairing.menteeId, addedBy: actorId },
    ]);
    const thread = await manager.save(
      manager.create(ThreadEntity, {
        channelId: channel.id,
        networkId: pairing.networkId,
        title: name,
        attribution: 'named',
        topics: pairing.topics,
        authorId: pairing.menteeId,
        authorLabel: attributionLabel(mentee.organisation),
        clientId: `pairing-${pairing.id}`,
        lastSeq: 0,
        messageCount: 0,
        lastActivityAt: new Date(),
      }),
    );
    return { channelId: channel.id, threadId: thread.id };
  }

  // ------------------------------------------------------------------------------- goals

  /**
   * The pairing, locked for the rest of the transaction, once the actor may change its goals or
   * sessions. Run inside the transaction that makes the change.
   */
  private async lockForWork(
    manager: EntityManager,
    actor: Actor,
    pairingId: string,
    what: 'goals' | 'sessions',
  ): Promise<PairingEntity> {
    const { pairing, access } = await this.repository.loadPairing(
      manager,
      actor.userId,
      pairingId,
      { lock: true },
    );
    enforce(editPairingWork(access, pairing.state, what));
    return pairing;
  }

  async addGoal(actor: Actor, pairingId: string, dto: AddGoalDto): Promise<PairingView> {
    await this.dataSource.transaction(async (manager) => {
      const pairing = await this.lockForWork(manager, actor, pairingId, 'goals');
      const existing = await manager.countBy(PairingGoalEntity, { pairingId: pairing.id });
      enforce(addGoals(existing, 1));
      await manager.insert(PairingGoalEntity, {
        pairingId: pairing.id,
        position: existing + 1,
        title: dto.title,
        createdBy: actor.userId,
      });
    });
    await this.publish({ pairingId, actorId: actor.userId });
    return this.get(actor, pairingId);
  }

  async updateGoal(
    actor: Actor,
    pairingId: string,
    goalId: string,
    dto: UpdateGoalDto,
  ): Promise<PairingView> {
    await this.dataSource.transaction(async (manager) => {
      const pairing = await this.lockForWork(manager, actor, pairingId, 'goals');
      if (typeof goalId !== 'string') throw notFound('Goal');
      const goal = await manager.findOneBy(PairingGoalEntity, {
        id: goalId,
        pairingId: pairing.id,
      });
      if (!goal) throw notFound('Goal');
      const changes: Partial<PairingGoalEntity> = {};
      if (dto.title !== undefined) changes.title = dto.title;
      if (dto.note !== undefined) changes.note = dto.note;
      if (dto.status !== undefined && dto.status !== goal.status) {
        changes.status = dto.status;
        changes.achievedAt = dto.status === 'achieved' ? new Date() : null;
      }
      if (Object.keys(changes).length > 0) {
        await manager.update(PairingGoalEntity, { id: goal.id, pairingId: pairing.id }, changes);
      }
    });
    await this.publish({ pairingId, actorId: actor.userId });
    return this.get(actor, pairingId);
  }

  // ---------------------------------------------------------------------------- sessions

  async createSession(
    actor: Actor,
    pairingId: string,
    dto: CreateSessionDto,
  ): Promise<PairingSessionView> {
    const session = await this.dataSource.transaction(async (manager) => {
      const pairing = await this.lockForWork(manager, actor, pairingId, 'sessions');
      const count = await manager.countBy(PairingSessionEntity, { pairingId: pairing.id });
      if (count >= PAIRING_SESSIONS_MAX) {
        throw conflict(`A pairing records at most ${PAIRING_SESSIONS_MAX} sessions`);
      }
      const participantIds = dto.participantIds ?? [pairing.mentorId, pairing.menteeId];
      assertParticipants(participantIds, pairing);
      return manager.save(
        manager.create(PairingSessionEntity, {
          pairingId: pairing.id,
          startsAt: new Date(dto.startsAt),
          durationMinutes: dto.durationMinutes,
          format: dto.format,
          location: dto.location ?? '',
          agenda: dto.agenda ?? '',
          notes: dto.notes ?? '',
          participantIds,
          otherParticipants: dto.otherParticipants ?? '',
          createdBy: actor.userId,
        }),
      );
    });
    const pairing = await this.dataSource.manager.findOneByOrFail(PairingEntity, { id: pairingId });
    await this.publish({
      pairingId,
      kind: 'pairing_session',
      notify: [pairing.mentorId, pairing.menteeId],
      actorId: actor.userId,
      excerpt: excerpt(session.agenda || session.location),
    });
    const saved = await this.dataSource.manager.findOneByOrFail(PairingSessionEntity, {
      id: session.id,
    });
    return toSessionView(saved);
  }

  async updateSession(
    actor: Actor,
    pairingId: string,
    sessionId: string,
    dto: UpdateSessionDto,
  ): Promise<PairingSessionView> {
    await this.dataSource.transaction(async (manager) => {
      const pairing = await this.lockForWork(manager, actor, pairingId, 'sessions');
      if (typeof sessionId !== 'string') throw notFound('Session');
      const session = await manager.findOneBy(PairingSessionEntity, {
        id: sessionId,
        pairingId: pairing.id,
      });
      if (!session) throw notFound('Session');
      const changes: Partial<PairingSessionEntity> = {};
      if (dto.startsAt !== undefined) changes.startsAt = new Date(dto.startsAt);
      if (dto.durationMinutes !== undefined) changes.durationMinutes = dto.durationMinutes;
      if (dto.format !== undefined) changes.format = dto.format;
      if (dto.location !== undefined) changes.location = dto.location;
      if (dto.agenda !== undefined) changes.agenda = dto.agenda;
      if (dto.notes !== undefined) changes.notes = dto.notes;
      if (dto.otherParticipants !== undefined) changes.otherParticipants = dto.otherParticipants;
      if (dto.participantIds !== undefined) {
        assertParticipants(dto.participantIds, pairing);
        changes.participantIds = dto.participantIds;
      }
      if (dto.cancelled !== undefined) {
        changes.cancelledAt = dto.cancelled ? (session.cancelledAt ?? new Date()) : null;
      }
      if (Object.keys(changes).length > 0) {
        changes.revision = session.revision + 1;
        await manager.update(
          PairingSessionEntity,
          { id: session.id, pairingId: pairing.id },
          changes,
        );
      }
    });
    await this.publish({ pairingId, actorId: actor.userId });
    const saved = await this.dataSource.manager.findOneByOrFail(PairingSessionEntity, {
      id: sessionId,
    });
    return toSessionView(saved);
  }

  /** Sessions by start, oldest first, a page at a time. */
  async listSessions(
    actor: Actor,
    pairingId: string,
    query: SessionListQuery,
  ): Promise<Page<PairingSessionView>> {
    const { pairing } = await this.repository.loadPairing(
      this.dataSource.manager,
      actor.userId,
      pairingId,
    );
    const limit = pageSize(query);
    const after = decodeCursor(query.cursor, 2);
    const builder = this.dataSource.manager
      .createQueryBuilder(PairingSessionEntity, 's')
      .where('s.pairing_id = :pairingId', { pairingId: pairing.id })
      .orderBy('s.starts_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .limit(limit + 1);
    if (after) {
      builder.andWhere('(s.starts_at, s.id) > (:at::timestamptz, :id::uuid)', {
        at: String(after[0]),
        id: String(after[1]),
      });
    }
    const rows = await builder.getMany();
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toSessionView),
      nextCursor:
        rows.length > limit && last ? encodeCursor([last.startsAt.toISOString(), last.id]) : null,
    };
  }

  /** Everything the calendar export needs, for a reader of the pairing. */
  async calendarData(actor: Actor, pairingId: string) {
    const { pairing } = await this.repository.loadPairing(
      this.dataSource.manager,
      actor.userId,
      pairingId,
    );
    const people = await this.repository.people(this.dataSource.manager, [
      { userId: pairing.mentorId },
      { userId: pairing.menteeId },
    ]);
    const sessions = await this.dataSource.manager.find(PairingSessionEntity, {
      where: { pairingId: pairing.id },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    return {
      pairing,
      title: pairingTitle(
        people.get(pairing.mentorId)?.display_name ?? '',
        people.get(pairing.menteeId)?.display_name ?? '',
      ),
      sessions,
    };
  }

  // --------------------------------------------------------------------- closing, follow-up

  async giveFeedback(actor: Actor, pairingId: string, dto: FeedbackDto): Promise<PairingView> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const { pairing, access } = await this.repository.loadPairing(
          manager,
          actor.userId,
          pairingId,
          { lock: true },
        );
        const given =
          access.side !== null &&
          (await manager.existsBy(PairingFeedbackEntity, {
            pairingId: pairing.id,
            side: access.side,
          }));
        enforce(giveFeedback(access, pairing.state, given));
        await manager.insert(PairingFeedbackEntity, {
          pairingId: pairing.id,
          side: access.side as PairingSide,
          userId: actor.userId,
          usefulness: dto.usefulness,
          programmeChanges: dto.programmeChanges,
          wouldRecommend: dto.wouldRecommend,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'pairing_feedback_pkey')) {
        throw conflict('You have already given feedback on this pairing');
      }
      throw error;
    }
    await this.publish({ pairingId, actorId: actor.userId });
    return this.get(actor, pairingId);
  }

  async answerFollowUp(
    actor: Actor,
    pairingId: string,
    dto: FollowUpAnswerDto,
    now = new Date(),
  ): Promise<PairingView> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const { pairing, access } = await this.repository.loadPairing(
          manager,
          actor.userId,
          pairingId,
          { lock: true },
        );
        const answered =
          access.side !== null &&
          (await manager.existsBy(PairingFollowUpEntity, {
            pairingId: pairing.id,
            side: access.side,
            milestone: dto.milestone,
          }));
        enforce(
          answerFollowUp(access, pairing.state, pairing.endedAt, dto.milestone, now, answered),
        );
        await manager.insert(PairingFollowUpEntity, {
          pairingId: pairing.id,
          side: access.side as PairingSide,
          milestone: dto.milestone,
          userId: actor.userId,
          lasting: dto.lasting,
          stillInContact: dto.stillInContact,
          usefulness: dto.usefulness,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'pairing_follow_ups_pkey')) {
        throw conflict('You have already answered this follow-up');
      }
      throw error;
    }
    return this.get(actor, pairingId);
  }

  // ---------------------------------------------------------------------------- overview

  async overview(actor: Actor, slug: string, now = new Date()): Promise<MentoringOverviewView> {
    const { network, standing } = await loadNetworkAccess(
      this.dataSource.manager,
      actor.userId,
      slug,
    );
    enforce(coordinateMentoring(standing));
    const totals = await this.repository.overviewTotals(network.id, now);
    return {
      networkId: network.id,
      pairingsByState: totals.byState,
      sessionsHeld: totals.sessions.n,
      hoursHeld: Math.round((totals.sessions.minutes / 60) * 10) / 10,
      goalsTotal: totals.goals.total,
      goalsAchieved: totals.goals.achieved,
      feedback: {
        responses: totals.feedback.n,
        averageUsefulness:
          totals.feedback.average === null ? null : Number(totals.feedback.average),
        wouldRecommend: totals.feedback.recommend,
      },
      followUps: { responses: totals.followUps.n, stillInContact: totals.followUps.contact },
      profiles: totals.profiles,
    };
  }

  /** One row per pairing with its counts, for the coordinators' CSV export. */
  async overviewRows(actor: Actor, slug: string, now = new Date()) {
    const { network, standing } = await loadNetworkAccess(
      this.dataSource.manager,
      actor.userId,
      slug,
    );
    enforce(coordinateMentoring(standing));
    const rows = await this.repository.pairingSummaries(network.id, { now });
    const people = await this.repository.people(
      this.dataSource.manager,
      uniqueIds(rows.flatMap((row) => [row.mentor_id, row.mentee_id])).map((userId) => ({
        userId,
      })),
    );
    return { network, rows, people };
  }

  // ---------------------------------------------------------------------------- internals

  /** The viewer's own view of a pairing. */
  private async view(
    manager: EntityManager,
    { pairing, network, access }: LoadedPairing,
    viewerId: string,
  ): Promise<PairingView> {
    const fixed = pairing.onBehalfOfOrganisations;
    const people = await this.repository.people(manager, [
      fixed
        ? { userId: pairing.mentorId, organisationId: pairing.mentorOrganisationId }
        : { userId: pairing.mentorId },
      fixed
        ? { userId: pairing.menteeId, organisationId: pairing.menteeOrganisationId }
        : { userId: pairing.menteeId },
    ]);
    const proposer = pairing.proposedBy
      ? await manager.findOneBy(UserEntity, { id: pairing.proposedBy })
      : null;
    // One query at a time: `manager` may be a transaction's, whose connection runs one.
    const goals = await manager.find(PairingGoalEntity, {
      where: { pairingId: pairing.id },
      order: { position: 'ASC' },
    });
    const sessions = await manager.find(PairingSessionEntity, {
      where: { pairingId: pairing.id },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    const feedback = await manager.find(PairingFeedbackEntity, {
      where: { pairingId: pairing.id },
    });
    const followUps = await manager.find(PairingFollowUpEntity, {
      where: { pairingId: pairing.id },
      order: { milestone: 'ASC', side: 'ASC' },
    });
    const readsChannel =
      pairing.channelId !== null &&
      access.standing !== null &&
      (await manager.existsBy(ChannelMemberEntity, {
        channelId: pairing.channelId,
        userId: viewerId,
      }));
    const acceptedAlready =
      access.side === 'mentor'
        ? pairing.mentorAcceptedAt !== null
        : access.side === 'mentee'
          ? pairing.menteeAcceptedAt !== null
          : false;
    const mentor = people.get(pairing.mentorId);
    const mentee = people.get(pairing.menteeId);
    if (!mentor || !mentee) throw notFound('Pairing');
    return {
      id: pairing.id,
      networkId: pairing.networkId,
      networkSlug: network.slug,
      state: pairing.state,
      mentor: toPersonView(mentor),
      mentee: toPersonView(mentee),
      onBehalfOfOrganisations: pairing.onBehalfOfOrganisations,
      topics: pairing.topics,
      proposedBy: proposer ? { userId: proposer.id, displayName: proposer.displayName } : null,
      mentorAcceptedAt: iso(pairing.mentorAcceptedAt),
      menteeAcceptedAt: iso(pairing.menteeAcceptedAt),
      activatedAt: iso(pairing.activatedAt),
      endedAt: iso(pairing.endedAt),
      goals: goals.map(toGoalView),
      sessions: sessions.map(toSessionView),
      feedback: feedback.map(toFeedbackView),
      followUps: followUps.map(toFollowUpView),
      channelId: readsChannel ? pairing.channelId : null,
      threadId: readsChannel ? pairing.threadId : null,
      mySide: access.side,
      myActions: actionsFor(access, pairing.state, acceptedAlready),
      createdAt: pairing.createdAt.toISOString(),
      updatedAt: pairing.updatedAt.toISOString(),
    };
  }

  /**
   * After a committed change: notifies the people concerned (never the actor) and sends each
   * person involved — the pair and the proposing coordinator, while they can still read the
   * pairing — their own view of it over `pairing:updated`. A failure here is logged, not
   * thrown: the change is saved, and answering with an error would make the client retry it.
   */
  private async publish(publication: Publication): Promise<void> {
    try {
      const manager = this.dataSource.manager;
      const pairing = await manager.findOneByOrFail(PairingEntity, { id: publication.pairingId });
      const network = await manager.findOneByOrFail(NetworkEntity, { id: pairing.networkId });
      const involved = uniqueIds(
        [pairing.mentorId, pairing.menteeId, pairing.proposedBy].filter(
          (id): id is string => id !== null,
        ),
      );
      const deliveries: PairingUpdatedEvent['deliveries'] = [];
      const readers = new Set<string>();
      for (const userId of involved) {
        const standing = await this.repository.standing(manager, pairing.networkId, userId);
        const access = { standing, side: sideOf(pairing, userId) };
        if (standing === null || (access.side === null && !isCoordinator(standing))) continue;
        readers.add(userId);
        deliveries.push({
          userId,
          pairing: await this.view(manager, { pairing, network, access }, userId),
        });
      }
      const event: PairingUpdatedEvent = { deliveries };
      this.events.committed(EVENTS.pairingUpdated, event);
      if (publication.kind) {
        const recipients = (publication.notify ?? []).filter(
          (id) => id !== publication.actorId && readers.has(id),
        );
        const mentor = deliveries[0]?.pairing.mentor.displayName ?? '';
        const mentee = deliveries[0]?.pairing.mentee.displayName ?? '';
        const actor = publication.actorId
          ? await manager.findOneBy(UserEntity, { id: publication.actorId })
          : null;
        await this.notifications.notify({
          userIds: recipients,
          kind: publication.kind,
          networkId: pairing.networkId,
          subject: { type: 'pairing', id: pairing.id, title: pairingTitle(mentor, mentee) },
          actor: actor
            ? {
                kind: 'named',
                userId: actor.id,
                displayName: actor.displayName,
                handle: actor.handle,
                organisationLabel: null,
              }
            : null,
          excerpt: publication.excerpt ?? '',
        });
      }
    } catch (error) {
      this.logger.error(
        `Publishing a pairing change failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

/** "Mentor & Mentee", the pairing's name in notifications, its channel and calendar. */
export function pairingTitle(mentor: string, mentee: string): string {
  return `${mentor} & ${mentee}`;
}

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

function uniqueIds(ids: string[]): string[] {
  return [...new Set(ids)];
}

function assertParticipants(ids: string[], pairing: PairingEntity): void {
  const pair = [pairing.mentorId, pairing.menteeId];
  if (ids.some((id) => !pair.includes(id))) {
    throw badRequest('Invalid request: participantIds', [
      {
        field: 'participantIds',
        problems: [
          'participants must be the mentor or the mentee; name others in otherParticipants',
        ],
      },
    ]);
  }
}

function candidateFacts(row: CandidateRow): MentorCandidate {
  return {
    userId: row.user_id,
    organisationId: row.organisation_id,
    country: row.organisation_country,
    level: row.organisation_level,
    sector: row.organisation_sector,
    topics: row.topics,
    languages: row.languages,
    mode: row.mode,
    available: row.available,
    capacity: row.capacity,
    activePairings: row.active_count,
    alreadyPaired: row.already_paired,
  };
}

function candidateToProfileView(networkId: string, row: CandidateRow): MentoringProfileView {
  return {
    networkId,
    person: toPersonView(row),
    mode: row.mode,
    topics: row.topics,
    languages: row.languages,
    capacity: row.capacity,
    activePairings: row.active_count,
    about: row.about,
    available: row.available,
    availabilityNote: row.availability_note,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function toSummaryView(row: PairingSummaryRow, people: Map<string, PersonRow>): PairingSummaryView {
  const mentor = people.get(row.mentor_id);
  const mentee = people.get(row.mentee_id);
  return {
    id: row.id,
    state: row.state,
    mentor: mentor ? toPersonView(mentor) : formerMember(row.mentor_id),
    mentee: mentee ? toPersonView(mentee) : formerMember(row.mentee_id),
    topics: row.topics,
    goalsTotal: row.goals_total,
    goalsAchieved: row.goals_achieved,
    sessionsHeld: row.sessions_held,
    activatedAt: iso(row.activated_at),
    endedAt: iso(row.ended_at),
    createdAt: row.created_at.toISOString(),
  };
}

function formerMember(userId: string) {
  return { userId, displayName: 'Former member', handle: '', organisation: null };
}

function joinFirst(): DomainError {
  return new DomainError('forbidden', 'Join the network to take part in its mentoring');
}
