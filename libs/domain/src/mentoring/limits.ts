import { atLeast, type Standing } from '../networks';

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

export const offersMentoring = (mode: MentoringMode): boolean => mode !== 'seeking';
export const seeksMentoring = (mode: MentoringMode): boolean => mode !== 'offering';

/** Coordinators of a network's mentoring are its moderators and admins. */
export function isCoordinator(standing: Standing): boolean {
  return atLeast(standing, 'moderator');
}
