import type { EntryView, Page } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import { makeThread, post, sql } from '../support/discussions';
import { badFields, createSummary } from '../support/library';
import {
  curate,
  curationCounts,
  curationSetup,
  CurationSetup,
  entryRow,
  readyFields,
} from '../support/curation';

/**
 * Bad input answers 400 naming each bad field, and writes nothing; an object where a string is
 * expected fails like any other wrong type.
 */
let t: TestApp;
let s: CurationSetup;
let entry: EntryView;

beforeAll(async () => {
  t = await startTestApp();
  s = await curationSetup(t, 'named');
  entry = await curate(t, s.cast.moderator, s.thread.id, { messageIds: [s.messages.member] });
});
afterAll(async () => {
  await t.close();
});

const quotes = () =>
  sql(t, `SELECT message_id, position FROM entry_quotes WHERE entry_id = $1 ORDER BY position`, [
    entry.id,
  ]);

describe('curating', () => {
  it.each<[string, () => Record<string, unknown>, string[]]>([
    ['messageIds as a string', () => ({ messageIds: 'all' }), ['messageIds']],
    ['a message id that is no UUID', () => ({ messageIds: ['nope'] }), ['messageIds']],
    [
      'a repeated message',
      () => ({ messageIds: [s.messages.member, s.messages.member] }),
      ['messageIds'],
    ],
    [
      'eleven quotes',
      () => ({ messageIds: Array.from({ length: 11 }, () => crypto.randomUUID()) }),
      ['messageIds'],
    ],
    ['an unknown phase', () => ({ phase: 'later' }), ['phase']],
    ['a title object', () => ({ title: { text: 'x' } }), ['title']],
    ['an empty title', () => ({ title: '   ' }), ['title']],
    ['an unknown field', () => ({ status: 'published' }), ['status']],
    [
      'several at once',
      () => ({ phase: 'x', language: 'xx', scope: 'world' }),
      ['phase', 'language', 'scope'],
    ],
  ])('refuses %s, writing nothing', async (_what, body, fields) => {
    const before = await curationCounts(t);
    const response = await t.http.post(`/api/threads/${s.thread.id}/curate`, body(), {
      token: s.cast.moderator.token,
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('bad_request');
    expect(badFields(response).sort()).toEqual([...fields].sort());
    expect(await curationCounts(t)).toEqual(before);
  });

  it('refuses messages of another thread and deleted messages, naming messageIds', async () => {
    const otherThread = await makeThread(t.http, s.cast.member, s.channelId);
    const foreign = await post(t.http, s.cast.member, otherThread.id, 'Elsewhere');
    const gone = await post(t.http, s.cast.member, s.thread.id, 'Soon deleted');
    await t.http.delete(`/api/messages/${gone.id}`, { token: s.cast.member.token });
    const before = await curationCounts(t);
    for (const id of [foreign.id, gone.id]) {
      const response = await t.http.post(
        `/api/threads/${s.thread.id}/curate`,
        { messageIds: [s.messages.other, id] },
        { token: s.cast.moderator.token },
      );
      expect(response.status).toBe(400);
      expect(badFields(response)).toEqual(['messageIds']);
      expect(response.body.details[0].problems[0]).toContain(id);
    }
    expect(await curationCounts(t)).toEqual(before);
  });

  it('refuses a message moderators hid, and shows one hidden after quoting as removed', async () => {
    const hidden = await post(t.http, s.cast.member, s.thread.id, 'Hidden for personal data');
    expect(
      (await t.http.post(`/api/messages/${hidden.id}/hide`, {}, { token: s.cast.moderator.token }))
        .status,
    ).toBe(200);
    const before = await curationCounts(t);
    const refused = await t.http.post(
      `/api/threads/${s.thread.id}/curate`,
      { messageIds: [hidden.id] },
      { token: s.cast.moderator.token },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.details[0].problems[0]).toContain('hidden by moderators');
    expect(await curationCounts(t)).toEqual(before);

    const later = await post(t.http, s.cast.member, s.thread.id, 'Quoted, then hidden');
    const entry = await t.http.post<EntryView>(
      `/api/threads/${s.thread.id}/curate`,
      { messageIds: [later.id] },
      { token: s.cast.moderator.token },
    );
    expect(entry.status).toBe(201);
    await t.http.post(`/api/messages/${later.id}/hide`, {}, { token: s.cast.moderator.token });
    const shown = await t.http.get<EntryView>(`/api/entries/${entry.body.id}`, {
      token: s.cast.moderator.token,
    });
    expect(shown.body.content.evidence[0]).toMatchObject({
      messageId: later.id,
      body: '',
      deleted: true,
    });
    expect(JSON.stringify(shown.body)).not.toContain('Quoted, then hidden');
  });

  it('answers 400 for a thread id that is no UUID', async () => {
    const response = await t.http.post(
      '/api/threads/not-a-uuid/curate',
      {},
      {
        token: s.cast.moderator.token,
      },
    );
    expect(response.status).toBe(400);
  });
});

describe('editing', () => {
  const long = (words: number) => Array.from({ length: words }, (_, i) => `word${i}`).join(' ');

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a summary over its word limit', { summary: long(121) }, ['summary']],
    ['a title object', { title: { en: 'x' } }, ['title']],
    ['a null title', { title: null }, ['title']],
    ['context as a string', { context: 'Lyon' }, ['context']],
    ['context.who as a number', { context: { who: 5 } }, ['context.who']],
    ['an unknown context field', { context: { when: '2020' } }, ['context.when']],
    ['a negative budget', { resources: { budgetEur: -1 } }, ['resources.budgetEur']],
    ['a fractional budget', { resources: { budgetEur: 10.5 } }, ['resources.budgetEur']],
    ['staff with two decimals', { resources: { staffFte: 1.25 } }, ['resources.staffFte']],
    ['a zero duration', { resources: { durationMonths: 0 } }, ['resources.durationMonths']],
    ['a budget as text', { resources: { budgetEur: '40000' } }, ['resources.budgetEur']],
    ['an unknown topic', { topics: ['jobs'] }, ['topics']],
    [
      'six topics',
      { topics: ['housing', 'employment', 'language', 'education', 'gender', 'funding'] },
      ['topics'],
    ],
    ['a control character', { whatWorked: 'a\u0000b' }, ['whatWorked']],
    ['links as an object', { links: { type: 'research' } }, ['links', 'links.id']],
    [
      'a link of an unknown type',
      { links: [{ type: 'entry', id: crypto.randomUUID() }] },
      ['links.0.type'],
    ],
    ['an unknown field', { status: 'published' }, ['status']],
    [
      'several at once',
      { title: '', summary: 5, resources: { volunteers: -2 }, phase: 'x' },
      ['title', 'summary', 'resources.volunteers', 'phase'],
    ],
  ])('refuses %s, changing nothing', async (_what, body, fields) => {
    const before = { row: await entryRow(t, entry.id), quotes: await quotes() };
    const response = await t.http.patch(`/api/entries/${entry.id}`, body, {
      token: s.cast.moderator.token,
    });
    expect(response.status).toBe(400);
    expect(badFields(response).sort()).toEqual([...fields].sort());
    expect(await entryRow(t, entry.id)).toEqual(before.row);
    expect(await quotes()).toEqual(before.quotes);
  });

  it('accepts a summary of exactly its word limit', async () => {
    const response = await t.http.patch<EntryView>(
      `/api/entries/${entry.id}`,
      { summary: long(120) },
      { token: s.cast.moderator.token },
    );
    expect(response.status).toBe(200);
  });

  it('refuses links to drafts, to other networks’ items and repeated links, naming each', async () => {
    const draftSummary = await createSummary(t.http, s.cast.admin, s.cast.network.slug);
    const published = await createSummary(t.http, s.cast.admin, s.cast.network.slug, {
      status: 'published',
    });
    const before = await entryRow(t, entry.id);
    const response = await t.http.patch(
      `/api/entries/${entry.id}`,
      {
        links: [
          { type: 'research', id: published.id },
          { type: 'research', id: draftSummary.id },
          { type: 'research', id: published.id },
          { type: 'case_study', id: crypto.randomUUID() },
        ],
      },
      { token: s.cast.moderator.token },
    );
    expect(response.status).toBe(400);
    expect(badFields(response)).toEqual(['links.1', 'links.2', 'links.3']);
    expect(await entryRow(t, entry.id)).toEqual(before);
    const ok = await t.http.patch<EntryView>(
      `/api/entries/${entry.id}`,
      { links: [{ type: 'research', id: published.id }] },
      { token: s.cast.moderator.token },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.content.links).toEqual([
      { type: 'research', id: published.id, title: published.title },
    ]);
  });

  it('replaces the quotes in the order given, and keeps a quote whose message was deleted since, flagged', async () => {
    const response = await t.http.patch<EntryView>(
      `/api/entries/${entry.id}`,
      { messageIds: [s.messages.other, s.messages.member] },
      { token: s.cast.moderator.token },
    );
    expect(response.body.content.evidence.map((q) => q.messageId)).toEqual([
      s.messages.other,
      s.messages.member,
    ]);
    await t.http.delete(`/api/messages/${s.messages.other}`, { token: s.cast.other.token });
    const flagged = await t.http.get<EntryView>(`/api/entries/${entry.id}`, {
      token: s.cast.moderator.token,
    });
    expect(flagged.body.content.evidence[0]).toMatchObject({
      messageId: s.messages.other,
      body: '',
      deleted: true,
    });
    // Re-sending the list keeps it (the editor removes it when ready); review refuses it.
    const kept = await t.http.patch<EntryView>(
      `/api/entries/${entry.id}`,
      { ...readyFields(), messageIds: [s.messages.other, s.messages.member] },
      { token: s.cast.moderator.token },
    );
    expect(kept.status).toBe(200);
    const submit = await t.http.post(`/api/entries/${entry.id}/submit`, undefined, {
      token: s.cast.moderator.token,
    });
    expect(submit.status).toBe(409);
    expect(badFields(submit)).toEqual(['messageIds']);
    expect((await entryRow(t, entry.id)).status).toBe('draft');
  });

  it('refuses bad notes on request-changes and publish', async () => {
    const tooLong = await t.http.post(
      `/api/entries/${entry.id}/request-changes`,
      { note: 'n'.repeat(1001) },
      { token: s.cast.admin.token },
    );
    expect(tooLong.status).toBe(400);
    expect(badFields(tooLong)).toEqual(['note']);
    const object = await t.http.post(
      `/api/entries/${entry.id}/publish`,
      { note: { text: 'v2' } },
      { token: s.cast.admin.token },
    );
    expect(object.status).toBe(400);
    expect(badFields(object)).toEqual(['note']);
  });
});

