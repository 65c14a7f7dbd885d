import { DomainError } from './errors';
import { atLeast, type Decision, type Standing } from './networks';
import type { Level, Sector } from './organisations';
import type { OrganisationView } from './contract';
import type { Topic } from './topics';

/**
 * Mentoring pairings: city-to-city and organisation-to-organisation exchanges, made cheap to
 * start and to follow. Everything here is pure: the suggestion score, the pairing state machine,
 * who may see and do what, the follow-up calendar and the limits the DTOs, services and web
 * forms share.
 */

// ------------------------------------------------------------------------------------ limits

export const MENTORING_MODES = ['offering', 'seeking', 'both'] as const;
export type MentoringMode = (typeof MENTORING_MODES)[number];

/** How many pairings a mentor takes on at once. */
export const MENTORING_CAPACITY_MIN = 1;
export const MENTORING_CAPACITY_MAX = 10;
export const MENTORING_TOPICS_MAX = 8;
export const MENTORING_LANGUAGES_MAX = 10;
/** The short text on experience (offering) or need (seeking). */
export const MENTORING_ABOUT_MAX_LENGTH = 1000;
export const MENTORING_AVAILABILITY_MAX_LENGTH = 200;

export const PAIRING_TOPICS_MAX = 5;
export const PAIRING_GOALS_MAX = 10;
export const GOAL_TITLE_MAX_LENGTH = 200;
export const GOAL_NOTE_MAX_LENGTH = 2000;

export const SESSION_FORMATS = ['visit', 'video_call', 'call'] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];
export const SESSION_DURATION_MIN_MINUTES = 15;
/** A study visit may last several days: five days of minutes. */
export const SESSION_DURATION_MAX_MINUTES = 5 * 24 * 60;
export const SESSION_AGENDA_MAX_LENGTH = 4000;
export const SESSION_NOTES_MAX_LENGTH = 10_000;
export const SESSION_LOCATION_MAX_LENGTH = 200;
/** Free text for people who took part without a Tandem account ("two colleagues from housing"). */
export const SESSION_OTHERS_MAX_LENGTH = 500;
export const PAIRING_SESSIONS_MAX = 200;

export const FEEDBACK_TEXT_MAX_LENGTH = 2000;
export const USEFULNESS_MIN = 1;
export const USEFULNESS_MAX = 5;

export const SUGGESTIONS_LIMIT_DEFAULT = 10;
export const SUGGESTIONS_LIMIT_MAX = 50;

/** Months after completion at which each side is asked what lasted. */
export const FOLLOW_UP_MILESTONES = [6, 12] as const;
export type FollowUpMilestone = (typeof FOLLOW_UP_MILESTONES)[number];
/** A reminder not sent within this many months of its milestone is not sent at all. */
export const FOLLOW_UP_WINDOW_MONTHS = 6;

