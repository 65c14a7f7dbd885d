import { Injectable } from '@nestjs/common';
import { coordinateMentoring, enforce, type MentoringOverviewView } from '@tandem/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../platform/http/actor';
import { loadNetworkAccess } from '../networks/network-access';
import { MentoringRepository } from './mentoring.repository';
import { MentoringOverviewRepository } from './mentoring-overview.repository';
import type { PersonRow } from './mentoring-views';
import { toCsv, type CsvValue } from './overview-csv';
import { PairingsRepository, type PairingSummaryRow } from './pairings.repository';

const CSV_HEADER = [
  'pairing_id',
  'state',
  'mentor',
  'mentor_organisation',
  'mentor_country',
  'mentee',
  'mentee_organisation',
  'mentee_country',
  'topics',
  'proposed_at',
  'activated_at',
  'ended_at',
  'goals_total',
  'goals_achieved',
  'sessions_held',
  'hours_held',
  'mentor_usefulness',
  'mentee_usefulness',
  'mentor_would_recommend',
  'mentee_would_recommend',
];

/** The coordinators' view of a network's mentoring: totals, and every pairing as CSV. */
@Injectable()
export class MentoringOverviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MentoringRepository,
    private readonly pairings: PairingsRepository,
    private readonly overviews: MentoringOverviewRepository,
  ) {}

  async overview(actor: Actor, slug: string, now = new Date()): Promise<MentoringOverviewView> {
    const { network, standing } = await loadNetworkAccess(
      this.dataSource.manager,
      actor.userId,
      slug,
    );
    enforce(coordinateMentoring(standing));
    const totals = await this.overviews.totals(network.id, now);
    return {
      networkId: network.id,
      pairingsByState: totals.byState,
      sessionsHeld: totals.sessions.n,
      hoursHeld: hours(totals.sessions.minutes),
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

  /** One row per pairing with its counts, as a CSV file; the same access as the overview. */
  async overviewCsv(
    actor: Actor,
    slug: string,
    now = new Date(),
  ): Promise<{ filename: string; body: string }> {
    const { network, standing } = await loadNetworkAccess(
      this.dataSource.manager,
      actor.userId,
      slug,
    );
    enforce(coordinateMentoring(standing));
    const rows = await this.pairings.summaries(network.id, { now });
    const people = await this.repository.peopleByIds(
      this.dataSource.manager,
      rows.flatMap((row) => [row.mentor_id, row.mentee_id]),
    );
    return {
      filename: `tandem-mentoring-${network.slug}.csv`,
      body: toCsv(
        CSV_HEADER,
        rows.map((row) => csvRow(row, people)),
      ),
    };
  }
}

/** Hours to one decimal. */
function hours(minutes: number): number {
  return Math.round((minutes / 60) * 10) / 10;
}

function csvRow(row: PairingSummaryRow, people: Map<string, PersonRow>): CsvValue[] {
  const name = (id: string) => people.get(id)?.display_name ?? 'Former member';
  const mentor = people.get(row.mentor_id);
  const mentee = people.get(row.mentee_id);
  return [
    row.id,
    row.state,
    name(row.mentor_id),
    mentor?.organisation_name ?? null,
    mentor?.organisation_country ?? null,
    name(row.mentee_id),
    mentee?.organisation_name ?? null,
    mentee?.organisation_country ?? null,
    row.topics.join(' '),
    row.created_at.toISOString(),
    row.activated_at ? row.activated_at.toISOString() : null,
    row.ended_at ? row.ended_at.toISOString() : null,
    row.goals_total,
    row.goals_achieved,
    row.sessions_held,
    hours(row.minutes_held),
    row.mentor_usefulness,
    row.mentee_usefulness,
    row.mentor_recommends,
    row.mentee_recommends,
  ];
}
