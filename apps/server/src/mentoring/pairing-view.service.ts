import { Injectable } from '@nestjs/common';
import { actionsFor, notFound, type PairingView } from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../platform/http/actor';
import { hasAccepted } from './mentoring-access';
import { LoadedPairing, MentoringRepository } from './mentoring.repository';
import {
  isoOrNull,
  toFeedbackView,
  toFollowUpView,
  toGoalView,
  toPersonView,
  toSessionView,
} from './mentoring-views';

/** A pairing as one viewer sees it: what every pairing route answers, and `pairing:updated`. */
@Injectable()
export class PairingViewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MentoringRepository,
  ) {}

  async get(actor: Actor, pairingId: string): Promise<PairingView> {
    const loaded = await this.repository.loadPairing(
      this.dataSource.manager,
      actor.userId,
      pairingId,
    );
    return this.view(this.dataSource.manager, loaded, actor.userId);
  }

  /** The viewer's own view of a pairing they may read (`access` is theirs). */
  async view(
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
    // One query at a time: `manager` may be a transaction's, whose connection runs one.
    const proposer = pairing.proposedBy
      ? await this.repository.userBrief(manager, pairing.proposedBy)
      : null;
    const { goals, sessions, feedback, followUps } = await this.repository.records(
      manager,
      pairing.id,
    );
    const readsChannel =
      pairing.channelId !== null &&
      access.standing !== null &&
      (await this.repository.isOnChannel(manager, pairing.channelId, viewerId));
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
      mentorAcceptedAt: isoOrNull(pairing.mentorAcceptedAt),
      menteeAcceptedAt: isoOrNull(pairing.menteeAcceptedAt),
      activatedAt: isoOrNull(pairing.activatedAt),
      endedAt: isoOrNull(pairing.endedAt),
      goals: goals.map(toGoalView),
      sessions: sessions.map(toSessionView),
      feedback: feedback.map(toFeedbackView),
      followUps: followUps.map(toFollowUpView),
      channelId: readsChannel ? pairing.channelId : null,
      threadId: readsChannel ? pairing.threadId : null,
      mySide: access.side,
      myActions: actionsFor(access, pairing.state, hasAccepted(pairing, access.side)),
      createdAt: pairing.createdAt.toISOString(),
      updatedAt: pairing.updatedAt.toISOString(),
    };
  }
}
