import { startTestApp, TestApp } from './support/app';
import { createTestDatabase, TestDatabase } from './support/database';
import { makeUser } from './support/factories';
import { TcpProxy } from './support/tcp-proxy';

describe('GET /api/health', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    // The app reaches its database through a relay we can cut, as if Postgres went away.
    db = await createTestDatabase();
    const target = new URL(db.url);
    proxy = new TcpProxy(target.hostname, Number(target.port));
    await proxy.start();
    target.port = String(proxy.port);
    t = await startTestApp({ DATABASE_URL: target.toString() });
  });
  afterAll(async () => {
    await t.close();
    await proxy.cut();
    await db.drop();
  });

  it('answers 200 with the database up, without a token', async () => {
    const response = await t.http.get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up', version: expect.any(String) });
  });

  it('answers 503 while the database is unreachable, and recovers by itself', async () => {
    const user = await makeUser(t.http);
    await proxy.cut();
    const down = await t.http.get('/api/health');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'degraded', database: 'down' });

    // A request that needs the database fails clearly, not with a 500.
    const me = await t.http.get('/api/me', { token: user.token });
    expect(me.status).toBe(503);
    expect(me.body).toMatchObject({ statusCode: 503, error: 'unavailable' });
    expect(me.headers.get('retry-after')).toBeTruthy();

    await proxy.restore();
    let up = await t.http.get('/api/health');
    for (let i = 0; i < 20 && up.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      up = await t.http.get('/api/health');
    }
    expect(up.status).toBe(200);
    expect((await t.http.get('/api/me', { token: user.token })).status).toBe(200);
  });
});

describe('OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves the API description with the contract paths', async () => {
    const response = await t.http.get('/api/docs-json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/register',
        '/api/networks/{slug}/invitations',
        '/api/invitations/{token}/accept',
        '/api/health',
      ]),
    );
    const ui = await t.http.get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });
});