/** ISO 639-1 language codes (two letters), the languages a profile may list. */
export const ISO_639_1_CODES = [
  'aa',
  'ab',
  'ae',
  'af',
  'ak',
  'am',
  'an',
  'ar',
  'as',
  'av',
  'ay',
  'az',
  'ba',
  'be',
  'bg',
  'bh',
  'bi',
  'bm',
  'bn',
  'bo',
  'br',
  'bs',
  'ca',
  'ce',
  'ch',
  'co',
  'cr',
  'cs',
  'cu',
  'cv',
  'cy',
  'da',
  'de',
  'dv',
  'dz',
  'ee',
  'el',
  'en',
  'eo',
  'es',
  'et',
  'eu',
  'fa',
  'ff',
  'fi',
  'fj',
  'fo',
  'fr',
  'fy',
  'ga',
  'gd',
  'gl',
  'gn',
  'gu',
  'gv',
  'ha',
  'he',
  'hi',
  'ho',
  'hr',
  'ht',
  'hu',
  'hy',
  'hz',
  'ia',
  'id',
  'ie',
  'ig',
  'ii',
  'ik',
  'io',
  'is',
  'it',
  'iu',
  'ja',
  'jv',
  'ka',
  'kg',
  'ki',
  'kj',
  'kk',
  'kl',
  'km',
  'kn',
  'ko',
  'kr',
  'ks',
  'ku',
  'kv',
  'kw',
  'ky',
  'la',
  'lb',
  'lg',
  'li',
  'ln',
  'lo',
  'lt',
  'lu',
  'lv',
  'mg',
  'mh',
  'mi',
  'mk',
  'ml',
  'mn',
  'mr',
  'ms',
  'mt',
  'my',
  'na',
  'nb',
  'nd',
  'ne',
  'ng',
  'nl',
  'nn',
  'no',
  'nr',
  'nv',
  'ny',
  'oc',
  'oj',
  'om',
  'or',
  'os',
  'pa',
  'pi',
  'pl',
  'ps',
  'pt',
  'qu',
  'rm',
  'rn',
  'ro',
  'ru',
  'rw',
  'sa',
  'sc',
  'sd',
  'se',
  'sg',
  'si',
  'sk',
  'sl',
  'sm',
  'sn',
  'so',
  'sq',
  'sr',
  'ss',
  'st',
  'su',
  'sv',
  'sw',
  'ta',
  'te',
  'tg',
  'th',
  'ti',
  'tk',
  'tl',
  'tn',
  'to',
  'tr',
  'ts',
  'tt',
  'tw',
  'ty',
  'ug',
  'uk',
  'ur',
  'uz',
  've',
  'vi',
  'vo',
  'wa',
  'wo',
  'xh',
  'yi',
  'yo',
  'za',
  'zh',
  'zu',
] as const;
export type LanguageCode = (typeof ISO_639_1_CODES)[number];

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === 'string' && (ISO_639_1_CODES as readonly string[]).includes(value);
}

export const offersMentoring = (mode: MentoringMode): boolean => mode !== 'seeking';
export const seeksMentoring = (mode: MentoringMode): boolean => mode !== 'offering';

/** Coordinators of a network's mentoring are its moderators and admins. */
export function isCoordinator(standing: Standing): boolean {
  return atLeast(standing, 'moderator');
}

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

// ---------------------------------------------------------------------------- state machine

export const PAIRING_STATES = ['proposed', 'active', 'completed', 'declined', 'cancelled'] as const;
export type PairingState = (typeof PAIRING_STATES)[number];

export const PAIRING_ACTIONS = ['accept', 'decline', 'complete', 'cancel'] as const;
export type PairingAction = (typeof PAIRING_ACTIONS)[number];

export type PairingSide = 'mentor' | 'mentee';

/**
 * Each state's actions and where they lead. `accept` in `proposed` leads to `active` only once
 * both sides have accepted; before that it records one side's acceptance and the pairing stays
 * proposed. Completed, declined and cancelled pairings are final.
 */
export const PAIRING_TRANSITIONS: Record<
  PairingState,
  Partial<Record<PairingAction, PairingState>>
> = {
  proposed: { accept: 'active', decline: 'declined', cancel: 'cancelled' },
  active: { complete: 'completed', cancel: 'cancelled' },
  completed: {},
  declined: {},
  cancelled: {},
};

export function allowedPairingActions(state: PairingState): PairingAction[] {
  return PAIRING_ACTIONS.filter((action) => PAIRING_TRANSITIONS[state][action] !== undefined);
}

export function isFinalState(state: PairingState): boolean {
  return allowedPairingActions(state).length === 0;
}

/** The state a pairing moves to; throws `invalid_transition` naming the allowed actions. */
export function nextPairingState(
  state: PairingState,
  action: PairingAction,
  acceptance: { otherSideAccepted: boolean } = { otherSideAccepted: false },
): PairingState {
  const target = PAIRING_TRANSITIONS[state][action];
  if (target === undefined) {
    const allowed = allowedPairingActions(state);
    throw new DomainError(
      'invalid_transition',
      allowed.length === 0
        ? `This pairing is ${state}: nothing can change it any more`
        : `A ${state} pairing cannot be asked to ${action}; allowed: ${allowed.join(', ')}`,
      { state, action, allowed },
    );
  }
  if (action === 'accept' && !acceptance.otherSideAccepted) return state;
  return target;
}

