import type { MessageView, ThreadView } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import {
  Cast,
  clientId,
  joinOrganisation,
  makeCast,
  makeChannel,
  makeThread,
  post,
} from '../support/discussions';
import type { HttpResponse } from '../support/http';
import { addMember, makeUser, type TestUser } from '../support/factories';

/**
 * Chatham House threads show who said something only as an organisation's type and level. No
 * response about such a thread may carry the author's id, name, handle or email — for any
 * viewer, moderators and the author included. These tests search the raw JSON text.
 */
let t: TestApp;
let cast: Cast;
let channelId: string;
let author: TestUser;
let speaker: TestUser;
let thread: ThreadView;
let authorMessage: MessageView;
let speakerMessage: MessageView;
const responses: { what: string; viewer: string; response: HttpResponse }[] = [];

const traces = (user: TestUser): string[] => [
  user.user.id,
  user.user.displayName,
  user.user.handle,
  user.email,
];

/**
 * Searches the raw response text. An `@handle` mention is content someone chose to write (and
 * names the person mentioned, not the writer), so mentions are blanked out first; any other
 * occurrence of a handle still counts.
 */
function expectNoTrace(response: HttpResponse, who: TestUser[], what: string): void {
  let text = response.text.toLowerCase();
  for (const user of Object.values(cast).filter((u): u is TestUser => 'token' in u))
    text = text.split(`@${user.user.handle.toLowerCase()}`).join('@(mention)');
  for (const user of who) {
    for (const trace of traces(user)) {
      if (text.includes(trace.toLowerCase()))
        throw new Error(`${what} reveals "${trace}": ${response.text.slice(0, 500)}`);
    }
  }
}

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeCast(t.http);
  // The author is the member; the speaker is another member who replies. Both have organisations.
  author = cast.member;
  speaker = cast.other;
  await joinOrganisation(t.http, author, { sector: 'government', level: 'local' });
  await joinOrganisation(t.http, speaker, { sector: 'ngo', level: 'national' });
  // Labels are shown only when at least three members share them: peers who never post make
  // "Local government", "National NGO" and "Independent practitioner" (the admin and the
  // moderator have no organisation) each stand for three people.
  for (const organisation of [
    { sector: 'government', level: 'local' },
    { sector: 'government', level: 'local' },
    { sector: 'ngo', level: 'national' },
    { sector: 'ngo', level: 'national' },
    null,
  ]) {
    const peer = await makeUser(t.http);
    if (organisation) await joinOrganisation(t.http, peer, organisation);
    await addMember(t.http, cast.admin, cast.network.slug, peer);
  }
  channelId = (await makeChannel(t.http, cast.admin, cast.network.slug, { name: 'Candid' })).id;

  const created = await t.http.post<ThreadView>(
    `/api/channels/${channelId}/threads`,
    {
      title: 'What our council got wrong about housing',
      body: 'We placed families far from schools.',
      attribution: 'chatham',
      topics: ['housing'],
      clientId: clientId('chatham'),
    },
    { token: author.token },
  );
  expect(created.status).toBe(201);
  thread = created.body;
  responses.push({ what: 'POST thread', viewer: 'author', response: created });

  const retry = await t.http.post(
    `/api/channels/${channelId}/threads`,
    {
      title: 'What our council got wrong about housing',
      body: 'We placed families far from schools.',
      attribution: 'chatham',
      clientId: (await t.http.get(`/api/threads/${thread.id}/messages`, { token: author.token }))
        .body.items[0].clientId,
    },
    { token: author.token },
  );
  expect(retry.status).toBe(200);
  responses.push({ what: 'POST thread (retry)', viewer: 'author', response: retry });

  const sent = await t.http.post<MessageView>(
    `/api/threads/${thread.id}/messages`,
    { body: `Thanks @${speaker.user.handle}, that matches our data.`, clientId: 'author-2' },
    { token: author.token },
  );
  expect(sent.status).toBe(201);
  authorMessage = sent.body;
  responses.push({ what: 'POST message', viewer: 'author', response: sent });
  const resent = await t.http.post(
    `/api/threads/${thread.id}/messages`,
    { body: `Thanks @${speaker.user.handle}, that matches our data.`, clientId: 'author-2' },
    { token: author.token },
  );
  expect(resent.status).toBe(200);
  responses.push({ what: 'POST message (retry)', viewer: 'author', response: resent });

  const replied = await t.http.post<MessageView>(
    `/api/threads/${thread.id}/messages`,
    {
      body: `Same here, @${author.user.handle} — and @${cast.moderator.user.handle} knows it.`,
      clientId: 'speaker-1',
      replyToId: authorMessage.id,
    },
    { token: speaker.token },
  );
  expect(replied.status).toBe(201);
  speakerMessage = replied.body;
  responses.push({ what: 'POST reply', viewer: 'speaker', response: replied });

  const edited = await t.http.patch(
    `/api/messages/${authorMessage.id}`,
    { body: `Thanks @${speaker.user.handle}, that matches our 2023 data.` },
    { token: author.token },
  );
  expect(edited.status).toBe(200);
  responses.push({ what: 'PATCH message', viewer: 'author', response: edited });

  const locked = await t.http.post(`/api/threads/${thread.id}/lock`, undefined, {
    token: cast.moderator.token,
  });
  responses.push({ what: 'POST lock', viewer: 'moderator', response: locked });
  const unlocked = await t.http.post(`/api/threads/${thread.id}/unlock`, undefined, {
    token: cast.admin.token,
  });
  responses.push({ what: 'POST unlock', viewer: 'admin', response: unlocked });

  const extra = await post(t.http, author, thread.id, 'One more thing, later removed.');
  const removed = await t.http.delete(`/api/messages/${extra.id}`, {
    token: cast.moderator.token,
  });
  expect(removed.status).toBe(200);
  responses.push({ what: 'DELETE message', viewer: 'moderator', response: removed });

  for (const [name, viewer] of [
    ['author', author],
    ['speaker', speaker],
    ['moderator', cast.moderator],
    ['admin', cast.admin],
  ] as const) {
    const token = viewer.token;
    responses.push(
      {
        what: 'GET threads',
        viewer: name,
        response: await t.http.get(`/api/channels/${channelId}/threads`, { token }),
      },
      {
        what: 'GET thread',
        viewer: name,
        response: await t.http.get(`/api/threads/${thread.id}`, { token }),
      },
      {
        what: 'GET messages',
        viewer: name,
        response: await t.http.get(`/api/threads/${thread.id}/messages`, { token }),
      },
      {
        what: 'GET notifications',
        viewer: name,
        response: await t.http.get('/api/notifications', { token }),
      },
    );
  }
  for (const [name, viewer] of [
    ['author', author],
    ['moderator', cast.moderator],
    ['admin', cast.admin],
  ] as const) {
    responses.push({
      what: 'GET revisions',
      viewer: name,
      response: await t.http.get(`/api/messages/${authorMessage.id}/revisions`, {
        token: viewer.token,
      }),
    });
  }
}, 60_000);
afterAll(async () => {
  await t.close();
});

