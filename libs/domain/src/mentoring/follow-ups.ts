import { FOLLOW_UP_MILESTONES, FOLLOW_UP_WINDOW_MONTHS, type FollowUpMilestone } from './limits';

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