// --------------------------------------------------------------------------- access policies

export interface PairingAccess {
  /** The viewer's role in the pairing's network (null: not a member). */
  standing: Standing;
  /** The viewer's side in the pairing, or null when they are not one of the pair. */
  side: PairingSide | null;
}

const allow: Decision = { allowed: true };
const deny = (error: DomainError): Decision => ({ allowed: false, error });
const hiddenPairing = (): Decision => deny(new DomainError('not_found', 'Pairing not found'));

/**
 * The pair and the network's coordinators read a pairing (state, goals, sessions, calendar) —
 * everyone else, other members included, is told it does not exist. Someone who left the
 * network loses it too.
 */
export function canReadPairing(access: PairingAccess): boolean {
  if (access.standing === null) return false;
  return access.side !== null || isCoordinator(access.standing);
}

export function readPairing(access: PairingAccess): Decision {
  return canReadPairing(access) ? allow : hiddenPairing();
}

/**
 * Who may act: each side accepts or declines for itself (a coordinator cannot accept on
 * someone's behalf); either side or a coordinator completes or cancels. Whether the action fits
 * the pairing's state is the state machine's call (`nextPairingState`).
 */
export function actOnPairing(
  access: PairingAccess,
  action: PairingAction,
  acceptedAlready = false,
): Decision {
  if (!canReadPairing(access)) return hiddenPairing();
  if (action === 'accept' || action === 'decline') {
    if (access.side === null) {
      return deny(
        new DomainError('forbidden', 'Only the mentor or the mentee can accept or decline'),
      );
    }
    if (action === 'accept' && acceptedAlready) {
      return deny(new DomainError('conflict', 'You have already accepted this pairing'));
    }
  }
  return allow;
}

/**
 * The pair keep their own goals and sessions; coordinators follow them but do not write them.
 * Goals can be shaped while the pairing is proposed or active, sessions recorded while active.
 */
export function editPairingWork(
  access: PairingAccess,
  state: PairingState,
  what: 'goals' | 'sessions',
): Decision {
  if (!canReadPairing(access)) return hiddenPairing();
  if (access.side === null) {
    return deny(
      new DomainError('forbidden', `Only the mentor and the mentee change the pairing's ${what}`),
    );
  }
  const open = what === 'goals' ? state === 'proposed' || state === 'active' : state === 'active';
  if (!open) {
    return deny(
      new DomainError('conflict', `The ${what} of a ${state} pairing can no longer be changed`),
    );
  }
  return allow;
}

export function addGoals(existing: number, adding: number): Decision {
  if (existing + adding > PAIRING_GOALS_MAX) {
    return deny(
      new DomainError(
        'conflict',
        `A pairing has at most ${PAIRING_GOALS_MAX} goals; it has ${existing}`,
        { max: PAIRING_GOALS_MAX, existing },
      ),
    );
  }
  return allow;
}

export interface ProposalFacts {
  standing: Standing;
  actorId: string;
  mentorId: string;
  menteeId: string;
}

/** Coordinators propose any pairing in their network; a member proposes only as the mentee. */
export function proposePairing(facts: ProposalFacts): Decision {
  if (facts.standing === null) return deny(new DomainError('not_found', 'Network not found'));
  if (facts.mentorId === facts.menteeId) {
    return deny(
      new DomainError('bad_request', 'Invalid request: menteeId', [
        { field: 'menteeId', problems: ['the mentee must be someone other than the mentor'] },
      ]),
    );
  }
  if (!isCoordinator(facts.standing) && facts.actorId !== facts.menteeId) {
    return deny(
      new DomainError(
        'forbidden',
        'Members propose pairings for themselves as the mentee; coordinators pair others',
      ),
    );
  }
  return allow;
}

