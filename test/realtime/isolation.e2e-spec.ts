import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../support/app';
import { addMember, makeNetwork, makeUser, TestUser } from '../support/factories';
import {
  joinChannel,
  joinThread,
  listOnChannel,
  makeChannel,
  makeThread,
  named,
  newClientId,
  record,
  SocketPool,
} from '../support/realtime';
import { request, settle, TestSocket, until } from '../support/sockets';

/**
 * Anything a socket may not read does not exist for it: refusals are word for word those for a
 * random id, and no event of it ever arrives.
 */
describe('isolation over the socket', () => {
  let t: TestApp;
  const pool = new SocketPool();
  let admin: TestUser;
  let member: TestUser;
  let unlisted: TestUser;
  let outsider: TestUser;
  let open: { channelId: string; threadId: string };
  let secret: { channelId: string; threadId: string };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makeUser(t.http);
    member = await makeUser(t.http);
    unlisted = await makeUser(t.http);
    outsider = await makeUser(t.http);
    const network = await makeNetwork(t.http, admin, { visibility: 'invite' });
    await addMember(t.http, admin, network.slug, member);
    await addMember(t.http, admin, network.slug, unlisted);
    const channel = await makeChannel(t.http, admin, network.slug);
    const thread = await makeThread(t.http, admin, channel.id);
    open = { channelId: channel.id, threadId: thread.id };
    const privateChannel = await makeChannel(t.http, admin, network.slug, 'private');
    await listOnChannel(t.http, admin, privateChannel.id, member);
    const privateThread = await makeThread(t.http, admin, privateChannel.id);
    secret = { channelId: privateChannel.id, threadId: privateThread.id };
  });
  afterAll(async () => {
    pool.closeAll();
    await t.close();
  });

  /** Each action the socket offers, on the given ids. */
  const attempts = (socket: TestSocket, ids: { channelId: string; threadId: string }) => ({
    'channel:join': () => request(socket, 'channel:join', { channelId: ids.channelId }),
    'thread:join': () => request(socket, 'thread:join', { threadId: ids.threadId, afterSeq: 0 }),
    'message:send': () =>
      request(socket, 'message:send', {
        threadId: ids.threadId,
        body: 'Let me in',
        clientId: newClientId(),
      }),
    read: () => request(socket, 'read', { threadId: ids.threadId, seq: 1 }),
  });

  async function expectRefusedLikeNothing(
    socket: TestSocket,
    ids: { channelId: string; threadId: string },
  ): Promise<void> {
    const real = attempts(socket, ids);
    const random = attempts(socket, { channelId: randomUUID(), threadId: randomUUID() });
    for (const action of Object.keys(real) as (keyof typeof real)[]) {
      const refused = await real[action]();
      expect({ action, ...refused }).toEqual({
        action,
        ok: false,
        error: 'not_found',
        message: expect.stringMatching(/not found$/),
      });
      expect(refused).toEqual(await random[action]());
    }
  }

  /** Everything that makes events in a room: joins, presence, messages, typing, new threads. */
  async function activity(ids: { channelId: string; threadId: string }): Promise<void> {
    const a = await pool.open(t, admin);
    const m = await pool.open(t, member);
    const mEvents = record(m);
    await joinChannel(a, ids.channelId);
    await joinChannel(m, ids.channelId);
    await joinThread(a, ids.threadId);
    await joinThread(m, ids.threadId);
    a.emit('typing', { threadId: ids.threadId });
    const sent = await request(a, 'message:send', {
      threadId: ids.threadId,
      body: 'Members only',
      clientId: newClientId(),
    });
    expect(sent.ok).toBe(true);
    await makeThread(t.http, admin, ids.channelId, { title: 'Another thread' });
    // The control: the member does receive each kind of event.
    await until(() =>
      ['presence', 'typing', 'message:new', 'thread:new', 'thread:updated'].every(
        (name) => named(mEvents, name).length > 0,
      ),
    );
    a.close();
    m.close();
  }

  it("refuses an outsider's joins, sends and reads exactly like a random id's", async () => {
    const x = await pool.open(t, outsider);
    await expectRefusedLikeNothing(x, open);
    await expectRefusedLikeNothing(x, secret);
  });

  it('lets no event of a network channel or its threads reach an outsider who tried everything', async () => {
    const x = await pool.open(t, outsider);
    const received = record(x);
    await expectRefusedLikeNothing(x, open);
    x.emit('typing', { threadId: open.threadId });
    await activity(open);
    await settle();
    expect(received).toEqual([]);
  });

  it('refuses a network member who is not on a private channel, like a random id', async () => {
    const p = await pool.open(t, unlisted);
    await expectRefusedLikeNothing(p, secret);
  });

  it('lets no event of a private channel reach a network member not on its list, while the open channel still reaches them', async () => {
    const p = await pool.open(t, unlisted);
    const received = record(p);
    await expectRefusedLikeNothing(p, secret);
    await joinChannel(p, open.channelId);
    await joinThread(p, open.threadId);
    await activity(secret);
    await settle();
    const leaked = received.filter(
      ({ payload }) =>
        JSON.stringify(payload).includes(secret.channelId) ||
        JSON.stringify(payload).includes(secret.threadId),
    );
    expect(leaked).toEqual([]);
    // Their own channel still works: presence for it arrived when they joined.
    expect(named(received, 'presence').map((p) => p.channelId)).toEqual([open.channelId]);
  });

  it("does not let an outsider's channel:leave make a channel broadcast anything", async () => {
    const m = await pool.open(t, member);
    await joinChannel(m, open.channelId);
    const received = record(m);
    const x = await pool.open(t, outsider);
    await request(x, 'channel:leave', { channelId: open.channelId });
    await request(x, 'thread:leave', { threadId: open.threadId });
    await settle();
    expect(received).toEqual([]);
  });
});
