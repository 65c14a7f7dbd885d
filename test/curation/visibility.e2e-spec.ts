import type { EntryView, Page, SearchResults } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import { makeCast, sql, type Cast } from '../support/discussions';
import type { TestUser } from '../support/factories';
import { uniqueWord } from '../support/library';
import {
  curate,
  curationCounts,
  curationSetup,
  CurationSetup,
  publishEntry,
  readyFields,
} from '../support/curation';

/**
 * Who may find and read entries: drafts only the network's moderators, network entries only
 * that network's members, public entries everyone signed in — and only while the network's
 * admins allow public entries. Search finds published versions only, by their exact words,
 * never a draft or a revision in progress, and never another network's network-only entry.
 */
let t: TestApp;
let s: CurationSetup;
/** A second network whose members must learn nothing of the first's entries. */
let elsewhere: Cast;

beforeAll(async () => {
  t = await startTestApp();
  s = await curationSetup(t, 'chatham');
  elsewhere = await makeCast(t.http);
});
afterAll(async () => {
  await t.close();
});

const search = async (user: TestUser, q: string) => {
  const response = await t.http.get<SearchResults>(
    `/api/search?types=entry&q=${encodeURIComponent(q)}`,
    { token: user.token },
  );
  expect(response.status).toBe(200);
  return response.body.hits;
};
const get = (user: TestUser, id: string) =>
  t.http.get<EntryView>(`/api/entries/${id}`, { token: user.token });
const settings = (user: TestUser, allowPublicEntries: unknown) =>
  t.http.patch(
    `/api/networks/${s.cast.network.slug}/entry-settings`,
    { allowPublicEntries },
    { token: user.token },
  );

async function published(words: string, overrides: Record<string, unknown> = {}) {
  const draft = await curate(t, s.cast.moderator, s.thread.id, {
    messageIds: [s.messages.member],
    ...(overrides.language ? { language: overrides.language } : {}),
  });
  return publishEntry(
    t,
    draft.id,
    s.cast.moderator,
    s.cast.admin,
    readyFields({ summary: `A programme about ${words}.`, ...overrides, language: undefined }),
  );
}

describe('network entries', () => {
  let entry: EntryView;
  let word: string;

  beforeAll(async () => {
    word = uniqueWord();
    entry = await published(word);
  });

  it('are found by the network’s members, by their exact words', async () => {
    const hits = await search(s.cast.other, word);
    expect(hits).toEqual([
      expect.objectContaining({
        type: 'entry',
        id: entry.id,
        title: entry.content.title,
        networkId: s.cast.network.id,
        author: null,
        threadId: null,
      }),
    ]);
    expect(hits[0].snippet).toContain(`⟦${word}⟧`);
  });

  it('stay invisible to another network’s members and to outsiders, searched by their exact words', async () => {
    for (const user of [elsewhere.admin, elsewhere.member, s.cast.outsider]) {
      expect(await search(user, word)).toEqual([]);
      expect((await get(user, entry.id)).status).toBe(404);
      const list = await t.http.get(`/api/networks/${s.cast.network.slug}/entries`, {
        token: user.token,
      });
      expect(list.status).toBe(404);
    }
  });

  it('cannot be made public while the network does not allow it (403, nothing changed)', async () => {
    const draft = await curate(t, s.cast.moderator, s.thread.id);
    const before = await curationCounts(t);
    const response = await t.http.patch(
      `/api/entries/${draft.id}`,
      { scope: 'public' },
      { token: s.cast.moderator.token },
    );
    expect(response.status).toBe(403);
    const curated = await t.http.post(
      `/api/threads/${s.thread.id}/curate`,
      { scope: 'public' },
      { token: s.cast.moderator.token },
    );
    expect(curated.status).toBe(403);
    expect(await curationCounts(t)).toEqual(before);
  });
});

