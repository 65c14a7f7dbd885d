import type { EntryView, EntryVersionSummaryView, Page, ThreadView } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import { sql } from '../support/discussions';
import { badFields } from '../support/library';
import type { TestUser } from '../support/factories';
import {
  curate,
  curationCounts,
  curationSetup,
  CurationSetup,
  entryRow,
  readyFields,
} from '../support/curation';

/**
 * The whole path of an entry: curated from a thread by one moderator, reviewed, sent back,
 * published by another, revised into a second version and archived — with every illegal move
 * refused (409, naming what is allowed) and self-publishing refused (403), nothing changed.
 */
let t: TestApp;
let s: CurationSetup;
let entry: EntryView;

beforeAll(async () => {
  t = await startTestApp();
  s = await curationSetup(t, 'chatham');
});
afterAll(async () => {
  await t.close();
});

const act = (user: TestUser, action: string, body?: unknown) =>
  t.http.post<EntryView & { error?: string; details?: unknown }>(
    `/api/entries/${entry.id}/${action}`,
    body,
    { token: user.token },
  );
const get = (user: TestUser, id = entry.id) =>
  t.http.get<EntryView>(`/api/entries/${id}`, { token: user.token });

/** Tries each action and expects 409 invalid_transition naming `allowed`; nothing may change. */
async function refusesAll(actions: string[], allowed: string[], user: TestUser) {
  const before = { row: await entryRow(t, entry.id), counts: await curationCounts(t) };
  for (const action of actions) {
    const response = await act(user, action, action === 'request-changes' ? { note: 'x' } : {});
    expect({ action, status: response.status, error: response.body }).toMatchObject({
      action,
      status: 409,
      error: { error: 'invalid_transition', details: { allowed } },
    });
  }
  expect(await entryRow(t, entry.id)).toEqual(before.row);
  expect(await curationCounts(t)).toEqual(before.counts);
}

const auditActions = async () =>
  (
    await sql<{ action: string }>(
      t,
      `SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY seq`,
      [entry.id],
    )
  ).map((row) => row.action);

describe('curating a thread', () => {
  it('makes a draft prefilled from the thread, quoting the chosen messages by label', async () => {
    entry = await curate(t, s.cast.moderator, s.thread.id, {
      messageIds: [s.messages.other, s.messages.member],
      phase: 'implementation',
      language: 'en',
    });
    expect(entry).toMatchObject({
      status: 'draft',
      scope: 'network',
      currentVersion: null,
      isWorkingCopy: true,
      canEdit: true,
      actions: ['submit'],
      sourceThread: { id: s.thread.id, title: 'Keeping resident volunteers involved' },
      drafter: { userId: s.cast.moderator.user.id },
      content: {
        title: 'Keeping resident volunteers involved',
        topics: ['volunteers', 'two_way_integration'],
        phase: 'implementation',
        language: 'en',
        summary: '',
        resources: { budgetEur: null, staffFte: null, volunteers: null, durationMonths: null },
      },
    });
    expect(entry.content.evidence.map((q) => [q.messageId, q.author])).toEqual([
      [
        s.messages.other,
        { kind: 'chatham', label: s.labels.other, labelCode: 'government.regional' },
      ],
      [s.messages.member, { kind: 'chatham', label: s.labels.member, labelCode: 'ngo.local' }],
    ]);
    expect(entry.content.evidence[0].body).toContain('We phoned volunteers after week three');
    expect(await auditActions()).toEqual(['entry.curated']);
  });

  it('keeps the draft from members and from outsiders, who cannot tell it exists', async () => {
    for (const user of [s.cast.member, s.cast.other, s.cast.outsider]) {
      const response = await get(user);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ error: 'not_found', message: 'Entry not found' });
    }
    const list = await t.http.get<Page<EntryView>>(`/api/networks/${s.cast.network.slug}/entries`, {
      token: s.cast.member.token,
    });
    expect(list.body.items).toEqual([]);
    const modList = await t.http.get<Page<{ id: string; status: string }>>(
      `/api/networks/${s.cast.network.slug}/entries`,
      { token: s.cast.admin.token },
    );
    expect(modList.body.items.map((i) => [i.id, i.status])).toEqual([[entry.id, 'draft']]);
  });

  it('shows the draft as "curated into" on the thread to moderators only', async () => {
    const forModerator = await t.http.get<ThreadView>(`/api/threads/${s.thread.id}`, {
      token: s.cast.moderator.token,
    });
    expect(forModerator.body.curatedInto).toEqual([
      { entryId: entry.id, title: entry.content.title, status: 'draft', currentVersion: null },
    ]);
    const forMember = await t.http.get<ThreadView>(`/api/threads/${s.thread.id}`, {
      token: s.cast.member.token,
    });
    expect(forMember.body.curatedInto).toEqual([]);
  });

  it('refuses members (403) and outsiders (404), writing nothing', async () => {
    const before = await curationCounts(t);
    const byMember = await t.http.post(
      `/api/threads/${s.thread.id}/curate`,
      {},
      {
        token: s.cast.member.token,
      },
    );
    expect(byMember.status).toBe(403);
    const byOutsider = await t.http.post(
      `/api/threads/${s.thread.id}/curate`,
      {},
      {
        token: s.cast.outsider.token,
      },
    );
    expect(byOutsider.status).toBe(404);
    expect(byOutsider.body.message).toBe('Thread not found');
    expect(await curationCounts(t)).toEqual(before);
  });
});

