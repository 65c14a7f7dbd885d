import type { ChannelView, MessageView, ThreadView } from '@tandem/domain';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { TestApp } from './app';
import { addMember, makeNetwork, makeOrganisation, makeUser, TestUser } from './factories';
import type { Http } from './http';

const unique = (): string => randomBytes(4).toString('hex');

/** A fresh clientId, as a client would generate one per send. */
export const clientId = (prefix = 'c'): string => `${prefix}-${randomBytes(6).toString('hex')}`;

/** Runs one statement against the test app's own database (for what HTTP cannot show). */
export async function sql<T = any>(t: TestApp, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: t.db.url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Row counts of the discussion tables, to check that a refused request wrote nothing. */
export async function counts(t: TestApp): Promise<Record<string, number>> {
  const rows = await sql<{ name: string; n: number }>(
    t,
    `SELECT 'channels' AS name, count(*)::int AS n FROM channels
     UNION ALL SELECT 'channel_members', count(*)::int FROM channel_members
     UNION ALL SELECT 'threads', count(*)::int FROM threads
     UNION ALL SELECT 'messages', count(*)::int FROM messages
     UNION ALL SELECT 'message_revisions', count(*)::int FROM message_revisions
     UNION ALL SELECT 'notifications', count(*)::int FROM notifications`,
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.n]));
}

export async function makeChannel(
  http: Http,
  creator: TestUser,
  networkSlug: string,
  overrides: Partial<{
    slug: string;
    name: string;
    description: string;
    topics: string[];
    visibility: string;
  }> = {},
): Promise<ChannelView> {
  const id = unique();
  const response = await http.post<ChannelView>(
    `/api/networks/${networkSlug}/channels`,
    { slug: `ch-${id}`, name: `Channel ${id}`, visibility: 'network', ...overrides },
    { token: creator.token },
  );
  if (response.status !== 201)
    throw new Error(`makeChannel failed: ${response.status} ${response.text}`);
  return response.body;
}

export async function makeThread(
  http: Http,
  author: TestUser,
  channelId: string,
  overrides: Partial<{
    title: string;
    body: string;
    attribution: string;
    topics: string[];
    clientId: string;
  }> = {},
): Promise<ThreadView> {
  const response = await http.post<ThreadView>(
    `/api/channels/${channelId}/threads`,
    {
      title: `Thread ${unique()}`,
      body: 'The first message',
      attribution: 'named',
      clientId: clientId('t'),
      ...overrides,
    },
    { token: author.token },
  );
  if (response.status !== 201)
    throw new Error(`makeThread failed: ${response.status} ${response.text}`);
  return response.body;
}

export async function post(
  http: Http,
  author: TestUser,
  threadId: string,
  body = `A message ${unique()}`,
  extra: Partial<{ clientId: string; replyToId: string }> = {},
): Promise<MessageView> {
  const response = await http.post<MessageView>(
    `/api/threads/${threadId}/messages`,
    { body, clientId: clientId('m'), ...extra },
    { token: author.token },
  );
  if (response.status !== 201) throw new Error(`post failed: ${response.status} ${response.text}`);
  return response.body;
}

/** Gives the user an organisation (so Chatham threads have a label to show) and returns it. */
export async function joinOrganisation(
  http: Http,
  user: TestUser,
  overrides: Partial<{ name: string; sector: string; level: string; country: string }> = {},
): Promise<{ id: string; label: string }> {
  const organisation = await makeOrganisation(http, user, overrides);
  const response = await http.put(
    '/api/me/organisation',
    { organisationId: organisation.id },
    { token: user.token },
  );
  if (response.status !== 200)
    throw new Error(`joinOrganisation failed: ${response.status} ${response.text}`);
  return { id: organisation.id, label: organisation.label };
}

export interface Cast {
  network: { id: string; slug: string };
  admin: TestUser;
  moderator: TestUser;
  member: TestUser;
  other: TestUser;
  outsider: TestUser;
}

/**
 * A network with one of each: its admin, a moderator, two members, and an outsider who
 * belongs to none of it. Private by default, so outsiders cannot even see it.
 */
export async function makeCast(http: Http, visibility = 'private'): Promise<Cast> {
  const [admin, moderator, member, other, outsider] = await Promise.all(
    ['Admin', 'Moderator', 'Member', 'Other', 'Outsider'].map((role) =>
      makeUser(http, { displayName: `${role} ${unique()}` }),
    ),
  );
  const network = await makeNetwork(http, admin, { visibility });
  await addMember(http, admin, network.slug, moderator, 'moderator');
  await addMember(http, admin, network.slug, member);
  await addMember(http, admin, network.slug, other);
  return { network, admin, moderator, member, other, outsider };
}

/** Every page of a cursor-paginated list, in order. */
export async function allPages<T>(
  http: Http,
  token: string,
  path: string,
  limit: number,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const url: string = `${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const response = await http.get<{ items: T[]; nextCursor: string | null }>(url, { token });
    if (response.status !== 200)
      throw new Error(`GET ${url} failed: ${response.status} ${response.text}`);
    items.push(...response.body.items);
    cursor = response.body.nextCursor;
    pages++;
    if (pages > 1000) throw new Error('The cursor never ran out');
  } while (cursor);
  return { items, pages };
}
