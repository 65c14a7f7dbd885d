import type { PresenceView } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import { makeUser } from '../support/factories';
import {
  joinChannel,
  joinThread,
  makeScene,
  named,
  newClientId,
  record,
  Scene,
  SocketPool,
} from '../support/realtime';
import { request, settle, until } from '../support/sockets';

const online = (presence: PresenceView): string[] =>
  presence.online.map((o) => o.displayName).sort();

/** Who receives messages, typing and presence: exactly the joined sockets, and no one else. */
describe('audiences', () => {
  let t: TestApp;
  let scene: Scene;
  const pool = new SocketPool();
  beforeEach(async () => {
    t ??= await startTestApp();
    scene = await makeScene(t.http, { members: 2 });
  });
  afterEach(() => pool.closeAll());
  afterAll(async () => {
    await t.close();
  });

  it('delivers a message to every joined socket once: the author their own version, others the shared one; never to a socket that did not join', async () => {
    const { admin, members, thread } = scene;
    const [b, c] = members;
    const a1 = await pool.open(t, admin);
    const a2 = await pool.open(t, admin); // another tab, in the thread
    const a3 = await pool.open(t, admin); // a tab elsewhere
    const b1 = await pool.open(t, b);
    const c1 = await pool.open(t, c); // a member who has not opened the thread
    const c2 = await pool.open(t, c); // the same member with the channel's thread list open
    const x1 = await pool.open(t, await makeUser(t.http));
    for (const socket of [a1, a2, b1]) await joinThread(socket, thread.id);
    await joinChannel(c2, thread.channelId);
    const [ra1, ra2, ra3, rb1, rc1, rc2, rx1] = [a1, a2, a3, b1, c1, c2, x1].map(record);

    const clientId = newClientId();
    const ack = await request(a1, 'message:send', { threadId: thread.id, body: 'Hi', clientId });
    expect(ack).toMatchObject({ ok: true, duplicate: false, message: { isMine: true, clientId } });
    await until(() => [ra1, ra2, rb1, rc2].every((r) => r.length === 1));
    await settle();
    expect(named(ra1, 'message:new')).toEqual([ack.message]);
    expect(named(ra2, 'message:new')).toEqual([ack.message]);
    expect(named(rb1, 'message:new')).toEqual([{ ...ack.message, isMine: false, clientId: null }]);
    // The new activity reaches thread lists (the channel room), not the readers of the thread,
    // who have the message itself.
    for (const r of [ra1, ra2, rb1]) expect(r.map((e) => e.event)).toEqual(['message:new']);
    expect(named(rc2, 'thread:updated')).toEqual([
      expect.objectContaining({ id: thread.id, lastSeq: ack.message.seq, isMine: false }),
    ]);
    expect(rc2.map((e) => e.event)).toEqual(['thread:updated']);
    expect(ra3).toEqual([]);
    expect(rc1).toEqual([]);
    expect(rx1).toEqual([]);

    // After thread:leave, nothing more.
    expect(await request(b1, 'thread:leave', { threadId: thread.id })).toEqual({ ok: true });
    const second = await request(a1, 'message:send', {
      threadId: thread.id,
      body: 'Still there?',
      clientId: newClientId(),
    });
    await until(() => named(ra2, 'message:new').length === 2);
    await settle();
    expect(named(rb1, 'message:new').map((m) => m.seq)).not.toContain(second.message.seq);
  });

  it('relays typing to the other joined sockets only: not the sender, not their other tabs, not the unjoined', async () => {
    const { admin, members, thread } = scene;
    const [b, c] = members;
    const a1 = await pool.open(t, admin);
    const a2 = await pool.open(t, admin);
    const b1 = await pool.open(t, b);
    const c1 = await pool.open(t, c);
    const x1 = await pool.open(t, await makeUser(t.http));
    for (const socket of [a1, a2, b1]) await joinThread(socket, thread.id);
    const [ra1, ra2, rb1, rc1, rx1] = [a1, a2, b1, c1, x1].map(record);

    a1.emit('typing', { threadId: thread.id });
    await until(() => rb1.length === 1);
    expect(rb1).toEqual([
      { event: 'typing', payload: { threadId: thread.id, who: admin.user.displayName } },
    ]);
    // Throttled: a burst of keystrokes is one event.
    for (let i = 0; i < 5; i++) a1.emit('typing', { threadId: thread.id });
    // Unjoined sockets and bad payloads relay nothing.
    c1.emit('typing', { threadId: thread.id });
    x1.emit('typing', { threadId: thread.id });
    b1.emit('typing', { threadId: { $ne: null } } as never);
    b1.emit('typing', 'nonsense' as never);
    await settle(500);
    expect(rb1).toHaveLength(1);
    expect(ra1).toEqual([]);
    expect(ra2).toEqual([]);
    expect(rc1).toEqual([]);
    expect(rx1).toEqual([]);
  });

  it('lists who is online in a channel, across tabs, and updates on leave and disconnect', async () => {
    const { admin, members, channel } = scene;
    const [b, c] = members;
    const a1 = await pool.open(t, admin);
    const a2 = await pool.open(t, admin);
    const b1 = await pool.open(t, b);
    const c1 = await pool.open(t, c); // connected, never joins the channel
    const rc1 = record(c1);
    const ra1 = record(a1);

    const first = await request(a1, 'channel:join', { channelId: channel.id });
    expect(first.ok).toBe(true);
    expect(online(first.presence)).toEqual([admin.user.displayName]);
    const second = await request(b1, 'channel:join', { channelId: channel.id });
    expect(online(second.presence)).toEqual([admin.user.displayName, b.user.displayName].sort());
    await until(() => named(ra1, 'presence').length === 2);
    expect(online(named(ra1, 'presence')[1])).toEqual(online(second.presence));
    // A second tab of someone already online changes nothing in the list.
    const third = await request(a2, 'channel:join', { channelId: channel.id });
    expect(online(third.presence)).toEqual(online(second.presence));

    a2.close();
    await until(() => named(ra1, 'presence').length === 4);
    expect(online(named(ra1, 'presence')[3])).toEqual(online(second.presence));

    b1.close();
    await until(() => named(ra1, 'presence').length === 5);
    expect(named(ra1, 'presence')[4]).toEqual({
      channelId: channel.id,
      online: [{ userId: admin.user.id, displayName: admin.user.displayName }],
      count: 1,
      countOnly: false,
    });
    // Leaving explicitly empties it too.
    const watcher = await pool.open(t, c);
    await joinChannel(watcher, channel.id);
    const rw = record(watcher);
    expect(await request(a1, 'channel:leave', { channelId: channel.id })).toEqual({ ok: true });
    await until(() => named(rw, 'presence').length === 1);
    expect(online(named(rw, 'presence')[0])).toEqual([c.user.displayName]);
    await settle();
    expect(rc1).toEqual([]);
  });
});
