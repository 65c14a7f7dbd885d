import type { MessageView, ThreadView } from '@tandem/domain';
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
import { addMember, makeUser, TestUser } from '../support/factories';

let t: TestApp;
let cast: Cast;
let channelId: string;

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeCast(t.http);
  channelId = (await makeChannel(t.http, cast.admin, cast.network.slug)).id;
});
afterAll(async () => {
  await t.close();
});

const send = (user: TestUser, threadId: string, body: Record<string, unknown>) =>
  t.http.post<MessageView>(
    `/api/threads/${threadId}/messages`,
    { body: 'hello', clientId: clientId('m'), ...body },
    { token: user.token },
  );

const lastSeq = async (threadId: string): Promise<number> =>
  (await sql(t, 'SELECT last_seq FROM threads WHERE id = $1', [threadId]))[0].last_seq;

describe('posting', () => {
  it('posts a message (201) with the next seq, the author named and the clientId for the author', async () => {
    const thread = await makeThread(t.http, cast.member, channelId);
    const response = await send(cast.other, thread.id, {
      body: 'We pair every newcomer with a *buddy*.',
      clientId: 'buddy-1',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      threadId: thread.id,
      seq: 2,
      body: 'We pair every newcomer with a *buddy*.',
      replyToId: null,
      author: {
        kind: 'named',
        userId: cast.other.user.id,
        displayName: cast.other.user.displayName,
        handle: cast.other.user.handle,
      },
      isMine: true,
      clientId: 'buddy-1',
      edited: false,
      deleted: false,
      editedAt: null,
    });
    const seen = await t.http.get(`/api/threads/${thread.id}/messages`, {
      token: cast.member.token,
    });
    expect(seen.body.items[1]).toMatchObject({
      id: response.body.id,
      isMine: false,
      clientId: null,
    });
    const updated = await t.http.get<ThreadView>(`/api/threads/${thread.id}`, {
      token: cast.member.token,
    });
    expect(updated.body).toMatchObject({ lastSeq: 2, messageCount: 2 });
  });

  it('answers a retry with the same clientId 200 with the same message, and no new seq', async () => {
    const thread = await makeThread(t.http, cast.member, channelId);
    const id = clientId('retry');
    const first = await send(cast.other, thread.id, { body: 'Only once', clientId: id });
    expect(first.status).toBe(201);
    const before = await counts(t);
    const retry = await send(cast.other, thread.id, { body: 'Only once', clientId: id });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await counts(t)).toEqual(before);
    expect(await lastSeq(thread.id)).toBe(2);
    // The next real message gets the next seq: the retry used none.
    expect((await send(cast.other, thread.id, {})).body.seq).toBe(3);
  });

  it('returns one message to several concurrent retries of the same send', async () => {
    const thread = await makeThread(t.http, cast.member, channelId);
    const id = clientId('race');
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => send(cast.other, thread.id, { clientId: id })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([...Array(7).fill(200), 201]);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(await lastSeq(thread.id)).toBe(2);
  });

  it('still answers a retry with the original after the thread was locked or its channel archived', async () => {
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const thread = await makeThread(t.http, cast.member, channel.id);
    const id = clientId('late-retry');
    const first = await send(cast.other, thread.id, {
      body: 'sent just before the lock',
      clientId: id,
    });
    expect(first.status).toBe(201);
    await t.http.post(`/api/threads/${thread.id}/lock`, undefined, { token: cast.moderator.token });
    // The first answer was lost; the client retries. The message exists: it must hear so.
    const afterLock = await send(cast.other, thread.id, {
      body: 'sent just before the lock',
      clientId: id,
    });
    expect(afterLock.status).toBe(200);
    expect(afterLock.body).toEqual(first.body);
    // A new send is still refused.
    expect((await send(cast.other, thread.id, {})).status).toBe(409);

    await t.http.post(`/api/threads/${thread.id}/unlock`, undefined, {
      token: cast.moderator.token,
    });
    await t.http.patch(
      `/api/channels/${channel.id}`,
      { archived: true },
      { token: cast.admin.token },
    );
    const afterArchive = await send(cast.other, thread.id, {
      body: 'sent just before the lock',
      clientId: id,
    });
    expect(afterArchive.status).toBe(200);
    expect(afterArchive.body.id).toBe(first.body.id);
  });

  it('refuses a clientId already used in another thread with 409, writing nothing', async () => {
    const a = await makeThread(t.http, cast.member, channelId);
    const b = await makeThread(t.http, cast.member, channelId);
    const id = clientId('twice');
    expect((await send(cast.other, a.id, { clientId: id })).status).toBe(201);
    const before = await counts(t);
    const reused = await send(cast.other, b.id, { clientId: id });
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ statusCode: 409, error: 'conflict' });
    expect(await counts(t)).toEqual(before);
    expect(await lastSeq(b.id)).toBe(1);
  });

  it.each([
    ['an empty body', { body: '' }, ['body']],
    ['a whitespace-only body', { body: '   \n\n\t  ' }, ['body']],
    ['a body of 20,001 characters', { body: 'x'.repeat(20_001) }, ['body']],
    ['a missing body', { body: undefined }, ['body']],
    ['a body given as an object', { body: { text: 'hi' } }, ['body']],
    ['a missing clientId', { clientId: undefined }, ['clientId']],
    ['a clientId with a slash', { clientId: 'a/b' }, ['clientId']],
    ['a replyToId that is not a UUID', { replyToId: 'message-1' }, ['replyToId']],
    ['an unknown field', { seq: 1 }, ['seq']],
  ])('refuses %s with 400 naming the field, writing nothing', async (_case, patch, fields) => {
    const thread = await makeThread(t.http, cast.member, channelId);
    const before = await counts(t);
    const response = await send(cast.other, thread.id, patch);
    expect(response.status).toBe(400);
    const named = (response.body as unknown as { details: { field: string }[] }).details.map(
      (d) => d.field,
    );
    expect([...new Set(named)].sort()).toEqual([...fields].sort());
    expect(await counts(t)).toEqual(before);
    expect(await lastSeq(thread.id)).toBe(1);
  });

  it('accepts a body of exactly 20,000 characters and keeps all of it', async () => {
    const thread = await makeThread(t.http, cast.member, channelId);
    const body = `${'ab'.repeat(9_999)}!?`;
    expect(body).toHaveLength(20_000);
    const response = await send(cast.other, thread.id, { body });
    expect(response.status).toBe(201);
    expect(response.body.body).toBe(body);
    const [row] = await sql(t, 'SELECT length(body)::int AS n FROM messages WHERE id = $1', [
      response.body.id,
    ]);
    expect(row.n).toBe(20_000);
  });

  it('keeps markdown and non-Latin text exactly as sent', async () => {
    const thread = await makeThread(t.http, cast.member, channelId);
    const body = '# Ergebnisse\n\n- مرحبا\n- 🤝 <b>not html</b>\n\n```\ncode\n```';
    const response = await send(cast.other, thread.id, { body });
    expect(response.status).toBe(201);
    const read = await t.http.get(`/api/threads/${thread.id}/messages?afterSeq=1`, {
      token: cast.member.token,
    });
    expect(read.body.items[0].body).toBe(body);
  });

  it('takes a replyToId from the same thread only (400 otherwise)', async () => {
    const thread = await makeThread(t.http, cast.member, channelId);
    const other = await makeThread(t.http, cast.member, channelId);
    const target = await post(t.http, cast.member, thread.id, 'reply to me');
    const elsewhere = await post(t.http, cast.member, other.id, 'not in that thread');

    const reply = await send(cast.other, thread.id, { body: 'replying', replyToId: target.id });
    expect(reply.status).toBe(201);
    expect(reply.body.replyToId).toBe(target.id);

    const before = await counts(t);
    for (const replyToId of [elsewhere.id, '00000000-0000-4000-8000-000000000abc']) {
      const bad = await send(cast.other, thread.id, { replyToId });
      expect(bad.status).toBe(400);
      expect((bad.body as unknown as { details: { field: string }[] }).details).toEqual([
        expect.objectContaining({ field: 'replyToId' }),
      ]);
    }
    expect(await counts(t)).toEqual(before);
    expect(await lastSeq(thread.id)).toBe(3);
  });
});

