import { startTestApp, TestApp } from '../support/app';
import { addMember, makeOrganisation, makeUser } from '../support/factories';
import {
  act,
  activePairing,
  makeMentoringCast,
  MentoringCast,
  propose,
  saveProfile,
} from './fixtures';

/** The coordinators' overview as CSV: one row per pairing, escaped for spreadsheets. */
let t: TestApp;
let cast: MentoringCast;

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeMentoringCast(t.http);
});
afterAll(async () => {
  await t.close();
});

/** A small RFC 4180 reader, enough to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

it('exports one row per pairing with counts and feedback, escaped', async () => {
  const slug = cast.network.slug;
  const pairing = await activePairing(t.http, cast);
  await t.http.post(
    `/api/pairings/${pairing.id}/sessions`,
    { startsAt: '2026-01-10T09:00:00Z', durationMinutes: 90, format: 'call' },
    { token: cast.mentor.token },
  );
  await t.http.patch(
    `/api/pairings/${pairing.id}/goals/${pairing.goals[0].id}`,
    { status: 'achieved' },
    { token: cast.mentee.token },
  );
  await act(t.http, cast.mentor, pairing.id, 'complete');
  await t.http.post(
    `/api/pairings/${pairing.id}/feedback`,
    { usefulness: 4, programmeChanges: 'x', wouldRecommend: true },
    { token: cast.mentee.token },
  );

  // A name and an organisation that would break naive CSV, or run as a formula.
  const tricky = await makeUser(t.http, { displayName: '=HYPERLINK("http://x","click")' });
  await addMember(t.http, cast.admin, slug, tricky);
  const org = await makeOrganisation(t.http, tricky, {
    name: 'Comune di Roma, "Ufficio" Stranieri',
    country: 'IT',
  });
  await t.http.put('/api/me/organisation', { organisationId: org.id }, { token: tricky.token });
  await saveProfile(t.http, tricky, slug, { mode: 'seeking', languages: ['en'] });
  const second = await propose(t.http, tricky, slug, {
    mentorId: cast.mentor.user.id,
    menteeId: tricky.user.id,
  });

  const response = await t.http.get(`/api/networks/${slug}/mentoring/overview.csv`, {
    token: cast.moderator.token,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
  expect(response.headers.get('content-disposition')).toBe(
    `attachment; filename="tandem-mentoring-${slug}.csv"`,
  );
  // A UTF-8 byte-order mark first (fetch's text() strips it, so read the bytes).
  const raw = await fetch(`${t.baseUrl}/api/networks/${slug}/mentoring/overview.csv`, {
    headers: { authorization: `Bearer ${cast.moderator.token}` },
  });
  expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(response.text);
  const [header, ...data] = rows;
  expect(header.slice(0, 3)).toEqual(['pairing_id', 'state', 'mentor']);
  expect(data).toHaveLength(2);
  const row = (id: string) =>
    Object.fromEntries(header.map((h, i) => [h, data.find((d) => d[0] === id)![i]]));
  expect(row(pairing.id)).toMatchObject({
    state: 'completed',
    mentor: 'Mentor Ghent',
    mentee: 'Mentee Turin',
    mentor_country: 'BE',
    mentee_country: 'IT',
    topics: 'housing',
    goals_total: '2',
    goals_achieved: '1',
    sessions_held: '1',
    hours_held: '1.5',
    mentee_usefulness: '4',
    mentor_usefulness: '',
    mentee_would_recommend: 'true',
  });
  expect(row(second.id)).toMatchObject({
    state: 'proposed',
    mentee: `'=HYPERLINK("http://x","click")`,
    mentee_organisation: 'Comune di Roma, "Ufficio" Stranieri',
    sessions_held: '0',
  });
  // The raw text quotes and doubles as RFC 4180 says.
  expect(response.text).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
  expect(response.text).toContain(`"Comune di Roma, ""Ufficio"" Stranieri"`);
});

it('is for coordinators: members 403, outsiders 404', async () => {
  const slug = cast.network.slug;
  for (const path of [
    `/api/networks/${slug}/mentoring/overview.csv`,
    `/api/networks/${slug}/mentoring/overview`,
  ]) {
    expect((await t.http.get(path, { token: cast.member.token })).status).toBe(403);
    expect((await t.http.get(path, { token: cast.mentor.token })).status).toBe(403);
    expect((await t.http.get(path, { token: cast.outsider.token })).status).toBe(404);
    expect((await t.http.get(path, { token: cast.admin.token })).status).toBe(200);
  }
});
