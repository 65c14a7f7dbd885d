import type { OrganisationView } from '../contract';
import type { Topic } from '../topics';
import type { MentoringMode, SessionFormat, FollowUpMilestone } from './limits';
import type { SuggestionReason } from './suggestions';
import type { PairingAction, PairingSide, PairingState } from './pairing-states';

// ---------------------------------------------------------------------------- response shapes

export interface MentoringPersonView {
  userId: string;
  displayName: string;
  handle: string;
  organisation: OrganisationView | null;
}

export interface MentoringProfileView {
  networkId: string;
  person: MentoringPersonView;
  mode: MentoringMode;
  topics: Topic[];
  languages: string[];
  capacity: number;
  /** Pairings the person mentors that are active now. */
  activePairings: number;
  about: string;
  available: boolean;
  availabilityNote: string;
  updatedAt: string;
}

export interface MentorSuggestionView {
  mentor: MentoringProfileView;
  score: number;
  reasons: SuggestionReason[];
}

export interface SuggestionsView {
  mentee: MentoringProfileView;
  suggestions: MentorSuggestionView[];
}

export const GOAL_STATUSES = ['not_started', 'in_progress', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export interface PairingGoalView {
  id: string;
  position: number;
  title: string;
  status: GoalStatus;
  note: string;
  achievedAt: string | null;
  updatedAt: string;
}

export interface PairingSessionView {
  id: string;
  startsAt: string;
  durationMinutes: number;
  format: SessionFormat;
  location: string;
  agenda: string;
  notes: string;
  /** The members of the pair who took part. */
  participantIds: string[];
  otherParticipants: string;
  cancelled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PairingFeedbackView {
  side: PairingSide;
  usefulness: number;
  programmeChanges: string;
  wouldRecommend: boolean;
  createdAt: string;
}

export interface PairingFollowUpView {
  side: PairingSide;
  milestone: FollowUpMilestone;
  lasting: string;
  stillInContact: boolean;
  usefulness: number;
  createdAt: string;
}

export interface PairingView {
  id: string;
  networkId: string;
  networkSlug: string;
  state: PairingState;
  mentor: MentoringPersonView;
  mentee: MentoringPersonView;
  /** Whether the pairing is made on behalf of both organisations (then they are named). */
  onBehalfOfOrganisations: boolean;
  topics: Topic[];
  proposedBy: { userId: string; displayName: string } | null;
  mentorAcceptedAt: string | null;
  menteeAcceptedAt: string | null;
  activatedAt: string | null;
  endedAt: string | null;
  goals: PairingGoalView[];
  sessions: PairingSessionView[];
  feedback: PairingFeedbackView[];
  followUps: PairingFollowUpView[];
  /**
   * The pair's private channel and its conversation thread: only for those who can read the
   * channel (the pair and whoever they added), null for coordinators and before activation.
   */
  channelId: string | null;
  threadId: string | null;
  /** The viewer's side, or null for a coordinator. */
  mySide: PairingSide | null;
  /** What the viewer may do now, as the policies and the state machine allow. */
  myActions: PairingAction[];
  createdAt: string;
  updatedAt: string;
}

export interface PairingSummaryView {
  id: string;
  state: PairingState;
  mentor: MentoringPersonView;
  mentee: MentoringPersonView;
  topics: Topic[];
  goalsTotal: number;
  goalsAchieved: number;
  sessionsHeld: number;
  activatedAt: string | null;
  endedAt: string | null;
  createdAt: string;
}

export interface MentoringOverviewView {
  networkId: string;
  pairingsByState: Record<PairingState, number>;
  sessionsHeld: number;
  hoursHeld: number;
  goalsTotal: number;
  goalsAchieved: number;
  feedback: {
    responses: number;
    averageUsefulness: number | null;
    wouldRecommend: number;
  };
  followUps: { responses: number; stillInContact: number };
  profiles: { offering: number; seeking: number };
}
