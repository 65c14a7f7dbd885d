import { Client } from 'pg';
import { startTestApp, TestApp } from './support/app';
import { makeUser } from './support/factories';

describe('with the default limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets a workshop of 30 people behind one address sign up together', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.http.post('/api/auth/register', {
          email: `workshop-${i}@example.org`,
          password: 'a shared workshop password',
          displayName: `P${i}`,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(201));
  });

  it('locks an account after 5 failed sign-ins, even for the right password, with Retry-After', async () => {
    const user = await makeUser(t.http);
    for (let i = 0; i < 5; i++) {
      expect(
        (await t.http.post('/api/auth/login', { email: user.email, password: 'wrong password!' }))
          .status,
      ).toBe(401);
    }
    const locked = await t.http.post('/api/auth/login', {
      email: user.email,
      password: user.password,
    });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ statusCode: 429, error: 'rate_limited' });
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(1700);
    expect(retryAfter).toBeLessThanOrEqual(1800);
    // Another account from the same address is unaffected.
    const other = await makeUser(t.http);
    expect(
      (await t.http.post('/api/auth/login', { email: other.email, password: other.password }))
        .status,
    ).toBe(200);
  });

  it('forgives earlier failures after a successful sign-in', async () => {
    const user = await makeUser(t.http);
    for (let i = 0; i < 4; i++)
      await t.http.post('/api/auth/login', { email: user.email, password: 'wrong password!' });
    expect(
      (await t.http.post('/api/auth/login', { email: user.email, password: user.password })).status,
    ).toBe(200);
    for (let i = 0; i < 4; i++)
      await t.http.post('/api/auth/login', { email: user.email, password: 'wrong password!' });
    expect(
      (await t.http.post('/api/auth/login', { email: user.email, password: user.password })).status,
    ).toBe(200);
  });
});

describe('with limits set through the environment', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      RATE_LIMIT_LOGIN_PER_ADDRESS: '3/60',
      RATE_LIMIT_REGISTER_PER_ADDRESS: '2/60',
      RATE_LIMIT_REGISTER_PER_ACCOUNT: '1/60',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('limits sign-in attempts per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (
          await t.http.post('/api/auth/login', {
            email: `nobody${i}@example.org`,
            password: 'whatever password',
          })
        ).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('limits sign-ups per address and per account, and the refused one writes nothing', async () => {
    const first = await t.http.post('/api/auth/register', {
      email: 'one@example.org',
      password: 'long enough password',
      displayName: 'One',
    });
    expect(first.status).toBe(201);
    const sameAccount = await t.http.post('/api/auth/register', {
      email: 'one@example.org',
      password: 'long enough password',
      displayName: 'One',
    });
    expect(sameAccount.status).toBe(429);
    const third = await t.http.post('/api/auth/register', {
      email: 'three@example.org',
      password: 'long enough password',
      displayName: 'Three',
    });
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(
      (
        await t.http.post('/api/auth/login', {
          email: 'three@example.org',
          password: 'long enough password',
        })
      ).status,
    ).not.toBe(200);
  });
});

describe('with REDIS_URL, shared by two server processes', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:6379' });
    b = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: a.db.url });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('counts failed sign-ins on both processes together, in Redis rather than Postgres', async () => {
    const user = await makeUser(a.http);
    for (const app of [a, b, a, b, a]) {
      expect(
        (await app.http.post('/api/auth/login', { email: user.email, password: 'wrong password!' }))
          .status,
      ).toBe(401);
    }
    const locked = await b.http.post('/api/auth/login', {
      email: user.email,
      password: user.password,
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);

    const client = new Client({ connectionString: a.db.url });
    await client.connect();
    const { rows } = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM rate_limit_buckets',
    );
    await client.end();
    expect(rows[0].n).toBe(0);
  });
});
