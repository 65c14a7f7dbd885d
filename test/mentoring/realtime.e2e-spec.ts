import type { NotificationView, PairingView } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import type { TestUser } from '../support/factories';
import { collect, connectSocket, settle, TestSocket, until } from '../support/sockets';
import { act, makeMentoringCast, MentoringCast, propose } from './fixtures';

/**
 * `pairing:updated` and the pairing notifications reach exactly the people concerned — the
 * pair and the proposing coordinator, each with their own view — and nobody else.
 */
let t: TestApp;
let cast: MentoringCast;
const sockets: TestSocket[] = [];
const updates = new Map<string, PairingView[]>();
const notes = new Map<string, NotificationView[]>();

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeMentoringCast(t.http);
  for (const user of everyone()) {
    const socket = await connectSocket(t.baseUrl, user.token);
    sockets.push(socket);
    updates.set(user.user.id, collect<PairingView>(socket, 'pairing:updated'));
    notes.set(user.user.id, collect<NotificationView>(socket, 'notification'));
  }
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await t.close();
});

function everyone(): TestUser[] {
  return [
    cast.admin,
    cast.moderator,
    cast.member,
    cast.other,
    cast.outsider,
    cast.mentor,
    cast.mentee,
  ];
}

function reset(): void {
  for (const list of [...updates.values(), ...notes.values()]) list.length = 0;
}

const kindsFor = (user: TestUser) => notes.get(user.user.id)!.map((n) => n.kind);
const updatesFor = (user: TestUser) => updates.get(user.user.id)!;

it('tells the pair and the proposer, and only them, at every step', async () => {
  const { admin, mentor, mentee } = cast;
  const bystanders = [cast.moderator, cast.member, cast.other, cast.outsider];

  reset();
  const proposed = await propose(t.http, admin, cast.network.slug, {
    mentorId: mentor.user.id,
    menteeId: mentee.user.id,
  });
  await until(() => [admin, mentor, mentee].every((u) => updatesFor(u).length === 1));
  await until(() => kindsFor(mentor).length === 1 && kindsFor(mentee).length === 1);
  await settle();
  expect(kindsFor(mentor)).toEqual(['pairing_proposed']);
  expect(kindsFor(mentee)).toEqual(['pairing_proposed']);
  expect(kindsFor(admin)).toEqual([]);
  // Each gets their own view: their side and what they may do.
  expect(updatesFor(mentor)[0]).toMatchObject({
    id: proposed.id,
    mySide: 'mentor',
    myActions: ['accept', 'decline', 'cancel'],
  });
  expect(updatesFor(admin)[0]).toMatchObject({
    id: proposed.id,
    mySide: null,
    myActions: ['cancel'],
  });
  for (const user of bystanders) {
    expect(updatesFor(user)).toEqual([]);
    expect(kindsFor(user)).toEqual([]);
  }

  reset();
  await act(t.http, mentor, proposed.id, 'accept');
  await until(() => [admin, mentor, mentee].every((u) => updatesFor(u).length === 1));
  await until(() => kindsFor(mentee).length === 1 && kindsFor(admin).length === 1);
  await settle();
  expect(kindsFor(mentee)).toEqual(['pairing_accepted']);
  expect(kindsFor(admin)).toEqual(['pairing_accepted']);
  expect(kindsFor(mentor)).toEqual([]);

  reset();
  await act(t.http, mentee, proposed.id, 'accept');
  await until(() => [admin, mentor, mentee].every((u) => updatesFor(u).length === 1));
  await settle();
  expect(updatesFor(mentor)[0]).toMatchObject({ state: 'active', channelId: expect.any(String) });
  expect(updatesFor(admin)[0]).toMatchObject({ state: 'active', channelId: null, threadId: null });
  expect(kindsFor(mentor)).toEqual(['pairing_accepted']);
  expect(kindsFor(admin)).toEqual(['pairing_accepted']);
  expect(kindsFor(mentee)).toEqual([]);

  reset();
  await t.http.post(
    `/api/pairings/${proposed.id}/sessions`,
    {
      startsAt: '2026-06-01T09:00:00Z',
      durationMinutes: 90,
      format: 'call',
      agenda: 'First call: goals',
    },
    { token: mentee.token },
  );
  await until(() => [admin, mentor, mentee].every((u) => updatesFor(u).length === 1));
  await until(() => kindsFor(mentor).length === 1);
  await settle();
  expect(notes.get(mentor.user.id)![0]).toMatchObject({
    kind: 'pairing_session',
    subject: { type: 'pairing', id: proposed.id },
    excerpt: 'First call: goals',
    actor: { kind: 'named', userId: mentee.user.id },
  });
  expect(kindsFor(mentee)).toEqual([]);
  expect(kindsFor(admin)).toEqual([]);
  expect(updatesFor(mentor)[0].sessions).toHaveLength(1);

  reset();
  await act(t.http, admin, proposed.id, 'complete');
  await until(() => [admin, mentor, mentee].every((u) => updatesFor(u).length === 1));
  await until(() => kindsFor(mentor).length === 1 && kindsFor(mentee).length === 1);
  await settle();
  expect(kindsFor(mentor)).toEqual(['pairing_completed']);
  expect(kindsFor(mentee)).toEqual(['pairing_completed']);
  for (const user of bystanders) {
    expect(updatesFor(user)).toEqual([]);
    expect(kindsFor(user)).toEqual([]);
  }
  // The HTTP list holds the same as the live ones.
  const listed = await t.http.get('/api/notifications', { token: mentor.token });
  expect(listed.body.items.map((n: NotificationView) => n.kind)).toEqual([
    'pairing_completed',
    'pairing_session',
    'pairing_accepted',
    'pairing_proposed',
  ]);
});

it('stops telling a coordinator who is no longer one', async () => {
  const proposed = await propose(t.http, cast.moderator, cast.network.slug, {
    mentorId: cast.mentor.user.id,
    menteeId: cast.mentee.user.id,
  });
  const demoted = await t.http.patch(
    `/api/networks/${cast.network.slug}/members/${cast.moderator.user.id}`,
    { role: 'member' },
    { token: cast.admin.token },
  );
  expect(demoted.status).toBe(200);
  reset();
  await act(t.http, cast.mentor, proposed.id, 'decline');
  await until(() => updatesFor(cast.mentee).length === 1);
  await settle();
  expect(updatesFor(cast.moderator)).toEqual([]);
  expect(kindsFor(cast.moderator)).toEqual([]);
  expect(kindsFor(cast.mentee)).toEqual(['pairing_declined']);
  const hidden = await t.http.get(`/api/pairings/${proposed.id}`, { token: cast.moderator.token });
  expect(hidden.status).toBe(404);
});
