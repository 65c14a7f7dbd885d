import type { EntryView, QuoteConsentView } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import {
  curate,
  curationCounts,
  curationSetup,
  CurationSetup,
  readyFields,
} from '../support/curation';
import { post, sql } from '../support/discussions';
import type { TestUser } from '../support/factories';

/**
 * Nobody's words leave their network without their consent: an entry shared beyond the network
 * asks each quoted author (or applies their standing choice), cannot publish while one has not
 * answered, and leaves refused quotes out of what it shares. And before a quote is curated or an
 * entry published, likely personal data in the text is shown for the curator to confirm.
 */
let t: TestApp;
let s: CurationSetup;
let entry: EntryView;

const consents = (user: TestUser) =>
  t.http.get<QuoteConsentView[]>('/api/me/quote-consents', { token: user.token });
const decide = (user: TestUser, id: string, decision: unknown) =>
  t.http.post<QuoteConsentView>(`/api/quote-consents/${id}`, { decision }, { token: user.token });
const publish = (body: Record<string, unknown> = {}) =>
  t.http.post<EntryView & { error?: string; details?: unknown }>(
    `/api/entries/${entry.id}/publish`,
    { note: 'v', ...body },
    { token: s.cast.admin.token },
  );

beforeAll(async () => {
  t = await startTestApp();
  s = await curationSetup(t, 'chatham');
  const allowed = await t.http.patch(
    `/api/networks/${s.cast.network.slug}/entry-settings`,
    { allowPublicEntries: true },
    { token: s.cast.admin.token },
  );
  expect(allowed.status).toBe(200);
});
afterAll(async () => {
  await t.close();
});

