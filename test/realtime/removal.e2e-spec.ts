import { startTestApp, TestApp } from '../support/app';
import { addMember, makeNetwork, makeUser } from '../support/factories';
import {
  joinChannel,
  joinThread,
  listOnChannel,
  makeChannel,
  makeThread,
  named,
  newClientId,
  postOverHttp,
  record,
  SocketPool,
} from '../support/realtime';
import { request, settle, until } from '../support/sockets';

/** A member removed from a network or a private channel receives nothing further from it, at once. */
describe('removal ends delivery', () => {
  let t: TestApp;
  const pool = new SocketPool();
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    pool.closeAll();
    await t.close();
  });

  async function setUp(visibility: 'network' | 'private') {
    const admin = await makeUser(t.http);
    const stays = await makeUser(t.http);
    const leaves = await makeUser(t.http);
    const network = await makeNetwork(t.http, admin, { visibility: 'invite' });
    await addMember(t.http, admin, network.slug, stays);
    await addMember(t.http, admin, network.slug, leaves);
    const channel = await makeChannel(t.http, admin, network.slug, visibility);
    if (visibility === 'private') {
      await listOnChannel(t.http, admin, channel.id, stays);
      await listOnChannel(t.http, admin, channel.id, leaves);
    }
    const thread = await makeThread(t.http, admin, channel.id);
    const a = await pool.open(t, admin);
    const s = await pool.open(t, stays);
    // Two tabs of the member about to lose access: one in the thread, one in the channel.
    const l1 = await pool.open(t, leaves);
    const l2 = await pool.open(t, leaves);
    for (const socket of [a, s, l1, l2]) await joinChannel(socket, channel.id);
    for (const socket of [a, s, l1]) await joinThread(socket, thread.id);
    return { admin, stays, leaves, network, channel, thread, a, s, l1, l2 };
  }

  async function expectCutOff(
    scene: Awaited<ReturnType<typeof setUp>>,
    remove: () => Promise<void>,
  ) {
    const { admin, leaves, channel, thread, a, s, l1, l2 } = scene;
    // Whatever the removed member said before stays, and a moderator may later delete it.
    const theirs = await postOverHttp(t.http, leaves, thread.id, 'Said before leaving');
    await settle(100);
    const sEvents = record(s);
    const lEvents = [record(l1), record(l2)];

    await remove();
    // The very next message, at once: no settling between the removal and the send.
    const sent = await request(a, 'message:send', {
      threadId: thread.id,
      body: 'After the removal',
      clientId: newClientId(),
    });
    expect(sent.ok).toBe(true);
    a.emit('typing', { threadId: thread.id });
    await makeThread(t.http, admin, channel.id, { title: 'A newer thread' });
    const deleted = await t.http.delete(`/api/messages/${theirs.id}`, { token: admin.token });
    expect(deleted.status).toBe(200);

    // Those who stay receive it all, including presence without the removed member.
    await until(
      () =>
        named(sEvents, 'message:new').some((m) => m.seq === sent.message.seq) &&
        named(sEvents, 'typing').length === 1 &&
        named(sEvents, 'thread:new').length === 1 &&
        named(sEvents, 'message:updated').some((m) => m.id === theirs.id),
    );
    await until(() =>
      named(sEvents, 'presence').some(
        (p) => !p.online.some((o: { userId: string }) => o.userId === leaves.user.id),
      ),
    );
    await settle();
    // The removed member's sockets stay connected (other networks still reach them) but receive
    // nothing from this channel: not the message, not typing, not the new thread, not the deletion
    // of their own message, not presence.
    expect(l1.connected && l2.connected).toBe(true);
    expect(lEvents).toEqual([[], []]);

    // And cannot come back in.
    for (const socket of [l1, l2]) {
      expect(await request(socket, 'thread:join', { threadId: thread.id })).toMatchObject({
        ok: false,
        error: 'not_found',
      });
      expect(await request(socket, 'channel:join', { channelId: channel.id })).toMatchObject({
        ok: false,
        error: 'not_found',
      });
    }
    expect(
      await request(l1, 'message:send', {
        threadId: thread.id,
        body: 'Still here?',
        clientId: newClientId(),
      }),
    ).toMatchObject({ ok: false, error: 'not_found' });
    await settle();
    expect(lEvents).toEqual([[], []]);
  }

  it('a member removed from the network by an admin', async () => {
    const scene = await setUp('network');
    await expectCutOff(scene, async () => {
      const removed = await t.http.delete(
        `/api/networks/${scene.network.slug}/members/${scene.leaves.user.id}`,
        { token: scene.admin.token },
      );
      expect(removed.status).toBe(204);
    });
  });

  it('a member removed from a private channel list', async () => {
    const scene = await setUp('private');
    await expectCutOff(scene, async () => {
      const removed = await t.http.delete(
        `/api/channels/${scene.channel.id}/members/${scene.leaves.user.id}`,
        { token: scene.admin.token },
      );
      expect(removed.status).toBe(204);
    });
  });

  it('a member who leaves the network themselves', async () => {
    const scene = await setUp('network');
    await expectCutOff(scene, async () => {
      const left = await t.http.post(`/api/networks/${scene.network.slug}/leave`, undefined, {
        token: scene.leaves.token,
      });
      expect(left.status).toBeLessThan(300);
    });
  });

  // Narrowing a network channel to private cuts off every member left off the new list.
  it('members of a network channel made private who are not on its list', async () => {
    const scene = await setUp('network');
    await expectCutOff(scene, async () => {
      const narrowed = await t.http.patch(
        `/api/channels/${scene.channel.id}`,
        { visibility: 'private' },
        { token: scene.admin.token },
      );
      expect(narrowed.status).toBe(200);
      // Narrowing cuts off everyone but the admin who narrowed it; the one who stays is listed
      // again and their client joins afresh, as the web app does on a list change.
      await listOnChannel(t.http, scene.admin, scene.channel.id, scene.stays);
      await joinChannel(scene.s, scene.channel.id);
      await joinThread(scene.s, scene.thread.id);
    });
  });

  it("the removed member's other networks keep reaching them", async () => {
    const scene = await setUp('network');
    const elsewhere = await makeNetwork(t.http, scene.admin, { visibility: 'invite' });
    await addMember(t.http, scene.admin, elsewhere.slug, scene.leaves);
    const channel = await makeChannel(t.http, scene.admin, elsewhere.slug);
    const thread = await makeThread(t.http, scene.admin, channel.id);
    await joinThread(scene.l1, thread.id);
    const received = record(scene.l1);
    await t.http.delete(`/api/networks/${scene.network.slug}/members/${scene.leaves.user.id}`, {
      token: scene.admin.token,
    });
    const message = await postOverHttp(t.http, scene.admin, thread.id, 'Elsewhere');
    await until(() => named(received, 'message:new').some((m) => m.id === message.id));
  });
});
