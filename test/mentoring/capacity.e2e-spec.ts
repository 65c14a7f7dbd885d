import { startTestApp, TestApp } from '../support/app';
import { sql } from '../support/discussions';
import { addMember, makeUser, type TestUser } from '../support/factories';
import { act, makeMentoringCast, MentoringCast, propose, saveProfile } from './fixtures';

/**
 * A mentor never has more active pairings than their capacity, however the acceptances arrive:
 * one after the other, or at the same moment (the activating transaction locks the mentor's
 * profile before it counts).
 */
let t: TestApp;
let cast: MentoringCast;

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeMentoringCast(t.http);
});
afterAll(async () => {
  await t.close();
});

async function newMentee(): Promise<TestUser> {
  const mentee = await makeUser(t.http);
  await addMember(t.http, cast.admin, cast.network.slug, mentee);
  return mentee;
}

const activeCount = async (mentorId: string) =>
  (
    await sql(
      t,
      `SELECT count(*)::int AS n FROM pairings WHERE mentor_id = $1 AND state = 'active'`,
      [mentorId],
    )
  )[0].n as number;

it('refuses the acceptance that would exceed capacity, and a proposal to a full mentor', async () => {
  const slug = cast.network.slug;
  const [first, second] = [await newMentee(), await newMentee()];
  const a = await propose(t.http, cast.admin, slug, {
    mentorId: cast.mentor.user.id,
    menteeId: first.user.id,
  });
  const b = await propose(t.http, cast.admin, slug, {
    mentorId: cast.mentor.user.id,
    menteeId: second.user.id,
  });
  await act(t.http, first, a.id, 'accept');
  await act(t.http, second, b.id, 'accept');
  await act(t.http, cast.mentor, a.id, 'accept');
  const refused = await t.http.post(`/api/pairings/${b.id}/accept`, undefined, {
    token: cast.mentor.token,
  });
  expect(refused.status).toBe(409);
  expect(refused.body.details).toEqual({ capacity: 1, active: 1 });
  const [row] = await sql(
    t,
    'SELECT state, mentor_accepted_at, channel_id FROM pairings WHERE id = $1',
    [b.id],
  );
  expect(row).toEqual({ state: 'proposed', mentor_accepted_at: null, channel_id: null });
  expect(await activeCount(cast.mentor.user.id)).toBe(1);

  const third = await newMentee();
  const full = await t.http.post(
    `/api/networks/${slug}/pairings`,
    { mentorId: cast.mentor.user.id, menteeId: third.user.id, topics: [], goals: [] },
    { token: cast.admin.token },
  );
  expect(full.status).toBe(409);

  // A place frees up when a pairing ends; then the waiting one can start.
  await act(t.http, cast.mentor, a.id, 'complete');
  expect((await act(t.http, cast.mentor, b.id, 'accept')).state).toBe('active');
});

it('lets only one of two simultaneous acceptances take the last place', async () => {
  const slug = cast.network.slug;
  const mentor = await makeUser(t.http);
  await addMember(t.http, cast.admin, slug, mentor);
  await saveProfile(t.http, mentor, slug, { mode: 'offering', capacity: 1, languages: ['en'] });
  const pairings = [];
  for (let i = 0; i < 4; i++) {
    const mentee = await newMentee();
    const proposed = await propose(t.http, mentee, slug, {
      mentorId: mentor.user.id,
      menteeId: mentee.user.id,
    });
    pairings.push(proposed);
  }
  const answers = await Promise.all(
    pairings.map((p) =>
      t.http.post(`/api/pairings/${p.id}/accept`, undefined, { token: mentor.token }),
    ),
  );
  expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409]);
  expect(await activeCount(mentor.user.id)).toBe(1);
  const channels = await sql(
    t,
    `SELECT count(*)::int AS n FROM pairings WHERE mentor_id = $1 AND channel_id IS NOT NULL`,
    [mentor.user.id],
  );
  expect(channels[0].n).toBe(1);
});

it('activates once when both sides accept at the same moment', async () => {
  const slug = cast.network.slug;
  const mentor = await makeUser(t.http);
  await addMember(t.http, cast.admin, slug, mentor);
  await saveProfile(t.http, mentor, slug, { mode: 'both', capacity: 3, languages: ['en'] });
  const mentee = await newMentee();
  const proposed = await propose(t.http, cast.admin, slug, {
    mentorId: mentor.user.id,
    menteeId: mentee.user.id,
  });
  const answers = await Promise.all([
    t.http.post(`/api/pairings/${proposed.id}/accept`, undefined, { token: mentor.token }),
    t.http.post(`/api/pairings/${proposed.id}/accept`, undefined, { token: mentee.token }),
  ]);
  expect(answers.map((a) => a.status)).toEqual([200, 200]);
  const [row] = await sql(t, 'SELECT state, channel_id FROM pairings WHERE id = $1', [proposed.id]);
  expect(row.state).toBe('active');
  const channels = await sql(
    t,
    `SELECT count(*)::int AS n FROM channels WHERE slug LIKE 'pairing-%' AND id = $1`,
    [row.channel_id],
  );
  expect(channels[0].n).toBe(1);
});
