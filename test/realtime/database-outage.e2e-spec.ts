import { startTestApp, TestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';
import {
  joinThread,
  makeScene,
  named,
  newClientId,
  record,
  refusal,
  Scene,
  SocketPool,
} from '../support/realtime';
import { request, settle, TestSocket, until } from '../support/sockets';
import { TcpProxy } from '../support/tcp-proxy';

/**
 * The delivery promise when Postgres goes away (here: the relay between the app and Postgres is
 * cut): no false acknowledgement, nothing broadcast, a clear error on both transports, and
 * recovery without a restart, with seqs continuing gaplessly.
 */
describe('Postgres unreachable (relay cut)', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let t: TestApp;
  let scene: Scene;
  let a: TestSocket;
  let b: TestSocket;
  const pool = new SocketPool();

  beforeAll(async () => {
    db = await createTestDatabase();
    const target = new URL(db.url);
    proxy = new TcpProxy(target.hostname, Number(target.port));
    await proxy.start();
    target.port = String(proxy.port);
    t = await startTestApp({ DATABASE_URL: target.toString() });
    scene = await makeScene(t.http, { members: 1 });
    a = await pool.open(t, scene.admin);
    b = await pool.open(t, scene.members[0]);
    await joinThread(a, scene.thread.id);
    await joinThread(b, scene.thread.id);
  });
  afterAll(async () => {
    pool.closeAll();
    await t.close();
    await proxy.cut();
    await db.drop();
  });

  it('fails sends clearly while down, broadcasts nothing, and recovers by itself with gapless seqs', async () => {
    const before = await request(a, 'message:send', {
      threadId: scene.thread.id,
      body: 'Before the outage',
      clientId: newClientId(),
    });
    expect(before).toMatchObject({ ok: true, message: { seq: 2 } });
    await settle(200);
    const bEvents = record(b);

    await proxy.cut();
    const failedClientId = newClientId();
    const down = await request(a, 'message:send', {
      threadId: scene.thread.id,
      body: 'During the outage',
      clientId: failedClientId,
    });
    expect(down).toEqual({
      ok: false,
      error: 'unavailable',
      message: expect.stringMatching(/database is unavailable/),
      retryAfterMs: expect.any(Number),
    });
    // The other handlers answer the same way.
    expect(
      await request(b, 'thread:join', { threadId: scene.thread.id, afterSeq: 2 }),
    ).toMatchObject({ ok: false, error: 'unavailable' });
    expect(await request(b, 'read', { threadId: scene.thread.id, seq: 2 })).toMatchObject({
      ok: false,
      error: 'unavailable',
    });
    const viaHttp = await t.http.post(
      `/api/threads/${scene.thread.id}/messages`,
      { body: 'During the outage', clientId: newClientId() },
      { token: scene.admin.token },
    );
    expect(viaHttp.status).toBe(503);
    expect(viaHttp.body).toMatchObject({ error: 'unavailable' });
    expect(viaHttp.headers.get('retry-after')).toBeTruthy();
    // A new connection is refused as "try again", not as "sign in again".
    const refused = await refusal(t.baseUrl, scene.members[0].token);
    expect(refused.data).toMatchObject({ code: 'unavailable', reason: 'unavailable' });
    expect(refused.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    await settle(300);
    expect(bEvents).toEqual([]);
    // Sockets already connected stay connected.
    expect(a.connected && b.connected).toBe(true);

    await proxy.restore();
    // The client retries its failed send (same clientId) until the server is back.
    let retried = down;
    for (let i = 0; i < 40 && !retried.ok; i++) {
      await settle(250);
      retried = await request(a, 'message:send', {
        threadId: scene.thread.id,
        body: 'During the outage',
        clientId: failedClientId,
      });
    }
    // It was never saved, so this is the first time it is: no duplicate, the next seq.
    expect(retried).toMatchObject({ ok: true, duplicate: false, message: { seq: 3 } });
    const after = await request(a, 'message:send', {
      threadId: scene.thread.id,
      body: 'After the outage',
      clientId: newClientId(),
    });
    expect(after).toMatchObject({ ok: true, message: { seq: 4 } });
    await until(() => named(bEvents, 'message:new').length === 2);
    expect(named(bEvents, 'message:new').map((m) => m.seq)).toEqual([3, 4]);
    // New connections work again too.
    const fresh = await pool.open(t, scene.members[0]);
    expect(await joinThread(fresh, scene.thread.id, 0)).toMatchObject({
      missed: [{ seq: 1 }, { seq: 2 }, { seq: 3 }, { seq: 4 }],
    });
  }, 40000);
});
