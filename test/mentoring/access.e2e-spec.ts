import type { ChannelView, PairingView } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import { clientId, sql } from '../support/discussions';
import type { TestUser } from '../support/factories';
import { connectSocket, request, TestSocket } from '../support/sockets';
import { activePairing, makeMentoringCast, MentoringCast, mentoringCounts } from './fixtures';

/**
 * Who reads what. A pairing (its goals, sessions and calendar) is for the pair and the network's
 * coordinators; its channel is for the pair and whoever they add. Everyone else gets 404, over
 * HTTP and over the socket, and a refused write leaves nothing behind.
 */
let t: TestApp;
let cast: MentoringCast;
let pairing: PairingView;
let sessionId: string;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeMentoringCast(t.http);
  pairing = await activePairing(t.http, cast);
  const session = await t.http.post(
    `/api/pairings/${pairing.id}/sessions`,
    { startsAt: '2026-04-02T09:00:00Z', durationMinutes: 60, format: 'video_call' },
    { token: cast.mentor.token },
  );
  sessionId = session.body.id;
  await t.http.post(
    `/api/threads/${pairing.threadId}/messages`,
    { body: 'Just between us', clientId: clientId() },
    { token: cast.mentee.token },
  );
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await t.close();
});

const strangers = (): [string, TestUser][] => [
  ['another member', cast.member],
  ['an outsider', cast.outsider],
];
const coordinators = (): [string, TestUser][] => [
  ['the admin', cast.admin],
  ['a moderator', cast.moderator],
];

describe('the pairing itself', () => {
  const reads = () => [
    `/api/pairings/${pairing.id}`,
    `/api/pairings/${pairing.id}/sessions`,
    `/api/pairings/${pairing.id}/calendar.ics`,
  ];

  it('is read by the pair and by coordinators', async () => {
    for (const user of [cast.mentor, cast.mentee, cast.admin, cast.moderator]) {
      for (const path of reads()) {
        const response = await t.http.get(path, { token: user.token });
        expect([path, response.status]).toEqual([path, 200]);
      }
    }
  });

  it.each([0, 1])('does not exist for stranger %#', async (index) => {
    const [, user] = strangers()[index];
    for (const path of reads()) {
      const response = await t.http.get(path, { token: user.token });
      expect([path, response.status, response.body.message]).toEqual([
        path,
        404,
        'Pairing not found',
      ]);
    }
    // The same answer as a pairing that does not exist at all.
    const missing = await t.http.get('/api/pairings/00000000-0000-4000-8000-000000000000', {
      token: user.token,
    });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('Pairing not found');
  });

  it('cannot be changed by strangers (404) or, for goals and sessions, coordinators (403)', async () => {
    const before = await mentoringCounts(t);
    const goalId = pairing.goals[0].id;
    const writes = [
      ['POST', `/api/pairings/${pairing.id}/goals`, { title: 'x' }],
      ['PATCH', `/api/pairings/${pairing.id}/goals/${goalId}`, { status: 'dropped' }],
      [
        'POST',
        `/api/pairings/${pairing.id}/sessions`,
        { startsAt: '2026-04-09T09:00:00Z', durationMinutes: 60, format: 'call' },
      ],
      ['PATCH', `/api/pairings/${pairing.id}/sessions/${sessionId}`, { notes: 'x' }],
      ['POST', `/api/pairings/${pairing.id}/complete`, undefined],
      ['POST', `/api/pairings/${pairing.id}/cancel`, undefined],
    ] as const;
    for (const [, user] of strangers()) {
      for (const [method, path, body] of writes) {
        const response = await t.http.request(method, path, body, { token: user.token });
        expect([method, path, response.status]).toEqual([method, path, 404]);
      }
    }
    for (const [, user] of coordinators()) {
      for (const [method, path, body] of writes.slice(0, 4)) {
        const response = await t.http.request(method, path, body, { token: user.token });
        expect([method, path, response.status]).toEqual([method, path, 403]);
      }
    }
    expect(await mentoringCounts(t)).toEqual(before);
  });

  it('answers 404 for a goal or session of another pairing', async () => {
    const response = await t.http.patch(
      `/api/pairings/${pairing.id}/goals/00000000-0000-4000-8000-000000000000`,
      { status: 'dropped' },
      { token: cast.mentor.token },
    );
    expect(response.status).toBe(404);
  });
});