describe('listing', () => {
  it.each([
    ['status=pending', ['status']],
    ['topic=jobs', ['topic']],
    ['phase=later', ['phase']],
    ['limit=1000', ['limit']],
    ['cursor=abc', ['cursor']],
    ['sort=title', ['sort']],
  ])('refuses ?%s', async (query, fields) => {
    const response = await t.http.get(`/api/networks/${s.cast.network.slug}/entries?${query}`, {
      token: s.cast.moderator.token,
    });
    expect(response.status).toBe(400);
    expect(badFields(response)).toEqual(fields);
  });

  it('pages through every entry with a cursor, newest first, each once', async () => {
    for (let i = 0; i < 3; i++)
      await curate(t, s.cast.moderator, s.thread.id, { title: `Page ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response: { body: Page<{ id: string }> } = await t.http.get(
        `/api/networks/${s.cast.network.slug}/entries?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { token: s.cast.moderator.token },
      );
      seen.push(...response.body.items.map((i) => i.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    const [{ n }] = await sql<{ n: number }>(
      t,
      `SELECT count(*)::int AS n FROM entries WHERE network_id = $1`,
      [s.cast.network.id],
    );
    expect(seen).toHaveLength(n);
    expect(new Set(seen).size).toBe(n);
    expect(seen.at(-1)).toBe(entry.id);
  });
});
