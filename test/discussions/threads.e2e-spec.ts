import type { ThreadView } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import {
  allPages,
  Cast,
  clientId,
  counts,
  makeCast,
  makeChannel,
  makeThread,
  post,
  sql,
} from '../support/discussions';

let t: TestApp;
let cast: Cast;

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeCast(t.http);
});
afterAll(async () => {
  await t.close();
});

const createThread = (token: string, channelId: string, body: Record<string, unknown>) =>
  t.http.post<ThreadView>(
    `/api/channels/${channelId}/threads`,
    { title: 'A title', body: 'A body', attribution: 'named', clientId: clientId('t'), ...body },
    { token },
  );

describe('starting threads', () => {
  it('creates the thread with its first message (201)', async () => {
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const response = await createThread(cast.member.token, channel.id, {
      title: '  Volunteer mentors past the first year  ',
      body: 'How do you **keep** them?',
      topics: ['volunteers', 'long_term_support'],
      clientId: 'first-thread-1',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      channelId: channel.id,
      networkId: cast.network.id,
      title: 'Volunteer mentors past the first year',
      attribution: 'named',
      topics: ['volunteers', 'long_term_support'],
      author: {
        kind: 'named',
        userId: cast.member.user.id,
        displayName: cast.member.user.displayName,
        handle: cast.member.user.handle,
      },
      isMine: true,
      locked: false,
      lastSeq: 1,
      messageCount: 1,
      lastReadSeq: 1,
      unreadCount: 0,
    });
    const messages = await t.http.get(`/api/threads/${response.body.id}/messages`, {
      token: cast.other.token,
    });
    expect(messages.status).toBe(200);
    expect(messages.body).toMatchObject({
      hasMore: false,
      items: [
        {
          seq: 1,
          body: 'How do you **keep** them?',
          isMine: false,
          clientId: null,
          author: { kind: 'named', userId: cast.member.user.id },
        },
      ],
    });
    const asOther = await t.http.get(`/api/threads/${response.body.id}`, {
      token: cast.other.token,
    });
    expect(asOther.body).toMatchObject({ isMine: false, unreadCount: 1, lastReadSeq: 0 });
  });

  it('answers a retry with the same clientId 200 and the same thread, creating nothing', async () => {
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const id = clientId('retry');
    const first = await createThread(cast.member.token, channel.id, { clientId: id });
    expect(first.status).toBe(201);
    const before = await counts(t);
    const retry = await createThread(cast.member.token, channel.id, {
      clientId: id,
      title: 'A retry carries the same title',
    });
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.body.title).toBe(first.body.title);
    expect(await counts(t)).toEqual(before);
    // Another author may use the same clientId: it is unique per author only.
    expect((await createThread(cast.other.token, channel.id, { clientId: id })).status).toBe(201);
  });

  it('still answers a retried thread start with the original after the channel was archived', async () => {
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const id = clientId('late');
    const first = await createThread(cast.member.token, channel.id, { clientId: id });
    expect(first.status).toBe(201);
    await t.http.patch(
      `/api/channels/${channel.id}`,
      { archived: true },
      { token: cast.admin.token },
    );
    const retry = await createThread(cast.member.token, channel.id, { clientId: id });
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(first.body.id);
    expect((await createThread(cast.member.token, channel.id, {})).status).toBe(409);
  });

  it('creates exactly one thread when the same send is retried concurrently', async () => {
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    for (let round = 0; round < 4; round++) {
      const id = clientId('race');
      const responses = await Promise.all(
        Array.from({ length: 8 }, () =>
          createThread(cast.member.token, channel.id, { clientId: id }),
        ),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([...Array(7).fill(200), 201]);
      expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    }
    const rows = await sql(t, 'SELECT count(*)::int AS n FROM threads WHERE channel_id = $1', [
      channel.id,
    ]);
    expect(rows[0].n).toBe(4);
  });

  it('refuses a clientId already used for a thread in another channel (409), writing nothing', async () => {
    const a = await makeChannel(t.http, cast.admin, cast.network.slug);
    const b = await makeChannel(t.http, cast.admin, cast.network.slug);
    const id = clientId('elsewhere');
    expect((await createThread(cast.member.token, a.id, { clientId: id })).status).toBe(201);
    const before = await counts(t);
    const reused = await createThread(cast.member.token, b.id, { clientId: id });
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ statusCode: 409, error: 'conflict' });
    expect(await counts(t)).toEqual(before);
  });

  it('refuses a clientId already used for a message (409, not a server error), writing nothing', async () => {
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const thread = await makeThread(t.http, cast.admin, channel.id);
    const id = clientId('msg');
    await post(t.http, cast.member, thread.id, 'a reply', { clientId: id });
    const before = await counts(t);
    const response = await createThread(cast.member.token, channel.id, { clientId: id });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ statusCode: 409, error: 'conflict' });
    expect(await counts(t)).toEqual(before);
  });

  it.each([
    ['an empty title', { title: '  ' }, ['title']],
    ['a title of 201 characters', { title: 't'.repeat(201) }, ['title']],
    ['an empty body', { body: '' }, ['body']],
    ['a whitespace-only body', { body: ' \n\t ' }, ['body']],
    ['a body of 20,001 characters', { body: 'b'.repeat(20_001) }, ['body']],
    ['an unknown attribution', { attribution: 'anonymous' }, ['attribution']],
    ['a missing attribution', { attribution: undefined }, ['attribution']],
    ['an unknown topic', { topics: ['housing', 'weather'] }, ['topics']],
    [
      'six topics',
      { topics: ['housing', 'language', 'gender', 'funding', 'education', 'evaluation'] },
      ['topics'],
    ],
    ['a clientId with spaces', { clientId: 'has spaces' }, ['clientId']],
    ['a clientId of 65 characters', { clientId: 'c'.repeat(65) }, ['clientId']],
    ['a missing clientId', { clientId: undefined }, ['clientId']],
    ['an unknown field', { authorId: '00000000-0000-4000-8000-000000000001' }, ['authorId']],
    ['a body given as a number', { body: 7 }, ['body']],
  ])('refuses %s with 400 naming the field, writing nothing', async (_case, patch, fields) => {
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const before = await counts(t);
    const response = await createThread(cast.member.token, channel.id, patch);
    expect(response.status).toBe(400);
    const named = (response.body as unknown as { details: { field: string }[] }).details.map(
      (d) => d.field,
    );
    expect([...new Set(named)].sort()).toEqual([...fields].sort());
    expect(await counts(t)).toEqual(before);
  });

  it('accepts a first message of exactly 20,000 characters', async () => {
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const response = await createThread(cast.member.token, channel.id, {
      body: 'x'.repeat(20_000),
    });
    expect(response.status).toBe(201);
  });

  it('answers 404 for a channel that does not exist, or one the caller cannot read', async () => {
    const room = await makeChannel(t.http, cast.admin, cast.network.slug, {
      visibility: 'private',
    });
    const hidden = await createThread(cast.member.token, room.id, {});
    const missing = await createThread(
      cast.member.token,
      '00000000-0000-4000-8000-00000000dead',
      {},
    );
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
  });
});

