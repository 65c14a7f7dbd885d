import type { EntryView, ThreadView } from '@tandem/domain';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { TestApp } from './app';
import {
  makeCast,
  makeChannel,
  makeThread,
  post,
  sql,
  joinOrganisation,
  type Cast,
} from './discussions';
import { addMember, makeUser, type TestUser } from './factories';

/** A complete set of the parts review asks for; override any. */
export function readyFields(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    summary: 'Resident volunteers and newcomers meet weekly around a shared activity.',
    context: { who: 'A city NGO with a volunteer coordinator', where: 'Lyon, France' },
    whatWasDone: 'Pairs met weekly for a year; volunteers were phoned after week three.',
    whatWorked: 'Recruiting residents to "do something together" rather than "help".',
    whatDidNot: 'A monthly group meeting did not keep volunteers involved.',
    resources: {
      budgetEur: 48000,
      staffFte: 1.5,
      volunteers: 35,
      durationMonths: 12,
      note: 'Rooms lent by the city.',
    },
    adaptation: 'Recruit through existing sports clubs and parent associations.',
    evaluation: 'Count pairs still meeting after six and twelve months.',
    ...overrides,
  };
}

export interface CurationSetup {
  cast: Cast;
  channelId: string;
  thread: ThreadView;
  /** Messages of the thread, by who wrote them. */
  messages: { member: string; other: string; admin: string };
  labels: { member: string; other: string };
}

/**
 * A network (private, see makeCast) with a network channel and a thread in it, written by the
 * member, with replies from another member and the admin. The members have organisations, so a
 * Chatham House thread has labels to show.
 */
export async function curationSetup(
  t: TestApp,
  attribution: 'named' | 'chatham' = 'chatham',
  words = {
    member: 'Neighbours cooked together every Thursday',
    other: 'We phoned volunteers after week three',
  },
): Promise<CurationSetup> {
  const cast = await makeCast(t.http);
  const member = await joinOrganisation(t.http, cast.member, { sector: 'ngo', level: 'local' });
  const other = await joinOrganisation(t.http, cast.other, {
    sector: 'government',
    level: 'regional',
  });
  // Chatham House labels are shown only when at least three members share them: peers who
  // never post make "Local NGO", "Regional government" and "Independent practitioner" (the
  // admin and moderator have no organisation) each stand for three people.
  for (const [sector, level] of [
    ['ngo', 'local'],
    ['ngo', 'local'],
    ['government', 'regional'],
    ['government', 'regional'],
    [null, null],
  ]) {
    const peer = await makeUser(t.http);
    if (sector && level) await joinOrganisation(t.http, peer, { sector, level });
    await addMember(t.http, cast.admin, cast.network.slug, peer);
  }
  const channel = await makeChannel(t.http, cast.admin, cast.network.slug, {
    topics: ['volunteers'],
  });
  const thread = await makeThread(t.http, cast.member, channel.id, {
    title: 'Keeping resident volunteers involved',
    body: `${words.member}, and newcomers taught a recipe in turn.`,
    attribution,
    topics: ['volunteers', 'two_way_integration'],
  });
  const [first] = await sql<{ id: string }>(
    t,
    `SELECT id FROM messages WHERE thread_id = $1 AND seq = 1`,
    [thread.id],
  );
  const otherMessage = await post(
    t.http,
    cast.other,
    thread.id,
    `${words.other}; that is when people quietly disappear.`,
  );
  const adminMessage = await post(
    t.http,
    cast.admin,
    thread.id,
    'Thanks both, this is worth writing up.',
  );
  return {
    cast,
    channelId: channel.id,
    thread,
    messages: { member: first.id, other: otherMessage.id, admin: adminMessage.id },
    labels: { member: member.label, other: other.label },
  };
}

export async function curate(
  t: TestApp,
  user: TestUser,
  threadId: string,
  body: Record<string, unknown> = {},
): Promise<EntryView> {
  const response = await t.http.post<EntryView>(`/api/threads/${threadId}/curate`, body, {
    token: user.token,
  });
  if (response.status !== 201)
    throw new Error(`curate failed: ${response.status} ${response.text}`);
  return response.body;
}

/** Edits, submits and publishes: drafted by `drafter`, published by `publisher`. */
export async function publishEntry(
  t: TestApp,
  entryId: string,
  drafter: TestUser,
  publisher: TestUser,
  fields: Record<string, unknown> = readyFields(),
): Promise<EntryView> {
  const steps: [string, 'patch' | 'post', unknown, TestUser][] = [
    [`/api/entries/${entryId}`, 'patch', fields, drafter],
    [`/api/entries/${entryId}/submit`, 'post', undefined, drafter],
    [`/api/entries/${entryId}/publish`, 'post', { note: 'First version' }, publisher],
  ];
  let last: EntryView | undefined;
  for (const [path, method, body, user] of steps) {
    const response = await t.http[method]<EntryView>(path, body, { token: user.token });
    if (response.status !== 200)
      throw new Error(`${method} ${path} failed: ${response.status} ${response.text}`);
    last = response.body;
  }
  return last!;
}

/** Row counts of the curation tables (and their neighbours), to check a refusal wrote nothing. */
export async function curationCounts(t: TestApp): Promise<Record<string, number>> {
  const rows = await sql<{ name: string; n: number }>(
    t,
    `SELECT 'entries' AS name, count(*)::int AS n FROM entries
     UNION ALL SELECT 'entry_quotes', count(*)::int FROM entry_quotes
     UNION ALL SELECT 'entry_links', count(*)::int FROM entry_links
     UNION ALL SELECT 'entry_versions', count(*)::int FROM entry_versions
     UNION ALL SELECT 'audit_log', count(*)::int FROM audit_log
     UNION ALL SELECT 'notifications', count(*)::int FROM notifications
     UNION ALL SELECT 'thread_links', count(*)::int FROM thread_links
     UNION ALL SELECT 'network_entry_settings', count(*)::int FROM network_entry_settings`,
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.n]));
}

/** The entry row as stored (to check a refusal changed nothing). */
export async function entryRow(t: TestApp, id: string): Promise<Record<string, unknown>> {
  const [row] = await sql(t, `SELECT * FROM entries WHERE id = $1`, [id]);
  return row;
}

/** A download: status, headers and the raw bytes. */
export async function download(
  t: TestApp,
  path: string,
  user: Pick<TestUser, 'token'>,
): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(`${t.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${user.token}` },
  });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

/** The text of a PDF, page by page, read back with pdf.js (in a Node process of its own). */
export function pdfText(bytes: Buffer): Promise<{ pages: string[]; title: string | null }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [join(__dirname, 'pdf-text.mjs')],
      { maxBuffer: 20 * 1024 * 1024, timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`pdf-text failed: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as { pages: string[]; title: string | null });
      },
    );
    child.stdin?.end(bytes);
  });
}

/** Whitespace-normalised, for finding phrases in text that was wrapped into lines. */
export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
