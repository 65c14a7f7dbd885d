import { Injectable } from '@nestjs/common';
import type { Actor } from '../platform/http/actor';
import { toCsv } from './overview-csv';
import { pairingCalendar } from './pairing-calendar';
import { MentoringService } from './mentoring.service';
import type { PersonRow } from './mentoring-views';

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

/** The file exports (calendar, CSV): the same access rules as the JSON they mirror. */
@Injectable()
export class MentoringExportService {
  constructor(private readonly mentoring: MentoringService) {}

  async calendar(actor: Actor, pairingId: string): Promise<{ filename: string; body: string }> {
    const { pairing, title, sessions } = await this.mentoring.calendarData(actor, pairingId);
    return {
      filename: `tandem-pairing-${pairing.id}.ics`,
      body: pairingCalendar(pairing, title, sessions),
    };
  }

  async overviewCsv(actor: Actor, slug: string): Promise<{ filename: string; body: string }> {
    const { network, rows, people } = await this.mentoring.overviewRows(actor, slug);
    const name = (id: string) => people.get(id)?.display_name ?? 'Former member';
    const organisation = (id: string): PersonRow | undefined => people.get(id);
    const body = toCsv(
      CSV_HEADER,
      rows.map((row) => [
        row.id,
        row.state,
        name(row.mentor_id),
        organisation(row.mentor_id)?.organisation_name ?? null,
        organisation(row.mentor_id)?.organisation_country ?? null,
        name(row.mentee_id),
        organisation(row.mentee_id)?.organisation_name ?? null,
        organisation(row.mentee_id)?.organisation_country ?? null,
        row.topics.join(' '),
        row.created_at.toISOString(),
        row.activated_at ? row.activated_at.toISOString() : null,
        row.ended_at ? row.ended_at.toISOString() : null,
        row.goals_total,
        row.goals_achieved,
        row.sessions_held,
        Math.round((row.minutes_held / 60) * 10) / 10,
        row.mentor_usefulness,
        row.mentee_usefulness,
        row.mentor_recommends,
        row.mentee_recommends,
      ]),
    );
    return { filename: `tandem-mentoring-${network.slug}.csv`, body };
  }
}
