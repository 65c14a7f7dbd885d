import { randomBytes } from 'node:crypto';
import { connect, createServer, Server, Socket } from 'node:net';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';
import { makeScene, makeThread, newClientId, Scene, SocketPool } from '../support/realtime';
import { request, settle } from '../support/sockets';
import { parseMetrics, valueOf } from './prometheus-text';

/*
 * Postgres saturated (a lock held elsewhere, a statement running long, every pooled connection
 * taken, no connection slot left, a backend terminated) must answer 503 with Retry-After, soon,
 * and only for the requests that need what is saturated. Timings are asserted with generous
 * bounds only: this machine is shared.
 */

interface PoolClientLike {
  release(): void;
}
interface PoolLike {
  connect(): Promise<PoolClientLike>;
  options: { max: number };
}

const poolOf = (t: TestApp): PoolLike =>
  (t.app.get(DataSource).driver as unknown as { master: PoolLike }).master;

/** Another session holding a thread's row, as a long transaction elsewhere would. */
async function holdThreadRow(url: string, threadId: string): Promise<{ release(): Promise<void> }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT id FROM threads WHERE id = $1 FOR UPDATE', [threadId]);
  return {
    release: async () => {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

const post = (
  t: TestApp,
  token: string,
  threadId: string,
  body: string,
  clientId = newClientId(),
) => t.http.post(`/api/threads/${threadId}/messages`, { body, clientId }, { token });

function expectUnavailable(response: { status: number; body: any; headers: Headers }): void {
  expect(response.status).toBe(503);
  expect(response.body).toMatchObject({ statusCode: 503, error: 'unavailable' });
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
}

describe('with a small pool and a 1 s lock timeout', () => {
  let t: TestApp;
  let scene: Scene;
  let otherThreadId: string;
  const sockets = new SocketPool();

  beforeAll(async () => {
    t = await startTestApp({
      DATABASE_POOL_SIZE: '3',
      DATABASE_LOCK_TIMEOUT_MS: '1000',
      DATABASE_ACQUIRE_TIMEOUT_MS: '1000',
    });
    scene = await makeScene(t.http, { members: 1 });
    otherThreadId = (await makeThread(t.http, scene.admin, scene.channel.id)).id;
  }, 60000);
  afterAll(async () => {
    sockets.closeAll();
    await t?.close();
  });

  it('gives every pooled connection the statement, lock and idle-in-transaction limits', async () => {
    const dataSource = t.app.get(DataSource);
    const [settings] = await dataSource.query(
      `SELECT current_setting('statement_timeout') AS statement,
              current_setting('lock_timeout') AS lock,
              current_setting('idle_in_transaction_session_timeout') AS idle`,
    );
    expect(settings).toEqual({ statement: '15s', lock: '1s', idle: '1min' });
    expect(poolOf(t).options.max).toBe(3);
  });

  it('answers 503 on a thread another transaction holds, within seconds, while other threads take posts', async () => {
    const lock = await holdThreadRow(t.db.url, scene.thread.id);
    try {
      const started = Date.now();
      const clientId = newClientId();
      const blocked = post(t, scene.admin.token, scene.thread.id, 'Waits for the lock', clientId);

      let waiting = true;
      void blocked.finally(() => (waiting = false));

      // Meanwhile, the rest of the forum goes on.
      const answeredWhileWaiting: boolean[] = [];
      for (let i = 0; i < 3; i++) {
        const elsewhere = await post(t, scene.members[0].token, otherThreadId, `Elsewhere ${i}`);
        expect(elsewhere.status).toBe(201);
        answeredWhileWaiting.push(waiting);
      }
      // At least the first came back while the locked thread's post was still waiting.
      expect(answeredWhileWaiting[0]).toBe(true);

      const refused = await blocked;
      expectUnavailable(refused);
      expect(refused.body.message).toMatch(/busy/);
      expect(Date.now() - started).toBeLessThan(10_000);

      // The socket twin refuses the same way.
      const socket = await sockets.open(t, scene.admin);
      const ack = await request(socket, 'message:send', {
        threadId: scene.thread.id,
        body: 'Over the socket',
        clientId: newClientId(),
      });
      expect(ack).toMatchObject({
        ok: false,
        error: 'unavailable',
        retryAfterMs: expect.any(Number),
      });

      await lock.release();
      // Nothing was saved: the retry with the same clientId is the first copy.
      const retried = await post(
        t,
        scene.admin.token,
        scene.thread.id,
        'Waits for the lock',
        clientId,
      );
      expect(retried.status).toBe(201);
      expect(retried.body.seq).toBe(2);
    } finally {
      await lock.release().catch(() => undefined);
    }
  }, 30000);

  it('answers 503 with Retry-After at once when every pooled connection is taken, and recovers', async () => {
    const pool = poolOf(t);
    const held = await Promise.all(Array.from({ length: pool.options.max }, () => pool.connect()));
    try {
      const started = Date.now();
      const refused = await t.http.get('/api/me', { token: scene.admin.token });
      expectUnavailable(refused);
      expect(Date.now() - started).toBeLessThan(10_000);

      // The metrics need no connection and show why.
      const metrics = parseMetrics((await t.http.get('/metrics')).text);
      expect(valueOf(metrics, 'tandem_db_pool_connections', { state: 'total' })).toBe(3);
      expect(valueOf(metrics, 'tandem_db_pool_connections', { state: 'idle' })).toBe(0);
      expect(valueOf(metrics, 'tandem_db_pool_connections', { state: 'max' })).toBe(3);

      const ready = await t.http.get('/api/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.failing).toContain('database');
    } finally {
      for (const client of held) client.release();
    }
    expect((await t.http.get('/api/me', { token: scene.admin.token })).status).toBe(200);
  }, 30000);
});

describe('with the lock timeout off and a 3 s statement timeout', () => {
  let t: TestApp;
  let scene: Scene;

  beforeAll(async () => {
    t = await startTestApp({
      DATABASE_STATEMENT_TIMEOUT_MS: '3000',
      DATABASE_LOCK_TIMEOUT_MS: '0',
    });
    scene = await makeScene(t.http, { members: 0 });
  }, 60000);
  afterAll(async () => {
    await t?.close();
  });

  it('ends a statement that outlives it (57014) with 503', async () => {
    const lock = await holdThreadRow(t.db.url, scene.thread.id);
    try {
      const started = Date.now();
      const refused = await post(t, scene.admin.token, scene.thread.id, 'Runs out of time');
      expectUnavailable(refused);
      expect(Date.now() - started).toBeGreaterThanOrEqual(2500);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await lock.release();
    }
  }, 30000);

  it('answers 503 when an administrator terminates the backend mid-request (57P01)', async () => {
    const lock = await holdThreadRow(t.db.url, scene.thread.id);
    const admin = new Client({ connectionString: t.db.url });
    await admin.connect();
    try {
      const blocked = post(t, scene.admin.token, scene.thread.id, 'Terminated');
      const database = new URL(t.db.url).pathname.slice(1);
      let terminated = 0;
      for (let i = 0; i < 100 && terminated === 0; i++) {
        const { rows } = await admin.query(
          `SELECT count(*)::int AS n FROM (
             SELECT pg_terminate_backend(pid) FROM pg_stat_activity
              WHERE datname = $1 AND application_name = 'tandem' AND wait_event_type = 'Lock'
           ) AS killed`,
          [database],
        );
        terminated = rows[0].n;
        if (terminated === 0) await settle(20);
      }
      expect(terminated).toBe(1);
      expectUnavailable(await blocked);
    } finally {
      await admin.end();
      await lock.release();
    }
    // The pool drops the dead connection and opens a fresh one.
    expect((await post(t, scene.admin.token, scene.thread.id, 'After')).status).toBe(201);
  }, 30000);
});

describe('a database role at its connection limit (53300)', () => {
  let owner: TestApp;
  let t: TestApp;
  const role = `tandem_limited_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');

  /** Runs statements as the cluster's administrator, on `url`'s database. */
  async function asAdmin(url: string, statements: string): Promise<void> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statements);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    owner = await startTestApp();
    // Superusers are exempt from connection limits, so the app signs in as a role of its own.
    await asAdmin(
      owner.db.url,
      `CREATE ROLE ${role} LOGIN PASSWORD '${password}' CONNECTION LIMIT 2;
       GRANT USAGE ON SCHEMA public TO ${role};
       GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
       GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role};
       GRANT USAGE ON SCHEMA pgboss TO ${role};
       GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${role};
       GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO ${role};`,
    );
    const url = new URL(owner.db.url);
    url.username = role;
    url.password = password;
    t = await startTestApp({ DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: '5' });
  }, 60000);
  afterAll(async () => {
    await t?.close();
    await owner?.close();
    // Its grants went with the owner's database; the role itself is the cluster's.
    await asAdmin(process.env.TANDEM_TEST_ADMIN_URL!, `DROP ROLE IF EXISTS ${role}`);
  });

  it('answers 503 when Postgres refuses another connection', async () => {
    const user = await owner.http.post('/api/auth/register', {
      email: `limited-${randomBytes(3).toString('hex')}@example.org`,
      password: 'correct horse battery',
      displayName: 'Limited',
    });
    expect(user.status).toBe(201);
    const token = user.body.accessToken as string;
    // Take both slots the role has, so the next request needs a third connection.
    const pool = poolOf(t);
    const held = [await pool.connect(), await pool.connect()];
    try {
      expectUnavailable(await t.http.get('/api/me', { token }));
    } finally {
      for (const client of held) client.release();
    }
    expect((await t.http.get('/api/me', { token })).status).toBe(200);
  }, 30000);
});

/** A relay on 127.0.0.1 that holds each new connection for `delayMs` before passing it on. */
async function slowRelay(
  target: URL,
  delayMs: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.pause();
    setTimeout(() => {
      const upstream = connect(Number(target.port), target.hostname);
      sockets.add(upstream);
      for (const socket of [client, upstream]) socket.on('error', () => socket.destroy());
      client.pipe(upstream).pipe(client);
      client.resume();
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = new URL(target);
  url.port = String(typeof address === 'object' && address ? address.port : 0);
  return {
    url: url.toString(),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('opening connections slowly (SCRAM waiting behind password hashing, say)', () => {
  let db: TestDatabase;
  let relay: Awaited<ReturnType<typeof slowRelay>>;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    relay = await slowRelay(new URL(db.url), 800);
    t = await startTestApp({
      DATABASE_URL: relay.url,
      DATABASE_ACQUIRE_TIMEOUT_MS: '300',
      DATABASE_CONNECT_TIMEOUT_MS: '10000',
    });
  }, 60000);
  afterAll(async () => {
    await t?.close();
    await relay?.close();
    await db?.drop();
  });

  it('gives a new connection the connect budget, not the short wait for a busy pool', async () => {
    const users = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        t.http.post('/api/auth/register', {
          email: `slow-${i}-${randomBytes(3).toString('hex')}@example.org`,
          password: 'correct horse battery',
          displayName: `Slow ${i}`,
        }),
      ),
    );
    expect(users.map((response) => response.status)).toEqual([201, 201, 201, 201]);
  }, 30000);
});
