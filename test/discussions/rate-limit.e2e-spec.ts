import { startTestApp, TestApp } from '../support/app';
import {
  Cast,
  clientId,
  counts,
  makeCast,
  makeChannel,
  makeThread,
  post,
  sql,
} from '../support/discussions';

/** Posting limits come from the environment: 3 posts per user per thread, 8 per user overall. */
let t: TestApp;
let cast: Cast;
let channelId: string;

beforeAll(async () => {
  t = await startTestApp({
    RATE_LIMIT_POST_PER_THREAD: '3/60',
    RATE_LIMIT_POST_PER_USER: '8/60',
  });
  cast = await makeCast(t.http);
  channelId = (await makeChannel(t.http, cast.admin, cast.network.slug)).id;
});
afterAll(async () => {
  await t.close();
});

it('answers the 4th post in a thread 429 with Retry-After, writing nothing', async () => {
  const thread = await makeThread(t.http, cast.admin, channelId);
  const sent = [];
  for (let i = 0; i < 3; i++) sent.push(await post(t.http, cast.member, thread.id, `post ${i}`));
  expect(sent.map((m) => m.seq)).toEqual([2, 3, 4]);

  const before = await counts(t);
  const fourth = await t.http.post(
    `/api/threads/${thread.id}/messages`,
    { body: `hello @${cast.other.user.handle}`, clientId: clientId() },
    { token: cast.member.token },
  );
  expect(fourth.status).toBe(429);
  expect(fourth.body).toMatchObject({ statusCode: 429, error: 'rate_limited' });
  expect(typeof fourth.body.message).toBe('string');
  const retryAfter = Number(fourth.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  // No message, no seq, no notification for the mention.
  expect(await counts(t)).toEqual(before);
  const [row] = await sql(t, 'SELECT last_seq, message_count FROM threads WHERE id = $1', [
    thread.id,
  ]);
  expect(row).toEqual({ last_seq: 4, message_count: 4 });

  // A retry of a send that went through is not a new post: it still answers with the original.
  const retry = await t.http.post(
    `/api/threads/${thread.id}/messages`,
    { body: 'post 0', clientId: sent[0].clientId },
    { token: cast.member.token },
  );
  expect(retry.status).toBe(200);
  expect(retry.body.id).toBe(sent[0].id);

  // The limit is per user and per thread: others may still post here, and the member elsewhere.
  expect((await post(t.http, cast.other, thread.id, 'someone else')).seq).toBe(5);
  const elsewhere = await makeThread(t.http, cast.admin, channelId);
  expect((await post(t.http, cast.member, elsewhere.id, 'another thread')).seq).toBe(2);
});

it('limits a user’s posts across threads, thread starts included', async () => {
  const user = cast.moderator;
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) {
    const response = await t.http.post(
      `/api/channels/${channelId}/threads`,
      { title: `Burst ${i}`, body: 'b', attribution: 'named', clientId: clientId() },
      { token: user.token },
    );
    statuses.push(response.status);
  }
  expect(statuses).toEqual(Array(8).fill(201));
  const before = await counts(t);
  const ninth = await t.http.post(
    `/api/channels/${channelId}/threads`,
    { title: 'One too many', body: 'b', attribution: 'named', clientId: clientId() },
    { token: user.token },
  );
  expect(ninth.status).toBe(429);
  expect(Number(ninth.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(await counts(t)).toEqual(before);
});

it('does not count refused input against the allowance', async () => {
  const thread = await makeThread(t.http, cast.admin, channelId);
  const other = await makeThread(t.http, cast.admin, channelId);
  const elsewhere = await post(t.http, cast.admin, other.id, 'in another thread');
  for (let i = 0; i < 4; i++) {
    const bad = await t.http.post(
      `/api/threads/${thread.id}/messages`,
      { body: 'a reply to nothing here', clientId: clientId(), replyToId: elsewhere.id },
      { token: cast.other.token },
    );
    expect(bad.status).toBe(400);
  }
  // Three good posts still go through: the four refusals used none of the three allowed.
  for (let i = 0; i < 3; i++) expect((await post(t.http, cast.other, thread.id)).seq).toBe(i + 2);
});
