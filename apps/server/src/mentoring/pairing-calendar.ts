import type { SessionFormat } from '@tandem/domain';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { PairingEntity, PairingSessionEntity } from './mentoring.entities';

const FORMAT_LABEL: Record<SessionFormat, string> = {
  visit: 'Study visit',
  video_call: 'Video call',
  call: 'Phone call',
};

/**
 * A stable UID per session: a calendar that imports the file again updates the event instead
 * of adding a second one, and SEQUENCE (the session's revision) tells it which copy is newer.
 */
export function sessionUid(sessionId: string): string {
  return `pairing-session-${sessionId}@tandem`;
}

/**
 * The pairing's sessions as iCalendar (RFC 5545). Cancelled sessions stay in the file with
 * STATUS:CANCELLED, so a re-import cancels them rather than leaving them behind.
 */
export function pairingCalendar(
  pairing: PairingEntity,
  title: string,
  sessions: PairingSessionEntity[],
): string {
  const calendar = ical({
    name: `Tandem mentoring: ${title}`,
    prodId: { company: 'Tandem', product: 'mentoring', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const session of sessions) {
    const end = new Date(session.startsAt.getTime() + session.durationMinutes * 60_000);
    calendar.createEvent({
      id: sessionUid(session.id),
      sequence: session.revision,
      start: session.startsAt,
      end,
      stamp: session.updatedAt,
      created: session.createdAt,
      lastModified: session.updatedAt,
      summary: `${FORMAT_LABEL[session.format]}: ${title}`,
      description: session.agenda || null,
      location: session.location || null,
      status: session.cancelledAt ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // The pairing id keeps the calendar's own identity stable across exports too.
  calendar.x([{ key: 'X-WR-RELCALID', value: `pairing-${pairing.id}@tandem` }]);
  return calendar.toString();
}