describe('quote consent', () => {
  it('keeps a standing choice per person, validated', async () => {
    expect(
      (await t.http.get('/api/me/quote-consent-settings', { token: s.cast.other.token })).body,
    ).toEqual({
      choice: 'ask',
    });
    const bad = await t.http.put(
      '/api/me/quote-consent-settings',
      { choice: 'sometimes' },
      { token: s.cast.other.token },
    );
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('choice');
    const never = await t.http.put(
      '/api/me/quote-consent-settings',
      { choice: 'never' },
      { token: s.cast.other.token },
    );
    expect(never.body).toEqual({ choice: 'never' });
  });

  it('asks the quoted authors of a public entry, or applies their standing choice', async () => {
    entry = await curate(t, s.cast.moderator, s.thread.id, {
      scope: 'public',
      messageIds: [s.messages.member, s.messages.other],
    });
    const asked = (await consents(s.cast.member)).body.filter((c) => c.entryId === entry.id);
    expect(asked).toEqual([
      expect.objectContaining({
        messageId: s.messages.member,
        state: 'pending',
        decidedAt: null,
        entryTitle: 'Keeping resident volunteers involved',
      }),
    ]);
    const refusedBySetting = (await consents(s.cast.other)).body.filter(
      (c) => c.entryId === entry.id,
    );
    expect(refusedBySetting).toEqual([
      expect.objectContaining({ state: 'refused', decidedBy: 'setting' }),
    ]);
    const notes = await t.http.get<{
      items: { kind: string; subject: { id: string }; messageId: string }[];
    }>('/api/notifications', { token: s.cast.member.token });
    expect(
      notes.body.items
        .filter((n) => n.kind === 'quote_consent_requested')
        .map((n) => [n.subject.id, n.messageId]),
    ).toEqual([[entry.id, s.messages.member]]);
    // The author who refused by standing choice is not bothered.
    const others = await t.http.get<{ items: { kind: string }[] }>('/api/notifications', {
      token: s.cast.other.token,
    });
    expect(others.body.items.filter((n) => n.kind === 'quote_consent_requested')).toEqual([]);

    const working = await t.http.get<EntryView>(`/api/entries/${entry.id}`, {
      token: s.cast.moderator.token,
    });
    expect(working.body.content.evidence.map((q) => [q.messageId, q.consent?.state])).toEqual([
      [s.messages.member, 'pending'],
      [s.messages.other, 'refused'],
    ]);
  });

  it('refuses to publish while a quote waits for its author, writing nothing', async () => {
    for (const [path, body, user] of [
      [`/api/entries/${entry.id}`, readyFields(), s.cast.moderator],
      [`/api/entries/${entry.id}/submit`, undefined, s.cast.moderator],
    ] as const) {
      const response = await (body
        ? t.http.patch(path, body, { token: user.token })
        : t.http.post(path, body, { token: user.token }));
      expect(response.status).toBe(200);
    }
    const before = await curationCounts(t);
    const refused = await publish();
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('conflict');
    expect(JSON.stringify(refused.body.details)).toContain(s.messages.member);
    expect(JSON.stringify(refused.body.details)).not.toContain(s.messages.other);
    expect(await curationCounts(t)).toEqual(before);
  });

  it('lets only the quoted author answer; anyone else is told it does not exist', async () => {
    const [request] = (await consents(s.cast.member)).body.filter((c) => c.entryId === entry.id);
    const byOther = await decide(s.cast.other, request.id, 'grant');
    const missing = await decide(s.cast.other, '00000000-0000-4000-8000-000000000000', 'grant');
    expect(byOther.status).toBe(404);
    expect(byOther.body).toEqual(missing.body);
    expect((await decide(s.cast.member, request.id, 'maybe')).status).toBe(400);
    expect((await decide(s.cast.member, request.id, { decision: 'grant' })).status).toBe(400);
    const granted = await decide(s.cast.member, request.id, 'grant');
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ state: 'granted', decidedBy: 'person' });
    expect(granted.body.decidedAt).not.toBeNull();
  });

  it('publishes with the consented quotes only; a later refusal withdraws a quote', async () => {
    const published = await publish();
    expect(published.status).toBe(200);
    const outsider = await t.http.get<EntryView>(`/api/entries/${entry.id}`, {
      token: s.cast.outsider.token,
    });
    expect(outsider.status).toBe(200);
    expect(outsider.body.content.evidence.map((q) => q.messageId)).toEqual([s.messages.member]);
    const [version] = await sql<{ content: { evidence: { messageId: string }[] } }>(
      t,
      `SELECT content FROM entry_versions WHERE entry_id = $1`,
      [entry.id],
    );
    expect(version.content.evidence.map((q) => q.messageId)).toEqual([s.messages.member]);

    // The author changes their mind: the shared version no longer shows their words.
    const [request] = (await consents(s.cast.member)).body.filter((c) => c.entryId === entry.id);
    expect((await decide(s.cast.member, request.id, 'refuse')).status).toBe(200);
    const after = await t.http.get<EntryView>(`/api/entries/${entry.id}`, {
      token: s.cast.outsider.token,
    });
    expect(after.body.content.evidence).toEqual([]);
    const md = await t.http.get(`/api/entries/${entry.id}/export?format=md`, {
      token: s.cast.outsider.token,
    });
    expect(md.status).toBe(200);
    expect(md.text).not.toContain('Neighbours cooked together');
  });

  it('withholds the quotes of a version published for the network once the entry goes public, until allowed', async () => {
    const draft = await curate(t, s.cast.moderator, s.thread.id, {
      messageIds: [s.messages.admin],
    });
    const steps: [string, 'patch' | 'post', unknown, TestUser][] = [
      [`/api/entries/${draft.id}`, 'patch', readyFields(), s.cast.moderator],
      [`/api/entries/${draft.id}/submit`, 'post', undefined, s.cast.moderator],
      [`/api/entries/${draft.id}/publish`, 'post', { note: 'v1' }, s.cast.admin],
      [`/api/entries/${draft.id}/revise`, 'post', undefined, s.cast.moderator],
      [`/api/entries/${draft.id}`, 'patch', { scope: 'public' }, s.cast.moderator],
    ];
    for (const [path, method, body, user] of steps) {
      const response = await t.http[method](path, body, { token: user.token });
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
    }
    const read = () =>
      t.http.get<EntryView>(`/api/entries/${draft.id}`, { token: s.cast.outsider.token });
    const before = await read();
    expect(before.status).toBe(200);
    expect(before.body.content.evidence).toEqual([]);
    const [request] = (await consents(s.cast.admin)).body.filter((c) => c.entryId === draft.id);
    expect(request.state).toBe('pending');
    expect((await decide(s.cast.admin, request.id, 'grant')).status).toBe(200);
    expect((await read()).body.content.evidence.map((q) => q.messageId)).toEqual([
      s.messages.admin,
    ]);
  });

  it('shows the author their consents with dates in their data download', async () => {
    const data = await t.http.get<{
      parts: { curation: { quoteConsents: Record<string, unknown>[]; quoteConsentChoice: string } };
    }>('/api/me/data', { token: s.cast.member.token });
    expect(data.status).toBe(200);
    const mine = data.body.parts.curation.quoteConsents.filter((c) => c.entryId === entry.id);
    expect(mine).toEqual([
      expect.objectContaining({
        messageId: s.messages.member,
        state: 'refused',
        decidedBy: 'person',
      }),
    ]);
    expect(typeof mine[0].decidedAt).toBe('string');
    expect(typeof mine[0].askedAt).toBe('string');
    expect(data.body.parts.curation.quoteConsentChoice).toBe('ask');
  });
});

