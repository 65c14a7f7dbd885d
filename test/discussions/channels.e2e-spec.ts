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
import { makeNetwork, makeUser } from '../support/factories';

let t: TestApp;
let cast: Cast;

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeCast(t.http);
});
afterAll(async () => {
  await t.close();
});

const listChannels = (token: string, query = '') =>
  t.http.get(`/api/networks/${cast.network.slug}/channels${query}`, { token });

describe('creating channels', () => {
  it('lets an admin create a channel and answers with its view', async () => {
    const response = await t.http.post(
      `/api/networks/${cast.network.slug}/channels`,
      {
        slug: 'housing-first',
        name: '  Housing first  ',
        description: 'Pathways out of reception centres',
        topics: ['housing', 'long_term_support'],
        visibility: 'network',
      },
      { token: cast.admin.token },
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      networkId: cast.network.id,
      networkSlug: cast.network.slug,
      slug: 'housing-first',
      name: 'Housing first',
      description: 'Pathways out of reception centres',
      topics: ['housing', 'long_term_support'],
      visibility: 'network',
      archived: false,
      threadCount: 0,
      unreadCount: 0,
    });
    expect(response.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const fetched = await t.http.get(`/api/channels/${response.body.id}`, {
      token: cast.member.token,
    });
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(response.body);
  });

  it('lets a moderator create a channel', async () => {
    const response = await t.http.post(
      `/api/networks/${cast.network.slug}/channels`,
      { slug: 'mod-made', name: 'Made by a moderator', visibility: 'private' },
      { token: cast.moderator.token },
    );
    expect(response.status).toBe(201);
    // The creator of a private channel is on its list.
    const [row] = await sql(
      t,
      'SELECT array_agg(user_id::text) AS users FROM channel_members WHERE channel_id = $1',
      [response.body.id],
    );
    expect(row.users).toEqual([cast.moderator.user.id]);
  });

  it('refuses a plain member with 403, writing nothing', async () => {
    const before = await counts(t);
    const response = await t.http.post(
      `/api/networks/${cast.network.slug}/channels`,
      { slug: 'by-member', name: 'By a member', visibility: 'network' },
      { token: cast.member.token },
    );
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ statusCode: 403, error: 'forbidden' });
    expect(await counts(t)).toEqual(before);
  });

  it('answers an outsider of a private network 404, exactly as for a network that does not exist', async () => {
    const body = { slug: 'sneaky', name: 'Sneaky', visibility: 'network' };
    const real = await t.http.post(`/api/networks/${cast.network.slug}/channels`, body, {
      token: cast.outsider.token,
    });
    const missing = await t.http.post('/api/networks/no-such-network-here/channels', body, {
      token: cast.outsider.token,
    });
    expect(real.status).toBe(404);
    expect(real.body).toEqual(missing.body);
  });

  it('refuses a slug the network already uses with 409, but another network may use it', async () => {
    await makeChannel(t.http, cast.admin, cast.network.slug, { slug: 'dup-slug' });
    const before = await counts(t);
    const again = await t.http.post(
      `/api/networks/${cast.network.slug}/channels`,
      { slug: 'dup-slug', name: 'Another', visibility: 'network' },
      { token: cast.moderator.token },
    );
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ statusCode: 409, error: 'conflict' });
    expect(await counts(t)).toEqual(before);

    const elsewhere = await makeNetwork(t.http, cast.admin);
    await makeChannel(t.http, cast.admin, elsewhere.slug, { slug: 'dup-slug' });
  });

  it.each([
    ['a slug with capitals', { slug: 'Housing' }, ['slug']],
    ['a slug with spaces', { slug: 'bad slug' }, ['slug']],
    ['a slug ending in a hyphen', { slug: 'abc-' }, ['slug']],
    ['a slug of 51 characters', { slug: 'a'.repeat(51) }, ['slug']],
    ['a missing slug', { slug: undefined }, ['slug']],
    ['an empty name', { name: '   ' }, ['name']],
    ['a name of 81 characters', { name: 'n'.repeat(81) }, ['name']],
    ['a description of 1001 characters', { description: 'd'.repeat(1001) }, ['description']],
    ['an unknown topic', { topics: ['housing', 'astrology'] }, ['topics']],
    [
      'six topics',
      { topics: ['housing', 'language', 'gender', 'funding', 'education', 'evaluation'] },
      ['topics'],
    ],
    ['a repeated topic', { topics: ['housing', 'housing'] }, ['topics']],
    ['topics given as a string', { topics: 'housing' }, ['topics']],
    ['an unknown visibility', { visibility: 'secret' }, ['visibility']],
    ['a missing visibility', { visibility: undefined }, ['visibility']],
    ['an unknown field', { colour: 'red' }, ['colour']],
    ['a name given as a number', { name: 42 }, ['name']],
    ['a slug given as an array', { slug: ['abc'] }, ['slug']],
    [
      'several bad fields at once',
      { slug: 'Bad Slug', visibility: 'everyone', topics: ['nope'] },
      ['slug', 'visibility', 'topics'],
    ],
  ])('refuses %s with 400 naming the field, writing nothing', async (_case, patch, fields) => {
    const before = await counts(t);
    const response = await t.http.post(
      `/api/networks/${cast.network.slug}/channels`,
      { slug: 'valid-slug', name: 'Valid', visibility: 'network', ...patch },
      { token: cast.admin.token },
    );
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'bad_request' });
    const named = (response.body.details as { field: string }[]).map((d) => d.field);
    expect([...new Set(named)].sort()).toEqual([...fields].sort());
    expect(await counts(t)).toEqual(before);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const response = await t.http.post(`/api/networks/${cast.network.slug}/channels`, undefined, {
      token: cast.admin.token,
      raw: '{"slug": "broken',
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'bad_request' });
  });
});