/** Suggestions are for the mentee themselves, or for a coordinator choosing for a mentee. */
export function suggestMentors(standing: Standing, actorId: string, menteeId: string): Decision {
  if (standing === null) return deny(new DomainError('not_found', 'Network not found'));
  if (actorId !== menteeId && !isCoordinator(standing)) {
    return deny(new DomainError('forbidden', 'Only coordinators see suggestions for someone else'));
  }
  return allow;
}

/** The profile list and the overview are the coordinators' tools. */
export function coordinateMentoring(standing: Standing): Decision {
  if (standing === null) return deny(new DomainError('not_found', 'Network not found'));
  if (!isCoordinator(standing)) {
    return deny(
      new DomainError('forbidden', "Only the network's moderators and admins coordinate mentoring"),
    );
  }
  return allow;
}

/** Each side gives feedback once, after the pairing was completed. */
export function giveFeedback(
  access: PairingAccess,
  state: PairingState,
  givenAlready: boolean,
): Decision {
  if (!canReadPairing(access)) return hiddenPairing();
  if (access.side === null) {
    return deny(new DomainError('forbidden', 'Only the mentor and the mentee give feedback'));
  }
  if (state !== 'completed') {
    return deny(new DomainError('conflict', 'Feedback is asked for once the pairing is completed'));
  }
  if (givenAlready) {
    return deny(new DomainError('conflict', 'You have already given feedback on this pairing'));
  }
  return allow;
}

/** A follow-up answer for a milestone that has come, once per side and milestone. */
export function answerFollowUp(
  access: PairingAccess,
  state: PairingState,
  completedAt: Date | null,
  milestone: FollowUpMilestone,
  now: Date,
  answeredAlready: boolean,
): Decision {
  if (!canReadPairing(access)) return hiddenPairing();
  if (access.side === null) {
    return deny(new DomainError('forbidden', 'Only the mentor and the mentee answer follow-ups'));
  }
  if (state !== 'completed' || completedAt === null) {
    return deny(new DomainError('conflict', 'Follow-ups come after the pairing is completed'));
  }
  if (addMonths(completedAt, milestone).getTime() > now.getTime()) {
    return deny(
      new DomainError(
        'conflict',
        `The ${milestone}-month follow-up opens ${milestone} months after completion`,
      ),
    );
  }
  if (answeredAlready) {
    return deny(new DomainError('conflict', 'You have already answered this follow-up'));
  }
  return allow;
}

// ------------------------------------------------------------------------------- follow-ups

/**
 * The date `months` calendar months later, in UTC, keeping the time of day; a day the target
 * month lacks becomes its last day (31 August + 6 months = 28 or 29 February).
 */
export function addMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      year,
      month,
      Math.min(date.getUTCDate(), lastDay),
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
      date.getUTCMilliseconds(),
    ),
  );
}

/**
 * The follow-up reminder due for a pairing completed at `completedAt`, seen at `now`: the latest
 * milestone reached, as long as it was reached less than FOLLOW_UP_WINDOW_MONTHS ago (a job that
 * was down for a year does not send two stale reminders at once). Null when none is due.
 */
export function dueFollowUp(completedAt: Date, now: Date): FollowUpMilestone | null {
  for (const milestone of [...FOLLOW_UP_MILESTONES].reverse()) {
    const due = addMonths(completedAt, milestone);
    if (due.getTime() <= now.getTime()) {
      const expires = addMonths(completedAt, milestone + FOLLOW_UP_WINDOW_MONTHS);
      return now.getTime() < expires.getTime() ? milestone : null;
    }
  }
  return null;
}

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

/** Which actions the viewer may take now: the policies and the state machine together. */
export function actionsFor(
  access: PairingAccess,
  state: PairingState,
  acceptedAlready: boolean,
): PairingAction[] {
  return allowedPairingActions(state).filter(
    (action) => actOnPairing(access, action, acceptedAlready).allowed,
  );
}
