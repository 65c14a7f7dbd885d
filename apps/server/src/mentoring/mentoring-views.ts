import {
  attributionLabel,
  type FollowUpMilestone,
  type Level,
  type MentoringFacts,
  type MentoringPersonView,
  type MentoringProfileView,
  type PairingFeedbackView,
  type PairingFollowUpView,
  type PairingGoalView,
  type PairingSessionView,
  type Sector,
} from '@tandem/domain';
import type {
  MentoringProfileEntity,
  PairingFeedbackEntity,
  PairingFollowUpEntity,
  PairingGoalEntity,
  PairingSessionEntity,
} from './mentoring.entities';

/** A person with their organisation, as mentoring rows carry them (never an email address). */
export interface PersonRow {
  user_id: string;
  display_name: string;
  handle: string;
  organisation_id: string | null;
  organisation_name: string | null;
  organisation_sector: Sector | null;
  organisation_level: Level | null;
  organisation_country: string | null;
  organisation_city: string | null;
}

export function toPersonView(row: PersonRow): MentoringPersonView {
  return {
    userId: row.user_id,
    displayName: row.display_name,
    handle: row.handle,
    organisation:
      row.organisation_id &&
      row.organisation_name !== null &&
      row.organisation_sector !== null &&
      row.organisation_level !== null &&
      row.organisation_country !== null
        ? {
            id: row.organisation_id,
            name: row.organisation_name,
            sector: row.organisation_sector,
            level: row.organisation_level,
            country: row.organisation_country,
            city: row.organisation_city,
            label: attributionLabel({
              sector: row.organisation_sector,
              level: row.organisation_level,
            }),
          }
        : null,
  };
}

/** A profile's own fields, from its entity or from a row that carries them. */
export type ProfileFields = Pick<
  MentoringProfileEntity,
  | 'networkId'
  | 'mode'
  | 'topics'
  | 'languages'
  | 'capacity'
  | 'about'
  | 'available'
  | 'availabilityNote'
  | 'updatedAt'
>;

/** "Mentor & Mentee", the pairing's name in notifications, its channel and calendar. */
export function pairingTitle(mentor: string, mentee: string): string {
  return `${mentor} & ${mentee}`;
}

/** What suggestion scoring needs about one person: their organisation and their profile. */
export function mentoringFacts(
  person: PersonRow,
  profile: { topics: MentoringFacts['topics']; languages: MentoringFacts['languages'] },
): MentoringFacts {
  return {
    userId: person.user_id,
    organisationId: person.organisation_id,
    country: person.organisation_country,
    level: person.organisation_level,
    sector: person.organisation_sector,
    topics: profile.topics,
    languages: profile.languages,
  };
}

export function toProfileView(
  profile: ProfileFields,
  person: PersonRow,
  activePairings: number,
): MentoringProfileView {
  return {
    networkId: profile.networkId,
    person: toPersonView(person),
    mode: profile.mode,
    topics: profile.topics,
    languages: profile.languages,
    capacity: profile.capacity,
    activePairings,
    about: profile.about,
    available: profile.available,
    availabilityNote: profile.availabilityNote,
    updatedAt: profile.updatedAt.toISOString(),
  };
}

export function toGoalView(goal: PairingGoalEntity): PairingGoalView {
  return {
    id: goal.id,
    position: goal.position,
    title: goal.title,
    status: goal.status,
    note: goal.note,
    achievedAt: goal.achievedAt ? goal.achievedAt.toISOString() : null,
    updatedAt: goal.updatedAt.toISOString(),
  };
}

export function toSessionView(session: PairingSessionEntity): PairingSessionView {
  return {
    id: session.id,
    startsAt: session.startsAt.toISOString(),
    durationMinutes: session.durationMinutes,
    format: session.format,
    location: session.location,
    agenda: session.agenda,
    notes: session.notes,
    participantIds: session.participantIds,
    otherParticipants: session.otherParticipants,
    cancelled: session.cancelledAt !== null,
    createdAt: session.createdAt.toISOString(),
    updatedAt: session.updatedAt.toISOString(),
  };
}

export function toFeedbackView(feedback: PairingFeedbackEntity): PairingFeedbackView {
  return {
    side: feedback.side,
    usefulness: feedback.usefulness,
    programmeChanges: feedback.programmeChanges,
    wouldRecommend: feedback.wouldRecommend,
    createdAt: feedback.createdAt.toISOString(),
  };
}

export function toFollowUpView(answer: PairingFollowUpEntity): PairingFollowUpView {
  return {
    side: answer.side,
    milestone: Number(answer.milestone) as FollowUpMilestone,
    lasting: answer.lasting,
    stillInContact: answer.stillInContact,
    usefulness: answer.usefulness,
    createdAt: answer.createdAt.toISOString(),
  };
}

export function isoOrNull(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

/** Stands in for a person a pairing list can no longer find, rather than dropping the row. */
export function formerMember(userId: string): MentoringPersonView {
  return { userId, displayName: 'Former member', handle: '', organisation: null };
}
