import { startTestApp, TestApp } from '../support/app';
import { addMember, makeNetwork, makeOrganisation, makeUser, TestUser } from '../support/factories';
import {
  joinChannel,
  joinThread,
  makeChannel,
  named,
  newClientId,
  postOverHttp,
  record,
  SocketPool,
} from '../support/realtime';
import { request, settle, until } from '../support/sockets';

/** In a Chatham House thread no socket event says who said what: only the attribution label. */
describe('Chatham House threads over the socket', () => {
  let t: TestApp;
  const pool = new SocketPool();
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    pool.closeAll();
    await t.close();
  });

  // The author is the network's only local-government member among three without an
  // organisation: "Local government" would be them, so every post reads "A member".
  it('carries the label, never the author id, name, handle, email or organisation, in any event', async () => {
    const admin = await makeUser(t.http);
    const author = await makeUser(t.http, { displayName: 'Zuzana Quellmalz' });
    const organisation = await makeOrganisation(t.http, author, {
      name: 'Stadtverwaltung Quellmalzhausen',
      sector: 'government',
      level: 'local',
    });
    const chose = await t.http.put(
      '/api/me/organisation',
      { organisationId: organisation.id },
      { token: author.token },
    );
    expect(chose.status).toBe(200);
    const reader: TestUser = await makeUser(t.http, { displayName: 'Reader Person' });
    const moderator = await makeUser(t.http);
    const network = await makeNetwork(t.http, admin, { visibility: 'invite' });
    await addMember(t.http, admin, network.slug, author);
    await addMember(t.http, admin, network.slug, reader);
    await addMember(t.http, admin, network.slug, moderator, 'moderator');
    const channel = await makeChannel(t.http, admin, network.slug);

    const r = await pool.open(t, reader);
    const m = await pool.open(t, moderator);
    const received = [record(r), record(m)];
    for (const socket of [r, m]) await joinChannel(socket, channel.id);

    // The author opens the thread over HTTP: thread:new reaches the channel.
    const created = await t.http.post(
      `/api/channels/${channel.id}/threads`,
      {
        title: 'What went wrong with our housing pilot',
        body: 'Frankly, the council blocked it.',
        attribution: 'chatham',
        clientId: newClientId(),
      },
      { token: author.token },
    );
    expect(created.status).toBe(201);
    const threadId: string = created.body.id;
    const joins = [await joinThread(r, threadId, 0), await joinThread(m, threadId, 0)];

    const a = await pool.open(t, author);
    const own = record(a);
    await joinThread(a, threadId);
    a.emit('typing', { threadId });
    const sent = await request(a, 'message:send', {
      threadId,
      body: `Over the socket, and @${reader.user.handle} knows why.`,
      clientId: newClientId(),
    });
    expect(sent.ok).toBe(true);
    expect(sent.message.author).toEqual({
      kind: 'chatham',
      label: 'A member',
      labelCode: 'member',
    });
    expect(sent.message.isMine).toBe(true);
    const viaHttp = await postOverHttp(t.http, author, threadId, 'Over HTTP');
    const edit = await t.http.patch(
      `/api/messages/${viaHttp.id}`,
      { body: 'Over HTTP, edited' },
      { token: author.token },
    );
    expect(edit.status).toBe(200);
    const removed = await t.http.delete(`/api/messages/${sent.message.id}`, {
      token: moderator.token,
    });
    expect(removed.status).toBe(200);
    const locked = await t.http.post(`/api/threads/${threadId}/lock`, undefined, {
      token: moderator.token,
    });
    expect(locked.status).toBe(200);

    await until(() =>
      received.every(
        (events) =>
          named(events, 'message:new').length === 2 &&
          named(events, 'message:updated').length === 2 &&
          named(events, 'typing').length === 1,
      ),
    );
    await until(() => named(received[0], 'notification').length === 1);
    await settle();

    for (const events of received) {
      // Typing in a Chatham House thread says only that someone is typing.
      expect(named(events, 'typing')).toEqual([{ threadId, who: null }]);
      expect(named(events, 'thread:new').map((th) => th.author)).toEqual([
        { kind: 'chatham', label: 'A member', labelCode: 'member' },
      ]);
      for (const message of [...named(events, 'message:new'), ...named(events, 'message:updated')])
        expect(message).toMatchObject({
          author: { kind: 'chatham', label: 'A member', labelCode: 'member' },
          isMine: false,
          clientId: null,
        });
    }
    expect(named(received[0], 'notification')[0].actor).toEqual({
      kind: 'chatham',
      label: 'A member',
      labelCode: 'member',
    });

    // Nothing anywhere in what the others received names the author.
    const identifying = [
      author.user.id,
      author.user.email,
      author.user.handle,
      'Zuzana',
      'Quellmalz',
      organisation.id,
      'Local government',
      'government.local',
    ];
    const everything = JSON.stringify([received, joins]);
    for (const needle of identifying)
      expect({ needle, found: everything.includes(needle) }).toEqual({
        needle,
        found: false,
      });
    // The author's own copies say it is theirs, and still carry no name.
    const ownMessages = [...named(own, 'message:new'), ...named(own, 'message:updated')];
    expect(ownMessages.length).toBeGreaterThanOrEqual(3);
    expect(ownMessages.every((message) => message.isMine === true)).toBe(true);
    expect(JSON.stringify(ownMessages)).not.toContain('Quellmalz');
  });

  it('shows the name in typing for a named thread, to contrast', async () => {
    const admin = await makeUser(t.http, { displayName: 'Named Admin' });
    const member = await makeUser(t.http);
    const network = await makeNetwork(t.http, admin, { visibility: 'invite' });
    await addMember(t.http, admin, network.slug, member);
    const channel = await makeChannel(t.http, admin, network.slug);
    const thread = await t.http.post(
      `/api/channels/${channel.id}/threads`,
      { title: 'Named', body: 'Hello', attribution: 'named', clientId: newClientId() },
      { token: admin.token },
    );
    const a = await pool.open(t, admin);
    const b = await pool.open(t, member);
    await joinThread(a, thread.body.id);
    await joinThread(b, thread.body.id);
    const events = record(b);
    a.emit('typing', { threadId: thread.body.id });
    await until(() => events.length === 1);
    expect(events[0].payload).toEqual({ threadId: thread.body.id, who: 'Named Admin' });
  });
});