describe('the draft', () => {
  it('refuses every move but submit', async () => {
    await refusesAll(['publish', 'archive', 'revise', 'request-changes'], ['submit'], s.cast.admin);
  });

  it('is not submitted while parts are missing, and says which (409, nothing changed)', async () => {
    const before = { row: await entryRow(t, entry.id), counts: await curationCounts(t) };
    const response = await act(s.cast.moderator, 'submit');
    expect(response.status).toBe(409);
    expect(response.body.error).toBe('conflict');
    expect(badFields(response)).toEqual([
      'summary',
      'context.who',
      'context.where',
      'whatWasDone',
      'whatWorked',
      'adaptation',
      'evaluation',
      'resources.budgetEur',
      'resources.staffFte',
      'resources.volunteers',
      'resources.durationMonths',
    ]);
    expect(await entryRow(t, entry.id)).toEqual(before.row);
    expect(await curationCounts(t)).toEqual(before.counts);
  });

  it('is edited by moderators', async () => {
    const response = await t.http.patch<EntryView>(`/api/entries/${entry.id}`, readyFields(), {
      token: s.cast.moderator.token,
    });
    expect(response.status).toBe(200);
    expect(response.body.content).toMatchObject({
      summary: readyFields().summary,
      context: { who: 'A city NGO with a volunteer coordinator', where: 'Lyon, France' },
      resources: { budgetEur: 48000, staffFte: 1.5, volunteers: 35, durationMonths: 12 },
    });
    const byMember = await t.http.patch(
      `/api/entries/${entry.id}`,
      { title: 'Mine now' },
      {
        token: s.cast.member.token,
      },
    );
    expect(byMember.status).toBe(404);
  });

  it('goes to review on submit', async () => {
    const response = await act(s.cast.moderator, 'submit');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'in_review', canEdit: false });
    // The drafter may send it back but not publish it.
    expect(response.body.actions).toEqual(['request_changes']);
  });
});