it('collected a successful response for every route touched', () => {
  expect(responses.length).toBeGreaterThan(20);
  const failed = responses
    .filter(({ response }) => response.status >= 300)
    .map(({ what, viewer, response }) => `${what} as ${viewer}: ${response.status}`);
  expect(failed).toEqual([]);
});

it('never reveals an author’s id, name, handle or email in any response, to anyone', () => {
  for (const { what, viewer, response } of responses) {
    expectNoTrace(response, [author, speaker], `${what} as ${viewer}`);
  }
});

it('shows the organisation label instead of the author, everywhere', async () => {
  const asModerator = await t.http.get(`/api/threads/${thread.id}/messages`, {
    token: cast.moderator.token,
  });
  const items = asModerator.body.items as MessageView[];
  expect(items.map((m) => m.author)).toEqual([
    { kind: 'chatham', label: 'Local government', labelCode: 'government.local' },
    { kind: 'chatham', label: 'Local government', labelCode: 'government.local' },
    { kind: 'chatham', label: 'National NGO', labelCode: 'ngo.national' },
    { kind: 'chatham', label: 'Local government', labelCode: 'government.local' },
  ]);
  const got = await t.http.get(`/api/threads/${thread.id}`, { token: cast.admin.token });
  expect(got.body.author).toEqual({
    kind: 'chatham',
    label: 'Local government',
    labelCode: 'government.local',
  });
  expect(got.body.attribution).toBe('chatham');
});

