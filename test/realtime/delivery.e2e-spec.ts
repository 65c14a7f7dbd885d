import type { MessageView } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import { addMember, makeUser, TestUser } from '../support/factories';
import {
  fetchAllMessages,
  joinThread,
  makeScene,
  makeThread,
  named,
  newClientId,
  record,
  Scene,
  SocketPool,
} from '../support/realtime';
import { request, settle, TestSocket, until } from '../support/sockets';

describe('ordering and exactly-once delivery', () => {
  let t: TestApp;
  const pool = new SocketPool();
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    pool.closeAll();
    await t.close();
  });

  it('gives 50 concurrent sends from 10 sockets unique, gapless seqs, and every joined socket every message exactly once', async () => {
    const { admin, members, thread } = await makeScene(t.http, { members: 4 });
    const sockets: TestSocket[] = [];
    for (const user of [admin, ...members])
      for (let i = 0; i < 2; i++) sockets.push(await pool.open(t, user));
    for (const socket of sockets) await joinThread(socket, thread.id);
    const bystander = await pool.open(t, await makeUser(t.http));
    const received = sockets.map((socket) => record(socket));
    const bystanderReceived = record(bystander);

    const acks = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        request(sockets[i % sockets.length], 'message:send', {
          threadId: thread.id,
          body: `Message ${i}`,
          clientId: `burst-${i}`,
        }),
      ),
    );
    expect(acks.filter((ack) => !ack.ok)).toEqual([]);
    expect(acks.every((ack) => ack.duplicate === false)).toBe(true);
    const seqs = acks.map((ack) => ack.message.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 2)); // seq 1 opened the thread
    const idBySeq = new Map<number, string>(acks.map((ack) => [ack.message.seq, ack.message.id]));

    await until(() => received.every((r) => named(r, 'message:new').length >= 50), 15000);
    await settle(500);
    received.forEach((r, index) => {
      const messages = named<MessageView>(r, 'message:new');
      expect({ index, count: messages.length }).toEqual({ index, count: 50 });
      const ordered = [...messages].sort((a, b) => a.seq - b.seq);
      expect(ordered.map((m) => m.seq)).toEqual(seqs);
      expect(ordered.every((m) => idBySeq.get(m.seq) === m.id)).toBe(true);
      // Each socket's user sees their own messages as theirs, and nobody else's.
      for (const m of messages) {
        const senderUser = Math.floor((acks.findIndex((ack) => ack.message.id === m.id) % 10) / 2);
        expect(m.isMine).toBe(senderUser === Math.floor(index / 2));
      }
    });
    expect(bystanderReceived).toEqual([]);

    // The stored thread agrees: 51 messages, seq 1..51, the same ids.
    const stored = await fetchAllMessages(t.http, admin, thread.id);
    expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    expect(stored.slice(1).every((m) => idBySeq.get(m.seq) === m.id)).toBe(true);
    const view = await t.http.get(`/api/threads/${thread.id}`, { token: admin.token });
    expect(view.body).toMatchObject({ lastSeq: 51, messageCount: 51 });
  }, 60000);
});

