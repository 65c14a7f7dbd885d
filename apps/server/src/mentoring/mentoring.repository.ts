import { Injectable } from '@nestjs/common';
import {
  notFound,
  PAIRING_STATES,
  readPairing,
  enforce,
  type MentoringMode,
  type PairingAccess,
  type PairingSide,
  type PairingState,
  type Standing,
  type Topic,
} from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
import { loadStanding } from '../networks/network-access';
import { NetworkEntity } from '../networks/network.entity';
import { MentoringProfileEntity, PairingEntity } from './mentoring.entities';
import type { PersonRow } from './mentoring-views';

export interface LoadedPairing {
  pairing: PairingEntity;
  network: NetworkEntity;
  access: PairingAccess;
}

export interface CandidateRow extends PersonRow {
  mode: MentoringMode;
  topics: Topic[];
  languages: string[];
  capacity: number;
  available: boolean;
  about: string;
  availability_note: string;
  updated_at: Date;
  active_count: number;
  already_paired: boolean;
}

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

const PERSON_COLUMNS = `u.id AS user_id, u.display_name, u.handle,
  o.id AS organisation_id, o.name AS organisation_name, o.sector AS organisation_sector,
  o.level AS organisation_level, o.country AS organisation_country, o.city AS organisation_city`;

/** Sessions that took place: not cancelled, begun before `now`. */
const HELD = (now: string) => `s.cancelled_at IS NULL AND s.starts_at <= ${now}`;

/**
 * The mentoring queries that are more than a lookup by key. Every id is checked to be a string
 * before it reaches a query: TypeORM drops undefined where-keys, which would widen a query.
 */