describe('in review', () => {
  it('refuses edits (409) and moves other than publish and request-changes', async () => {
    const before = await entryRow(t, entry.id);
    const edit = await t.http.patch(
      `/api/entries/${entry.id}`,
      { title: 'Changed under review' },
      {
        token: s.cast.admin.token,
      },
    );
    expect(edit.status).toBe(409);
    expect(await entryRow(t, entry.id)).toEqual(before);
    await refusesAll(['submit', 'archive', 'revise'], ['request_changes', 'publish'], s.cast.admin);
  });

  it('refuses self-publishing with 403, changing nothing', async () => {
    const before = { row: await entryRow(t, entry.id), counts: await curationCounts(t) };
    const response = await act(s.cast.moderator, 'publish', {});
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({
      error: 'forbidden',
      details: { reason: 'self_publish' },
    });
    expect(await entryRow(t, entry.id)).toEqual(before.row);
    expect(await curationCounts(t)).toEqual(before.counts);
  });

  it('goes back to the drafter with a note', async () => {
    const missing = await act(s.cast.admin, 'request-changes', {});
    expect(missing.status).toBe(400);
    const response = await act(s.cast.admin, 'request-changes', {
      note: 'Please add how you recruited the volunteers.',
    });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('draft');
    const forDrafter = await get(s.cast.moderator);
    expect(forDrafter.body.reviewNote).toMatchObject({
      note: 'Please add how you recruited the volunteers.',
      by: { userId: s.cast.admin.user.id },
    });
  });

  it('is published by another moderator or admin as version 1', async () => {
    await t.http.patch(
      `/api/entries/${entry.id}`,
      { whatWasDone: 'Volunteers were recruited through sports clubs.' },
      {
        token: s.cast.moderator.token,
      },
    );
    expect((await act(s.cast.moderator, 'submit')).status).toBe(200);
    const response = await act(s.cast.admin, 'publish', { note: 'First version' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'published',
      currentVersion: 1,
      reviewNote: null,
      actions: ['archive', 'revise'],
    });
    expect(response.body.publishedAt).toEqual(expect.any(String));
  });
});

describe('published', () => {
  it('is read by members as its published version', async () => {
    const response = await get(s.cast.member);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'published',
      isWorkingCopy: false,
      currentVersion: 1,
      drafter: null,
      reviewNote: null,
      actions: [],
      canEdit: false,
      content: { whatWasDone: 'Volunteers were recruited through sports clubs.' },
    });
    expect(response.body.content.evidence).toHaveLength(2);
    expect(response.body.content.evidence[0]).not.toHaveProperty('deleted');
  });

  it('refuses submit, publish and request-changes', async () => {
    await refusesAll(['submit', 'publish', 'request-changes'], ['archive', 'revise'], s.cast.admin);
  });

  it('shows "curated into" on the thread to every reader', async () => {
    const response = await t.http.get<ThreadView>(`/api/threads/${s.thread.id}`, {
      token: s.cast.other.token,
    });
    expect(response.body.curatedInto).toEqual([
      { entryId: entry.id, title: entry.content.title, status: 'published', currentVersion: 1 },
    ]);
  });

  it('keeps version 1 unchanged in the database: an UPDATE fails there', async () => {
    await expect(
      sql(t, `UPDATE entry_versions SET title = 'Rewritten' WHERE entry_id = $1`, [entry.id]),
    ).rejects.toThrow(/immutable/);
    const [row] = await sql(t, `SELECT title, note FROM entry_versions WHERE entry_id = $1`, [
      entry.id,
    ]);
    expect(row).toEqual({ title: entry.content.title, note: 'First version' });
  });
});