describe('the personal-data check', () => {
  it('shows likely personal data in a quote before it is curated, and takes a confirmation', async () => {
    const message = await post(
      t.http,
      s.cast.member,
      s.thread.id,
      'The refugee Amina Yusuf can be reached at amina.yusuf@example.org or +44 20 7946 0958.',
    );
    const before = await curationCounts(t);
    const refused = await t.http.post<{
      error: string;
      details: { field: string; findings: { kind: string; text: string }[] }[];
    }>(
      `/api/threads/${s.thread.id}/curate`,
      { messageIds: [message.id] },
      { token: s.cast.moderator.token },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('bad_request');
    expect(refused.body.details).toEqual([
      {
        field: `quote:${message.id}`,
        problems: expect.any(Array),
        findings: [
          expect.objectContaining({ kind: 'name_near_role', text: 'Amina Yusuf' }),
          expect.objectContaining({ kind: 'email', text: 'amina.yusuf@example.org' }),
          expect.objectContaining({ kind: 'phone', text: '+44 20 7946 0958' }),
        ],
      },
    ]);
    expect(await curationCounts(t)).toEqual(before);
    const notBoolean = await t.http.post(
      `/api/threads/${s.thread.id}/curate`,
      { messageIds: [message.id], confirmPersonalData: 'yes' },
      { token: s.cast.moderator.token },
    );
    expect(notBoolean.status).toBe(400);
    const confirmed = await t.http.post<EntryView>(
      `/api/threads/${s.thread.id}/curate`,
      { messageIds: [message.id], confirmPersonalData: true },
      { token: s.cast.moderator.token },
    );
    expect(confirmed.status).toBe(201);
  });

  it('checks an entry’s own text before it is published', async () => {
    const draft = await curate(t, s.cast.moderator, s.thread.id, {});
    entry = draft;
    const fields = readyFields({ whatWorked: 'Call Familie Yilmaz at Hauptstraße 5 for details.' });
    expect(
      (await t.http.patch(`/api/entries/${draft.id}`, fields, { token: s.cast.moderator.token }))
        .status,
    ).toBe(200);
    expect(
      (
        await t.http.post(`/api/entries/${draft.id}/submit`, undefined, {
          token: s.cast.moderator.token,
        })
      ).status,
    ).toBe(200);
    const refused = await publish();
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.details)).toContain('whatWorked');
    expect(JSON.stringify(refused.body.details)).toContain('Hauptstraße 5');
    expect((await publish({ confirmPersonalData: true })).status).toBe(200);
  });
});
