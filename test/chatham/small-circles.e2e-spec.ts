import type { AttributionPreview, MessageView } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import { joinOrganisation, makeChannel, makeThread, post, sql } from '../support/discussions';
import { addMember, makeNetwork, makeUser, TestUser } from '../support/factories';
import {
  joinChannel,
  joinThread,
  named,
  newClientId,
  record,
  SocketPool,
} from '../support/realtime';
import { request, settle, until } from '../support/sockets';

/**
 * Chatham House labels that hold in small circles. The network: three local NGO members (the
 * admin and moderator among them), three local-government members, one regional-government
 * member and two national-government ones. "Regional government" would be one person, so
 * their posts read "Government" — which the regional and the two national officials share.
 */
let t: TestApp;
const pool = new SocketPool();
let admin: TestUser;
let moderator: TestUser;
let ngo: TestUser;
let local: TestUser[];
let regional: TestUser;
let national: TestUser[];
let network: { id: string; slug: string };
let channelId: string;
let threadId: string;

async function member(sector: string, level: string, role?: 'moderator'): Promise<TestUser> {
  const user = await makeUser(t.http);
  await joinOrganisation(t.http, user, { sector, level });
  if (network) await addMember(t.http, admin, network.slug, user, role);
  return user;
}

const preview = (user: TestUser, id = threadId, headers: Record<string, string> = {}) =>
  t.http.get<AttributionPreview>(`/api/threads/${id}/attribution-preview`, {
    token: user.token,
    headers,
  });

beforeAll(async () => {
  t = await startTestApp();
  admin = await makeUser(t.http);
  await joinOrganisation(t.http, admin, { sector: 'ngo', level: 'local' });
  network = await makeNetwork(t.http, admin, { visibility: 'invite' });
  moderator = await member('ngo', 'local', 'moderator');
  ngo = await member('ngo', 'local');
  local = [
    await member('government', 'local'),
    await member('government', 'local'),
    await member('government', 'local'),
  ];
  regional = await member('government', 'regional');
  national = [await member('government', 'national'), await member('government', 'national')];
  const channel = await makeChannel(t.http, admin, network.slug);
  channelId = channel.id;
  const thread = await makeThread(t.http, local[0], channelId, {
    title: 'Budget cuts, frankly',
    body: 'Our budget for language classes was halved this year.',
    attribution: 'chatham',
  });
  threadId = thread.id;
});

afterAll(async () => {
  pool.closeAll();
  await t.close();
});