describe('listing threads', () => {
  it('lists newest activity first; posting in an older thread moves it to the top', async () => {
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const a = await makeThread(t.http, cast.member, channel.id, { title: 'A' });
    const b = await makeThread(t.http, cast.member, channel.id, { title: 'B' });
    const c = await makeThread(t.http, cast.other, channel.id, { title: 'C' });
    const titles = async () =>
      (
        await t.http.get(`/api/channels/${channel.id}/threads`, { token: cast.admin.token })
      ).body.items.map((thread: ThreadView) => thread.title);
    expect(await titles()).toEqual(['C', 'B', 'A']);
    await post(t.http, cast.other, a.id);
    expect(await titles()).toEqual(['A', 'C', 'B']);
    await post(t.http, cast.admin, b.id);
    expect(await titles()).toEqual(['B', 'A', 'C']);
    const list = await t.http.get(`/api/channels/${channel.id}/threads`, {
      token: cast.member.token,
    });
    expect(list.body.nextCursor).toBeNull();
    const byTitle = Object.fromEntries(list.body.items.map((x: ThreadView) => [x.title, x]));
    // The member read their own threads up to what they wrote; others' posts are unread.
    expect(byTitle.A).toMatchObject({ lastSeq: 2, unreadCount: 1, isMine: true });
    expect(byTitle.B).toMatchObject({ lastSeq: 2, unreadCount: 1, isMine: true });
    expect(byTitle.C).toMatchObject({ lastSeq: 1, unreadCount: 1, isMine: false });
    expect(c.id).toBe(byTitle.C.id);
  });

  it('pages with a cursor without duplicates or gaps, ties in activity included', async () => {
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const made: ThreadView[] = [];
    for (let i = 0; i < 13; i++)
      made.push(await makeThread(t.http, cast.member, channel.id, { title: `T${i}` }));
    // Several threads with the very same activity time (down to the microsecond), and some at
    // sub-millisecond distances, as concurrent posts produce.
    await sql(
      t,
      `UPDATE threads SET last_activity_at = '2030-01-01T10:00:00.123456Z' WHERE id = ANY($1::uuid[])`,
      [made.slice(0, 4).map((x) => x.id)],
    );
    await sql(
      t,
      `UPDATE threads SET last_activity_at = '2030-01-01T10:00:00.123401Z' WHERE id = $1`,
      [made[4].id],
    );
    await sql(
      t,
      `UPDATE threads SET last_activity_at = '2030-01-01T10:00:00.123999Z' WHERE id = $1`,
      [made[5].id],
    );

    const whole = await t.http.get(`/api/channels/${channel.id}/threads?limit=100`, {
      token: cast.admin.token,
    });
    expect(whole.body.items).toHaveLength(13);
    const expected = whole.body.items.map((x: ThreadView) => x.id);
    expect(new Set(expected)).toEqual(new Set(made.map((x) => x.id)));
    // Sorted by activity, newest first.
    const times = whole.body.items.map((x: ThreadView) => x.lastActivityAt);
    expect([...times].sort().reverse()).toEqual(times);

    for (const limit of [1, 2, 3, 5]) {
      const { items, pages } = await allPages<ThreadView>(
        t.http,
        cast.admin.token,
        `/api/channels/${channel.id}/threads`,
        limit,
      );
      expect(items.map((x) => x.id)).toEqual(expected);
      expect(pages).toBe(Math.ceil(13 / limit));
    }
  });

  it('refuses a cursor it did not issue, and a limit out of range, with 400', async () => {
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    for (const query of ['cursor=not-a-cursor', 'limit=0', 'limit=101', 'limit=abc', 'sort=old']) {
      const response = await t.http.get(`/api/channels/${channel.id}/threads?${query}`, {
        token: cast.member.token,
      });
      expect(response.status).toBe(400);
      expect(response.body.error).toBe('bad_request');
    }
  });
});