describe('listing channels with unread counts', () => {
  it('counts the messages others posted that I have not read, and reading lowers the count', async () => {
    const network = await makeNetwork(t.http, cast.admin);
    const reader = await makeUser(t.http);
    await t.http.post(`/api/networks/${network.slug}/join`, undefined, { token: reader.token });
    const writer = await makeUser(t.http);
    await t.http.post(`/api/networks/${network.slug}/join`, undefined, { token: writer.token });
    const busy = await makeChannel(t.http, cast.admin, network.slug, { name: 'Busy' });
    const quiet = await makeChannel(t.http, cast.admin, network.slug, { name: 'Quiet' });

    const first = await makeThread(t.http, writer, busy.id); // seq 1
    await post(t.http, writer, first.id); // seq 2
    await post(t.http, writer, first.id); // seq 3
    const second = await makeThread(t.http, writer, busy.id); // seq 1
    await post(t.http, writer, second.id); // seq 2

    const unread = async (user = reader) => {
      const response = await t.http.get(`/api/networks/${network.slug}/channels`, {
        token: user.token,
      });
      expect(response.status).toBe(200);
      return Object.fromEntries(
        (response.body as { name: string; unreadCount: number; threadCount: number }[]).map((c) => [
          c.name,
          [c.unreadCount, c.threadCount],
        ]),
      );
    };
    expect(await unread()).toEqual({ Busy: [5, 2], Quiet: [0, 0] });
    // The writer has read everything they wrote.
    expect(await unread(writer)).toEqual({ Busy: [0, 2], Quiet: [0, 0] });

    expect(
      (await t.http.post(`/api/threads/${first.id}/read`, { seq: 2 }, { token: reader.token }))
        .status,
    ).toBe(200);
    expect(await unread()).toEqual({ Busy: [3, 2], Quiet: [0, 0] });
    await t.http.post(`/api/threads/${second.id}/read`, { seq: 2 }, { token: reader.token });
    expect(await unread()).toEqual({ Busy: [1, 2], Quiet: [0, 0] });

    // A new message raises it again; GET /channels/:id agrees with the list.
    await post(t.http, writer, second.id);
    expect(await unread()).toEqual({ Busy: [2, 2], Quiet: [0, 0] });
    const single = await t.http.get(`/api/channels/${busy.id}`, { token: reader.token });
    expect(single.body).toMatchObject({ unreadCount: 2, threadCount: 2 });
    expect(quiet.unreadCount).toBe(0);
  });

  it('refuses the list to a signed-in non-member of an open network (403) and hides a private one (404)', async () => {
    const open = await makeNetwork(t.http, cast.admin, { visibility: 'open' });
    const stranger = await makeUser(t.http);
    expect(
      (await t.http.get(`/api/networks/${open.slug}/channels`, { token: stranger.token })).status,
    ).toBe(403);
    const hidden = await listChannels(cast.outsider.token);
    const missing = await t.http.get('/api/networks/no-such-network-here/channels', {
      token: cast.outsider.token,
    });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
  });
});