describe('a revision', () => {
  it('is drafted while readers keep the published version, then published as version 2', async () => {
    expect((await act(s.cast.moderator, 'revise')).body.status).toBe('draft');
    await t.http.patch(
      `/api/entries/${entry.id}`,
      { summary: 'A shorter, sharper summary.' },
      {
        token: s.cast.moderator.token,
      },
    );
    // Readers see version 1 (and its public state), not the revision.
    const reader = await get(s.cast.member);
    expect(reader.body).toMatchObject({ status: 'published', currentVersion: 1 });
    expect(reader.body.content.summary).toBe(readyFields().summary);
    const found = await t.http.get<Page<{ id: string; status: string; summary: string }>>(
      `/api/networks/${s.cast.network.slug}/entries`,
      { token: s.cast.member.token },
    );
    expect(found.body.items.map((i) => [i.id, i.status, i.summary])).toEqual([
      [entry.id, 'published', readyFields().summary],
    ]);
    expect((await act(s.cast.moderator, 'submit')).status).toBe(200);
    const published = await act(s.cast.admin, 'publish', { note: 'Sharper summary' });
    expect(published.body.currentVersion).toBe(2);
    expect((await get(s.cast.member)).body.content.summary).toBe('A shorter, sharper summary.');
  });

  it('leaves the history: each version with its note, publisher and content', async () => {
    const history = await t.http.get<Page<EntryVersionSummaryView>>(
      `/api/entries/${entry.id}/versions`,
      { token: s.cast.member.token },
    );
    expect(history.status).toBe(200);
    expect(history.body.items.map((v) => [v.version, v.note, v.publishedBy?.userId])).toEqual([
      [2, 'Sharper summary', s.cast.admin.user.id],
      [1, 'First version', s.cast.admin.user.id],
    ]);
    const paged = await t.http.get<Page<EntryVersionSummaryView>>(
      `/api/entries/${entry.id}/versions?limit=1`,
      { token: s.cast.member.token },
    );
    expect(paged.body.items.map((v) => v.version)).toEqual([2]);
    const next = await t.http.get<Page<EntryVersionSummaryView>>(
      `/api/entries/${entry.id}/versions?limit=1&cursor=${paged.body.nextCursor}`,
      { token: s.cast.member.token },
    );
    expect(next.body.items.map((v) => v.version)).toEqual([1]);
    expect(next.body.nextCursor).toBeNull();
    const first = await t.http.get(`/api/entries/${entry.id}/versions/1`, {
      token: s.cast.member.token,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      version: 1,
      entryId: entry.id,
      content: { summary: readyFields().summary },
    });
    expect(
      (await t.http.get(`/api/entries/${entry.id}/versions/3`, { token: s.cast.member.token }))
        .status,
    ).toBe(404);
    expect(
      (await t.http.get(`/api/entries/${entry.id}/versions/1`, { token: s.cast.outsider.token }))
        .status,
    ).toBe(404);
  });
});

describe('archived', () => {
  it('allows no move at all, and drops out of the default list', async () => {
    expect((await act(s.cast.admin, 'archive')).body.status).toBe('archived');
    await refusesAll(
      ['submit', 'publish', 'archive', 'revise', 'request-changes'],
      [],
      s.cast.moderator,
    );
    const list = await t.http.get<Page<{ id: string }>>(
      `/api/networks/${s.cast.network.slug}/entries`,
      { token: s.cast.member.token },
    );
    expect(list.body.items).toEqual([]);
    const archived = await t.http.get<Page<{ id: string; status: string }>>(
      `/api/networks/${s.cast.network.slug}/entries?status=archived`,
      { token: s.cast.member.token },
    );
    expect(archived.body.items.map((i) => [i.id, i.status])).toEqual([[entry.id, 'archived']]);
    expect((await get(s.cast.member)).body.status).toBe('archived');
  });

  it('recorded every step in the audit log, with the moderator who acted', async () => {
    expect(await auditActions()).toEqual([
      'entry.curated',
      'entry.submitted',
      'entry.changes_requested',
      'entry.submitted',
      'entry.published',
      'entry.revised',
      'entry.submitted',
      'entry.published',
      'entry.archived',
    ]);
    const log = await t.http.get(
      `/api/networks/${s.cast.network.slug}/audit-log?subjectId=${entry.id}`,
      {
        token: s.cast.admin.token,
      },
    );
    expect(log.status).toBe(200);
    expect(log.body.items[0]).toMatchObject({
      action: 'entry.archived',
      actor: { userId: s.cast.admin.user.id },
      subject: { type: 'entry', id: entry.id },
      details: { from: 'published', to: 'archived' },
    });
  });
});