describe('drafts and revisions', () => {
  it('are never found by search, not even by moderators; the editors’ list finds the working copy', async () => {
    const word = uniqueWord();
    const draft = await curate(t, s.cast.moderator, s.thread.id, { title: `Draft ${word}` });
    await t.http.patch(
      `/api/entries/${draft.id}`,
      { summary: `Working notes on ${word}.` },
      { token: s.cast.moderator.token },
    );
    for (const user of [s.cast.member, s.cast.moderator, s.cast.admin]) {
      expect(await search(user, word)).toEqual([]);
    }
    const listed = (user: TestUser) =>
      t.http.get<Page<{ id: string }>>(`/api/networks/${s.cast.network.slug}/entries?q=${word}`, {
        token: user.token,
      });
    expect((await listed(s.cast.moderator)).body.items.map((i) => i.id)).toEqual([draft.id]);
    expect((await listed(s.cast.member)).body.items).toEqual([]);
  });

  it('keep a published version findable by its own words while the revision’s stay hidden', async () => {
    const [first, second] = [uniqueWord(), uniqueWord()];
    const entry = await published(first);
    await t.http.post(`/api/entries/${entry.id}/revise`, undefined, {
      token: s.cast.moderator.token,
    });
    await t.http.patch(
      `/api/entries/${entry.id}`,
      { summary: `Now about ${second}.` },
      { token: s.cast.moderator.token },
    );
    expect((await search(s.cast.member, first)).map((h) => h.id)).toEqual([entry.id]);
    expect(await search(s.cast.member, second)).toEqual([]);
    expect(await search(s.cast.admin, second)).toEqual([]);
  });

  it('leave search once archived', async () => {
    const word = uniqueWord();
    const entry = await published(word);
    await t.http.post(`/api/entries/${entry.id}/archive`, undefined, { token: s.cast.admin.token });
    expect(await search(s.cast.member, word)).toEqual([]);
  });
});

describe('language-aware search', () => {
  it('finds an entry by another form of its words, in its own language', async () => {
    const word = uniqueWord();
    const french = await published(`${word} avec des bénévoles`, {
      language: 'fr',
      summary: `Des bénévoles ${word} accueillent les familles.`,
    });
    expect((await search(s.cast.member, `bénévole ${word}`)).map((h) => h.id)).toEqual([french.id]);
    const english = await published(word, {
      summary: `Volunteering neighbours ${word} welcome families.`,
    });
    expect((await search(s.cast.member, `volunteer ${word}`)).map((h) => h.id)).toContain(
      english.id,
    );
  });
});

describe('public entries', () => {
  let entry: EntryView;
  let word: string;

  it('are the admins’ call: moderators and members get 403, outsiders 404, bad input 400', async () => {
    const before = await curationCounts(t);
    expect((await settings(s.cast.moderator, true)).status).toBe(403);
    expect((await settings(s.cast.member, true)).status).toBe(403);
    expect((await settings(s.cast.outsider, true)).status).toBe(404);
    const bad = await settings(s.cast.admin, 'yes');
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['allowPublicEntries']);
    expect(await curationCounts(t)).toEqual(before);
    const shown = await t.http.get(`/api/networks/${s.cast.network.slug}/entry-settings`, {
      token: s.cast.moderator.token,
    });
    expect(shown.body).toEqual({ allowPublicEntries: false, canChange: false });
  });

  it('are readable and findable by everyone signed in once allowed, without naming a private network', async () => {
    const allowed = await settings(s.cast.admin, true);
    expect(allowed.status).toBe(200);
    expect(allowed.body).toEqual({ allowPublicEntries: true, canChange: true });
    word = uniqueWord();
    const draft = await curate(t, s.cast.moderator, s.thread.id, {
      scope: 'public',
      messageIds: [s.messages.member],
    });
    // Shared beyond the network: the quoted member is asked first, and allows it.
    const asked = await t.http.get<{ id: string; entryId: string; state: string }[]>(
      '/api/me/quote-consents',
      { token: s.cast.member.token },
    );
    const request = asked.body.find((consent) => consent.entryId === draft.id);
    expect(request?.state).toBe('pending');
    const granted = await t.http.post(
      `/api/quote-consents/${request?.id}`,
      { decision: 'grant' },
      { token: s.cast.member.token },
    );
    expect(granted.status).toBe(200);
    entry = await publishEntry(
      t,
      draft.id,
      s.cast.moderator,
      s.cast.admin,
      readyFields({ summary: `Open to all: ${word}.` }),
    );
    const read = await get(elsewhere.member, entry.id);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      effectiveScope: 'public',
      networkId: null,
      networkSlug: null,
      sourceThread: null,
      isWorkingCopy: false,
    });
    const hits = await search(s.cast.outsider, word);
    expect(hits.map((h) => [h.id, h.networkId])).toEqual([[entry.id, null]]);
    const [row] = await sql(
      t,
      `SELECT action, details FROM audit_log WHERE action = 'network.public_entries_changed'`,
    );
    expect(row).toEqual({
      action: 'network.public_entries_changed',
      details: { from: false, to: true },
    });
  });

  it('go back to the network’s members the moment the admins withdraw the permission', async () => {
    expect((await settings(s.cast.admin, false)).status).toBe(200);
    expect((await get(elsewhere.member, entry.id)).status).toBe(404);
    expect(await search(s.cast.outsider, word)).toEqual([]);
    expect((await get(s.cast.member, entry.id)).body.effectiveScope).toBe('network');
  });
});