describe('private channels', () => {
  it('are hidden from network members not on the list, admins and moderators included', async () => {
    const secret = await makeChannel(t.http, cast.admin, cast.network.slug, {
      name: 'Zebra secret room',
      visibility: 'private',
    });
    // The admin created it, so the admin is listed; a moderator makes one without the admin.
    const modOnly = await makeChannel(t.http, cast.moderator, cast.network.slug, {
      name: 'Moderator only room',
      visibility: 'private',
    });
    const missingId = '00000000-0000-4000-8000-000000000000';
    const notFoundBody = (
      await t.http.get(`/api/channels/${missingId}`, { token: cast.member.token })
    ).body;

    for (const [user, channel] of [
      [cast.member, secret],
      [cast.other, secret],
      [cast.moderator, secret],
      [cast.admin, modOnly],
      [cast.member, modOnly],
    ] as const) {
      const response = await t.http.get(`/api/channels/${channel.id}`, { token: user.token });
      expect(response.status).toBe(404);
      expect(response.body).toEqual(notFoundBody);
      const list = await listChannels(user.token, '?archived=true');
      expect(list.status).toBe(200);
      expect(list.body.map((c: { id: string }) => c.id)).not.toContain(channel.id);
      expect(list.text).not.toContain(channel.name);
    }
    // Those on the list see them.
    expect((await listChannels(cast.admin.token)).body.map((c: { id: string }) => c.id)).toContain(
      secret.id,
    );
    expect(
      (await t.http.get(`/api/channels/${modOnly.id}`, { token: cast.moderator.token })).status,
    ).toBe(200);
  });

  it('gains a reader when a moderator adds a network member to the list', async () => {
    const room = await makeChannel(t.http, cast.moderator, cast.network.slug, {
      visibility: 'private',
    });
    const added = await t.http.post(
      `/api/channels/${room.id}/members`,
      { userId: cast.member.user.id },
      { token: cast.moderator.token },
    );
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ id: room.id, visibility: 'private' });
    expect(
      (await t.http.get(`/api/channels/${room.id}`, { token: cast.member.token })).status,
    ).toBe(200);
    expect((await listChannels(cast.member.token)).body.map((c: { id: string }) => c.id)).toContain(
      room.id,
    );
    // Adding twice changes nothing.
    const again = await t.http.post(
      `/api/channels/${room.id}/members`,
      { userId: cast.member.user.id },
      { token: cast.moderator.token },
    );
    expect(again.status).toBe(200);
    const rows = await sql(t, 'SELECT user_id FROM channel_members WHERE channel_id = $1', [
      room.id,
    ]);
    expect(rows).toHaveLength(2);
  });

  it('lets an admin who is not on the list add someone, and answers with success', async () => {
    const room = await makeChannel(t.http, cast.moderator, cast.network.slug, {
      visibility: 'private',
    });
    const added = await t.http.post(
      `/api/channels/${room.id}/members`,
      { userId: cast.other.user.id },
      { token: cast.admin.token },
    );
    // A write that happened must not be answered as if the channel did not exist.
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ id: room.id, visibility: 'private' });
    expect((await t.http.get(`/api/channels/${room.id}`, { token: cast.other.token })).status).toBe(
      200,
    );
    // Managing the list did not put the admin on it.
    expect((await t.http.get(`/api/channels/${room.id}`, { token: cast.admin.token })).status).toBe(
      404,
    );
    // Nor does changing the channel: the change is answered with the channel, not a 404.
    await makeThread(t.http, cast.moderator, room.id);
    const archived = await t.http.patch(
      `/api/channels/${room.id}`,
      { archived: true },
      { token: cast.admin.token },
    );
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ id: room.id, archived: true, unreadCount: 0 });
    const [row] = await sql(t, 'SELECT archived_at FROM channels WHERE id = $1', [room.id]);
    expect(row.archived_at).not.toBeNull();
  });

  it('refuses to add someone outside the network (404) and any member to a network channel (409)', async () => {
    const room = await makeChannel(t.http, cast.admin, cast.network.slug, {
      visibility: 'private',
    });
    const before = await counts(t);
    const stranger = await t.http.post(
      `/api/channels/${room.id}/members`,
      { userId: cast.outsider.user.id },
      { token: cast.admin.token },
    );
    expect(stranger.status).toBe(404);
    const nobody = await t.http.post(
      `/api/channels/${room.id}/members`,
      { userId: '00000000-0000-4000-8000-000000000001' },
      { token: cast.admin.token },
    );
    expect(nobody.status).toBe(404);
    expect(nobody.body).toEqual(stranger.body);

    const open = await makeChannel(t.http, cast.admin, cast.network.slug);
    const before2 = await counts(t);
    const toNetwork = await t.http.post(
      `/api/channels/${open.id}/members`,
      { userId: cast.member.user.id },
      { token: cast.admin.token },
    );
    expect(toNetwork.status).toBe(409);
    expect(await counts(t)).toEqual(before2);
    expect(before2.channel_members).toBe(before.channel_members);
  });

  it('refuses a listed plain member adding others (403) and a bad userId (400)', async () => {
    const room = await makeChannel(t.http, cast.admin, cast.network.slug, {
      visibility: 'private',
    });
    await t.http.post(
      `/api/channels/${room.id}/members`,
      { userId: cast.member.user.id },
      { token: cast.admin.token },
    );
    const byMember = await t.http.post(
      `/api/channels/${room.id}/members`,
      { userId: cast.other.user.id },
      { token: cast.member.token },
    );
    expect(byMember.status).toBe(403);
    // Not listed and not a moderator: the channel does not exist for them.
    const byOther = await t.http.post(
      `/api/channels/${room.id}/members`,
      { userId: cast.other.user.id },
      { token: cast.other.token },
    );
    expect(byOther.status).toBe(404);
    const bad = await t.http.post(
      `/api/channels/${room.id}/members`,
      { userId: 'not-a-uuid', extra: 1 },
      { token: cast.admin.token },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'extra',
      'userId',
    ]);
  });

  it('loses a reader when a moderator removes them, and a member may leave by themselves', async () => {
    const room = await makeChannel(t.http, cast.admin, cast.network.slug, {
      visibility: 'private',
    });
    for (const user of [cast.member, cast.other]) {
      await t.http.post(
        `/api/channels/${room.id}/members`,
        { userId: user.user.id },
        { token: cast.admin.token },
      );
    }
    const thread = await makeThread(t.http, cast.member, room.id);

    // A plain member cannot remove someone else.
    expect(
      (
        await t.http.delete(`/api/channels/${room.id}/members/${cast.other.user.id}`, {
          token: cast.member.token,
        })
      ).status,
    ).toBe(403);

    const removed = await t.http.delete(`/api/channels/${room.id}/members/${cast.member.user.id}`, {
      token: cast.moderator.token,
    });
    expect(removed.status).toBe(204);
    expect(
      (await t.http.get(`/api/channels/${room.id}`, { token: cast.member.token })).status,
    ).toBe(404);
    expect(
      (await t.http.get(`/api/threads/${thread.id}`, { token: cast.member.token })).status,
    ).toBe(404);
    expect(
      (
        await t.http.post(
          `/api/threads/${thread.id}/messages`,
          { body: 'still here?', clientId: clientId() },
          { token: cast.member.token },
        )
      ).status,
    ).toBe(404);

    const left = await t.http.delete(`/api/channels/${room.id}/members/${cast.other.user.id}`, {
      token: cast.other.token,
    });
    expect(left.status).toBe(204);
    expect((await t.http.get(`/api/channels/${room.id}`, { token: cast.other.token })).status).toBe(
      404,
    );
    // Removing someone not on the list: 404.
    expect(
      (
        await t.http.delete(`/api/channels/${room.id}/members/${cast.member.user.id}`, {
          token: cast.admin.token,
        })
      ).status,
    ).toBe(404);
  });
});

