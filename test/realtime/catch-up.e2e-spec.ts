import { CATCH_UP_LIMIT } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import type { TestUser } from '../support/factories';
import {
  fetchAllMessages,
  joinThread,
  makeScene,
  newClientId,
  postOverHttp,
  Scene,
  SocketPool,
  ThreadMirror,
} from '../support/realtime';
import { request, settle, TestSocket, until } from '../support/sockets';

/**
 * Catch-up is by seq from Postgres: a client that comes back with the last seq it saw gets what
 * it missed, in order, once; with the live events it then receives, its copy of the thread must
 * equal a fresh HTTP fetch (Zulip's verify_action idea).
 */
describe('catch-up after a disconnect', () => {
  let t: TestApp;
  let scene: Scene;
  let reader: TestUser;
  let writers: TestUser[];
  const pool = new SocketPool();
  beforeAll(async () => {
    t = await startTestApp({
      RATE_LIMIT_POST_PER_USER: '5000/60',
      RATE_LIMIT_POST_PER_THREAD: '5000/60',
    });
  });
  beforeEach(async () => {
    scene = await makeScene(t.http, { members: 3 });
    [reader, ...writers] = scene.members;
  });
  afterEach(() => pool.closeAll());
  afterAll(async () => {
    await t.close();
  });

  /** Posts `count` messages from the writers, `concurrency` at a time, over HTTP and sockets. */
  async function postMany(count: number, sockets: TestSocket[] = [], concurrency = 8) {
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        const socket = sockets[i % Math.max(1, sockets.length)];
        if (socket && i % 2 === 0) {
          const ack = await request(socket, 'message:send', {
            threadId: scene.thread.id,
            body: `Missed ${i}`,
            clientId: newClientId(),
          });
          if (!ack.ok) throw new Error(JSON.stringify(ack));
        } else {
          await postOverHttp(t.http, writers[i % writers.length], scene.thread.id, `Missed ${i}`);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  /** The reader's state equals what HTTP says now, message for message. */
  async function expectMirrorsHttp(mirror: ThreadMirror): Promise<void> {
    const truth = await fetchAllMessages(t.http, reader, scene.thread.id);
    expect(mirror.ordered()).toEqual(truth);
    expect(truth.map((m) => m.seq)).toEqual(Array.from({ length: truth.length }, (_, i) => i + 1));
  }

  /** Opens the thread from scratch: everything so far in `missed`, then live. */
  async function openFresh(mirror: ThreadMirror): Promise<TestSocket> {
    const socket = await pool.open(t, reader);
    mirror.attach(socket);
    const { missed, hasMore } = await joinThread(socket, scene.thread.id, 0);
    expect(hasMore).toBe(false);
    mirror.applyMissed(missed);
    return socket;
  }

  it('returns exactly the missed messages, in order, with no duplicates', async () => {
    const mirror = new ThreadMirror(scene.thread.id);
    const first = await openFresh(mirror);
    await postMany(3);
    await until(() => mirror.lastSeq === 4);
    await expectMirrorsHttp(mirror);
    first.close();
    const lastSeen = mirror.lastSeq;

    const writerSockets = [await pool.open(t, writers[0]), await pool.open(t, writers[1])];
    for (const socket of writerSockets) await joinThread(socket, scene.thread.id);
    await postMany(9, writerSockets);

    const again = await pool.open(t, reader);
    mirror.attach(again);
    const ack = await request(again, 'thread:join', {
      threadId: scene.thread.id,
      afterSeq: lastSeen,
    });
    expect(ack).toMatchObject({ ok: true, hasMore: false });
    expect(ack.missed.map((m: { seq: number }) => m.seq)).toEqual(
      Array.from({ length: 9 }, (_, i) => lastSeen + 1 + i),
    );
    mirror.applyMissed(ack.missed);
    await expectMirrorsHttp(mirror);
    // Nothing arrives twice afterwards either.
    await settle();
    expect(new Set(mirror.deliveries).size).toBe(mirror.deliveries.length);
  });

  it(`caps catch-up at ${CATCH_UP_LIMIT} with hasMore, and the rest pages over HTTP by afterSeq`, async () => {
    const mirror = new ThreadMirror(scene.thread.id);
    (await openFresh(mirror)).close();
    const lastSeen = mirror.lastSeq;
    const missedCount = CATCH_UP_LIMIT + 37;
    await postMany(missedCount);

    const again = await pool.open(t, reader);
    mirror.attach(again);
    const ack = await joinThread(again, scene.thread.id, lastSeen);
    expect(ack.hasMore).toBe(true);
    expect(ack.missed.map((m) => m.seq)).toEqual(
      Array.from({ length: CATCH_UP_LIMIT }, (_, i) => lastSeen + 1 + i),
    );
    mirror.applyMissed(ack.missed);
    const rest = await fetchAllMessages(t.http, reader, scene.thread.id, mirror.lastSeq);
    expect(rest.map((m) => m.seq)).toEqual(
      Array.from(
        { length: missedCount - CATCH_UP_LIMIT },
        (_, i) => lastSeen + 1 + CATCH_UP_LIMIT + i,
      ),
    );
    mirror.applyMissed(rest);
    await expectMirrorsHttp(mirror);
    expect(mirror.lastSeq).toBe(1 + missedCount);
  }, 60000);

  it('loses nothing when messages keep arriving while the client rejoins', async () => {
    const mirror = new ThreadMirror(scene.thread.id);
    (await openFresh(mirror)).close();
    const lastSeen = mirror.lastSeq;
    const writerSockets = [await pool.open(t, writers[0]), await pool.open(t, writers[1])];
    for (const socket of writerSockets) await joinThread(socket, scene.thread.id);

    // Posting runs before, during and after the rejoin.
    const posting = postMany(60, writerSockets, 4);
    await settle(150);
    const again = await pool.open(t, reader);
    mirror.attach(again);
    const ack = await joinThread(again, scene.thread.id, lastSeen);
    // The missed list itself is in order and has no duplicates.
    const seqs = ack.missed.map((m) => m.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => lastSeen + 1 + i));
    mirror.applyMissed(ack.missed);
    await posting;
    await until(() => mirror.lastSeq === 61, 10000);
    await settle();
    await expectMirrorsHttp(mirror);
    // A message committed between the join and the catch-up read may come both ways; the client
    // keeps one copy per seq. Nothing else is delivered twice.
    const twice = mirror.deliveries.filter((seq, i) => mirror.deliveries.indexOf(seq) !== i);
    expect(twice.every((seq) => seqs.includes(seq))).toBe(true);
  }, 60000);

  it('answers a join without afterSeq, or past the end, with nothing missed', async () => {
    const socket = await pool.open(t, reader);
    expect(await request(socket, 'thread:join', { threadId: scene.thread.id })).toEqual({
      ok: true,
      missed: [],
      hasMore: false,
    });
    expect(
      await request(socket, 'thread:join', { threadId: scene.thread.id, afterSeq: 999 }),
    ).toEqual({ ok: true, missed: [], hasMore: false });
  });

  // Edits and deletions come back through the change stamp (afterChange), not by seq.
  it('replays edits and deletions made while the client was away', async () => {
    const mirror = new ThreadMirror(scene.thread.id);
    const first = await openFresh(mirror);
    const [edited, removed] = [
      await postOverHttp(t.http, writers[0], scene.thread.id, 'Original'),
      await postOverHttp(t.http, writers[0], scene.thread.id, 'To be deleted'),
    ];
    await until(() => mirror.lastSeq === 3);
    first.close();
    await t.http.patch(
      `/api/messages/${edited.id}`,
      { body: 'Edited while you were away' },
      { token: writers[0].token },
    );
    await t.http.delete(`/api/messages/${removed.id}`, { token: writers[0].token });
    const again = await pool.open(t, reader);
    mirror.attach(again);
    const ack = await joinThread(again, scene.thread.id, mirror.lastSeq, mirror.lastChange);
    mirror.applyMissed(ack.missed);
    for (const message of ack.changed ?? []) mirror.apply(message, true);
    expect(ack.changed?.map((m) => m.id)).toEqual([edited.id, removed.id]);
    expect(ack.lastChange).toBe(2);
    await expectMirrorsHttp(mirror);
    // Nothing further changed: a second rejoin brings no changes.
    const quiet = await joinThread(again, scene.thread.id, mirror.lastSeq, mirror.lastChange);
    expect(quiet.changed).toEqual([]);
  });
});
