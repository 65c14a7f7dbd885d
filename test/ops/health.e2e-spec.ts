import { Client } from 'pg';
import { startTestApp, TestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';
import { TcpProxy } from '../support/tcp-proxy';

/** Asks until `ready` answers `status`, for recoveries that take a reconnect or two. */
async function readyUntil(t: TestApp, status: number): Promise<{ status: number; body: any }> {
  let response = await t.http.get('/api/health/ready');
  for (let i = 0; i < 40 && response.status !== status; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    response = await t.http.get('/api/health/ready');
  }
  return response;
}

describe('GET /api/health/live and /api/health/ready', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60000);
  afterAll(async () => {
    await t?.close();
  });

  it('answers live without a token', async () => {
    const response = await t.http.get('/api/health/live');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', version: expect.any(String) });
  });

  it('answers ready with every check, Redis not configured', async () => {
    const response = await t.http.get('/api/health/ready');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: 'ready',
      checks: { database: 'up', redis: 'not_configured', migrations: 'applied' },
      failing: [],
      version: expect.any(String),
    });
  });

  it('keeps /api/health as it was', async () => {
    const response = await t.http.get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up', version: expect.any(String) });
  });
});

describe('readiness with the database unreachable', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    const target = new URL(db.url);
    proxy = new TcpProxy(target.hostname, Number(target.port));
    await proxy.start();
    target.port = String(proxy.port);
    t = await startTestApp({ DATABASE_URL: target.toString() });
  }, 60000);
  afterAll(async () => {
    await t?.close();
    await proxy?.cut();
    await db?.drop();
  });

  it('answers 503 naming the database while it is away, stays live, and recovers', async () => {
    expect((await t.http.get('/api/health/ready')).status).toBe(200);
    await proxy.cut();
    const started = Date.now();
    const down = await t.http.get('/api/health/ready');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      status: 'not_ready',
      checks: { database: 'down', migrations: 'unknown' },
      failing: ['database'],
    });
    expect((await t.http.get('/api/health/live')).status).toBe(200);

    await proxy.restore();
    expect((await readyUntil(t, 200)).status).toBe(200);
  }, 30000);
});

describe('readiness with Redis configured', () => {
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    // The machine's Redis, through a relay the test can cut. A server whose Redis is unreachable
    // at start refuses to start (the socket.io adapter connects first), so "unreachable" is
    // tested as Redis going away, which leaves nothing listening on the configured port.
    proxy = new TcpProxy('127.0.0.1', 6379);
    await proxy.start();
    t = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${proxy.port}` });
  }, 60000);
  afterAll(async () => {
    await t?.close();
    await proxy?.cut();
  });

  it('is ready with Redis answering', async () => {
    const response = await readyUntil(t, 200);
    expect(response.status).toBe(200);
    expect(response.body.checks).toMatchObject({ database: 'up', redis: 'up' });
  });

  it('answers 503 naming Redis when nothing answers on its port, and recovers', async () => {
    await proxy.cut();
    const down = await t.http.get('/api/health/ready');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      checks: { database: 'up', redis: 'down' },
      failing: ['redis'],
    });

    await proxy.restore();
    expect((await readyUntil(t, 200)).body.checks.redis).toBe('up');
  }, 30000);
});

describe('readiness with a schema behind the code', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60000);
  afterAll(async () => {
    await t?.close();
  });

  it('answers 503 naming the migrations while one is pending', async () => {
    // As if the newest migration had not run yet: its row in TypeORM's table goes.
    const client = new Client({ connectionString: t.db.url });
    await client.connect();
    try {
      await client.query(
        'DELETE FROM migrations WHERE id = (SELECT max(id) FROM migrations) RETURNING name',
      );
    } finally {
      await client.end();
    }
    const response = await t.http.get('/api/health/ready');
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({
      checks: { database: 'up', migrations: 'pending' },
      failing: ['migrations'],
    });
  });
});
