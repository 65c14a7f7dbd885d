import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MetricsService } from '../../apps/server/src/platform/metrics/metrics.service';
import { startTestApp, TestApp } from '../support/app';
import {
  joinThread,
  makeScene,
  newClientId,
  postOverHttp,
  Scene,
  SocketPool,
} from '../support/realtime';
import { request } from '../support/sockets';
import { parseMetrics, Sample, samplesOf, valueOf } from './prometheus-text';

const HTTP_COUNT = 'tandem_http_request_duration_seconds_count';

describe('GET /metrics without METRICS_TOKEN', () => {
  let t: TestApp;
  let scene: Scene;
  const sockets = new SocketPool();

  const scrape = async (): Promise<Sample[]> => {
    const response = await t.http.get('/metrics');
    expect(response.status).toBe(200);
    return parseMetrics(response.text);
  };

  beforeAll(async () => {
    t = await startTestApp({ DATABASE_POOL_SIZE: '7' });
    scene = await makeScene(t.http, { members: 1 });
  }, 60000);
  afterAll(async () => {
    sockets.closeAll();
    await t?.close();
  });

  it('serves the Prometheus text format outside /api, without a token', async () => {
    const response = await t.http.get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const samples = parseMetrics(response.text);
    // prom-client's process metrics, event-loop lag among them.
    expect(valueOf(samples, 'nodejs_eventloop_lag_seconds')).toEqual(expect.any(Number));
    expect(valueOf(samples, 'tandem_db_pool_connections', { state: 'max' })).toBe(7);
    expect(valueOf(samples, 'tandem_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    expect((await t.http.get('/api/metrics')).status).toBe(404);
  });

  it('times requests by route template and status, never by raw URL', async () => {
    await t.http.get(`/api/threads/${scene.thread.id}/messages`, { token: scene.admin.token });
    await t.http.get(`/api/threads/${scene.thread.id}/messages`); // 401
    await t.http.get('/api/no-such-route');
    const samples = await scrape();
    const route = '/api/threads/:id/messages';
    expect(valueOf(samples, HTTP_COUNT, { method: 'GET', route, status: '200' })).toBe(1);
    expect(valueOf(samples, HTTP_COUNT, { method: 'GET', route, status: '401' })).toBe(1);
    expect(
      samplesOf(samples, 'tandem_http_request_duration_seconds_bucket', {
        route,
        status: '200',
        le: '+Inf',
      }),
    ).toHaveLength(1);
    expect(
      samplesOf(samples, HTTP_COUNT, { route: 'unmatched', status: '404' }).length,
    ).toBeGreaterThan(0);
    expect(
      samples.some((s) => Object.values(s.labels).some((v) => v.includes(scene.thread.id))),
    ).toBe(false);
  });

  it('counts posted messages and their deliveries, over HTTP and the socket', async () => {
    const before = await scrape();
    const posted = valueOf(before, 'tandem_messages_posted_total')!;
    const delivered = valueOf(before, 'tandem_messages_delivered_total')!;

    await postOverHttp(t.http, scene.admin, scene.thread.id, 'Counted');
    const socket = await sockets.open(t, scene.members[0]);
    await joinThread(socket, scene.thread.id);
    const clientId = newClientId();
    const send = { threadId: scene.thread.id, body: 'Counted too', clientId };
    expect(await request(socket, 'message:send', send)).toMatchObject({ ok: true });
    // A retry returns the original: nothing new is posted or delivered.
    expect(await request(socket, 'message:send', send)).toMatchObject({ duplicate: true });

    const after = await scrape();
    expect(valueOf(after, 'tandem_messages_posted_total')).toBe(posted + 2);
    expect(valueOf(after, 'tandem_messages_delivered_total')).toBe(delivered + 2);
    socket.close();
  });

  it("reports this process's live sockets", async () => {
    const live = async (): Promise<number | undefined> =>
      valueOf(await scrape(), 'tandem_sockets_connected');
    let count = await live();
    for (let i = 0; i < 50 && count !== 0; i++) count = await live();
    expect(count).toBe(0);

    const first = await sockets.open(t, scene.admin);
    const second = await sockets.open(t, scene.members[0]);
    expect(await live()).toBe(2);
    first.close();
    second.close();
    let after = await live();
    for (let i = 0; i < 50 && after !== 0; i++) after = await live();
    expect(after).toBe(0);
  });

  it('reads job-queue and mail figures from registered sources, leaving out one that fails', async () => {
    const metrics = t.app.get(MetricsService);
    metrics.registerSource({
      jobQueues: () =>
        Promise.resolve([
          { queue: 'mail', waiting: 4, active: 1, failed: 2 },
          { queue: 'digest', waiting: 0, active: 0, failed: 0 },
        ]),
      mailTotals: () => Promise.resolve({ sent: 12, failed: 1 }),
    });
    metrics.registerSource({
      jobQueues: () => Promise.reject(new Error('queue table missing')),
      mailTotals: () => new Promise(() => undefined), // never answers
    });

    const started = Date.now();
    const samples = await scrape();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(valueOf(samples, 'tandem_jobs', { queue: 'mail', state: 'waiting' })).toBe(4);
    expect(valueOf(samples, 'tandem_jobs', { queue: 'mail', state: 'active' })).toBe(1);
    expect(valueOf(samples, 'tandem_jobs', { queue: 'mail', state: 'failed' })).toBe(2);
    expect(valueOf(samples, 'tandem_jobs', { queue: 'digest', state: 'waiting' })).toBe(0);
    expect(valueOf(samples, 'tandem_mail_sent_total')).toBe(12);
    expect(valueOf(samples, 'tandem_mail_failed_total')).toBe(1);
  });

  it('exposes every metric the Grafana dashboard queries', async () => {
    const text = (await t.http.get('/metrics')).text;
    // Families as declared (`# TYPE name kind`), with a histogram's series names.
    const families = new Set<string>();
    for (const [, name, kind] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
      families.add(name);
      if (kind === 'histogram')
        for (const end of ['_bucket', '_count', '_sum']) families.add(name + end);
    }
    const dashboard = readFileSync(join(__dirname, '../../deploy/grafana/tandem.json'), 'utf8');
    const queried = new Set(
      [...dashboard.matchAll(/\b(?:tandem|nodejs|process)_[a-z0-9_]+/g)].map(([name]) => name),
    );
    expect(queried.size).toBeGreaterThan(8);
    expect([...queried].filter((name) => !families.has(name))).toEqual([]);
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  const token = 'metrics-token-for-the-tests-0123';
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN: token });
  }, 60000);
  afterAll(async () => {
    await t?.close();
  });

  it('answers 401 without the token, with a wrong one, and with a person’s access token', async () => {
    const none = await t.http.get('/metrics');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ statusCode: 401, error: 'unauthorized' });
    expect((await t.http.get('/metrics', { token: `${token}x` })).status).toBe(401);
    expect((await t.http.get('/metrics', { headers: { authorization: token } })).status).toBe(401);
    const user = await t.http.post('/api/auth/register', {
      email: 'scraper@example.org',
      password: 'correct horse battery',
      displayName: 'Not a scraper',
    });
    expect((await t.http.get('/metrics', { token: user.body.accessToken })).status).toBe(401);
  });

  it('answers 200 with the token', async () => {
    const response = await t.http.get('/metrics', { token });
    expect(response.status).toBe(200);
    expect(response.text).toContain('tandem_http_request_duration_seconds');
  });
});
