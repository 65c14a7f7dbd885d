import { MESSAGE_MAX_LENGTH } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import {
  fetchAllMessages,
  joinThread,
  makeScene,
  named,
  newClientId,
  record,
  Scene,
  SocketPool,
} from '../support/realtime';
import { request, settle, TestSocket, until } from '../support/sockets';

describe('payload validation over the socket', () => {
  let t: TestApp;
  let scene: Scene;
  let sender: TestSocket;
  let watcher: TestSocket;
  const pool = new SocketPool();
  beforeAll(async () => {
    t = await startTestApp();
    scene = await makeScene(t.http, { members: 1 });
    sender = await pool.open(t, scene.admin);
    watcher = await pool.open(t, scene.members[0]);
    await joinThread(sender, scene.thread.id);
    await joinThread(watcher, scene.thread.id);
  });
  afterAll(async () => {
    pool.closeAll();
    await t.close();
  });

  const valid = () => ({ threadId: scene.thread.id, body: 'Fine', clientId: newClientId() });

  const cases: [string, () => unknown, string][] = [
    ['an object where the body string belongs', () => ({ ...valid(), body: { x: 1 } }), 'body'],
    ['an unknown field', () => ({ ...valid(), authorId: 'someone-else' }), 'authorId'],
    ['a missing clientId', () => ({ threadId: scene.thread.id, body: 'Fine' }), 'clientId'],
    [
      `a body of ${MESSAGE_MAX_LENGTH + 1} characters`,
      () => ({ ...valid(), body: 'a'.repeat(MESSAGE_MAX_LENGTH + 1) }),
      'body',
    ],
    ['an empty body', () => ({ ...valid(), body: '' }), 'body'],
    ['a blank body', () => ({ ...valid(), body: '  \n ' }), 'body'],
    ['a clientId with spaces', () => ({ ...valid(), clientId: 'a b' }), 'clientId'],
    ['a threadId that is not a uuid', () => ({ ...valid(), threadId: 'abc' }), 'threadId'],
    ['a threadId that is an object', () => ({ ...valid(), threadId: { $ne: null } }), 'threadId'],
    ['a replyToId that is not a uuid', () => ({ ...valid(), replyToId: 7 }), 'replyToId'],
  ];

  it.each(cases)(
    'refuses %s with bad_request naming the field, and writes nothing',
    async (_, payload, field) => {
      const events = record(watcher);
      const before = await fetchAllMessages(t.http, scene.admin, scene.thread.id);
      const ack = await request(sender, 'message:send', payload());
      expect(ack).toMatchObject({ ok: false, error: 'bad_request' });
      expect(ack.message).toContain(field);
      await settle(200);
      expect(events).toEqual([]);
      expect(await fetchAllMessages(t.http, scene.admin, scene.thread.id)).toEqual(before);
    },
  );

  it('refuses a payload that is not an object', async () => {
    for (const payload of ['a string', 42, null, [scene.thread.id]]) {
      expect(await request(sender, 'message:send', payload)).toMatchObject({
        ok: false,
        error: 'bad_request',
        message: 'Invalid request: the payload must be an object',
      });
    }
  });

  it('validates the other events too, naming the field', async () => {
    const refusals: [string, unknown, string][] = [
      ['thread:join', { threadId: scene.thread.id, afterSeq: '3' }, 'afterSeq'],
      ['thread:join', { threadId: scene.thread.id, afterSeq: -1 }, 'afterSeq'],
      ['thread:join', { threadId: scene.thread.id, extra: true }, 'extra'],
      ['channel:join', { channelId: 42 }, 'channelId'],
      ['read', { threadId: scene.thread.id, seq: 1.5 }, 'seq'],
      ['read', { threadId: scene.thread.id }, 'seq'],
    ];
    for (const [event, payload, field] of refusals) {
      const ack = await request(sender, event, payload);
      expect({ event, ...ack }).toMatchObject({ event, ok: false, error: 'bad_request' });
      expect(ack.message).toContain(field);
    }
  });

  it(`accepts exactly ${MESSAGE_MAX_LENGTH} characters, in a three-byte script too`, async () => {
    const events = record(watcher);
    // Ge'ez script (Tigrinya, Amharic): three bytes a character in UTF-8.
    const body = 'ሰ'.repeat(MESSAGE_MAX_LENGTH);
    const ack = await request(sender, 'message:send', { ...valid(), body });
    expect(ack).toMatchObject({ ok: true, message: { body } });
    await until(() => named(events, 'message:new').length === 1);
  });

  it('survives a handler receiving no acknowledgement callback', async () => {
    const untyped = sender as unknown as { emit(event: string, payload: unknown): void };
    untyped.emit('message:send', { ...valid(), body: { x: 1 } });
    untyped.emit('message:send', { ...valid(), body: 'Sent without waiting for an answer' });
    await settle(200);
    expect(sender.connected).toBe(true);
    expect(await request(sender, 'thread:join', { threadId: scene.thread.id })).toMatchObject({
      ok: true,
    });
  });
});

describe('rate limit over the socket', () => {
  let t: TestApp;
  const pool = new SocketPool();
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_POST_PER_THREAD: '3/60' });
  });
  afterAll(async () => {
    pool.closeAll();
    await t.close();
  });

  it('refuses the 4th send in a minute with rate_limited and retryAfterMs, broadcasting nothing', async () => {
    const scene = await makeScene(t.http, { members: 1 });
    const [member] = scene.members;
    const sender = await pool.open(t, member);
    const watcher = await pool.open(t, scene.admin);
    await joinThread(sender, scene.thread.id);
    await joinThread(watcher, scene.thread.id);
    const events = record(watcher);

    const clientIds = [newClientId(), newClientId(), newClientId(), newClientId()];
    const acks = [];
    for (const clientId of clientIds)
      acks.push(
        await request(sender, 'message:send', { threadId: scene.thread.id, body: 'Hi', clientId }),
      );
    expect(acks.slice(0, 3).every((ack) => ack.ok)).toBe(true);
    expect(acks[3]).toEqual({
      ok: false,
      error: 'rate_limited',
      message: expect.any(String),
      retryAfterMs: expect.any(Number),
    });
    expect(acks[3].retryAfterMs).toBeGreaterThan(0);
    expect(acks[3].retryAfterMs).toBeLessThanOrEqual(60_000);

    // A retry of a message that did go through is not a new post: it still answers.
    expect(
      await request(sender, 'message:send', {
        threadId: scene.thread.id,
        body: 'Hi',
        clientId: clientIds[0],
      }),
    ).toMatchObject({ ok: true, duplicate: true });
    // HTTP shares the same allowance.
    const viaHttp = await t.http.post(
      `/api/threads/${scene.thread.id}/messages`,
      { body: 'Hi', clientId: newClientId() },
      { token: member.token },
    );
    expect(viaHttp.status).toBe(429);
    expect(Number(viaHttp.headers.get('retry-after'))).toBeGreaterThan(0);

    await settle();
    expect(named(events, 'message:new').map((m) => m.seq)).toEqual([2, 3, 4]);
    // Other members are not limited by someone else's posting.
    expect(
      await request(watcher, 'message:send', {
        threadId: scene.thread.id,
        body: 'My turn',
        clientId: newClientId(),
      }),
    ).toMatchObject({ ok: true, message: { seq: 5 } });
  });
});