describe('the pairing channel', () => {
  const channelPaths = () => [
    `/api/channels/${pairing.channelId}`,
    `/api/channels/${pairing.channelId}/threads`,
    `/api/threads/${pairing.threadId}`,
    `/api/threads/${pairing.threadId}/messages`,
  ];

  it('is read by the pair', async () => {
    for (const user of [cast.mentor, cast.mentee]) {
      for (const path of channelPaths()) {
        expect((await t.http.get(path, { token: user.token })).status).toBe(200);
      }
    }
  });

  it.each([0, 1, 2, 3])(
    'is hidden from everyone else (%#), coordinators included',
    async (index) => {
      const [, user] = [...coordinators(), ...strangers()][index];
      for (const path of channelPaths()) {
        const response = await t.http.get(path, { token: user.token });
        expect([path, response.status]).toEqual([path, 404]);
      }
      const post = await t.http.post(
        `/api/threads/${pairing.threadId}/messages`,
        { body: 'Hello?', clientId: clientId() },
        { token: user.token },
      );
      expect(post.status).toBe(404);
    },
  );

  it('does not appear in the channel list of coordinators or other members', async () => {
    const slug = cast.network.slug;
    for (const user of [cast.admin, cast.moderator, cast.member]) {
      const list = await t.http.get<ChannelView[]>(`/api/networks/${slug}/channels?archived=true`, {
        token: user.token,
      });
      expect(list.body.map((c) => c.id)).not.toContain(pairing.channelId);
    }
    const mine = await t.http.get<ChannelView[]>(`/api/networks/${slug}/channels`, {
      token: cast.mentor.token,
    });
    expect(mine.body.map((c) => c.id)).toContain(pairing.channelId);
  });

  it('is not managed by coordinators: they cannot add people, rename or archive it', async () => {
    const before = await mentoringCounts(t);
    for (const [, user] of coordinators()) {
      const add = await t.http.post(
        `/api/channels/${pairing.channelId}/members`,
        { userId: user.user.id },
        { token: user.token },
      );
      expect(add.status).toBe(404);
      const rename = await t.http.patch(
        `/api/channels/${pairing.channelId}`,
        { name: 'Renamed' },
        { token: user.token },
      );
      expect(rename.status).toBe(404);
      const remove = await t.http.delete(
        `/api/channels/${pairing.channelId}/members/${cast.mentee.user.id}`,
        { token: user.token },
      );
      expect(remove.status).toBe(404);
    }
    // The pair cannot rename it or leave it either: it follows the pairing.
    const rename = await t.http.patch(
      `/api/channels/${pairing.channelId}`,
      { archived: true },
      { token: cast.mentor.token },
    );
    expect(rename.status).toBe(409);
    const leave = await t.http.delete(
      `/api/channels/${pairing.channelId}/members/${cast.mentee.user.id}`,
      { token: cast.mentee.token },
    );
    expect(leave.status).toBe(409);
    expect(await mentoringCounts(t)).toEqual(before);
  });

  it('refuses coordinators and strangers over the socket, and admits the pair', async () => {
    for (const [, user] of [...coordinators(), ...strangers()]) {
      const socket = await connectSocket(t.baseUrl, user.token);
      sockets.push(socket);
      const channel = await request(socket, 'channel:join', { channelId: pairing.channelId });
      expect(channel).toMatchObject({ ok: false, error: 'not_found' });
      const thread = await request(socket, 'thread:join', {
        threadId: pairing.threadId,
        afterSeq: 0,
      });
      expect(thread).toMatchObject({ ok: false, error: 'not_found' });
      const send = await request(socket, 'message:send', {
        threadId: pairing.threadId,
        body: 'Let me in',
        clientId: clientId(),
      });
      expect(send).toMatchObject({ ok: false, error: 'not_found' });
    }
    const socket = await connectSocket(t.baseUrl, cast.mentor.token);
    sockets.push(socket);
    expect(await request(socket, 'channel:join', { channelId: pairing.channelId })).toMatchObject({
      ok: true,
    });
    const joined = await request(socket, 'thread:join', {
      threadId: pairing.threadId,
      afterSeq: 0,
    });
    expect(joined.ok).toBe(true);
    expect(joined.missed.map((m: { body: string }) => m.body)).toEqual(['Just between us']);
  });

  it('lets the pair add a coordinator, who can then read it (and only then)', async () => {
    const add = await t.http.post(
      `/api/channels/${pairing.channelId}/members`,
      { userId: cast.moderator.user.id },
      { token: cast.mentee.token },
    );
    expect(add.status).toBe(200);
    const read = await t.http.get(`/api/threads/${pairing.threadId}/messages`, {
      token: cast.moderator.token,
    });
    expect(read.status).toBe(200);
    const view = await t.http.get<PairingView>(`/api/pairings/${pairing.id}`, {
      token: cast.moderator.token,
    });
    expect(view.body.channelId).toBe(pairing.channelId);
    // Someone the pair added does not manage the list in turn.
    const addMore = await t.http.post(
      `/api/channels/${pairing.channelId}/members`,
      { userId: cast.admin.user.id },
      { token: cast.moderator.token },
    );
    expect(addMore.status).toBe(403);
    // The admin still does not read it.
    const admin = await t.http.get(`/api/threads/${pairing.threadId}/messages`, {
      token: cast.admin.token,
    });
    expect(admin.status).toBe(404);
    // The pair take the guest off again.
    const removed = await t.http.delete(
      `/api/channels/${pairing.channelId}/members/${cast.moderator.user.id}`,
      { token: cast.mentor.token },
    );
    expect(removed.status).toBe(204);
    // The pair's own list changes are not moderator actions: the audit log has none of them.
    const audited = await sql(
      t,
      `SELECT action FROM audit_log WHERE subject_id = $1 AND action LIKE 'channel.%'`,
      [pairing.channelId],
    );
    expect(audited).toEqual([]);
    expect(
      (
        await t.http.get(`/api/threads/${pairing.threadId}/messages`, {
          token: cast.moderator.token,
        })
      ).status,
    ).toBe(404);
  });
});

describe('ordinary private channels', () => {
  it('are still managed by moderators (the pairing rule is for pairing channels only)', async () => {
    const created = await t.http.post<ChannelView>(
      `/api/networks/${cast.network.slug}/channels`,
      { slug: 'steering', name: 'Steering group', visibility: 'private' },
      { token: cast.admin.token },
    );
    const add = await t.http.post(
      `/api/channels/${created.body.id}/members`,
      { userId: cast.member.user.id },
      { token: cast.moderator.token },
    );
    expect(add.status).toBe(200);
  });
});
