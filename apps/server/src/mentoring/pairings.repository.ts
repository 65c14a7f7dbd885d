import { Injectable } from '@nestjs/common';
import type { PairingState, PairingSummaryView, Topic } from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
import { MembershipEntity } from '../networks/membership.entity';
import { UserEntity } from '../users/user.entity';
import { PairingEntity, PairingGoalEntity } from './mentoring.entities';
import { formerMember, isoOrNull, toPersonView, type PersonRow } from './mentoring-views';

export interface PairingSummaryRow {
  id: string;
  state: PairingState;
  topics: Topic[];
  mentor_id: string;
  mentee_id: string;
  goals_total: number;
  goals_achieved: number;
  sessions_held: number;
  minutes_held: number;
  activated_at: Date | null;
  ended_at: Date | null;
  created_at: Date;
  created_key: string;
  mentor_usefulness: number | null;
  mentee_usefulness: number | null;
  mentor_recommends: boolean | null;
  mentee_recommends: boolean | null;
}

/** Sessions that took place: not cancelled, begun before `now`. */
export const HELD = (now: string) => `s.cancelled_at IS NULL AND s.starts_at <= ${now}`;

/** Pairings themselves: proposing, changing state, listing with their counts. */
@Injectable()
export class PairingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  isMember(manager: EntityManager, networkId: string, userId: string): Promise<boolean> {
    return manager.existsBy(MembershipEntity, { networkId, userId });
  }

  /** The organisation the user belongs to now, or null. The user must exist. */
  async organisationOf(manager: EntityManager, userId: string): Promise<string | null> {
    const user = await manager.findOneByOrFail(UserEntity, { id: userId });
    return user.organisationId;
  }

  /** Inserts the pairing and its first goals, numbered from 1. Run inside the proposing transaction. */
  async insert(
    manager: EntityManager,
    values: Omit<
      PairingEntity,
      | 'id'
      | 'activatedAt'
      | 'endedAt'
      | 'endedBy'
      | 'channelId'
      | 'threadId'
      | 'createdAt'
      | 'updatedAt'
    >,
    goals: string[],
  ): Promise<string> {
    const pairing = await manager.save(manager.create(PairingEntity, values));
    for (const [index, title] of goals.entries()) {
      await manager.insert(PairingGoalEntity, {
        pairingId: pairing.id,
        position: index + 1,
        title,
        createdBy: values.proposedBy,
      });
    }
    return pairing.id;
  }

  async update(
    manager: EntityManager,
    pairingId: string,
    changes: Partial<PairingEntity>,
  ): Promise<void> {
    await manager.update(PairingEntity, { id: pairingId }, changes);
  }

  /**
   * Pairings of a network with their counts, newest first. `onlyFor` narrows to one person's
   * own pairings (a member's list); coordinators see all.
   */
  async summaries(
    networkId: string,
    options: {
      onlyFor?: string;
      state?: PairingState;
      after?: (string | number)[] | null;
      limit?: number;
      now: Date;
    },
  ): Promise<PairingSummaryRow[]> {
    const params: unknown[] = [networkId, options.now.toISOString()];
    const where = ['p.network_id = $1'];
    if (options.onlyFor !== undefined) {
      params.push(options.onlyFor);
      where.push(`(p.mentor_id = $${params.length} OR p.mentee_id = $${params.length})`);
    }
    if (options.state) {
      params.push(options.state);
      where.push(`p.state = $${params.length}`);
    }
    if (options.after) {
      params.push(String(options.after[0]), String(options.after[1]));
      where.push(
        `(p.created_at, p.id) < (($${params.length - 1}::timestamp AT TIME ZONE 'UTC'), $${params.length}::uuid)`,
      );
    }
    let limit = '';
    if (options.limit !== undefined) {
      params.push(options.limit + 1);
      limit = `LIMIT $${params.length}`;
    }
    return this.dataSource.query(
      `SELECT p.id, p.state, p.topics, p.mentor_id, p.mentee_id, p.activated_at, p.ended_at, p.created_at,
              (p.created_at AT TIME ZONE 'UTC')::text AS created_key,
              (SELECT count(*)::int FROM pairing_goals g WHERE g.pairing_id = p.id) AS goals_total,
              (SELECT count(*)::int FROM pairing_goals g WHERE g.pairing_id = p.id AND g.status = 'achieved') AS goals_achieved,
              (SELECT count(*)::int FROM pairing_sessions s WHERE s.pairing_id = p.id AND ${HELD('$2::timestamptz')}) AS sessions_held,
              (SELECT coalesce(sum(s.duration_minutes), 0)::int FROM pairing_sessions s WHERE s.pairing_id = p.id AND ${HELD('$2::timestamptz')}) AS minutes_held,
              (SELECT f.usefulness FROM pairing_feedback f WHERE f.pairing_id = p.id AND f.side = 'mentor') AS mentor_usefulness,
              (SELECT f.usefulness FROM pairing_feedback f WHERE f.pairing_id = p.id AND f.side = 'mentee') AS mentee_usefulness,
              (SELECT f.would_recommend FROM pairing_feedback f WHERE f.pairing_id = p.id AND f.side = 'mentor') AS mentor_recommends,
              (SELECT f.would_recommend FROM pairing_feedback f WHERE f.pairing_id = p.id AND f.side = 'mentee') AS mentee_recommends
         FROM pairings p
        WHERE ${where.join(' AND ')}
        ORDER BY p.created_at DESC, p.id DESC
        ${limit}`,
      params,
    );
  }
}

export function toSummaryView(
  row: PairingSummaryRow,
  people: Map<string, PersonRow>,
): PairingSummaryView {
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
    activatedAt: isoOrNull(row.activated_at),
    endedAt: isoOrNull(row.ended_at),
    createdAt: row.created_at.toISOString(),
  };
}