describe('idempotent sends (clientId) over both transports', () => {
  let t: TestApp;
  let scene: Scene;
  let author: TestUser;
  let other: TestUser;
  let a: TestSocket;
  let b: TestSocket;
  const pool = new SocketPool();
  beforeAll(async () => {
    t = await startTestApp();
    scene = await makeScene(t.http, { members: 2 });
    [author, other] = scene.members;
    a = await pool.open(t, author);
    b = await pool.open(t, other);
    await joinThread(a, scene.thread.id);
    await joinThread(b, scene.thread.id);
  });
  afterAll(async () => {
    pool.closeAll();
    await t.close();
  });

  const send = (socket: TestSocket, clientId: string, body = 'Once only') =>
    request(socket, 'message:send', { threadId: scene.thread.id, body, clientId });
  const httpPost = (clientId: string, body = 'Once only') =>
    t.http.post<MessageView>(
      `/api/threads/${scene.thread.id}/messages`,
      { body, clientId },
      { token: author.token },
    );
  const lastSeq = async () =>
    (await t.http.get(`/api/threads/${scene.thread.id}`, { token: author.token })).body.lastSeq;

  /** The other member receives exactly one message:new with this id (after things settle). */
  async function deliveredOnce(events: ReturnType<typeof record>, id: string): Promise<void> {
    await until(() => named(events, 'message:new').some((m) => m.id === id));
    await settle(400);
    expect(named(events, 'message:new').filter((m) => m.id === id)).toHaveLength(1);
  }

  it('a socket retry acks duplicate:true with the same message, and others get one message:new', async () => {
    const events = record(b);
    const before = await lastSeq();
    const clientId = newClientId();
    const first = await send(a, clientId);
    const retry = await send(a, clientId);
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(retry).toEqual({ ok: true, duplicate: true, message: first.message });
    // A retry with a different body is still the original (the first write won).
    expect(await send(a, clientId, 'Edited in the outbox')).toEqual(retry);
    await deliveredOnce(events, first.message.id);
    expect(await lastSeq()).toBe(before + 1);
  });

  it('an HTTP post then a socket retry with the same clientId', async () => {
    const events = record(b);
    const clientId = newClientId();
    const posted = await httpPost(clientId);
    expect(posted.status).toBe(201);
    const retry = await send(a, clientId);
    expect(retry).toEqual({ ok: true, duplicate: true, message: posted.body });
    await deliveredOnce(events, posted.body.id);
  });

  it('a socket send then an HTTP retry with the same clientId (200, the original)', async () => {
    const events = record(b);
    const clientId = newClientId();
    const sent = await send(a, clientId);
    const retry = await httpPost(clientId);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(sent.message);
    await deliveredOnce(events, sent.message.id);
  });

  it('simultaneous retries from two tabs and HTTP make one message', async () => {
    const events = record(b);
    const before = await lastSeq();
    const a2 = await pool.open(t, author);
    const clientId = newClientId();
    const results = await Promise.all([
      send(a, clientId),
      send(a2, clientId),
      httpPost(clientId).then((r) => ({ ok: r.status < 300, message: r.body })),
      send(a, clientId),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = new Set(results.map((r) => r.message.id));
    expect(ids.size).toBe(1);
    await deliveredOnce(events, [...ids][0]);
    expect(await lastSeq()).toBe(before + 1);
  });

  it('refuses a clientId reused for another thread, and keeps clientIds per author', async () => {
    const clientId = newClientId();
    const sent = await send(a, clientId);
    expect(sent.ok).toBe(true);
    const elsewhere = await makeThread(t.http, scene.admin, scene.channel.id);
    expect(
      await request(a, 'message:send', { threadId: elsewhere.id, body: 'x', clientId }),
    ).toMatchObject({ ok: false, error: 'conflict' });
    // Another author may happen to pick the same clientId: that is their own message.
    const theirs = await send(b, clientId);
    expect(theirs).toMatchObject({ ok: true, duplicate: false });
    expect(theirs.message.id).not.toBe(sent.message.id);
  });

  it('moves the read state over the socket, as HTTP then shows, and never backwards', async () => {
    const last = await lastSeq();
    expect(await request(b, 'read', { threadId: scene.thread.id, seq: last })).toEqual({
      ok: true,
      lastReadSeq: last,
      unreadCount: 0,
    });
    expect(await request(b, 'read', { threadId: scene.thread.id, seq: 1 })).toEqual({
      ok: true,
      lastReadSeq: last,
      unreadCount: 0,
    });
    const view = await t.http.get(`/api/threads/${scene.thread.id}`, { token: other.token });
    expect(view.body).toMatchObject({ lastReadSeq: last, unreadCount: 0 });
  });

  it('a member added later joins with the whole history, not the duplicates', async () => {
    const late = await makeUser(t.http);
    await addMember(t.http, scene.admin, scene.network.slug, late);
    const socket = await pool.open(t, late);
    const { missed } = await joinThread(socket, scene.thread.id, 0);
    const seqs = missed.map((m) => m.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(new Set(missed.map((m) => m.id)).size).toBe(missed.length);
  });
});
