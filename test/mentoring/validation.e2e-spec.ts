import { startTestApp, TestApp } from '../support/app';
import { activePairing, makeMentoringCast, MentoringCast, mentoringCounts } from './fixtures';
import type { PairingView } from '@tandem/domain';

/** Every bad input answers 400 naming each bad field, and writes nothing. */
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

const fieldsOf = (body: { details?: { field: string }[] }) =>
  [...new Set((body.details ?? []).map((d) => d.field.split('.')[0]))].sort();

type Case = [string, () => string, Record<string, unknown>, string[]];

/** Built lazily: at collection time only the names are read (the cast does not exist yet). */
const cases = (): Case[] => {
  const slug = cast?.network.slug;
  const profiles = () => `/api/networks/${slug}/mentoring/profiles`;
  const pairings = () => `/api/networks/${slug}/pairings`;
  const goal = () => `/api/pairings/${pairing?.id}/goals/${pairing?.goals[0].id}`;
  const sessions = () => `/api/pairings/${pairing?.id}/sessions`;
  const valid = {
    mentorId: cast?.mentor.user.id,
    menteeId: cast?.member.user.id,
    topics: [],
    goals: [],
  };
  return [
    [
      'profile: wrong mode, unknown topic, bad language, capacity 0',
      profiles,
      { mode: 'teaching', topics: ['cooking'], languages: ['english'], capacity: 0 },
      ['capacity', 'languages', 'mode', 'topics'],
    ],
    [
      'profile: capacity 11, no language',
      profiles,
      { mode: 'offering', topics: [], languages: [], capacity: 11 },
      ['capacity', 'languages'],
    ],
    [
      'profile: objects where strings belong',
      profiles,
      { mode: { $ne: 1 }, topics: [{}], languages: [{ code: 'en' }], about: { text: 'x' } },
      ['about', 'languages', 'mode', 'topics'],
    ],
    [
      'profile: too long, unknown field',
      profiles,
      {
        mode: 'seeking',
        topics: [],
        languages: ['en'],
        about: 'x'.repeat(1001),
        availabilityNote: 'y'.repeat(201),
        role: 'admin',
      },
      ['about', 'availabilityNote', 'role'],
    ],
    [
      'profile: upper-case and duplicate languages',
      profiles,
      { mode: 'seeking', topics: [], languages: ['EN', 'en', 'en'] },
      ['languages'],
    ],
    [
      'profile: a NUL in the text',
      profiles,
      { mode: 'seeking', topics: [], languages: ['en'], about: 'a\u0000b' },
      ['about'],
    ],
    [
      'pairing: ids not uuids, goals too many',
      pairings,
      {
        mentorId: 'me',
        menteeId: 42,
        topics: ['housing'],
        goals: Array.from({ length: 11 }, (_, i) => `Goal ${i}`),
      },
      ['goals', 'menteeId', 'mentorId'],
    ],
    [
      'pairing: goal objects and blank goals',
      pairings,
      { ...valid, goals: [{ title: 'x' }, '   '] },
      ['goals'],
    ],
    [
      'pairing: too many topics, a flag as a string',
      pairings,
      {
        ...valid,
        topics: ['housing', 'employment', 'language', 'education', 'funding', 'gender'],
        onBehalfOfOrganisations: 'yes',
      },
      ['onBehalfOfOrganisations', 'topics'],
    ],
    [
      'pairing: mentor who does not offer mentoring',
      pairings,
      { ...valid, mentorId: cast?.member.user.id, menteeId: cast?.mentee.user.id },
      ['mentorId'],
    ],
    [
      'pairing: mentee outside the network',
      pairings,
      { ...valid, menteeId: cast?.outsider.user.id },
      ['menteeId'],
    ],
    [
      'pairing: mentor and mentee the same',
      pairings,
      { ...valid, menteeId: cast?.mentor.user.id },
      ['menteeId'],
    ],
    [
      'session: bad date, duration, format',
      sessions,
      { startsAt: 'next tuesday', durationMinutes: 5, format: 'lunch' },
      ['durationMinutes', 'format', 'startsAt'],
    ],
    [
      'session: objects and a stranger as participant',
      sessions,
      {
        startsAt: { $gt: '' },
        durationMinutes: '60',
        format: 'call',
        participantIds: [cast?.member.user.id],
        agenda: ['x'],
      },
      ['agenda', 'durationMinutes', 'startsAt'],
    ],
    [
      'session: participant outside the pair',
      sessions,
      {
        startsAt: '2026-05-01T09:00:00Z',
        durationMinutes: 60,
        format: 'call',
        participantIds: [cast?.member.user.id],
      },
      ['participantIds'],
    ],
    [
      'goal: unknown status, long note, empty title',
      goal,
      { status: 'done', note: 'x'.repeat(2001), title: '' },
      ['note', 'status', 'title'],
    ],
    [
      'feedback: out of range',
      () => `/api/pairings/${pairing?.id}/feedback`,
      { usefulness: 6, programmeChanges: 5, wouldRecommend: 'yes' },
      ['programmeChanges', 'usefulness', 'wouldRecommend'],
    ],
    [
      'follow-up: unknown milestone',
      () => `/api/pairings/${pairing?.id}/follow-ups`,
      { milestone: 3, lasting: '', stillInContact: null, usefulness: 0 },
      ['milestone', 'stillInContact', 'usefulness'],
    ],
  ];
};

it.each(cases().map((c, i): [string, number] => [c[0], i]))(
  '%s: 400 with each bad field named, nothing written',
  async (_name, index) => {
    const [, path, body, fields] = cases()[index];
    const before = await mentoringCounts(t);
    const method = path().includes('/goals/') ? 'PATCH' : 'POST';
    // The admin proposes (members may only propose for themselves); the mentor does the rest.
    const token = path().endsWith('/pairings') ? cast.admin.token : cast.mentor.token;
    const answer = await t.http.request<any>(method, path(), body, { token });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('bad_request');
    expect(fieldsOf(answer.body)).toEqual(fields);
    expect(await mentoringCounts(t)).toEqual(before);
  },
);

it('refuses bad query parameters and ids too', async () => {
  const slug = cast.network.slug;
  for (const path of [
    `/api/networks/${slug}/mentoring/suggestions?menteeId=nobody`,
    `/api/networks/${slug}/mentoring/suggestions?limit=500`,
    `/api/networks/${slug}/pairings?state=sleeping`,
    `/api/networks/${slug}/pairings?cursor=forged`,
    `/api/networks/${slug}/mentoring/profiles?mode=x`,
    `/api/pairings/not-a-uuid`,
    `/api/pairings/${pairing.id}/sessions?limit=0`,
  ]) {
    const response = await t.http.get(path, { token: cast.admin.token });
    expect([path, response.status]).toEqual([path, 400]);
  }
});