describe('paging by seq', () => {
  let threadId: string;
  beforeAll(async () => {
    threadId = (await makeThread(t.http, cast.member, channelId, { body: 'm1' })).id;
    for (let i = 2; i <= 12; i++)
      await post(t.http, i % 2 ? cast.member : cast.other, threadId, `m${i}`);
  });

  const page = (query: string) =>
    t.http.get(`/api/threads/${threadId}/messages${query}`, { token: cast.moderator.token });

  it('returns messages after a seq, oldest first, with hasMore', async () => {
    const first = await page('?limit=5');
    expect(first.status).toBe(200);
    expect(first.body.items.map((m: MessageView) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(first.body.hasMore).toBe(true);
    const next = await page('?afterSeq=5&limit=5');
    expect(next.body.items.map((m: MessageView) => m.body)).toEqual([
      'm6',
      'm7',
      'm8',
      'm9',
      'm10',
    ]);
    const last = await page('?afterSeq=10&limit=5');
    expect(last.body.items.map((m: MessageView) => m.seq)).toEqual([11, 12]);
    expect(last.body.hasMore).toBe(false);
    const exact = await page('?afterSeq=7&limit=5');
    expect(exact.body).toMatchObject({ hasMore: false });
    expect(exact.body.items).toHaveLength(5);
    expect((await page('?afterSeq=12')).body).toEqual({ items: [], hasMore: false });
    expect((await page('?afterSeq=5000')).body).toEqual({ items: [], hasMore: false });
    expect((await page('')).body.items).toHaveLength(12);
  });

  it('walks the whole thread page by page without gaps or repeats', async () => {
    const seqs: number[] = [];
    let after = 0;
    for (;;) {
      const response = await page(`?afterSeq=${after}&limit=4`);
      const items = response.body.items as MessageView[];
      seqs.push(...items.map((m) => m.seq));
      if (!response.body.hasMore) break;
      after = items[items.length - 1].seq;
    }
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it.each(['afterSeq=-1', 'afterSeq=1.5', 'afterSeq=abc', 'limit=0', 'limit=101', 'since=3'])(
    'refuses ?%s with 400',
    async (query) => {
      const response = await page(`?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error).toBe('bad_request');
    },
  );

  it('refuses an afterSeq beyond the integer range with 400 naming it, not a server error', async () => {
    for (const value of ['2147483648', '99999999999999']) {
      const response = await page(`?afterSeq=${value}`);
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'afterSeq' })]);
    }
    expect((await page('?afterSeq=2147483647')).body).toEqual({ items: [], hasMore: false });
  });
});

describe('concurrent posts', () => {
  it('gives 50 concurrent posts from several users seqs exactly 2..51, unique and gapless', async () => {
    const posters = [cast.member, cast.other, cast.moderator, cast.admin];
    for (let i = 0; i < 2; i++) {
      const extra = await makeUser(t.http);
      await addMember(t.http, cast.admin, cast.network.slug, extra);
      posters.push(extra);
    }
    const thread = await makeThread(t.http, cast.member, channelId, { body: 'seq 1' });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        send(posters[i % posters.length], thread.id, { body: `concurrent ${i}` }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    const seqs = responses.map((r) => r.body.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));

    const [stats] = await sql(
      t,
      `SELECT count(*)::int AS n, count(DISTINCT seq)::int AS distinct_seqs, min(seq) AS min, max(seq) AS max,
              count(DISTINCT body)::int AS bodies
         FROM messages WHERE thread_id = $1`,
      [thread.id],
    );
    expect(stats).toEqual({ n: 51, distinct_seqs: 51, min: 1, max: 51, bodies: 51 });
    const [gaps] = await sql(
      t,
      `SELECT count(*)::int AS n FROM generate_series(1, 51) s
        WHERE NOT EXISTS (SELECT 1 FROM messages WHERE thread_id = $1 AND seq = s)`,
      [thread.id],
    );
    expect(gaps.n).toBe(0);
    const [row] = await sql(t, 'SELECT last_seq, message_count FROM threads WHERE id = $1', [
      thread.id,
    ]);
    expect(row).toEqual({ last_seq: 51, message_count: 51 });

    // Each response's seq is the seq stored for that message.
    const stored = new Map(
      (await sql(t, 'SELECT id, seq FROM messages WHERE thread_id = $1', [thread.id])).map(
        (r: { id: string; seq: number }) => [r.id, r.seq],
      ),
    );
    for (const response of responses) expect(stored.get(response.body.id)).toBe(response.body.seq);

    const read = await t.http.get(`/api/threads/${thread.id}/messages?limit=100`, {
      token: cast.other.token,
    });
    expect(read.body.items.map((m: MessageView) => m.seq)).toEqual(
      Array.from({ length: 51 }, (_, i) => i + 1),
    );
  });
});

describe('editing', () => {
  it('lets the author edit, keeping every earlier text as a revision', async () => {
    const thread = await makeThread(t.http, cast.member, channelId);
    const message = await post(t.http, cast.other, thread.id, 'version 1');
    const first = await t.http.patch(
      `/api/messages/${message.id}`,
      { body: 'version 2' },
      { token: cast.other.token },
    );
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      id: message.id,
      seq: message.seq,
      body: 'version 2',
      edited: true,
      isMine: true,
    });
    expect(first.body.editedAt).not.toBeNull();
    await t.http.patch(
      `/api/messages/${message.id}`,
      { body: 'version 3' },
      { token: cast.other.token },
    );

    const seen = await t.http.get(`/api/threads/${thread.id}/messages?afterSeq=1`, {
      token: cast.member.token,
    });
    expect(seen.body.items[0]).toMatchObject({ body: 'version 3', edited: true });
    // An edit is not a new message.
    expect(await lastSeq(thread.id)).toBe(2);

    for (const viewer of [cast.other, cast.moderator, cast.admin]) {
      const revisions = await t.http.get(`/api/messages/${message.id}/revisions`, {
        token: viewer.token,
      });
      expect(revisions.status).toBe(200);
      expect(revisions.body.map((r: { body: string }) => r.body)).toEqual([
        'version 1',
        'version 2',
      ]);
      expect(revisions.body[0].replacedAt <= revisions.body[1].replacedAt).toBe(true);
    }
    const byMember = await t.http.get(`/api/messages/${message.id}/revisions`, {
      token: cast.member.token,
    });
    expect(byMember.status).toBe(403);
    const byOutsider = await t.http.get(`/api/messages/${message.id}/revisions`, {
      token: cast.outsider.token,
    });
    expect(byOutsider.status).toBe(404);
  });

  it('refuses an edit by anyone but the author (403), moderators included, writing nothing', async () => {
    const thread = await makeThread(t.http, cast.member, channelId);
    const message = await post(t.http, cast.other, thread.id, 'mine to edit');
    const before = await counts(t);
    for (const user of [cast.member, cast.moderator, cast.admin]) {
      const response = await t.http.patch(
        `/api/messages/${message.id}`,
        { body: 'hijacked' },
        { token: user.token },
      );
      expect(response.status).toBe(403);
    }
    expect(await counts(t)).toEqual(before);
    const [row] = await sql(t, 'SELECT body, edited_at FROM messages WHERE id = $1', [message.id]);
    expect(row).toEqual({ body: 'mine to edit', edited_at: null });
  });

  it('refuses a bad edit body with 400, and an edit to the same text keeps no revision', async () => {
    const thread = await makeThread(t.http, cast.member, channelId);
    const message = await post(t.http, cast.other, thread.id, 'steady');
    for (const body of ['', '  ', 'x'.repeat(20_001)]) {
      const response = await t.http.patch(
        `/api/messages/${message.id}`,
        { body },
        { token: cast.other.token },
      );
      expect(response.status).toBe(400);
      expect(response.body.details[0].field).toBe('body');
    }
    const same = await t.http.patch(
      `/api/messages/${message.id}`,
      { body: 'steady' },
      { token: cast.other.token },
    );
    expect(same.status).toBe(200);
    const revisions = await t.http.get(`/api/messages/${message.id}/revisions`, {
      token: cast.other.token,
    });
    expect(revisions.body).toEqual([]);
  });

  it('answers 404 for a message that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-00000000f00d';
    expect(
      (await t.http.patch(`/api/messages/${missing}`, { body: 'x' }, { token: cast.admin.token }))
        .status,
    ).toBe(404);
    expect(
      (await t.http.get(`/api/messages/${missing}/revisions`, { token: cast.admin.token })).status,
    ).toBe(404);
    expect(
      (await t.http.delete(`/api/messages/${missing}`, { token: cast.admin.token })).status,
    ).toBe(404);
  });
});

describe('deleting', () => {
  it('lets the author delete softly: readers see it deleted and empty, the database keeps the text', async () => {
    const thread = await makeThread(t.http, cast.member, channelId);
    const message = await post(t.http, cast.other, thread.id, 'I regret this');
    const deleted = await t.http.delete(`/api/messages/${message.id}`, { token: cast.other.token });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id: message.id, seq: 2, deleted: true, body: '' });

    for (const viewer of [cast.member, cast.moderator, cast.other]) {
      const seen = await t.http.get(`/api/threads/${thread.id}/messages`, { token: viewer.token });
      expect(seen.body.items[1]).toMatchObject({ id: message.id, deleted: true, body: '' });
      expect(seen.text).not.toContain('I regret this');
    }
    const [row] = await sql(t, 'SELECT body, deleted_at, deleted_by FROM messages WHERE id = $1', [
      message.id,
    ]);
    expect(row.body).toBe('I regret this');
    expect(row.deleted_at).not.toBeNull();
    expect(row.deleted_by).toBe(cast.other.user.id);

    // Deleted twice: 409. Edited after deletion: 409.
    expect(
      (await t.http.delete(`/api/messages/${message.id}`, { token: cast.other.token })).status,
    ).toBe(409);
    expect(
      (
        await t.http.patch(
          `/api/messages/${message.id}`,
          { body: 'back' },
          { token: cast.other.token },
        )
      ).status,
    ).toBe(409);
  });

  it('lets a moderator delete anyone’s message, and refuses a member deleting another’s (403)', async () => {
    const thread = await makeThread(t.http, cast.member, channelId);
    const message = await post(t.http, cast.other, thread.id, 'out of line');
    const byMember = await t.http.delete(`/api/messages/${message.id}`, {
      token: cast.member.token,
    });
    expect(byMember.status).toBe(403);
    const [untouched] = await sql(t, 'SELECT deleted_at FROM messages WHERE id = $1', [message.id]);
    expect(untouched.deleted_at).toBeNull();

    const byModerator = await t.http.delete(`/api/messages/${message.id}`, {
      token: cast.moderator.token,
    });
    expect(byModerator.status).toBe(200);
    expect(byModerator.body).toMatchObject({ deleted: true, body: '', isMine: false });
    const [row] = await sql(t, 'SELECT body, deleted_by FROM messages WHERE id = $1', [message.id]);
    expect(row).toEqual({ body: 'out of line', deleted_by: cast.moderator.user.id });
  });
});
