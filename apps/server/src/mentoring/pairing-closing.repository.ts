import { Injectable } from '@nestjs/common';
import { FOLLOW_UP_WINDOW_MONTHS, type FollowUpMilestone, type PairingSide } from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
import { PairingFeedbackEntity, PairingFollowUpEntity } from './mentoring.entities';

/** A completed pairing that may have a follow-up due, with the names for its title. */
export interface FollowUpCandidateRow {
  id: string;
  network_id: string;
  mentor_id: string;
  mentee_id: string;
  ended_at: Date;
  mentor_name: string;
  mentee_name: string;
}

/** What the pair say when a pairing ends (feedback) and months later (follow-ups). */
@Injectable()
export class PairingClosingRepository {
  constructor(private readonly dataSource: DataSource) {}

  feedbackGiven(manager: EntityManager, pairingId: string, side: PairingSide): Promise<boolean> {
    return manager.existsBy(PairingFeedbackEntity, { pairingId, side });
  }

  async insertFeedback(
    manager: EntityManager,
    feedback: Omit<PairingFeedbackEntity, 'createdAt'>,
  ): Promise<void> {
    await manager.insert(PairingFeedbackEntity, feedback);
  }

  followUpAnswered(
    manager: EntityManager,
    pairingId: string,
    side: PairingSide,
    milestone: FollowUpMilestone,
  ): Promise<boolean> {
    return manager.existsBy(PairingFollowUpEntity, { pairingId, side, milestone });
  }

  async insertFollowUp(
    manager: EntityManager,
    answer: Omit<PairingFollowUpEntity, 'createdAt'>,
  ): Promise<void> {
    await manager.insert(PairingFollowUpEntity, answer);
  }

  /**
   * Completed pairings whose follow-up may be due at `now`: a coarse filter with a month of
   * slack on both sides; `dueFollowUp` decides exactly.
   */
  followUpCandidates(now: Date): Promise<FollowUpCandidateRow[]> {
    return this.dataSource.query(
      `SELECT p.id, p.network_id, p.mentor_id, p.mentee_id, p.ended_at,
              mu.display_name AS mentor_name, me.display_name AS mentee_name
         FROM pairings p
         JOIN users mu ON mu.id = p.mentor_id
         JOIN users me ON me.id = p.mentee_id
        WHERE p.state = 'completed'
          AND p.ended_at <= $1::timestamptz - interval '5 months'
          AND p.ended_at > $1::timestamptz - make_interval(months => $2)`,
      [now.toISOString(), 12 + FOLLOW_UP_WINDOW_MONTHS + 1],
    );
  }

  /** Those of `userIds` who are still members of the network. */
  async stillMembers(networkId: string, userIds: string[]): Promise<string[]> {
    const rows: { user_id: string }[] = await this.dataSource.query(
      `SELECT user_id FROM network_memberships WHERE network_id = $1 AND user_id = ANY($2::uuid[])`,
      [networkId, userIds],
    );
    return rows.map((row) => row.user_id);
  }
}
