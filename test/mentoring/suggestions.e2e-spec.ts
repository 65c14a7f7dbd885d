import type { SuggestionsView } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import { joinOrganisation } from '../support/discussions';
import { addMember, makeOrganisation, makeUser, type TestUser } from '../support/factories';
import { act, makeMentoringCast, MentoringCast, propose, saveProfile } from './fixtures';

/**
 * Suggestions never propose someone without a shared language, from the mentee's own
 * organisation, without a place left or paused; they are ranked and explained, and only the
 * mentee and coordinators may ask.
 */
let t: TestApp;
let cast: MentoringCast;
const people: Record<string, TestUser> = {};

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeMentoringCast(t.http);
  const slug = cast.network.slug;
  const join = async (name: string) => {
    const user = await makeUser(t.http, { displayName: name });
    await addMember(t.http, cast.admin, slug, user);
    people[name] = user;
    return user;
  };
  // Same organisation as the mentee (Turin), otherwise a perfect match.
  const colleague = await join('Colleague Turin');
  const menteeOrg = (await t.http.get('/api/me', { token: cast.mentee.token })).body.organisation;
  await t.http.put(
    '/api/me/organisation',
    { organisationId: menteeOrg.id },
    { token: colleague.token },
  );
  await saveProfile(t.http, colleague, slug, {
    topics: ['housing', 'evaluation'],
    languages: ['it', 'en'],
    capacity: 5,
  });
  // No shared language, every topic.
  const german = await join('Only German');
  await joinOrganisation(t.http, german, { sector: 'government', level: 'local', country: 'DE' });
  await saveProfile(t.http, german, slug, {
    topics: ['housing', 'evaluation'],
    languages: ['de'],
    capacity: 5,
  });
  // Paused.
  const paused = await join('Paused Mentor');
  await saveProfile(t.http, paused, slug, {
    topics: ['housing'],
    languages: ['en'],
    available: false,
  });
  // Seeking only.
  const seeker = await join('Also Seeking');
  await saveProfile(t.http, seeker, slug, {
    mode: 'seeking',
    topics: ['housing'],
    languages: ['en'],
  });
  // A weaker but valid match: one topic, shares Italian, national level, another sector.
  const ngo = await join('National NGO');
  const org = await makeOrganisation(t.http, ngo, {
    sector: 'ngo',
    level: 'national',
    country: 'IT',
  });
  await t.http.put('/api/me/organisation', { organisationId: org.id }, { token: ngo.token });
  await saveProfile(t.http, ngo, slug, {
    mode: 'both',
    topics: ['housing'],
    languages: ['it'],
    capacity: 2,
  });
  // Full: capacity 1, already mentoring someone.
  const busy = await join('Busy Mentor');
  await saveProfile(t.http, busy, slug, {
    topics: ['housing', 'evaluation'],
    languages: ['en'],
    capacity: 1,
  });
  const busyMentee = await join('Busy Mentee');
  const pairing = await propose(t.http, busyMentee, slug, {
    mentorId: busy.user.id,
    menteeId: busyMentee.user.id,
  });
  await act(t.http, busy, pairing.id, 'accept');
});
afterAll(async () => {
  await t.close();
});

const suggestionsFor = (token: string, query = '') =>
  t.http.get<SuggestionsView>(`/api/networks/${cast.network.slug}/mentoring/suggestions${query}`, {
    token,
  });

it('ranks the eligible, best first, and leaves out everyone who must never be suggested', async () => {
  const response = await suggestionsFor(cast.mentee.token);
  expect(response.status).toBe(200);
  const names = response.body.suggestions.map((s) => s.mentor.person.displayName);
  expect(names).toEqual(['Mentor Ghent', 'National NGO']);
  for (const excluded of [
    'Colleague Turin',
    'Only German',
    'Paused Mentor',
    'Also Seeking',
    'Busy Mentor',
  ]) {
    expect(names).not.toContain(excluded);
  }
  const scores = response.body.suggestions.map((s) => s.score);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  const ngo = response.body.suggestions[1];
  expect(ngo.reasons.map((r) => r.code)).toEqual([
    'topic_overlap',
    'shared_language',
    'capacity_left',
  ]);
  expect(ngo.reasons[1]).toMatchObject({ languages: ['it'] });
  expect(ngo.mentor).toMatchObject({ capacity: 2, activePairings: 0, mode: 'both' });
});