describe('reading a thread', () => {
  it('returns one thread to a reader, 404 to a network member not on a private channel', async () => {
    const room = await makeChannel(t.http, cast.admin, cast.network.slug, {
      visibility: 'private',
    });
    const thread = await makeThread(t.http, cast.admin, room.id, { title: 'Private talk' });
    const mine = await t.http.get(`/api/threads/${thread.id}`, { token: cast.admin.token });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ id: thread.id, title: 'Private talk', isMine: true });
    const hidden = await t.http.get(`/api/threads/${thread.id}`, { token: cast.member.token });
    const missing = await t.http.get('/api/threads/00000000-0000-4000-8000-00000000beef', {
      token: cast.member.token,
    });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    expect(hidden.text).not.toContain('Private talk');
    expect((await t.http.get('/api/threads/not-a-uuid', { token: cast.member.token })).status).toBe(
      400,
    );
  });
});

describe('locking threads', () => {
  it('lets moderators lock (members get 403); a locked thread takes no messages (409) until unlocked', async () => {
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const thread = await makeThread(t.http, cast.member, channel.id);
    const mine = await post(t.http, cast.member, thread.id, 'before the lock');

    const byMember = await t.http.post(`/api/threads/${thread.id}/lock`, undefined, {
      token: cast.member.token,
    });
    expect(byMember.status).toBe(403);
    expect(byMember.body.error).toBe('forbidden');
    expect(
      (await t.http.get(`/api/threads/${thread.id}`, { token: cast.member.token })).body.locked,
    ).toBe(false);

    const locked = await t.http.post(`/api/threads/${thread.id}/lock`, undefined, {
      token: cast.moderator.token,
    });
    expect(locked.status).toBe(200);
    expect(locked.body).toMatchObject({ id: thread.id, locked: true });

    const before = await counts(t);
    for (const user of [cast.member, cast.other, cast.moderator]) {
      const response = await t.http.post(
        `/api/threads/${thread.id}/messages`,
        { body: 'after the lock', clientId: clientId() },
        { token: user.token },
      );
      expect(response.status).toBe(409);
      expect(response.body.error).toBe('conflict');
    }
    const edit = await t.http.patch(
      `/api/messages/${mine.id}`,
      { body: 'edited after the lock' },
      { token: cast.member.token },
    );
    expect(edit.status).toBe(409);
    expect(await counts(t)).toEqual(before);
    const [row] = await sql(t, 'SELECT last_seq FROM threads WHERE id = $1', [thread.id]);
    expect(row.last_seq).toBe(2);

    expect(
      (
        await t.http.post(`/api/threads/${thread.id}/unlock`, undefined, {
          token: cast.member.token,
        })
      ).status,
    ).toBe(403);
    const unlocked = await t.http.post(`/api/threads/${thread.id}/unlock`, undefined, {
      token: cast.admin.token,
    });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.locked).toBe(false);
    const after = await post(t.http, cast.other, thread.id, 'after the unlock');
    expect(after.seq).toBe(3);
  });
});
