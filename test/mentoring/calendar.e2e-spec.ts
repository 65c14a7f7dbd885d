import type { PairingView } from '@tandem/domain';
import ICAL from 'ical.js';
import { startTestApp, TestApp } from '../support/app';
import { activePairing, makeMentoringCast, MentoringCast } from './fixtures';

/**
 * The calendar export parses with a maintained iCalendar parser (ical.js), has one event per
 * session, and keeps each event's UID across exports while SEQUENCE moves on with every edit, so
 * a calendar that imports it again updates the event instead of adding a copy.
 */
let t: TestApp;
let cast: MentoringCast;
let pairing: PairingView;

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeMentoringCast(t.http);
  pairing = await activePairing(t.http, cast);
});
afterAll(async () => {
  await t.close();
});

async function exportEvents(token = cast.mentor.token) {
  const response = await t.http.get(`/api/pairings/${pairing.id}/calendar.ics`, { token });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
  expect(response.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.ics"/);
  const calendar = new ICAL.Component(ICAL.parse(response.text));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      location: event.location,
      description: event.description,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      status: vevent.getFirstPropertyValue('status'),
    };
  });
}

it('exports sessions as events with stable UIDs and rising SEQUENCE', async () => {
  expect(await exportEvents()).toEqual([]);
  const visit = await t.http.post(
    `/api/pairings/${pairing.id}/sessions`,
    {
      startsAt: '2026-05-04T07:30:00Z',
      durationMinutes: 2 * 24 * 60,
      format: 'visit',
      location: 'Ghent, Stadhuis; room "B", 2nd floor',
      agenda: 'Day 1: buddy scheme\nDay 2: housing office',
    },
    { token: cast.mentee.token },
  );
  const call = await t.http.post(
    `/api/pairings/${pairing.id}/sessions`,
    { startsAt: '2026-04-20T13:00:00Z', durationMinutes: 45, format: 'video_call' },
    { token: cast.mentor.token },
  );
  const first = await exportEvents();
  expect(first).toEqual([
    {
      uid: `pairing-session-${call.body.id}@tandem`,
      sequence: 0,
      summary: 'Video call: Mentor Ghent & Mentee Turin',
      location: null,
      description: null,
      start: '2026-04-20T13:00:00.000Z',
      end: '2026-04-20T13:45:00.000Z',
      status: 'CONFIRMED',
    },
    {
      uid: `pairing-session-${visit.body.id}@tandem`,
      sequence: 0,
      summary: 'Study visit: Mentor Ghent & Mentee Turin',
      location: 'Ghent, Stadhuis; room "B", 2nd floor',
      description: 'Day 1: buddy scheme\nDay 2: housing office',
      start: '2026-05-04T07:30:00.000Z',
      end: '2026-05-06T07:30:00.000Z',
      status: 'CONFIRMED',
    },
  ]);

  // Moved and then cancelled: same UID, higher SEQUENCE, CANCELLED — an update on re-import.
  await t.http.patch(
    `/api/pairings/${pairing.id}/sessions/${call.body.id}`,
    { startsAt: '2026-04-21T13:00:00Z' },
    { token: cast.mentee.token },
  );
  const cancelled = await t.http.patch(
    `/api/pairings/${pairing.id}/sessions/${call.body.id}`,
    { cancelled: true },
    { token: cast.mentor.token },
  );
  expect(cancelled.body.cancelled).toBe(true);
  const second = await exportEvents();
  expect(second.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
  expect(second[0]).toMatchObject({
    sequence: 2,
    status: 'CANCELLED',
    start: '2026-04-21T13:00:00.000Z',
  });
  expect(second[1]).toEqual(first[1]);

  // Coordinators may download it too; the file is the same.
  expect(await exportEvents(cast.admin.token)).toEqual(second);
});
