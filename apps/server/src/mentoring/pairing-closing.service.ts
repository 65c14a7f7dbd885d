import { Injectable } from '@nestjs/common';
import {
  answerFollowUp,
  conflict,
  dueFollowUp,
  enforce,
  giveFeedback,
  type Decision,
  type PairingAccess,
  type PairingSide,
  type PairingView,
} from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../platform/http/actor';
import { isUniqueViolation } from '../platform/database/sql';
import { NotificationsService } from '../notifications/notifications.service';
import type { FeedbackDto, FollowUpAnswerDto } from './dto/mentoring.dto';
import type { PairingEntity } from './mentoring.entities';
import { MentoringRepository } from './mentoring.repository';
import { pairingTitle } from './mentoring-views';
import { PairingClosingRepository } from './pairing-closing.repository';
import { PairingPublisher } from './pairing-publisher.service';
import { PairingViewService } from './pairing-view.service';
import { enforceNotSuspended } from '../networks/network-access';

/** One side's answer about a pairing, given at most once per side (and milestone). */
interface OnceAnswer {
  answeredAlready(
    manager: EntityManager,
    pairing: PairingEntity,
    side: PairingSide,
  ): Promise<boolean>;
  /** The policy's decision, given whether this side has answered already. */
  decide(access: PairingAccess, pairing: PairingEntity, answeredAlready: boolean): Decision;
  insert(manager: EntityManager, pairing: PairingEntity, side: PairingSide): Promise<void>;
  /** The key that refuses a second answer which raced past the check. */
  uniqueKey: string;
  duplicate: string;
}

/** How a pairing ends well: feedback at completion, follow-ups six and twelve months later. */
@Injectable()
export class PairingClosingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MentoringRepository,
    private readonly closing: PairingClosingRepository,
    private readonly views: PairingViewService,
    private readonly publisher: PairingPublisher,
    private readonly notifications: NotificationsService,
  ) {}

  async giveFeedback(actor: Actor, pairingId: string, dto: FeedbackDto): Promise<PairingView> {
    await this.answerOnce(actor, pairingId, {
      answeredAlready: (manager, pairing, side) =>
        this.closing.feedbackGiven(manager, pairing.id, side),
      decide: (access, pairing, given) => giveFeedback(access, pairing.state, given),
      insert: (manager, pairing, side) =>
        this.closing.insertFeedback(manager, {
          pairingId: pairing.id,
          side,
          userId: actor.userId,
          usefulness: dto.usefulness,
          programmeChanges: dto.programmeChanges,
          wouldRecommend: dto.wouldRecommend,
        }),
      uniqueKey: 'pairing_feedback_pkey',
      duplicate: 'You have already given feedback on this pairing',
    });
    await this.publisher.publish({ pairingId, actorId: actor.userId });
    return this.views.get(actor, pairingId);
  }

  async answerFollowUp(
    actor: Actor,
    pairingId: string,
    dto: FollowUpAnswerDto,
    now = new Date(),
  ): Promise<PairingView> {
    await this.answerOnce(actor, pairingId, {
      answeredAlready: (manager, pairing, side) =>
        this.closing.followUpAnswered(manager, pairing.id, side, dto.milestone),
      decide: (access, pairing, answered) =>
        answerFollowUp(access, pairing.state, pairing.endedAt, dto.milestone, now, answered),
      insert: (manager, pairing, side) =>
        this.closing.insertFollowUp(manager, {
          pairingId: pairing.id,
          side,
          milestone: dto.milestone,
          userId: actor.userId,
          lasting: dto.lasting,
          stillInContact: dto.stillInContact,
          usefulness: dto.usefulness,
        }),
      uniqueKey: 'pairing_follow_ups_pkey',
      duplicate: 'You have already answered this follow-up',
    });
    return this.views.get(actor, pairingId);
  }

  /**
   * Six and twelve months after a pairing is completed, asks each side still in the network
   * what lasted (`pairing_follow_up`). Safe to run often and on several processes at once: the
   * notification's dedupe key `follow-up:<pairing>:<months>` (unique per recipient and kind)
   * sends each reminder once. Returns how many notifications were created.
   */
  async remindDueFollowUps(now: Date): Promise<{ notified: number }> {
    const rows = await this.closing.followUpCandidates(now);
    let notified = 0;
    for (const row of rows) {
      const milestone = dueFollowUp(new Date(row.ended_at), now);
      if (milestone === null) continue;
      // Only those still in the network can read the pairing, so only they are asked.
      const members = await this.closing.stillMembers(row.network_id, [
        row.mentor_id,
        row.mentee_id,
      ]);
      const created = await this.notifications.notify({
        userIds: members,
        kind: 'pairing_follow_up',
        networkId: row.network_id,
        subject: {
          type: 'pairing',
          id: row.id,
          title: pairingTitle(row.mentor_name, row.mentee_name),
        },
        actor: null,
        excerpt: '',
        dedupeKey: `follow-up:${row.id}:${milestone}`,
      });
      notified += created.length;
    }
    return { notified };
  }

  /**
   * Records the actor's side's answer under the pairing's lock, once the policy allows it; an
   * answer that races past the check meets the table's key and gets the same conflict.
   */
  private async answerOnce(actor: Actor, pairingId: string, answer: OnceAnswer): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const { pairing, access } = await this.repository.loadPairing(
          manager,
          actor.userId,
          pairingId,
          { lock: true },
        );
        const answered =
          access.side !== null && (await answer.answeredAlready(manager, pairing, access.side));
        enforce(answer.decide(access, pairing, answered));
        await enforceNotSuspended(manager, pairing.networkId, actor.userId);
        // The policy lets only the pair answer, so the actor has a side here.
        await answer.insert(manager, pairing, access.side as PairingSide);
      });
    } catch (error) {
      if (isUniqueViolation(error, answer.uniqueKey)) throw conflict(answer.duplicate);
      throw error;
    }
  }
}
