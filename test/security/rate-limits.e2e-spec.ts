import { startTestApp, TestApp } from '../support/app';
import { curate, publishEntry } from '../support/curation';
import { makeCast, makeChannel, makeThread, post, sql, type Cast } from '../support/discussions';
import { makeNetwork, makeUser, TestUser } from '../support/factories';
import type { HttpResponse } from '../support/http';
import { refusal } from '../support/realtime';
import { connectSocket } from '../support/sockets';

/**
 * Per-user limits on the costly or abusable routes (platform/rate-limit, `@RateLimit`): search,
 * exports (PDF with its own, tighter allowance), flags, invitations, and socket handshakes. Each
 * refusal is a 429 with Retry-After (or a handshake refused with `rate_limited` and
 * `retryAfterMs`), does nothing, and leaves every other user's allowance alone. The limits here
 * are set tight through the same RATE_LIMIT_* variables an operator uses.
 */
describe('rate limits per user', () => {
  let t: TestApp;
  let cast: Cast;
  let threadId: string;
  let entryId: string;
  let messages: string[];

  beforeAll(async () => {
    t = await startTestApp({
      RATE_LIMIT_SEARCH_PER_USER: '2/60',
      RATE_LIMIT_EXPORT_PER_USER: '2/60',
      RATE_LIMIT_PDF_EXPORT_PER_USER: '1/60',
      RATE_LIMIT_FLAG_PER_USER: '2/60',
      // makeCast's admin invites three members; the invitations test's own admin, three more.
      RATE_LIMIT_INVITATION_PER_USER: '3/60',
      RATE_LIMIT_SOCKET_CONNECTIONS_PER_USER: '2/60',
    });
    cast = await makeCast(t.http);
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const thread = await makeThread(t.http, cast.admin, channel.id);
    threadId = thread.id;
    messages = [];
    for (const body of ['one', 'two', 'three', 'four'])
      messages.push((await post(t.http, cast.admin, threadId, `Message ${body}`)).id);
    entryId = (await curate(t, cast.admin, threadId)).id;
    await publishEntry(t, entryId, cast.admin, cast.moderator);
  }, 120_000);
  afterAll(() => t.close());

  function expectLimited(response: HttpResponse): void {
    expect(response.status).toBe(429);
    expect(response.body).toMatchObject({ error: 'rate_limited' });
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  }

  async function exhaust(
    allowed: number,
    call: (user: TestUser, index: number) => Promise<HttpResponse>,
    user: TestUser,
  ): Promise<HttpResponse> {
    for (let index = 0; index < allowed; index++) {
      const response = await call(user, index);
      expect(response.status).toBeLessThan(400);
    }
    return call(user, allowed);
  }

  it('search', async () => {
    const search = (user: TestUser) => t.http.get('/api/search?q=housing', { token: user.token });
    expectLimited(await exhaust(2, search, cast.member));
    expect((await search(cast.other)).status).toBe(200);
  });

  it('exports, and PDF exports against their own allowance', async () => {
    const exportAs = (format: string) => (user: TestUser) =>
      t.http.get(`/api/entries/${entryId}/export?format=${format}`, { token: user.token });
    expectLimited(await exhaust(2, exportAs('md'), cast.moderator));
    expectLimited(await exhaust(1, exportAs('pdf'), cast.moderator));
    // Another user's exports, PDF included, are untouched.
    expect((await exportAs('pdf')(cast.other)).status).toBe(200);
  }, 60_000);

  it('the data download counts as an export', async () => {
    const data = (user: TestUser) => t.http.get('/api/me/data', { token: user.token });
    expectLimited(await exhaust(2, data, cast.admin));
  });

  it('flags, writing nothing once refused', async () => {
    const flag = (user: TestUser, index: number) =>
      t.http.post(
        `/api/messages/${messages[index]}/flags`,
        { reason: 'spam' },
        { token: user.token },
      );
    const refused = await exhaust(2, flag, cast.member);
    expectLimited(refused);
    const [{ n }] = await sql<{ n: number }>(t, 'SELECT count(*)::int AS n FROM message_flags');
    expect(n).toBe(2);
  });

  it('invitations, writing nothing once refused', async () => {
    // An admin of their own network (the cast's admin spent invitations on the cast).
    const admin = await makeUser(t.http);
    const network = await makeNetwork(t.http, admin);
    const invite = (user: TestUser, index: number) =>
      t.http.post(
        `/api/networks/${network.slug}/invitations`,
        { email: `invitee-${index}-${Date.now()}@example.org`, role: 'member' },
        { token: user.token },
      );
    const refused = await exhaust(3, invite, admin);
    expectLimited(refused);
    const [{ n }] = await sql<{ n: number }>(
      t,
      'SELECT count(*)::int AS n FROM invitations WHERE network_id = $1',
      [network.id],
    );
    expect(n).toBe(3);
  });

  it('socket handshakes', async () => {
    const user = await makeUser(t.http);
    const sockets = [
      await connectSocket(t.baseUrl, user.token),
      await connectSocket(t.baseUrl, user.token),
    ];
    try {
      const refused = await refusal(t.baseUrl, user.token);
      expect(refused.data).toMatchObject({ code: 'rate_limited', reason: 'rate_limited' });
      expect(refused.data.retryAfterMs).toBeGreaterThanOrEqual(1000);
      // Someone else still connects.
      const other = await makeUser(t.http);
      (await connectSocket(t.baseUrl, other.token)).close();
    } finally {
      for (const socket of sockets) socket.close();
    }
  });
});
