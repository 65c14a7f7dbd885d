import { allowedPairingActions, type PairingAction, type PairingState } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import { sql } from '../support/discussions';
import { addMember, makeUser } from '../support/factories';
import {
  act,
  makeMentoringCast,
  MentoringCast,
  mentoringCounts,
  pairingSnapshot,
  propose,
} from './fixtures';

/**
 * Every action a pairing's state does not allow is refused with 409 `invalid_transition`, the
 * allowed actions named in the details, and nothing changes: not the pairing, its goals, its
 * channel, nor any notification or audit entry.
 */
let t: TestApp;
let cast: MentoringCast;
const pairings = {} as Record<PairingState, string>;

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeMentoringCast(t.http);
  const slug = cast.network.slug;
  // Capacity for the several pairings below (one at a time is active).
  await t.http.post(
    `/api/networks/${slug}/mentoring/profiles`,
    { mode: 'offering', topics: ['housing'], languages: ['en'], capacity: 10 },
    { token: cast.mentor.token },
  );
  const menteeFor = async () => {
    // One mentee per pairing: the mentor and a mentee have at most one open pairing.
    const mentee = await makeUser(t.http);
    await addMember(t.http, cast.admin, slug, mentee);
    return mentee;
  };
  const make = async (state: PairingState) => {
    const mentee = await menteeFor();
    const proposed = await propose(t.http, cast.admin, slug, {
      mentorId: cast.mentor.user.id,
      menteeId: mentee.user.id,
    });
    if (state === 'proposed') return proposed.id;
    if (state === 'declined') return (await act(t.http, mentee, proposed.id, 'decline')).id;
    if (state === 'cancelled') return (await act(t.http, cast.admin, proposed.id, 'cancel')).id;
    await act(t.http, mentee, proposed.id, 'accept');
    await act(t.http, cast.mentor, proposed.id, 'accept');
    if (state === 'active') return proposed.id;
    return (await act(t.http, cast.mentor, proposed.id, 'complete')).id;
  };
  for (const state of ['proposed', 'active', 'completed', 'declined', 'cancelled'] as const) {
    pairings[state] = await make(state);
  }
});
afterAll(async () => {
  await t.close();
});

const ILLEGAL: [PairingState, PairingAction][] = [
  ['proposed', 'complete'],
  ['active', 'accept'],
  ['active', 'decline'],
  ...(['completed', 'declined', 'cancelled'] as const).flatMap((state) =>
    (['accept', 'decline', 'complete', 'cancel'] as const).map(
      (action): [PairingState, PairingAction] => [state, action],
    ),
  ),
];

it('covers all fifteen illegal transitions', () => {
  expect(ILLEGAL).toHaveLength(15);
});

it.each(ILLEGAL)('refuses %s → %s with 409 and changes nothing', async (state, action) => {
  const id = pairings[state];
  const before = await pairingSnapshot(t, id);
  const counts = await mentoringCounts(t);
  // The mentor may take every action (policy); only the state machine says no.
  const response = await t.http.post(`/api/pairings/${id}/${action}`, undefined, {
    token: cast.mentor.token,
  });
  expect(response.status).toBe(409);
  expect(response.body).toMatchObject({
    statusCode: 409,
    error: 'invalid_transition',
    details: { state, action, allowed: allowedPairingActions(state) },
  });
  expect(await pairingSnapshot(t, id)).toEqual(before);
  expect(await mentoringCounts(t)).toEqual(counts);
});

it('refuses a second acceptance by the same side (409) without changing anything', async () => {
  const mentee = await makeUser(t.http);
  await addMember(t.http, cast.admin, cast.network.slug, mentee);
  const proposed = await propose(t.http, cast.admin, cast.network.slug, {
    mentorId: cast.mentor.user.id,
    menteeId: mentee.user.id,
  });
  await act(t.http, mentee, proposed.id, 'accept');
  const before = await pairingSnapshot(t, proposed.id);
  const again = await t.http.post(`/api/pairings/${proposed.id}/accept`, undefined, {
    token: mentee.token,
  });
  expect(again.status).toBe(409);
  expect(again.body.error).toBe('conflict');
  expect(await pairingSnapshot(t, proposed.id)).toEqual(before);
});

it('lets only the sides accept or decline; a coordinator gets 403, nothing changes', async () => {
  const id = pairings.proposed;
  const before = await pairingSnapshot(t, id);
  for (const action of ['accept', 'decline']) {
    const response = await t.http.post(`/api/pairings/${id}/${action}`, undefined, {
      token: cast.admin.token,
    });
    expect(response.status).toBe(403);
  }
  expect(await pairingSnapshot(t, id)).toEqual(before);
});

it('keeps goals and sessions of finished pairings as they are', async () => {
  for (const state of ['completed', 'declined', 'cancelled'] as const) {
    const id = pairings[state];
    const before = await pairingSnapshot(t, id);
    const goal = await t.http.post(
      `/api/pairings/${id}/goals`,
      { title: 'Late goal' },
      { token: cast.mentor.token },
    );
    expect(goal.status).toBe(409);
    const session = await t.http.post(
      `/api/pairings/${id}/sessions`,
      { startsAt: '2026-05-01T09:00:00Z', durationMinutes: 60, format: 'call' },
      { token: cast.mentor.token },
    );
    expect(session.status).toBe(409);
    expect(await pairingSnapshot(t, id)).toEqual(before);
  }
  // A proposed pairing takes goals but no sessions yet.
  const early = await t.http.post(
    `/api/pairings/${pairings.proposed}/sessions`,
    { startsAt: '2026-05-01T09:00:00Z', durationMinutes: 60, format: 'call' },
    { token: cast.mentor.token },
  );
  expect(early.status).toBe(409);
});

it('caps goals at ten, in the schema as well', async () => {
  const id = pairings.active;
  const current = await t.http.get(`/api/pairings/${id}`, { token: cast.mentor.token });
  for (let n = current.body.goals.length; n < 10; n++) {
    const added = await t.http.post(
      `/api/pairings/${id}/goals`,
      { title: `Goal ${n + 1}` },
      { token: cast.mentor.token },
    );
    expect(added.status).toBe(201);
  }
  const before = await pairingSnapshot(t, id);
  const eleventh = await t.http.post(
    `/api/pairings/${id}/goals`,
    { title: 'One too many' },
    { token: cast.mentor.token },
  );
  expect(eleventh.status).toBe(409);
  expect(eleventh.body.details).toEqual({ max: 10, existing: 10 });
  expect(await pairingSnapshot(t, id)).toEqual(before);
  await expect(
    sql(t, `INSERT INTO pairing_goals (pairing_id, position, title) VALUES ($1, 11, 'x')`, [id]),
  ).rejects.toThrow(/check/);
});
