import type { Level, Sector } from '../organisations';
import type { Topic } from '../topics';

import { offersMentoring, SUGGESTIONS_LIMIT_DEFAULT, type MentoringMode } from './limits';

// ------------------------------------------------------------------------------- suggestions

/** What scoring needs about one person: their profile and their organisation. */
export interface MentoringFacts {
  userId: string;
  organisationId: string | null;
  country: string | null;
  level: Level | null;
  sector: Sector | null;
  topics: readonly Topic[];
  languages: readonly string[];
}

export interface MentorCandidate extends MentoringFacts {
  mode: MentoringMode;
  available: boolean;
  capacity: number;
  /** Pairings in which the candidate is the mentor and which are active now. */
  activePairings: number;
  /** A proposed or active pairing with this mentee exists already. */
  alreadyPaired: boolean;
}

/**
 * Points per reason. Topics weigh most (the reason to meet), then a shared language beyond the
 * one required, exchange across borders, a similar level of government and the same sector
 * (city-to-city, NGO-to-NGO), and room left, which spreads the work across mentors.
 */
export const SUGGESTION_WEIGHTS = {
  perSharedTopic: 10,
  sharedLanguage: 5,
  perExtraSharedLanguage: 1,
  extraSharedLanguagesCounted: 2,
  crossCountry: 6,
  sameLevel: 6,
  adjacentLevel: 3,
  sameSector: 4,
  perFreePlace: 2,
  freePlacesCounted: 3,
} as const;

export type SuggestionReason =
  | { code: 'topic_overlap'; points: number; count: number; topics: Topic[] }
  | { code: 'shared_language'; points: number; count: number; languages: string[] }
  | { code: 'cross_country'; points: number; menteeCountry: string; mentorCountry: string }
  | { code: 'similar_level'; points: number; distance: number }
  | { code: 'same_sector'; points: number }
  | { code: 'capacity_left'; points: number; free: number };
export type SuggestionReasonCode = SuggestionReason['code'];

/** Why a candidate is never suggested, whatever else speaks for them. */
export type SuggestionExclusion =
  | 'self'
  | 'not_offering'
  | 'unavailable'
  | 'no_shared_language'
  | 'same_organisation'
  | 'no_capacity'
  | 'already_paired';

export type MentorScore =
  | { eligible: true; score: number; reasons: SuggestionReason[] }
  | { eligible: false; exclusion: SuggestionExclusion };

const LEVEL_RANK: Record<Level, number> = { local: 0, regional: 1, national: 2, eu: 3 };

/**
 * The explainable score of one candidate mentor for one mentee. Requirements come first and
 * exclude outright: a mentor must offer mentoring, be available, have a place left, share at
 * least one language and work for another organisation (people without an organisation are
 * never "the same organisation"). Every point then comes with its reason.
 */
export function scoreMentor(mentee: MentoringFacts, mentor: MentorCandidate): MentorScore {
  if (mentor.userId === mentee.userId) return { eligible: false, exclusion: 'self' };
  if (!offersMentoring(mentor.mode)) return { eligible: false, exclusion: 'not_offering' };
  if (!mentor.available) return { eligible: false, exclusion: 'unavailable' };
  if (mentor.alreadyPaired) return { eligible: false, exclusion: 'already_paired' };
  const free = mentor.capacity - mentor.activePairings;
  if (free <= 0) return { eligible: false, exclusion: 'no_capacity' };
  if (
    mentee.organisationId !== null &&
    mentor.organisationId !== null &&
    mentee.organisationId === mentor.organisationId
  ) {
    return { eligible: false, exclusion: 'same_organisation' };
  }
  const languages = mentee.languages.filter((language) => mentor.languages.includes(language));
  if (languages.length === 0) return { eligible: false, exclusion: 'no_shared_language' };

  const w = SUGGESTION_WEIGHTS;
  const reasons: SuggestionReason[] = [];
  const topics = mentee.topics.filter((topic) => mentor.topics.includes(topic));
  if (topics.length > 0) {
    reasons.push({
      code: 'topic_overlap',
      points: topics.length * w.perSharedTopic,
      count: topics.length,
      topics,
    });
  }
  reasons.push({
    code: 'shared_language',
    points:
      w.sharedLanguage +
      Math.min(languages.length - 1, w.extraSharedLanguagesCounted) * w.perExtraSharedLanguage,
    count: languages.length,
    languages,
  });
  if (mentee.country && mentor.country && mentee.country !== mentor.country) {
    reasons.push({
      code: 'cross_country',
      points: w.crossCountry,
      menteeCountry: mentee.country,
      mentorCountry: mentor.country,
    });
  }
  if (mentee.level && mentor.level) {
    const distance = Math.abs(LEVEL_RANK[mentee.level] - LEVEL_RANK[mentor.level]);
    if (distance <= 1) {
      reasons.push({
        code: 'similar_level',
        points: distance === 0 ? w.sameLevel : w.adjacentLevel,
        distance,
      });
    }
  }
  if (mentee.sector && mentor.sector && mentee.sector === mentor.sector) {
    reasons.push({ code: 'same_sector', points: w.sameSector });
  }
  reasons.push({
    code: 'capacity_left',
    points: Math.min(free, w.freePlacesCounted) * w.perFreePlace,
    free,
  });
  const score = reasons.reduce((sum, reason) => sum + reason.points, 0);
  return { eligible: true, score, reasons };
}

export interface RankedMentor<C extends MentorCandidate = MentorCandidate> {
  candidate: C;
  score: number;
  reasons: SuggestionReason[];
}

/**
 * Eligible candidates, best first: by score, then more shared topics, then more room left, then
 * user id so the order is stable between calls.
 */
export function rankMentors<C extends MentorCandidate>(
  mentee: MentoringFacts,
  candidates: readonly C[],
  limit: number = SUGGESTIONS_LIMIT_DEFAULT,
): RankedMentor<C>[] {
  const ranked: (RankedMentor<C> & { topics: number; free: number })[] = [];
  for (const candidate of candidates) {
    const result = scoreMentor(mentee, candidate);
    if (!result.eligible) continue;
    const topicReason = result.reasons.find((reason) => reason.code === 'topic_overlap');
    ranked.push({
      candidate,
      score: result.score,
      reasons: result.reasons,
      topics: topicReason?.count ?? 0,
      free: candidate.capacity - candidate.activePairings,
    });
  }
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      b.topics - a.topics ||
      b.free - a.free ||
      (a.candidate.userId < b.candidate.userId
        ? -1
        : a.candidate.userId > b.candidate.userId
          ? 1
          : 0),
  );
  return ranked.slice(0, Math.max(0, limit)).map(({ candidate, score, reasons }) => ({
    candidate,
    score,
    reasons,
  }));
}
