import { startTestApp, TestApp } from '../support/app';
import {
  clientId,
  counts,
  makeCast,
  makeChannel,
  makeThread,
  type Cast,
} from '../support/discussions';
import { makeUser, TestUser } from '../support/factories';
import { connectSocket, request } from '../support/sockets';

/**
 * The generic input rules (apps/server/src/platform/http): each kind of hostile input the fuzz
 * test (openapi-fuzz.e2e-spec.ts) throws at every route, here once by hand on a route where it
 * used to answer 500. Each answers 400 naming the field and writes nothing.
 */
describe('hostile input answers 400 naming the field, and writes nothing', () => {
  let t: TestApp;
  let cast: Cast;
  let stranger: TestUser;
  let channelId: string;
  let threadId: string;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await makeCast(t.http);
    stranger = await makeUser(t.http);
    channelId = (await makeChannel(t.http, cast.admin, cast.network.slug)).id;
    threadId = (await makeThread(t.http, cast.member, channelId)).id;
  }, 60_000);
  afterAll(() => t.close());

  const fieldsOf = (body: { details?: { field: string }[] }): string[] =>
    (body.details ?? []).map((detail) => detail.field);

  async function expectRefused(
    send: () => Promise<{ status: number; body: unknown }>,
    fields: string[],
  ): Promise<void> {
    const before = await counts(t);
    const response = await send();
    expect({ status: response.status, fields: fieldsOf(response.body as never) }).toEqual({
      status: 400,
      fields: expect.arrayContaining(fields),
    });
    expect(await counts(t)).toEqual(before);
  }

  it.each([
    ['a thread title', () => `/api/channels/${channelId}/threads`, 'title'],
    ['a message body', () => `/api/threads/${threadId}/messages`, 'body'],
  ])('NUL in %s', async (_what, path, field) => {
    const body: Record<string, unknown> = {
      title: 'A title',
      body: 'Some text',
      attribution: 'named',
      clientId: clientId(),
    };
    body[field] = 'before\u0000after';
    if (field === 'body' && path().endsWith('/messages')) delete body.title;
    if (path().endsWith('/messages')) delete body.attribution;
    await expectRefused(() => t.http.post(path(), body, { token: cast.member.token }), [field]);
  });

  it('NUL in a query parameter', async () => {
    await expectRefused(
      () => t.http.get('/api/organisations?q=a%00b', { token: stranger.token }),
      ['q'],
    );
  });

  it('NUL in an object key', async () => {
    await expectRefused(
      () =>
        t.http.post(`/api/threads/${threadId}/messages`, undefined, {
          token: cast.member.token,
          raw: JSON.stringify({ body: 'x', clientId: clientId() }).replace('{', '{"a\\u0000b":1,'),
        }),
      ['body'],
    );
  });

  it('an unpaired surrogate in text', async () => {
    await expectRefused(
      () =>
        t.http.post(`/api/threads/${threadId}/messages`, undefined, {
          token: cast.member.token,
          raw: '{"body":"half \\ud800 a pair","clientId":"c-1"}',
        }),
      ['body'],
    );
  });

  it('a cursor the server did not issue, though well formed', async () => {
    const forged = Buffer.from(JSON.stringify(['not a timestamp', 'not a uuid'])).toString(
      'base64url',
    );
    await expectRefused(
      () =>
        t.http.get(`/api/networks/${cast.network.slug}/members?cursor=${forged}`, {
          token: cast.member.token,
        }),
      ['cursor'],
    );
  });

  it.each([
    ['an id', () => '/api/threads/not-a-uuid/lock', 'id'],
    ['a user id', () => `/api/networks/${cast.network.slug}/members/12345/suspend`, 'userId'],
  ])('%s in a path that is not a UUID', async (_what, path, field) => {
    await expectRefused(
      () => t.http.post(path(), { days: 1, reason: 'x' }, { token: cast.admin.token }),
      [field],
    );
  });

  it('a path that is not percent-encoded UTF-8 answers in the API error shape', async () => {
    const response = await t.http.get('/api/threads/%ED%A0%80', { token: cast.member.token });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'bad_request' });
    expect(fieldsOf(response.body)).toEqual(['path']);
  });

  it('a version segment that is not a number names the field', async () => {
    await expectRefused(
      () =>
        t.http.get('/api/entries/00000000-0000-4000-8000-000000000000/versions/abc', {
          token: cast.member.token,
        }),
      ['version'],
    );
  });

  it('a cursor the server issued still pages', async () => {
    const first = await t.http.get(`/api/networks/${cast.network.slug}/members?limit=1`, {
      token: cast.member.token,
    });
    expect(first.status).toBe(200);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.http.get(
      `/api/networks/${cast.network.slug}/members?limit=1&cursor=${first.body.nextCursor}`,
      { token: cast.member.token },
    );
    expect(second.status).toBe(200);
    expect(second.body.items).toHaveLength(1);
  });

  it.each([
    ['a filter', () => '/api/case-studies?maxBudgetEur=99999999999', 'maxBudgetEur'],
    [
      'a path segment',
      () => '/api/entries/00000000-0000-4000-8000-000000000000/versions/99999999999',
      'version',
    ],
    [
      'a message seq',
      () => `/api/threads/${threadId}/messages?afterSeq=99999999999999999999`,
      'afterSeq',
    ],
  ])('a number outside Postgres integer in %s', async (_what, path, field) => {
    await expectRefused(() => t.http.get(path(), { token: cast.member.token }), [field]);
  });

  it('a number outside Postgres integer in a body', async () => {
    await expectRefused(
      () =>
        t.http.post(`/api/threads/${threadId}/read`, { seq: 1e12 }, { token: cast.member.token }),
      ['seq'],
    );
  });

  it('JSON nested deeper than the limit', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    await expectRefused(
      () =>
        t.http.post(`/api/threads/${threadId}/messages`, undefined, {
          token: cast.member.token,
          raw: `{"body":${deep},"clientId":"c-2"}`,
        }),
      ['body'],
    );
  });

  it.each([
    ['text/plain', '{"body":"hello","clientId":"c-3"}'],
    ['application/x-www-form-urlencoded', 'body=hello&clientId=c-4'],
    ['application/xml', '<body>hello</body>'],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="body"\r\n\r\nhi\r\n--x--',
    ],
  ])('a %s body where JSON is expected', async (type, raw) => {
    await expectRefused(
      () =>
        t.http.post(`/api/threads/${threadId}/messages`, undefined, {
          token: cast.member.token,
          raw,
          headers: { 'content-type': type },
        }),
      ['content-type'],
    );
  });

  it.each([['null'], ['"a string"'], ['[1,2]'], ['42']])(
    'a JSON body that is not an object: %s',
    async (raw) => {
      const before = await counts(t);
      const response = await t.http.post(`/api/threads/${threadId}/messages`, undefined, {
        token: cast.member.token,
        raw,
      });
      expect(response.status).toBe(400);
      expect(await counts(t)).toEqual(before);
    },
  );

  it('over the socket: NUL in a message and a seq out of range answer bad_request', async () => {
    const socket = await connectSocket(t.baseUrl, cast.member.token);
    try {
      const before = await counts(t);
      const sent = await request(socket, 'message:send', {
        threadId,
        body: 'a\u0000b',
        clientId: clientId(),
      });
      expect(sent).toMatchObject({ ok: false, error: 'bad_request' });
      expect(sent.message).toContain('body');
      const read = await request(socket, 'read', { threadId, seq: 1e12 });
      expect(read).toMatchObject({ ok: false, error: 'bad_request' });
      expect(read.message).toContain('seq');
      const joined = await request(socket, 'thread:join', { threadId, afterSeq: 1e300 });
      expect(joined).toMatchObject({ ok: false, error: 'bad_request' });
      expect(await counts(t)).toEqual(before);
    } finally {
      socket.close();
    }
  });
});
