import { Client } from 'pg';
import { startTestApp, TestApp } from './support/app';
import { makeOrganisation, makeUser, TestUser } from './support/factories';

let t: TestApp;
let user: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  user = await makeUser(t.http);
});
afterAll(async () => {
  await t.close();
});

async function countOrganisations(): Promise<number> {
  const client = new Client({ connectionString: t.db.url });
  await client.connect();
  const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM organisations');
  await client.end();
  return Number(rows[0].n);
}

describe('POST /api/organisations', () => {
  it('creates an organisation with its attribution label', async () => {
    const response = await t.http.post(
      '/api/organisations',
      {
        name: '  Ghent Integration Office ',
        sector: 'government',
        level: 'local',
        country: 'be',
        city: 'Ghent',
      },
      { token: user.token },
    );
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      name: 'Ghent Integration Office',
      sector: 'government',
      level: 'local',
      country: 'BE',
      city: 'Ghent',
      label: 'Local government',
    });
  });

  it('needs a signed-in caller', async () => {
    const response = await t.http.post('/api/organisations', {
      name: 'X Org',
      sector: 'ngo',
      level: 'local',
      country: 'IT',
    });
    expect(response.status).toBe(401);
  });

  it.each([
    ['an unknown country code', { country: 'XX' }, 'country'],
    ['a three-letter country code', { country: 'ITA' }, 'country'],
    ['an unknown sector', { sector: 'church' }, 'sector'],
    ['an unknown level', { level: 'global' }, 'level'],
    ['a name that is too long', { name: 'n'.repeat(161) }, 'name'],
    ['a name that is a number', { name: 42 }, 'name'],
    ['a missing name', { name: undefined }, 'name'],
    ['an unknown field', { verified: true }, 'verified'],
  ])('refuses %s with 400 naming the field, writing nothing', async (_case, patch, field) => {
    const before = await countOrganisations();
    const body = { name: 'Valid Name', sector: 'ngo', level: 'local', country: 'IT', ...patch };
    const response = await t.http.post('/api/organisations', body, { token: user.token });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field })]),
    );
    expect(await countOrganisations()).toBe(before);
  });

  it('refuses the same name in the same country (any case) with 409 and points at the existing one', async () => {
    const existing = await makeOrganisation(t.http, user, {
      name: 'Refugee Council Demo',
      country: 'DK',
    });
    const duplicate = await t.http.post(
      '/api/organisations',
      { name: 'refugee council demo', sector: 'ngo', level: 'national', country: 'DK' },
      { token: user.token },
    );
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.details).toEqual({ organisationId: existing.id });
    const elsewhere = await t.http.post(
      '/api/organisations',
      { name: 'Refugee Council Demo', sector: 'ngo', level: 'national', country: 'NO' },
      { token: user.token },
    );
    expect(elsewhere.status).toBe(201);
  });
});

describe('GET /api/organisations', () => {
  it('searches by name or city and pages with a cursor', async () => {
    const tag = `Pagetest${Date.now()}`;
    for (const n of [1, 2, 3]) await makeOrganisation(t.http, user, { name: `${tag} ${n}` });
    const first = await t.http.get(`/api/organisations?q=${tag}&limit=2`, { token: user.token });
    expect(first.status).toBe(200);
    expect(first.body.items.map((o: { name: string }) => o.name)).toEqual([`${tag} 1`, `${tag} 2`]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.http.get(
      `/api/organisations?q=${tag}&limit=2&cursor=${first.body.nextCursor}`,
      { token: user.token },
    );
    expect(second.body.items.map((o: { name: string }) => o.name)).toEqual([`${tag} 3`]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('treats % and _ in the search as plain characters', async () => {
    await makeOrganisation(t.http, user, { name: 'Percent Literal Org' });
    const response = await t.http.get('/api/organisations?q=%25', { token: user.token });
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([]);
  });

  it('answers an empty page when nothing matches', async () => {
    const response = await t.http.get('/api/organisations?q=nothing-matches-this', {
      token: user.token,
    });
    expect(response.body).toEqual({ items: [], nextCursor: null });
  });

  it.each([
    ['a forged cursor', 'cursor=not-a-cursor'],
    ['a limit of 0', 'limit=0'],
    ['a limit over 100', 'limit=101'],
    ['an unknown parameter', 'sort=name'],
  ])('refuses %s with 400', async (_case, query) => {
    const response = await t.http.get(`/api/organisations?${query}`, { token: user.token });
    expect(response.status).toBe(400);
  });
});

describe('PUT /api/me/organisation', () => {
  it('sets the caller organisation, shown on /api/me with its label', async () => {
    const member = await makeUser(t.http);
    const organisation = await makeOrganisation(t.http, member, {
      sector: 'migrant_led',
      level: 'regional',
    });
    const response = await t.http.put(
      '/api/me/organisation',
      { organisationId: organisation.id },
      { token: member.token },
    );
    expect(response.status).toBe(200);
    expect(response.body.organisation).toMatchObject({
      id: organisation.id,
      label: 'Regional migrant-led organisation',
    });
    const me = await t.http.get('/api/me', { token: member.token });
    expect(me.body.organisation.id).toBe(organisation.id);
  });

  it('answers 404 for an organisation that does not exist and 400 for a malformed id', async () => {
    const missing = await t.http.put(
      '/api/me/organisation',
      { organisationId: '00000000-0000-4000-8000-000000000000' },
      { token: user.token },
    );
    expect(missing.status).toBe(404);
    const malformed = await t.http.put(
      '/api/me/organisation',
      { organisationId: 'abc' },
      { token: user.token },
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toContain('organisationId');
  });
});
