import { Injectable } from '@nestjs/common';
import { notFound, readPairing, enforce, type PairingAccess, type Standing } from '@tandem/domain';
import { EntityManager } from 'typeorm';
import { ChannelMemberEntity } from '../channels/channel.entity';
import { loadStanding } from '../networks/network-access';
import { NetworkEntity } from '../networks/network.entity';
import { UserEntity } from '../users/user.entity';
import { sideOf } from './mentoring-access';
import {
  PairingEntity,
  PairingFeedbackEntity,
  PairingFollowUpEntity,
  PairingGoalEntity,
  PairingSessionEntity,
} from './mentoring.entities';
import type { PersonRow } from './mentoring-views';

export interface LoadedPairing {
  pairing: PairingEntity;
  network: NetworkEntity;
  access: PairingAccess;
}

/** Everything recorded under a pairing, in the order its view lists them. */
export interface PairingRecords {
  goals: PairingGoalEntity[];
  sessions: PairingSessionEntity[];
  feedback: PairingFeedbackEntity[];
  followUps: PairingFollowUpEntity[];
}

/** A person as the pairing views and notifications name them. */
export interface UserBrief {
  id: string;
  displayName: string;
  handle: string;
}

export const PERSON_COLUMNS = `u.id AS user_id, u.display_name, u.handle,
  o.id AS organisation_id, o.name AS organisation_name, o.sector AS organisation_sector,
  o.level AS organisation_level, o.country AS organisation_country, o.city AS organisation_city`;

/**
 * The mentoring lookups every role needs: a pairing with the viewer's access, the people in it,
 * what is recorded under it. Every id is checked to be a string before it reaches a query:
 * TypeORM drops undefined where-keys, which would widen a query.
 */
@Injectable()
export class MentoringRepository {
  /**
   * A pairing with the viewer's access to it; a pairing the viewer may not read answers exactly
   * like a missing one. With `lock`, the pairing row is held FOR UPDATE until the surrounding
   * transaction ends (call it inside one): every state change, goal and session write takes it,
   * so two acceptances or two goal additions of one pairing run one after the other.
   */
  async loadPairing(
    manager: EntityManager,
    userId: string,
    pairingId: string,
    options: { lock?: boolean } = {},
  ): Promise<LoadedPairing> {
    if (typeof pairingId !== 'string' || typeof userId !== 'string') throw notFound('Pairing');
    const pairing = await manager.findOne(PairingEntity, {
      where: { id: pairingId },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!pairing) throw notFound('Pairing');
    const network = await manager.findOneByOrFail(NetworkEntity, { id: pairing.networkId });
    const standing = await loadStanding(manager, pairing.networkId, userId);
    const access: PairingAccess = { standing, side: sideOf(pairing, userId) };
    enforce(readPairing(access));
    return { pairing, network, access };
  }

  /** A pairing and its network, whoever asks: for work after a change that has committed. */
  async pairingWithNetwork(
    manager: EntityManager,
    pairingId: string,
  ): Promise<{ pairing: PairingEntity; network: NetworkEntity }> {
    const pairing = await manager.findOneByOrFail(PairingEntity, { id: pairingId });
    const network = await manager.findOneByOrFail(NetworkEntity, { id: pairing.networkId });
    return { pairing, network };
  }

  /**
   * People with the organisation to show beside them: their current one, or for pairings made
   * on behalf of organisations the one recorded then (`organisationId` given, possibly null).
   */
  async people(
    manager: EntityManager,
    entries: { userId: string; organisationId?: string | null }[],
  ): Promise<Map<string, PersonRow>> {
    if (entries.length === 0) return new Map();
    const rows: PersonRow[] = await manager.query(
      `SELECT ${PERSON_COLUMNS}
         FROM unnest($1::uuid[], $2::uuid[], $3::boolean[]) AS x(user_id, organisation_id, fixed)
         JOIN users u ON u.id = x.user_id
         LEFT JOIN organisations o ON o.id = CASE WHEN x.fixed THEN x.organisation_id ELSE u.organisation_id END`,
      [
        entries.map((e) => e.userId),
        entries.map((e) => e.organisationId ?? null),
        entries.map((e) => e.organisationId !== undefined),
      ],
    );
    return new Map(rows.map((row) => [row.user_id, row]));
  }

  /** People by id, each with their current organisation; ids may repeat. */
  peopleByIds(manager: EntityManager, userIds: string[]): Promise<Map<string, PersonRow>> {
    return this.people(
      manager,
      [...new Set(userIds)].map((userId) => ({ userId })),
    );
  }

  async userBrief(manager: EntityManager, userId: string): Promise<UserBrief | null> {
    const user = await manager.findOneBy(UserEntity, { id: userId });
    return user ? { id: user.id, displayName: user.displayName, handle: user.handle } : null;
  }

  /** Pairings in which the user mentors and which are active now, in one network. */
  async activeMentorships(
    manager: EntityManager,
    networkId: string,
    userId: string,
  ): Promise<number> {
    const rows: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM pairings WHERE network_id = $1 AND mentor_id = $2 AND state = 'active'`,
      [networkId, userId],
    );
    return rows[0].n;
  }

  /**
   * Goals by position, sessions by start, feedback, follow-ups by milestone. One query at a
   * time: `manager` may be a transaction's, whose connection runs one.
   */
  async records(manager: EntityManager, pairingId: string): Promise<PairingRecords> {
    const goals = await manager.find(PairingGoalEntity, {
      where: { pairingId },
      order: { position: 'ASC' },
    });
    const sessions = await this.sessions(manager, pairingId);
    const feedback = await manager.find(PairingFeedbackEntity, { where: { pairingId } });
    const followUps = await manager.find(PairingFollowUpEntity, {
      where: { pairingId },
      order: { milestone: 'ASC', side: 'ASC' },
    });
    return { goals, sessions, feedback, followUps };
  }

  /** A pairing's sessions, oldest first. */
  sessions(manager: EntityManager, pairingId: string): Promise<PairingSessionEntity[]> {
    return manager.find(PairingSessionEntity, {
      where: { pairingId },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
  }

  /** Whether the user is on the (pairing) channel's list. */
  isOnChannel(manager: EntityManager, channelId: string, userId: string): Promise<boolean> {
    return manager.existsBy(ChannelMemberEntity, { channelId, userId });
  }

  /** The viewer's standing, for the services that start from a network id. */
  standing(manager: EntityManager, networkId: string, userId: string): Promise<Standing> {
    return loadStanding(manager, networkId, userId);
  }
}
