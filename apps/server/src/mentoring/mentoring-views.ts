import {
  attributionLabel,
  type FollowUpMilestone,
  type Level,
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

export function toProfileView(
  profile: MentoringProfileEntity,
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
