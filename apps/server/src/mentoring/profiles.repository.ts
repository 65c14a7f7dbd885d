import { Injectable } from '@nestjs/common';
import type { MentorCandidate, MentoringMode, MentoringProfileView, Topic } from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { UpsertMentoringProfileDto } from './dto/mentoring.dto';
import { MentoringProfileEntity } from './mentoring.entities';
import { MentoringRepository, PERSON_COLUMNS } from './mentoring.repository';
import { mentoringFacts, toProfileView, type PersonRow } from './mentoring-views';

/** A profile with its person, as the candidate and profile-list queries return it. */
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

export interface ProfileWithPerson {
  profile: MentoringProfileEntity;
  person: PersonRow;
  active: number;
}

/** Profiles and the mentor candidates drawn from them. */
@Injectable()
export class ProfilesRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mentoring: MentoringRepository,
  ) {}

  /** Creates or replaces the user's profile in the network; says which it did. */
  async upsert(
    networkId: string,
    userId: string,
    dto: UpsertMentoringProfileDto,
  ): Promise<{ created: boolean }> {
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
        networkId,
        userId,
        dto.mode,
        dto.topics,
        dto.languages,
        dto.capacity ?? 1,
        dto.about ?? '',
        dto.available ?? true,
        dto.availabilityNote ?? '',
      ],
    );
    return { created: rows[0].created };
  }

  profile(
    manager: EntityManager,
    networkId: string,
    userId: string,
  ): Promise<MentoringProfileEntity | null> {
    return manager.findOneBy(MentoringProfileEntity, { networkId, userId });
  }

  /**
   * Locks the mentor's profile row (FOR UPDATE) and returns it: call inside the transaction that
   * activates a pairing, before counting the mentor's active pairings, so two acceptances for
   * one mentor count one after the other and cannot both take the last place.
   */
  lockMentorProfile(
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
  ): Promise<ProfileWithPerson | null> {
    if (typeof networkId !== 'string' || typeof userId !== 'string') return null;
    const profile = await this.profile(manager, networkId, userId);
    if (!profile) return null;
    const person = (await this.mentoring.people(manager, [{ userId }])).get(userId);
    if (!person) return null;
    const active = await this.mentoring.activeMentorships(manager, networkId, userId);
    return { profile, person, active };
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
}

/** A candidate as suggestion scoring sees them. */
export function candidateFacts(row: CandidateRow): MentorCandidate {
  return {
    ...mentoringFacts(row, row),
    mode: row.mode,
    available: row.available,
    capacity: row.capacity,
    activePairings: row.active_count,
    alreadyPaired: row.already_paired,
  };
}

export function candidateToProfileView(networkId: string, row: CandidateRow): MentoringProfileView {
  return toProfileView(
    {
      networkId,
      mode: row.mode,
      topics: row.topics,
      languages: row.languages,
      capacity: row.capacity,
      about: row.about,
      available: row.available,
      availabilityNote: row.availability_note,
      updatedAt: new Date(row.updated_at),
    },
    row,
    row.active_count,
  );
}
