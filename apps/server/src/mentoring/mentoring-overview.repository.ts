import { Injectable } from '@nestjs/common';
import { PAIRING_STATES, type PairingState } from '@tandem/domain';
import { DataSource } from 'typeorm';
import { HELD } from './pairings.repository';

export interface OverviewTotals {
  byState: Record<PairingState, number>;
  sessions: { n: number; minutes: number };
  goals: { total: number; achieved: number };
  feedback: { n: number; average: string | null; recommend: number };
  followUps: { n: number; contact: number };
  profiles: { offering: number; seeking: number };
}

/** The network-wide counts coordinators see. */
@Injectable()
export class MentoringOverviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  async totals(networkId: string, now: Date): Promise<OverviewTotals> {
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
}
