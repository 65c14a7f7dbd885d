import type { PresenceView } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import { addMember, makeNetwork, makeUser, TestUser } from '../support/factories';
import {
  joinChannel,
  joinThread,
  listOnChannel,
  makeChannel,
  makeScene,
  makeThread,
  named,
  newClientId,
  postOverHttp,
  record,
  SocketPool,
} from '../support/realtime';
import { request, settle, until } from '../support/sockets';

const REDIS_URL = 'redis://127.0.0.1:6379';
const names = (presence: PresenceView): string[] =>
  presence.online.map((o) => o.displayName).sort();

/**
 * Two server processes on one database, joined by the socket.io Redis adapter (key "tandem";
 * every id here is fresh, so other runs sharing the Redis server do not interfere).
 */
describe('two processes with Redis', () => {
  let A: TestApp;
  let B: TestApp;
  const pool = new SocketPool();
  beforeAll(async () => {
    const limits = { RATE_LIMIT_POST_PER_THREAD: '3/60' };
    A = await startTestApp({ REDIS_URL, ...limits });
    B = await startTestApp({ REDIS_URL, DATABASE_URL: A.db.url, ...limits });
  }, 60000);
  afterAll(async () => {
    pool.closeAll();
    await B?.close();
    await A?.close();
  });

  it('delivers what is sent on B to a client on A, and back, once each; nothing to an outsider', async () => {
    const { admin, members, thread } = await makeScene(A.http, { members: 1 });
    const [member] = members;
    const onA = await pool.open(A, admin);
    const onB = await pool.open(B, member);
    const outsiderOnA = await pool.open(A, await makeUser(A.http));
    await joinThread(onA, thread.id);
    await joinThread(onB, thread.id);
    const [ra, rb, rx] = [onA, onB, outsiderOnA].map(record);

    const fromB = await request(onB, 'message:send', {
      threadId: thread.id,
      body: 'Sent through B',
      clientId: newClientId(),
    });
    expect(fromB.ok).toBe(true);
    const viaHttpOnB = await postOverHttp(B.http, member, thread.id, 'Posted to B over HTTP');
    const fromA = await request(onA, 'message:send', {
      threadId: thread.id,
      body: 'Sent through A',
      clientId: newClientId(),
    });
    await until(
      () => named(ra, 'message:new').length === 3 && named(rb, 'message:new').length === 3,
    );
    await settle();
    expect(named(ra, 'message:new').map((m) => m.id)).toEqual([
      fromB.message.id,
      viaHttpOnB.id,
      fromA.message.id,
    ]);
    expect(named(ra, 'message:new').map((m) => m.isMine)).toEqual([false, false, true]);
    expect(named(rb, 'message:new').map((m) => m.isMine)).toEqual([true, true, false]);
    expect(
      named(rb, 'message:new')
        .map((m) => m.seq)
        .sort(),
    ).toEqual([2, 3, 4]);
    expect(rx).toEqual([]);

    // Typing crosses too, and still not back to the sender.
    onB.emit('typing', { threadId: thread.id });
    await until(() => named(ra, 'typing').length === 1);
    await settle();
    expect(named(rb, 'typing')).toEqual([]);
  });

  it('shows presence across both processes and updates it when a socket on B goes', async () => {
    const { admin, members, channel } = await makeScene(A.http, { members: 2 });
    const onA = await pool.open(A, admin);
    const ra = record(onA);
    await joinChannel(onA, channel.id);
    const onB = await pool.open(B, members[0]);
    const joined = await request(onB, 'channel:join', { channelId: channel.id });
    const both = [admin.user.displayName, members[0].user.displayName].sort();
    expect(names(joined.presence)).toEqual(both);
    await until(() => named(ra, 'presence').some((p) => names(p).length === 2));

    onB.close();
    await until(() => named(ra, 'presence').length >= 3);
    expect(names(named(ra, 'presence').at(-1))).toEqual([admin.user.displayName]);
    // A member connected to B who never joined the channel received none of it.
    const idle = await pool.open(B, members[1]);
    const ri = record(idle);
    await request(onA, 'channel:leave', { channelId: channel.id });
    await settle();
    expect(ri).toEqual([]);
  });

  async function removalScene(visibility: 'network' | 'private') {
    const admin = await makeUser(A.http);
    const stays = await makeUser(A.http);
    const leaves = await makeUser(A.http);
    const network = await makeNetwork(A.http, admin, { visibility: 'invite' });
    await addMember(A.http, admin, network.slug, stays);
    await addMember(A.http, admin, network.slug, leaves);
    const channel = await makeChannel(A.http, admin, network.slug, visibility);
    if (visibility === 'private')
      for (const user of [stays, leaves]) await listOnChannel(A.http, admin, channel.id, user);
    const thread = await makeThread(A.http, admin, channel.id);
    const adminOnB = await pool.open(B, admin);
    const staysOnB = await pool.open(B, stays);
    const leavesOnA = await pool.open(A, leaves);
    for (const socket of [adminOnB, staysOnB, leavesOnA]) {
      await joinChannel(socket, channel.id);
      await joinThread(socket, thread.id);
    }
    await settle(200);
    return { admin, stays, leaves, network, channel, thread, adminOnB, staysOnB, leavesOnA };
  }

  async function expectEvictedOnA(
    scene: Awaited<ReturnType<typeof removalScene>>,
    remove: () => Promise<void>,
  ): Promise<void> {
    const { thread, adminOnB, staysOnB, leavesOnA, leaves } = scene;
    const gone = record(leavesOnA);
    const stays = record(staysOnB);
    await remove();
    // At once: the next message, through B and through A's HTTP, with no pause.
    const [throughB, throughA] = await Promise.all([
      request(adminOnB, 'message:send', {
        threadId: thread.id,
        body: 'Right after the removal, via B',
        clientId: newClientId(),
      }),
      postOverHttp(A.http, scene.admin, thread.id, 'Right after the removal, via A'),
    ]);
    expect(throughB.ok).toBe(true);
    await until(() => named(stays, 'message:new').length === 2);
    await until(() =>
      named(stays, 'presence').some(
        (p: PresenceView) => !p.online.some((o) => o.userId === leaves.user.id),
      ),
    );
    await settle(300);
    expect(gone).toEqual([]);
    expect(
      named(stays, 'message:new')
        .map((m) => m.id)
        .sort(),
    ).toEqual([throughB.message.id, throughA.id].sort());
    expect(await request(leavesOnA, 'thread:join', { threadId: thread.id })).toMatchObject({
      ok: false,
      error: 'not_found',
    });
  }

  it('a removal from the network on B evicts the socket on A at once', async () => {
    const scene = await removalScene('network');
    await expectEvictedOnA(scene, async () => {
      const removed = await B.http.delete(
        `/api/networks/${scene.network.slug}/members/${scene.leaves.user.id}`,
        { token: scene.admin.token },
      );
      expect(removed.status).toBe(204);
    });
  });

  it('a removal from a private channel on B evicts the socket on A at once', async () => {
    const scene = await removalScene('private');
    await expectEvictedOnA(scene, async () => {
      const removed = await B.http.delete(
        `/api/channels/${scene.channel.id}/members/${scene.leaves.user.id}`,
        { token: scene.admin.token },
      );
      expect(removed.status).toBe(204);
    });
  });

  it('signing out through B ends the session’s sockets on A', async () => {
    const user: TestUser = await makeUser(A.http);
    const onA = await pool.open(A, user);
    const events = record(onA);
    const disconnected = new Promise<string>((resolve) => onA.once('disconnect', resolve));
    const out = await B.http.post('/api/auth/logout', { refreshToken: user.refreshToken });
    expect(out.status).toBe(204);
    expect(await disconnected).toBe('io server disconnect');
    expect(events).toEqual([{ event: 'session:ended', payload: { reason: 'signed_out' } }]);
  });

  it('shares the posting rate limit between the processes', async () => {
    const { members, thread } = await makeScene(A.http, { members: 1 });
    const [member] = members;
    const onA = await pool.open(A, member);
    const onB = await pool.open(B, member);
    const send = (socket: typeof onA) =>
      request(socket, 'message:send', { threadId: thread.id, body: 'Hi', clientId: newClientId() });
    const acks = [await send(onA), await send(onB), await send(onA), await send(onB)];
    expect(acks.map((ack) => ack.ok)).toEqual([true, true, true, false]);
    expect(acks[3]).toMatchObject({ error: 'rate_limited', retryAfterMs: expect.any(Number) });
  });

  it('lets a reader move from A to B (a restart or a rebalance) and miss nothing', async () => {
    // Three writers on B, so the per-thread posting limit of this suite (3 a minute) never bites.
    const { admin, members, thread } = await makeScene(A.http, { members: 3 });
    const [reader, second, third] = members;
    const writers = [
      await pool.open(B, admin),
      await pool.open(B, second),
      await pool.open(B, third),
    ];
    for (const writer of writers) await joinThread(writer, thread.id);
    const onA = await pool.open(A, reader);
    const joined = await joinThread(onA, thread.id);
    const held = record(onA);
    const send = async (writer: number, body: string) => {
      const ack = await request(writers[writer], 'message:send', {
        threadId: thread.id,
        body,
        clientId: newClientId(),
      });
      expect(ack).toMatchObject({ ok: true });
      return ack;
    };
    await send(0, 'Before the move 1');
    await send(0, 'Before the move 2');
    await until(() => named(held, 'message:new').length === 2);
    const lastHeld = Math.max(...named(held, 'message:new').map((m) => m.seq));
    onA.close();

    // Sent while the reader is between processes.
    const between = [await send(1, 'While away 1'), await send(1, 'While away 2')];
    const onB = await pool.open(B, reader);
    const live = record(onB);
    const rejoined = await joinThread(onB, thread.id, lastHeld);
    const after = await send(2, 'After the move');
    await until(() => named(live, 'message:new').length === 1);
    await settle();

    expect(rejoined.missed.map((m) => m.id)).toEqual(between.map((ack) => ack.message.id));
    expect(named(live, 'message:new').map((m) => m.id)).toEqual([after.message.id]);
    // Every message of the thread exactly once, in order, with no gap.
    const seen = [
      ...joined.missed,
      ...named(held, 'message:new'),
      ...rejoined.missed,
      ...named(live, 'message:new'),
    ].map((m) => m.seq);
    const first = seen[0];
    expect(seen).toEqual(
      Array.from({ length: after.message.seq - first + 1 }, (_, i) => first + i),
    );
  });
});
