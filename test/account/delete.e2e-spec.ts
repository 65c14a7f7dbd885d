import type { MemberView, MessageView, NotificationView, Page, ThreadView } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import {
  Cast,
  joinOrganisation,
  makeCast,
  makeChannel,
  makeThread,
  post,
  sql,
} from '../support/discussions';
import { makeNetwork, makeUser, TestUser } from '../support/factories';
import { moderationApi, ok } from '../support/moderation';
import {
  fetchAllMessages,
  joinThread,
  named,
  record,
  refusal,
  SocketPool,
} from '../support/realtime';
import { until } from '../support/sockets';

let t: TestApp;
let cast: Cast;
const pool = new SocketPool();

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeCast(t.http);
});
afterAll(async () => {
  pool.closeAll();
  await t.close();
});

const deleteAccount = (user: TestUser, body: unknown) =>
  t.http.request<any>('DELETE', '/api/me', body, { token: user.token });

describe('deleting one’s account', () => {
  it('needs the password: 400 without it, 403 when wrong, and nothing changes', async () => {
    const user = await makeUser(t.http);
    expect((await deleteAccount(user, {})).status).toBe(400);
    expect((await deleteAccount(user, { password: 12 })).status).toBe(400);
    const wrong = await deleteAccount(user, { password: 'not my password at all' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.details).toEqual([
      { field: 'password', problems: ['the password is not correct'] },
    ]);
    expect((await t.http.get('/api/me', { token: user.token })).body.email).toBe(user.email);
    expect((await deleteAccount({ ...user, token: '' }, { password: user.password })).status).toBe(
      401,
    );
  });

  it('stops guessing after five wrong passwords', async () => {
    const user = await makeUser(t.http);
    for (let i = 0; i < 5; i++) {
      expect((await deleteAccount(user, { password: `wrong guess ${i}` })).status).toBe(403);
    }
    const limited = await deleteAccount(user, { password: user.password });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
  });

  it('is refused to the last admin of a network, naming it', async () => {
    const admin = await makeUser(t.http);
    const network = await makeNetwork(t.http, admin, { name: 'Only Admin Here' });
    const refused = await deleteAccount(admin, { password: admin.password });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('Only Admin Here');
    expect(refused.body.details).toEqual({
      lastAdminOf: [{ slug: network.slug, name: 'Only Admin Here' }],
    });
  });

  it('anonymises the account: threads stay readable, named posts show a former member, Chatham labels stay', async () => {
    const leaver = await makeUser(t.http, { displayName: 'Leaving Person' });
    await joinOrganisation(t.http, leaver, {
      sector: 'migrant_led',
      level: 'regional',
    });
    const invitation = await t.http.post(
      `/api/networks/${cast.network.slug}/invitations`,
      { email: leaver.email, role: 'member' },
      { token: cast.admin.token },
    );
    ok(
      await t.http.post(`/api/invitations/${invitation.body.token}/accept`, undefined, {
        token: leaver.token,
      }),
    );
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const named_ = await makeThread(t.http, leaver, channel.id, {
      title: 'Named thread by the leaver',
      body: 'Named opening',
    });
    const chatham = await makeThread(t.http, cast.member, channel.id, { attribution: 'chatham' });
    const chathamPost = await post(t.http, leaver, chatham.id, 'Chatham words stay');
    // Someone the leaver mentioned, and someone who mentioned... the mention names the leaver.
    await post(t.http, leaver, named_.id, `@${cast.other.user.handle} thanks for this`);
    // A flag the leaver raised stays in the queue.
    const flaggable = await post(t.http, cast.member, named_.id, 'Something doubtful');
    ok(await moderationApi(t).flag(leaver, flaggable.id, { reason: 'misinformation' }));

    const socket = await pool.open(t, leaver);
    await joinThread(socket, named_.id);
    const events = record(socket);
    const disconnected = new Promise<string>((resolve) =>
      socket.on('disconnect', (reason) => resolve(reason)),
    );

    const deleted = await deleteAccount(leaver, { password: leaver.password });
    expect(deleted.status).toBe(204);

    // Sockets are told and closed at once.
    await until(() => named(events, 'session:ended').length === 1);
    expect(named(events, 'session:ended')[0]).toEqual({ reason: 'removed' });
    await disconnected;
    // Tokens are dead: access, refresh, and a new socket.
    expect((await t.http.get('/api/me', { token: leaver.token })).status).toBe(401);
    expect(
      (await t.http.post('/api/auth/refresh', { refreshToken: leaver.refreshToken })).status,
    ).toBe(401);
    expect((await refusal(t.baseUrl, leaver.token)).data).toMatchObject({
      reason: 'session_ended',
    });
    // Signing in with the old address fails like any unknown account.
    const login = await t.http.post('/api/auth/login', {
      email: leaver.email,
      password: leaver.password,
    });
    expect(login.status).toBe(401);

    // The threads stay readable; named posts show a former member, Chatham posts their label.
    const thread = ok(
      await t.http.get<ThreadView>(`/api/threads/${named_.id}`, { token: cast.member.token }),
    );
    expect(thread.author).toEqual({
      kind: 'named',
      userId: '',
      displayName: 'Former member',
      handle: '',
      organisationLabel: null,
      organisationLabelCode: null,
    });
    const messages = await fetchAllMessages(t.http, cast.member, named_.id);
    expect(messages[0]).toMatchObject({
      body: 'Named opening',
      author: { displayName: 'Former member' },
    });
    const chathamMessages: MessageView[] = await fetchAllMessages(t.http, cast.member, chatham.id);
    expect(chathamMessages.find((m) => m.id === chathamPost.id)).toMatchObject({
      body: 'Chatham words stay',
      // The label the post was given when written (in this small network, a coarser one).
      author: chathamPost.author,
    });
    // The mention the other member got now names a former member.
    const mention = (
      await t.http.get<{ items: NotificationView[] }>('/api/notifications', {
        token: cast.other.token,
      })
    ).body.items.find((n) => n.subject.id === named_.id);
    expect(mention?.actor).toMatchObject({ kind: 'named', displayName: 'Former member' });

    // Gone from the members list, and nothing of them is left in the users row.
    const members = ok(
      await t.http.get<Page<MemberView>>(`/api/networks/${cast.network.slug}/members?limit=100`, {
        token: cast.admin.token,
      }),
    );
    expect(members.items.some((m) => m.userId === leaver.user.id)).toBe(false);
    const [row] = await sql(
      t,
      `SELECT email, display_name, handle, password_hash, organisation_id, deleted_at FROM users WHERE id = $1`,
      [leaver.user.id],
    );
    expect(row).toMatchObject({
      email: `deleted-${leaver.user.id}@deleted.invalid`,
      display_name: 'Former member',
      password_hash: '',
      organisation_id: null,
      deleted_at: expect.any(Date),
    });
    expect(row.handle).not.toContain('leaving');
    const leftovers = await sql(
      t,
      `SELECT (SELECT count(*)::int FROM network_memberships WHERE user_id = $1) AS memberships,
              (SELECT count(*)::int FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL) AS live_tokens,
              (SELECT count(*)::int FROM messages WHERE author_id = $1) AS authored,
              (SELECT count(*)::int FROM invitations WHERE email = $2) AS invitations,
              (SELECT count(*)::int FROM message_flags WHERE flagger_id = $1) AS flags`,
      [leaver.user.id, leaver.email],
    );
    expect(leftovers[0]).toEqual({
      memberships: 0,
      live_tokens: 0,
      authored: 0,
      invitations: 0,
      flags: 1,
    });
    expect(ok(await moderationApi(t).queue(cast.moderator, cast.network.slug)).items).toEqual(
      expect.arrayContaining([expect.objectContaining({ flagCount: 1 })]),
    );

    // The address is free for a new account.
    const again = await t.http.post('/api/auth/register', {
      email: leaver.email,
      password: 'a brand new password',
      displayName: 'Leaving Person',
    });
    expect(again.status).toBe(201);
    expect(again.body.user.id).not.toBe(leaver.user.id);
    // The new account starts with nothing of the old one.
    const fresh = ok(await t.http.get('/api/me/data', { token: again.body.accessToken }));
    expect(fresh.parts.discussions.messages).toEqual([]);
    expect(fresh.parts.memberships.networks).toEqual([]);
  });

  it('keeps the audit log intact, and the log still names the real author of an action', async () => {
    const author = await makeUser(t.http, { displayName: 'Audited Author' });
    const invitation = await t.http.post(
      `/api/networks/${cast.network.slug}/invitations`,
      { email: author.email, role: 'member' },
      { token: cast.admin.token },
    );
    ok(
      await t.http.post(`/api/invitations/${invitation.body.token}/accept`, undefined, {
        token: author.token,
      }),
    );
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const thread = await makeThread(t.http, cast.admin, channel.id);
    const message = await post(t.http, author, thread.id, 'To be hidden');
    ok(await moderationApi(t).hide(cast.moderator, message.id));
    const [{ n: before }] = await sql(t, 'SELECT count(*)::int AS n FROM audit_log');
    expect((await deleteAccount(author, { password: author.password })).status).toBe(204);
    const [{ n: after }] = await sql(t, 'SELECT count(*)::int AS n FROM audit_log');
    expect(after).toBe(before);
    const [entry] = await sql(
      t,
      `SELECT details FROM audit_log WHERE subject_id = $1 AND action = 'message.hidden'`,
      [message.id],
    );
    expect(entry.details.author).toEqual({ userId: author.user.id, displayName: 'Audited Author' });
  });
});

describe('access tokens follow their session', () => {
  it('stop working at once when the session is signed out, not at expiry', async () => {
    const user = await makeUser(t.http);
    expect((await t.http.get('/api/me', { token: user.token })).status).toBe(200);
    expect(
      (await t.http.post('/api/auth/logout', { refreshToken: user.refreshToken })).status,
    ).toBe(204);
    const after = await t.http.get('/api/me', { token: user.token });
    expect(after.status).toBe(401);
    expect(after.body.message).toBe('This session has ended; sign in again');
    // Another session of the same account is untouched.
    const again = await t.http.post('/api/auth/login', {
      email: user.email,
      password: user.password,
    });
    expect((await t.http.get('/api/me', { token: again.body.accessToken })).status).toBe(200);
  });
});
