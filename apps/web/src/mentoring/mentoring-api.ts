import type {
  FollowUpMilestone,
  GoalStatus,
  MentoringMode,
  MentoringOverviewView,
  MentoringProfileView,
  Page,
  PairingAction,
  PairingSessionView,
  PairingSummaryView,
  PairingView,
  SessionFormat,
  SuggestionsView,
  Topic,
} from '@tandem/domain';
import type { ApiClient } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { downloadFile } from '../api/download-file';

const mentoringPath = (slug: string) => `/networks/${encodeURIComponent(slug)}/mentoring`;
const pairingPath = (id: string) => `/pairings/${encodeURIComponent(id)}`;

export interface ProfileInput {
  mode: MentoringMode;
  topics: Topic[];
  languages: string[];
  capacity: number;
  about: string;
  available: boolean;
  availabilityNote: string;
}

export interface ProposalInput {
  mentorId: string;
  menteeId: string;
  topics: Topic[];
  goals: string[];
  onBehalfOfOrganisations?: true;
}

export interface SessionInput {
  startsAt: string;
  durationMinutes: number;
  format: SessionFormat;
  location: string;
  agenda: string;
  otherParticipants: string;
}

export interface FeedbackInput {
  usefulness: number;
  programmeChanges: string;
  wouldRecommend: boolean;
}

export interface FollowUpInput {
  milestone: FollowUpMilestone;
  lasting: string;
  stillInContact: boolean;
  usefulness: number;
}

export const saveProfile = (api: ApiClient, slug: string, body: ProfileInput) =>
  api.post<MentoringProfileView>(`${mentoringPath(slug)}/profiles`, body);

/** The caller's own profile in the network, or null before they have written one. */
export async function getMyProfile(
  api: ApiClient,
  slug: string,
): Promise<MentoringProfileView | null> {
  try {
    return await api.get<MentoringProfileView>(`${mentoringPath(slug)}/profiles/me`);
  } catch (error) {
    // No profile yet is a normal start, not an error.
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Who is looking for a mentor (the first hundred), for the coordinators. */
export const listSeekingProfiles = (api: ApiClient, slug: string) =>
  api.get<Page<MentoringProfileView>>(`${mentoringPath(slug)}/profiles`, {
    query: { mode: 'seeking', limit: 100 },
  });

export const getSuggestions = (api: ApiClient, slug: string, menteeId: string) =>
  api.get<SuggestionsView>(`${mentoringPath(slug)}/suggestions`, { query: { menteeId } });

export const getOverview = (api: ApiClient, slug: string) =>
  api.get<MentoringOverviewView>(`${mentoringPath(slug)}/overview`);

export const downloadOverviewCsv = (api: ApiClient, slug: string) =>
  downloadFile(api, `${mentoringPath(slug)}/overview.csv`, `tandem-mentoring-${slug}.csv`);

/** The caller's pairings in the network, or all of them for a coordinator. */
export const listPairings = (api: ApiClient, slug: string, cursor?: string) =>
  api.get<Page<PairingSummaryView>>(`/networks/${encodeURIComponent(slug)}/pairings`, {
    query: { cursor },
  });

export const proposePairing = (api: ApiClient, slug: string, body: ProposalInput) =>
  api.post<PairingView>(`/networks/${encodeURIComponent(slug)}/pairings`, body);

export const getPairing = (api: ApiClient, id: string) => api.get<PairingView>(pairingPath(id));

export const actOnPairing = (api: ApiClient, id: string, action: PairingAction) =>
  api.post<PairingView>(`${pairingPath(id)}/${action}`);

export const addGoal = (api: ApiClient, pairingId: string, body: { title: string }) =>
  api.post<PairingView>(`${pairingPath(pairingId)}/goals`, body);

export const updateGoal = (
  api: ApiClient,
  pairingId: string,
  goalId: string,
  body: { status: GoalStatus; note: string },
) => api.patch<PairingView>(`${pairingPath(pairingId)}/goals/${encodeURIComponent(goalId)}`, body);

export const addSession = (api: ApiClient, pairingId: string, body: SessionInput) =>
  api.post<PairingSessionView>(`${pairingPath(pairingId)}/sessions`, body);

export const cancelSession = (api: ApiClient, pairingId: string, sessionId: string) =>
  api.patch<PairingSessionView>(
    `${pairingPath(pairingId)}/sessions/${encodeURIComponent(sessionId)}`,
    { cancelled: true },
  );

export const sendFeedback = (api: ApiClient, pairingId: string, body: FeedbackInput) =>
  api.post<PairingView>(`${pairingPath(pairingId)}/feedback`, body);

export const sendFollowUp = (api: ApiClient, pairingId: string, body: FollowUpInput) =>
  api.post<PairingView>(`${pairingPath(pairingId)}/follow-ups`, body);

export const downloadPairingCalendar = (api: ApiClient, pairingId: string) =>
  downloadFile(api, `${pairingPath(pairingId)}/calendar.ics`, `tandem-pairing-${pairingId}.ics`);