it('tells the author, and only the author, which posts are theirs', async () => {
  const mine = async (viewer: TestUser) => {
    const list = await t.http.get(`/api/channels/${channelId}/threads`, { token: viewer.token });
    const messages = await t.http.get(`/api/threads/${thread.id}/messages`, {
      token: viewer.token,
    });
    return {
      thread: list.body.items.find((x: ThreadView) => x.id === thread.id).isMine,
      messages: messages.body.items.map((m: MessageView) => m.isMine),
      clientIds: messages.body.items.map((m: MessageView) => m.clientId !== null),
    };
  };
  expect(await mine(author)).toEqual({
    thread: true,
    messages: [true, true, false, true],
    clientIds: [true, true, false, true],
  });
  expect(await mine(speaker)).toEqual({
    thread: false,
    messages: [false, false, true, false],
    clientIds: [false, false, true, false],
  });
  for (const viewer of [cast.moderator, cast.admin]) {
    expect(await mine(viewer)).toEqual({
      thread: false,
      messages: [false, false, false, false],
      clientIds: [false, false, false, false],
    });
  }
});

it('names the mentioning author by label only in the notification', async () => {
  const forSpeaker = await t.http.get('/api/notifications', { token: speaker.token });
  expect(forSpeaker.body.items).toEqual([
    expect.objectContaining({
      subject: expect.objectContaining({ type: 'thread', id: thread.id }),
      messageId: authorMessage.id,
      actor: { kind: 'chatham', label: 'Local government', labelCode: 'government.local' },
    }),
  ]);
  const forAuthor = await t.http.get('/api/notifications', { token: author.token });
  expect(forAuthor.body.items).toEqual([
    expect.objectContaining({
      messageId: speakerMessage.id,
      actor: { kind: 'chatham', label: 'National NGO', labelCode: 'ngo.national' },
    }),
  ]);
  const forModerator = await t.http.get('/api/notifications', { token: cast.moderator.token });
  expect(forModerator.body.items.map((n: { actor: unknown }) => n.actor)).toEqual([
    { kind: 'chatham', label: 'National NGO', labelCode: 'ngo.national' },
  ]);
});

it('keeps the label an author had when posting after they change organisation', async () => {
  const before = await post(t.http, speaker, thread.id, 'Posted as a national NGO.');
  await joinOrganisation(t.http, speaker, { sector: 'research', level: 'eu' });
  const after = await post(t.http, speaker, thread.id, 'Posted from a research institute.');
  // The network's only EU-level research institute: its label would name the speaker.
  expect(after.author).toEqual({ kind: 'chatham', label: 'A member', labelCode: 'member' });

  const messages = await t.http.get(`/api/threads/${thread.id}/messages?limit=100`, {
    token: cast.admin.token,
  });
  const byId = new Map(
    (messages.body.items as MessageView[]).map((m) => [m.id, m.author] as const),
  );
  expect(byId.get(speakerMessage.id)).toEqual({
    kind: 'chatham',
    label: 'National NGO',
    labelCode: 'ngo.national',
  });
  expect(byId.get(before.id)).toEqual({
    kind: 'chatham',
    label: 'National NGO',
    labelCode: 'ngo.national',
  });
  expect(byId.get(after.id)).toEqual({ kind: 'chatham', label: 'A member', labelCode: 'member' });
  // The thread keeps its starter's label too.
  await joinOrganisation(t.http, author, { sector: 'foundation', level: 'regional' });
  const got = await t.http.get(`/api/threads/${thread.id}`, { token: speaker.token });
  expect(got.body.author).toEqual({
    kind: 'chatham',
    label: 'Local government',
    labelCode: 'government.local',
  });
  expectNoTrace(messages, [author, speaker], 'GET messages after the change');
});

it('labels someone without an organisation as an independent practitioner', async () => {
  const loner = cast.moderator;
  const own = await makeThread(t.http, loner, channelId, { attribution: 'chatham' });
  expect(own.author).toEqual({
    kind: 'chatham',
    label: 'Independent practitioner',
    labelCode: 'independent',
  });
  const asMember = await t.http.get(`/api/threads/${own.id}/messages`, {
    token: cast.member.token,
  });
  expectNoTrace(asMember, [loner], 'GET messages of an independent practitioner');
});

it('does name authors in a named thread (the control for the searches above)', async () => {
  const named = await makeThread(t.http, author, channelId, { attribution: 'named' });
  const asAdmin = await t.http.get(`/api/threads/${named.id}/messages`, {
    token: cast.admin.token,
  });
  expect(asAdmin.text).toContain(author.user.id);
  expect(asAdmin.text).toContain(author.user.handle);
  expect(asAdmin.body.items[0].author).toMatchObject({
    kind: 'named',
    userId: author.user.id,
    displayName: author.user.displayName,
  });
  // Email addresses are never part of a message view, named or not.
  expect(asAdmin.text).not.toContain(author.email);
});
