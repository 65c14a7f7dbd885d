import { Client } from 'pg';
import { runMigrations } from '../../apps/server/src/data-source';
import { startTestApp, TestApp } from '../support/app';
import {
  joinThread,
  makeScene,
  named,
  newClientId,
  PgCluster,
  record,
  refusal,
  Scene,
  SocketPool,
} from '../support/realtime';
import { request, settle, TestSocket, until } from '../support/sockets';

/**
 * The same promise as database-outage, with Postgres itself stopped (fast shutdown, sessions
 * terminated) and started again on the same port and data directory.
 */
describe('Postgres stopped and started again', () => {
  let cluster: PgCluster;
  let t: TestApp;
  let scene: Scene;
  let a: TestSocket;
  let b: TestSocket;
  const pool = new SocketPool();

  beforeAll(async () => {
    cluster = await PgCluster.start();
    const admin = new Client({ connectionString: cluster.urlFor('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE tandem');
    await admin.end();
    await runMigrations(cluster.urlFor('tandem'));
    t = await startTestApp({ DATABASE_URL: cluster.urlFor('tandem') });
    scene = await makeScene(t.http, { members: 1 });
    a = await pool.open(t, scene.admin);
    b = await pool.open(t, scene.members[0]);
    await joinThread(a, scene.thread.id);
    await joinThread(b, scene.thread.id);
  }, 60000);
  afterAll(async () => {
    pool.closeAll();
    await t?.close();
    await cluster?.close();
  });

  const send = (body: string, clientId = newClientId()) =>
    request(a, 'message:send', { threadId: scene.thread.id, body, clientId });

  it('refuses sends while Postgres is down, and works again once it is back', async () => {
    expect(await send('Before')).toMatchObject({ ok: true, message: { seq: 2 } });
    await settle(200);
    const bEvents = record(b);

    await cluster.stop();
    const failedClientId = newClientId();
    const down = await send('While down', failedClientId);
    expect(down).toMatchObject({
      ok: false,
      error: 'unavailable',
      retryAfterMs: expect.any(Number),
    });
    const viaHttp = await t.http.post(
      `/api/threads/${scene.thread.id}/messages`,
      { body: 'While down', clientId: newClientId() },
      { token: scene.admin.token },
    );
    expect(viaHttp.status).toBe(503);
    expect((await refusal(t.baseUrl, scene.members[0].token)).data).toMatchObject({
      code: 'unavailable',
    });
    await settle(300);
    expect(bEvents).toEqual([]);
    expect(a.connected && b.connected).toBe(true);

    await cluster.restart();
    let retried = down;
    for (let i = 0; i < 40 && !retried.ok; i++) {
      await settle(250);
      retried = await send('While down', failedClientId);
    }
    expect(retried).toMatchObject({ ok: true, duplicate: false, message: { seq: 3 } });
    expect(await send('After')).toMatchObject({ ok: true, message: { seq: 4 } });
    await until(() => named(bEvents, 'message:new').length === 2);
    expect(named(bEvents, 'message:new').map((m) => m.seq)).toEqual([3, 4]);
    const health = await t.http.get('/api/health');
    expect(health.status).toBe(200);
  }, 60000);
});