describe('the label a Chatham House post carries', () => {
  it('is told to the author beforehand, with the reason, in their language', async () => {
    const lone = await preview(regional);
    expect(lone.status).toBe(200);
    expect(lone.body).toEqual({
      attribution: 'chatham',
      label: 'Government',
      labelCode: 'government',
      fineLabelCode: 'government.regional',
      fineLabel: 'Regional government',
      reason: 'coarsened',
      minGroup: 3,
    });
    const german = await preview(regional, threadId, { 'accept-language': 'de-DE,de;q=0.9' });
    expect(german.body).toMatchObject({
      label: 'Öffentliche Verwaltung',
      fineLabel: 'Regionale Verwaltung',
    });
    expect((await preview(local[1])).body).toMatchObject({
      label: 'Local government',
      labelCode: 'government.local',
      reason: 'shared',
    });

    const forNewThread = await t.http.get<AttributionPreview>(
      `/api/channels/${channelId}/attribution-preview?attribution=chatham&lang=fr`,
      { token: regional.token },
    );
    expect(forNewThread.body).toMatchObject({
      label: 'Administration publique',
      reason: 'coarsened',
    });
    const named = await t.http.get<AttributionPreview>(
      `/api/channels/${channelId}/attribution-preview?attribution=named`,
      { token: regional.token },
    );
    expect(named.body).toMatchObject({ label: 'Regional government', reason: 'named' });
  });

  it('answers outsiders 404 like a missing thread, and bad input 400', async () => {
    const outsider = await makeUser(t.http);
    const refused = await preview(outsider);
    const missing = await preview(outsider, '00000000-0000-4000-8000-000000000000');
    expect(refused.status).toBe(404);
    expect(refused.body).toEqual(missing.body);
    const bad = await t.http.get(`/api/channels/${channelId}/attribution-preview?attribution=x`, {
      token: regional.token,
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('attribution');
  });

  it('is the coarser one over HTTP, the socket, notifications, search and the data download', async () => {
    const reader = await pool.open(t, local[1]);
    const events = record(reader);
    await joinChannel(reader, channelId);
    await joinThread(reader, threadId, 0);

    const overHttp = await post(
      t.http,
      regional,
      threadId,
      `Quellmalz ministry pressure is real, @${local[1].user.handle}.`,
    );
    expect(overHttp.author).toEqual({
      kind: 'chatham',
      label: 'Government',
      labelCode: 'government',
    });
    const socket = await pool.open(t, regional);
    await joinThread(socket, threadId);
    const sent = await request(socket, 'message:send', {
      threadId,
      body: 'Said over the socket as well.',
      clientId: newClientId(),
    });
    expect(sent.message.author).toEqual({
      kind: 'chatham',
      label: 'Government',
      labelCode: 'government',
    });

    await until(() => named(events, 'message:new').length === 2);
    await until(() => named(events, 'notification').length === 1);
    for (const message of named<MessageView>(events, 'message:new'))
      expect(message.author).toEqual({
        kind: 'chatham',
        label: 'Government',
        labelCode: 'government',
      });
    expect(named(events, 'notification')[0].actor).toEqual({
      kind: 'chatham',
      label: 'Government',
      labelCode: 'government',
    });

    const listed = await t.http.get<{ items: MessageView[] }>(`/api/threads/${threadId}/messages`, {
      token: ngo.token,
      headers: { 'accept-language': 'de' },
    });
    const mine = listed.body.items.filter((message) => message.body.includes('Quellmalz'));
    expect(mine.map((message) => message.author)).toEqual([
      { kind: 'chatham', label: 'Government', labelCode: 'government' },
    ]);

    const search = await t.http.get<{ hits: { type: string; author: unknown }[] }>(
      `/api/search?q=Quellmalz&network=${network.slug}`,
      { token: ngo.token },
    );
    expect(search.status).toBe(200);
    expect(search.body.hits.map((hit) => hit.author)).toEqual([
      { kind: 'chatham', label: 'Government', labelCode: 'government' },
    ]);

    const data = await t.http.get<{ parts: { discussions: { messages: { shownAs: string }[] } } }>(
      '/api/me/data',
      { token: regional.token },
    );
    expect(data.status).toBe(200);
    expect(JSON.stringify(data.body.parts.discussions)).toContain('Government');
    expect(JSON.stringify(data.body.parts.discussions)).not.toContain('Regional government');

    // Nothing the others received says "Regional government".
    expect(JSON.stringify(events)).not.toContain('Regional government');
    expect(JSON.stringify(events)).not.toContain('government.regional');
  });

  it('stays frozen when the network changes; new posts get the label the network allows then', async () => {
    const [before] = await sql<{ author_label_code: string }>(
      t,
      `SELECT author_label_code FROM messages WHERE thread_id = $1 AND author_id = $2 ORDER BY seq LIMIT 1`,
      [threadId, regional.user.id],
    );
    expect(before.author_label_code).toBe('government');
    await member('government', 'regional');
    await member('government', 'regional');
    expect((await preview(regional)).body).toMatchObject({
      label: 'Regional government',
      reason: 'shared',
    });
    const later = await post(t.http, regional, threadId, 'Now there are three of us.');
    expect(later.author).toMatchObject({ label: 'Regional government' });
    const rows = await sql<{ author_label_code: string }>(
      t,
      `SELECT author_label_code FROM messages WHERE thread_id = $1 AND author_id = $2 ORDER BY seq`,
      [threadId, regional.user.id],
    );
    expect(rows.map((row) => row.author_label_code)).toEqual([
      'government',
      'government',
      'government.regional',
    ]);
  });
});

describe('side channels of a Chatham House thread', () => {
  it('typing carries no name, and presence in its channel only a count', async () => {
    const a = await pool.open(t, local[2]);
    const b = await pool.open(t, national[0]);
    const seen = record(b);
    await joinChannel(b, channelId);
    await joinChannel(a, channelId);
    await joinThread(a, threadId);
    await joinThread(b, threadId);
    a.emit('typing', { threadId });
    await until(() => named(seen, 'typing').length === 1);
    await settle();
    expect(named(seen, 'typing')).toEqual([{ threadId, who: null }]);
    const presence = named<{ online: unknown[]; count: number; countOnly: boolean }>(
      seen,
      'presence',
    );
    expect(presence.length).toBeGreaterThan(0);
    for (const view of presence) {
      expect(view.online).toEqual([]);
      expect(view.countOnly).toBe(true);
    }
    expect(presence.at(-1)?.count).toBeGreaterThanOrEqual(2);
    const everything = JSON.stringify(seen);
    for (const needle of [local[2].user.id, local[2].user.displayName, local[2].user.handle])
      expect(everything).not.toContain(needle);
  });
});

describe('the network’s group size', () => {
  const settings = (user: TestUser) =>
    t.http.get<{ minGroup: number; canChange: boolean; instanceMinGroup: number }>(
      `/api/networks/${network.slug}/chatham`,
      { token: user.token },
    );
  const change = (user: TestUser, body: unknown) =>
    t.http.patch<{ minGroup: number; error?: string }>(
      `/api/networks/${network.slug}/chatham`,
      body,
      {
        token: user.token,
      },
    );

  it('is readable by members, changeable by admins only, never below the instance value', async () => {
    expect((await settings(ngo)).body).toMatchObject({
      minGroup: 3,
      instanceMinGroup: 3,
      canChange: false,
    });
    const outsider = await makeUser(t.http);
    expect((await settings(outsider)).status).toBe(404);
    expect((await change(outsider, { minGroup: 4 })).status).toBe(404);
    expect((await change(moderator, { minGroup: 4 })).status).toBe(403);
    for (const bad of [
      { minGroup: 2 },
      { minGroup: 51 },
      { minGroup: '4' },
      {},
      { minGroup: 3.5 },
    ]) {
      const refused = await change(admin, bad);
      expect({ bad, status: refused.status }).toEqual({ bad, status: 400 });
    }
    const [row] = await sql<{ chatham_min_group: number | null }>(
      t,
      `SELECT chatham_min_group FROM networks WHERE id = $1`,
      [network.id],
    );
    expect(row.chatham_min_group).toBeNull();

    const raised = await change(admin, { minGroup: 4 });
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({ minGroup: 4, canChange: true });
    // Three local officials are no longer enough for "Local government".
    expect((await preview(local[1])).body).toMatchObject({ labelCode: 'government', minGroup: 4 });
    const audit = await sql<{ action: string }>(
      t,
      `SELECT action FROM audit_log WHERE network_id = $1 AND action = 'network.chatham_min_group_changed'`,
      [network.id],
    );
    expect(audit).toHaveLength(1);
    expect((await change(admin, { minGroup: 3 })).status).toBe(200);
  });
});