@Injectable()
export class MentoringRepository {
  constructor(private readonly dataSource: DataSource) {}

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
   * Locks the mentor's profile row (FOR UPDATE) and returns it: call inside the transaction that
   * activates a pairing, before counting the mentor's active pairings, so two acceptances for
   * one mentor count one after the other and cannot both take the last place.
   */
  async lockMentorProfile(
    manager: EntityManager,
    networkId: string,
    userId: string,
  ): Promise<MentoringProfileEntity | null> {
    return manager.findOne(MentoringProfileEntity, {
      where: { networkId, userId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async profileWithPerson(
    manager: EntityManager,
    networkId: string,
    userId: string,
  ): Promise<{ profile: MentoringProfileEntity; person: PersonRow; active: number } | null> {
    if (typeof networkId !== 'string' || typeof userId !== 'string') return null;
    const profile = await manager.findOneBy(MentoringProfileEntity, { networkId, userId });
    if (!profile) return null;
    const person = (await this.people(manager, [{ userId }])).get(userId);
    if (!person) return null;
    return { profile, person, active: await this.activeMentorships(manager, networkId, userId) };
  }

  /** Everyone in the network who offers mentoring, with what scoring needs, except the mentee. */
  async mentorCandidates(networkId: string, menteeId: string): Promise<CandidateRow[]> {
    return this.dataSource.query(
      `SELECT ${PERSON_COLUMNS}, p.mode, p.topics, p.languages, p.capacity, p.available, p.about,
              p.availability_note, p.updated_at,
              (SELECT count(*)::int FROM pairings a
                WHERE a.network_id = p.network_id AND a.mentor_id = p.user_id AND a.state = 'active') AS active_count,
              EXISTS (SELECT 1 FROM pairings b
                WHERE b.network_id = p.network_id AND b.mentor_id = p.user_id AND b.mentee_id = $2
                  AND b.state IN ('proposed','active')) AS already_paired
         FROM mentoring_profiles p
         JOIN users u ON u.id = p.user_id
         LEFT JOIN organisations o ON o.id = u.organisation_id
        WHERE p.network_id = $1 AND p.user_id <> $2 AND p.mode IN ('offering','both')`,
      [networkId, menteeId],
    );
  }

  /** Profiles of a network, by name then id, a page at a time. */
  async profilePage(
    networkId: string,
    mode: MentoringMode | undefined,
    after: (string | number)[] | null,
    limit: number,
  ): Promise<CandidateRow[]> {
    const params: unknown[] = [networkId, limit + 1];
    const where = ['p.network_id = $1'];
    if (mode) {
      params.push(
        mode === 'seeking'
          ? ['seeking', 'both']
          : mode === 'offering'
            ? ['offering', 'both']
            : ['both'],
      );
      where.push(`p.mode = ANY($${params.length}::text[])`);
    }
    if (after) {
      params.push(String(after[0]), String(after[1]));
      where.push(
        `(lower(u.display_name), u.id) > ($${params.length - 1}::text, $${params.length}::uuid)`,
      );
    }
    return this.dataSource.query(
      `SELECT ${PERSON_COLUMNS}, p.mode, p.topics, p.languages, p.capacity, p.available, p.about,
              p.availability_note, p.updated_at, p.network_id,
              (SELECT count(*)::int FROM pairings a
                WHERE a.network_id = p.network_id AND a.mentor_id = p.user_id AND a.state = 'active') AS active_count,
              false AS already_paired
         FROM mentoring_profiles p
         JOIN users u ON u.id = p.user_id
         LEFT JOIN organisations o ON o.id = u.organisation_id
        WHERE ${where.join(' AND ')}
        ORDER BY lower(u.display_name), u.id
        LIMIT $2`,
      params,
    );
  }

  /**
   * Pairings of a network with their counts, newest first. `onlyFor` narrows to one person's
   * own pairings (a member's list); coordinators see all.
   */
  async pairingSummaries(
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

  async overviewTotals(networkId: string, now: Date) {
    const [states, sessions, goals, feedback, followUps, profiles] = await Promise.all([
      this.dataSource.query<{ state: PairingState; n: number }[]>(
        `SELECT state, count(*)::int AS n FROM pairings WHERE network_id = $1 GROUP BY state`,
        [networkId],
      ),
      this.dataSource.query<{ n: number; minutes: number }[]>(
        `SELECT count(*)::int AS n, coalesce(sum(s.duration_minutes), 0)::int AS minutes
           FROM pairing_sessions s JOIN pairings p ON p.id = s.pairing_id
          WHERE p.network_id = $1 AND ${HELD('$2::timestamptz')}`,
        [networkId, now.toISOString()],
      ),
      this.dataSource.query<{ total: number; achieved: number }[]>(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE g.status = 'achieved')::int AS achieved
           FROM pairing_goals g JOIN pairings p ON p.id = g.pairing_id WHERE p.network_id = $1`,
        [networkId],
      ),
      this.dataSource.query<{ n: number; average: string | null; recommend: number }[]>(
        `SELECT count(*)::int AS n, avg(f.usefulness)::numeric(4,2)::text AS average,
                count(*) FILTER (WHERE f.would_recommend)::int AS recommend
           FROM pairing_feedback f JOIN pairings p ON p.id = f.pairing_id WHERE p.network_id = $1`,
        [networkId],
      ),
      this.dataSource.query<{ n: number; contact: number }[]>(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE f.still_in_contact)::int AS contact
           FROM pairing_follow_ups f JOIN pairings p ON p.id = f.pairing_id WHERE p.network_id = $1`,
        [networkId],
      ),
      this.dataSource.query<{ offering: number; seeking: number }[]>(
        `SELECT count(*) FILTER (WHERE mode IN ('offering','both'))::int AS offering,
                count(*) FILTER (WHERE mode IN ('seeking','both'))::int AS seeking
           FROM mentoring_profiles WHERE network_id = $1`,
        [networkId],
      ),
    ]);
    const byState = Object.fromEntries(PAIRING_STATES.map((state) => [state, 0])) as Record<
      PairingState,
      number
    >;
    for (const row of states) byState[row.state] = row.n;
    return {
      byState,
      sessions: sessions[0],
      goals: goals[0],
      feedback: feedback[0],
      followUps: followUps[0],
      profiles: profiles[0],
    };
  }

  /** The viewer's standing, for the services that start from a network id. */
  standing(manager: EntityManager, networkId: string, userId: string): Promise<Standing> {
    return loadStanding(manager, networkId, userId);
  }
}

export function sideOf(
  pairing: { mentorId: string; menteeId: string },
  userId: string,
): PairingSide | null {
  if (pairing.mentorId === userId) return 'mentor';
  if (pairing.menteeId === userId) return 'mentee';
  return null;
}