it('gives a coordinator the same list for a mentee, and refuses members asking about others', async () => {
  const mine = await suggestionsFor(cast.mentee.token);
  const coordinator = await suggestionsFor(
    cast.moderator.token,
    `?menteeId=${cast.mentee.user.id}`,
  );
  expect(coordinator.status).toBe(200);
  expect(coordinator.body).toEqual(mine.body);
  const member = await suggestionsFor(cast.member.token, `?menteeId=${cast.mentee.user.id}`);
  expect(member.status).toBe(403);
  const outsider = await suggestionsFor(cast.outsider.token, `?menteeId=${cast.mentee.user.id}`);
  expect(outsider.status).toBe(404);
  const noProfile = await suggestionsFor(cast.member.token);
  expect(noProfile.status).toBe(404);
  const offeringOnly = await suggestionsFor(cast.mentor.token);
  expect(offeringOnly.status).toBe(409);
  const limited = await suggestionsFor(cast.mentee.token, '?limit=1');
  expect(limited.body.suggestions).toHaveLength(1);
});

it('stops suggesting a mentor once they have an open pairing with the mentee', async () => {
  const pairing = await propose(t.http, cast.admin, cast.network.slug, {
    mentorId: cast.mentor.user.id,
    menteeId: cast.mentee.user.id,
  });
  const response = await suggestionsFor(cast.mentee.token);
  expect(response.body.suggestions.map((s) => s.mentor.person.displayName)).toEqual([
    'National NGO',
  ]);
  await act(t.http, cast.admin, pairing.id, 'cancel');
});

it('lists profiles for coordinators only, a page at a time', async () => {
  const slug = cast.network.slug;
  const first = await t.http.get(`/api/networks/${slug}/mentoring/profiles?limit=3`, {
    token: cast.admin.token,
  });
  expect(first.status).toBe(200);
  expect(first.body.items).toHaveLength(3);
  const second = await t.http.get(
    `/api/networks/${slug}/mentoring/profiles?limit=50&cursor=${first.body.nextCursor}`,
    { token: cast.admin.token },
  );
  const all = [...first.body.items, ...second.body.items].map(
    (p: { person: { displayName: string } }) => p.person.displayName,
  );
  expect(all).toHaveLength(8);
  expect(all).toEqual([...all].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  const seeking = await t.http.get(`/api/networks/${slug}/mentoring/profiles?mode=seeking`, {
    token: cast.admin.token,
  });
  expect(
    seeking.body.items.map((p: { person: { displayName: string } }) => p.person.displayName).sort(),
  ).toEqual(['Also Seeking', 'Mentee Turin', 'National NGO'].sort());
  expect(
    (await t.http.get(`/api/networks/${slug}/mentoring/profiles`, { token: cast.member.token }))
      .status,
  ).toBe(403);
  expect(
    (await t.http.get(`/api/networks/${slug}/mentoring/profiles`, { token: cast.outsider.token }))
      .status,
  ).toBe(404);
  const mine = await t.http.get(`/api/networks/${slug}/mentoring/profiles/me`, {
    token: cast.mentee.token,
  });
  expect(mine.body).toMatchObject({ mode: 'seeking', languages: ['it', 'en'] });
  expect(
    (await t.http.get(`/api/networks/${slug}/mentoring/profiles/me`, { token: cast.member.token }))
      .status,
  ).toBe(404);
});

it('updates a profile in place (200) and drops it when its owner leaves the network', async () => {
  const slug = cast.network.slug;
  const updated = await t.http.post(
    `/api/networks/${slug}/mentoring/profiles`,
    { mode: 'both', topics: ['funding'], languages: ['fr'], capacity: 2 },
    { token: people['Also Seeking'].token },
  );
  expect(updated.status).toBe(200);
  expect(updated.body).toMatchObject({
    mode: 'both',
    topics: ['funding'],
    languages: ['fr'],
    capacity: 2,
  });
  const left = await t.http.post(`/api/networks/${slug}/leave`, undefined, {
    token: people['Also Seeking'].token,
  });
  expect([200, 204]).toContain(left.status);
  const list = await t.http.get(`/api/networks/${slug}/mentoring/profiles?limit=100`, {
    token: cast.admin.token,
  });
  expect(
    list.body.items.map((p: { person: { displayName: string } }) => p.person.displayName),
  ).not.toContain('Also Seeking');
});