describe('changing channels', () => {
  it('lets a moderator rename and retopic a channel; a member gets 403', async () => {
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const renamed = await t.http.patch(
      `/api/channels/${channel.id}`,
      { name: 'Renamed', topics: ['language'] },
      { token: cast.moderator.token },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Renamed', topics: ['language'] });
    const byMember = await t.http.patch(
      `/api/channels/${channel.id}`,
      { name: 'Mine now' },
      { token: cast.member.token },
    );
    expect(byMember.status).toBe(403);
    const bad = await t.http.patch(
      `/api/channels/${channel.id}`,
      { topics: ['nope'], archived: 'yes', slug: 'x' },
      { token: cast.admin.token },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'archived',
      'slug',
      'topics',
    ]);
    expect(
      (await t.http.get(`/api/channels/${channel.id}`, { token: cast.admin.token })).body,
    ).toMatchObject({
      name: 'Renamed',
    });
  });

  it('never turns a private channel into a network one (409), but may narrow a network channel', async () => {
    const room = await makeChannel(t.http, cast.admin, cast.network.slug, {
      visibility: 'private',
    });
    const widened = await t.http.patch(
      `/api/channels/${room.id}`,
      { visibility: 'network' },
      { token: cast.admin.token },
    );
    expect(widened.status).toBe(409);
    expect(widened.body).toMatchObject({ error: 'conflict' });
    const [row] = await sql(t, 'SELECT visibility FROM channels WHERE id = $1', [room.id]);
    expect(row.visibility).toBe('private');
    expect(
      (await t.http.get(`/api/channels/${room.id}`, { token: cast.member.token })).status,
    ).toBe(404);

    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const narrowed = await t.http.patch(
      `/api/channels/${channel.id}`,
      { visibility: 'private' },
      { token: cast.moderator.token },
    );
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.visibility).toBe('private');
    expect(
      (await t.http.get(`/api/channels/${channel.id}`, { token: cast.member.token })).status,
    ).toBe(404);
  });

  it('archives a channel: no new threads or messages (409), hidden from the list unless ?archived=true', async () => {
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug, {
      name: 'Soon archived',
    });
    const thread = await makeThread(t.http, cast.member, channel.id);
    const archived = await t.http.patch(
      `/api/channels/${channel.id}`,
      { archived: true },
      { token: cast.moderator.token },
    );
    expect(archived.status).toBe(200);
    expect(archived.body.archived).toBe(true);

    const before = await counts(t);
    const newThread = await t.http.post(
      `/api/channels/${channel.id}/threads`,
      { title: 'Too late', body: 'hello', attribution: 'named', clientId: clientId() },
      { token: cast.member.token },
    );
    expect(newThread.status).toBe(409);
    const newMessage = await t.http.post(
      `/api/threads/${thread.id}/messages`,
      { body: 'Too late', clientId: clientId() },
      { token: cast.member.token },
    );
    expect(newMessage.status).toBe(409);
    expect(await counts(t)).toEqual(before);

    // Still readable.
    expect(
      (await t.http.get(`/api/threads/${thread.id}/messages`, { token: cast.member.token })).status,
    ).toBe(200);
    expect(
      (await t.http.get(`/api/channels/${channel.id}`, { token: cast.member.token })).status,
    ).toBe(200);

    const ids = async (query: string) =>
      (await listChannels(cast.member.token, query)).body.map((c: { id: string }) => c.id);
    expect(await ids('')).not.toContain(channel.id);
    expect(await ids('?archived=false')).not.toContain(channel.id);
    const withArchived = await listChannels(cast.member.token, '?archived=true');
    expect(withArchived.body.find((c: { id: string }) => c.id === channel.id)).toMatchObject({
      archived: true,
    });

    const restored = await t.http.patch(
      `/api/channels/${channel.id}`,
      { archived: false },
      { token: cast.admin.token },
    );
    expect(restored.body.archived).toBe(false);
    expect(await ids('')).toContain(channel.id);
    await post(t.http, cast.member, thread.id, 'Back again');
  });
});
