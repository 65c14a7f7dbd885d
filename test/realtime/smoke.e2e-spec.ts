import { startTestApp, TestApp } from '../support/app';
import { addMember, makeNetwork, makeUser } from '../support/factories';
import { collect, connectSocket, request, settle, until } from '../support/sockets';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

it('delivers a message posted over the socket to another member live, and nothing to an outsider', async () => {
  const admin = await makeUser(t.http);
  const member = await makeUser(t.http);
  const outsider = await makeUser(t.http);
  const network = await makeNetwork(t.http, admin, { visibility: 'invite' });
  await addMember(t.http, admin, network.slug, member);
  const channel = await t.http.post(
    `/api/networks/${network.slug}/channels`,
    { slug: 'general', name: 'General', visibility: 'network' },
    { token: admin.token },
  );
  expect(channel.status).toBe(201);
  const thread = await t.http.post(
    `/api/channels/${channel.body.id}/threads`,
    { title: 'Hello', body: 'First post', attribution: 'named', clientId: 'c-1' },
    { token: admin.token },
  );
  expect(thread.status).toBe(201);

  const a = await connectSocket(t.baseUrl, admin.token);
  const b = await connectSocket(t.baseUrl, member.token);
  const x = await connectSocket(t.baseUrl, outsider.token);
  const bReceived = collect(b, 'message:new');
  const xReceived = collect(x, 'message:new');
  expect(await request(b, 'thread:join', { threadId: thread.body.id, afterSeq: 0 })).toMatchObject({
    ok: true,
    missed: [{ seq: 1 }],
  });
  expect(await request(x, 'thread:join', { threadId: thread.body.id })).toMatchObject({
    ok: false,
    error: 'not_found',
  });

  const ack = await request(a, 'message:send', {
    threadId: thread.body.id,
    body: 'Live hello',
    clientId: 'c-2',
  });
  expect(ack).toMatchObject({
    ok: true,
    duplicate: false,
    message: { seq: 2, body: 'Live hello', isMine: true },
  });
  await until(() => bReceived.length === 1);
  expect(bReceived[0]).toMatchObject({ seq: 2, body: 'Live hello', isMine: false, clientId: null });
  await settle();
  expect(xReceived).toEqual([]);
  for (const s of [a, b, x]) s.close();
});

it('refuses a socket without a token', async () => {
  await expect(connectSocket(t.baseUrl, undefined)).rejects.toThrow(/Authentication required/);
});
