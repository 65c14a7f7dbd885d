import { startTestApp, TestApp } from '../support/app';
import { addMember, makeNetwork, makeUser, TestUser } from '../support/factories';
import { makeCast, type Cast } from '../support/discussions';
import {
  caseStudyInput,
  createCaseStudy,
  createSummary,
  ids,
  libraryCounts,
  summaryInput,
  uniqueWord,
} from '../support/library';

/**
 * Who may create, read, edit, publish and open up library items. Both kinds follow the same
 * rules, so every test runs for research summaries and case studies alike.
 */
let t: TestApp;
let cast: Cast;
let slug: string;

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeCast(t.http);
  slug = cast.network.slug;
});
afterAll(async () => {
  await t.close();
});

interface Kind {
  name: string;
  path: string;
  input: (network: string, overrides?: Record<string, unknown>) => Record<string, unknown>;
  create: (
    user: TestUser,
    network: string,
    overrides?: Record<string, unknown>,
  ) => Promise<{ id: string; status: string; scope: string }>;
  /** A text field and a body that edits it. */
  edit: (text: string) => Record<string, unknown>;
  /** Overrides that put `word` into the item's searchable text. */
  words: (word: string) => Record<string, unknown>;
}

const KINDS: Kind[] = [
  {
    name: 'research summaries',
    path: '/api/research-summaries',
    input: summaryInput,
    create: (user, network, overrides) => createSummary(t.http, user, network, overrides),
    edit: (text) => ({ title: text }),
    words: (word) => ({ title: `Study ${word}`, summary: `A summary about ${word} practice.` }),
  },
  {
    name: 'case studies',
    path: '/api/case-studies',
    input: caseStudyInput,
    create: (user, network, overrides) => createCaseStudy(t.http, user, network, overrides),
    edit: (text) => ({ programmeName: text }),
    words: (word) => ({ programmeName: `Scheme ${word}`, summary: `A scheme about ${word}.` }),
  },
];

describe.each(KINDS)('$name', (kind) => {
  const get = (id: string, user: TestUser) =>
    t.http.get(`${kind.path}/${id}`, { token: user.token });
  const patch = (id: string, body: unknown, user: TestUser) =>
    t.http.patch(`${kind.path}/${id}`, body, { token: user.token });
  const list = async (user: TestUser, query = '') => {
    const response = await t.http.get(`${kind.path}?limit=100${query}`, { token: user.token });
    expect(response.status).toBe(200);
    return ids(response.body);
  };

  it('lets a member create a draft in their network, scoped to the network', async () => {
    const created = await t.http.post(kind.path, kind.input(slug), { token: cast.member.token });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      scope: 'network',
      networkId: cast.network.id,
      networkSlug: slug,
      canEdit: true,
      publishedAt: null,
    });
  });

  it('answers a non-member of a private network exactly as for a network that does not exist, and writes nothing', async () => {
    const before = await libraryCounts(t);
    const real = await t.http.post(kind.path, kind.input(slug), { token: cast.outsider.token });
    const missing = await t.http.post(kind.path, kind.input('never-created-network'), {
      token: cast.outsider.token,
    });
    expect(real.status).toBe(404);
    expect(real.body).toEqual(missing.body);
    expect(await libraryCounts(t)).toEqual(before);
  });

  it('does not let a non-member add to an open network either', async () => {
    const admin = await makeUser(t.http);
    const open = await makeNetwork(t.http, admin, { visibility: 'open' });
    const before = await libraryCounts(t);
    const response = await t.http.post(kind.path, kind.input(open.slug), {
      token: cast.outsider.token,
    });
    expect(response.status).toBe(404);
    expect(await libraryCounts(t)).toEqual(before);
  });

  it('requires a token to read', async () => {
    const item = await kind.create(cast.admin, slug, { status: 'published', scope: 'public' });
    expect((await t.http.get(`${kind.path}/${item.id}`)).status).toBe(401);
    expect((await t.http.get(kind.path)).status).toBe(401);
  });

  it('lets the author publish their draft, which sets publishedAt', async () => {
    const draft = await kind.create(cast.member, slug);
    const published = await patch(draft.id, { status: 'published' }, cast.member);
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect(Date.parse(published.body.publishedAt)).not.toBeNaN();
    // Back to draft clears it.
    const unpublished = await patch(draft.id, { status: 'draft' }, cast.member);
    expect(unpublished.body).toMatchObject({ status: 'draft', publishedAt: null });
  });

  it('lets only the author, moderators and admins edit: another member gets 403, an outsider 404', async () => {
    const item = await kind.create(cast.member, slug, { status: 'published' });
    const byOther = await patch(item.id, kind.edit('Changed by other'), cast.other);
    expect(byOther.status).toBe(403);
    expect(byOther.body.error).toBe('forbidden');
    expect((await get(item.id, cast.other)).body.canEdit).toBe(false);
    const byOutsider = await patch(item.id, kind.edit('Changed by outsider'), cast.outsider);
    expect(byOutsider.status).toBe(404);
    expect((await patch(item.id, kind.edit('By the author'), cast.member)).status).toBe(200);
    const byModerator = await patch(item.id, kind.edit('By a moderator'), cast.moderator);
    expect(byModerator.status).toBe(200);
    expect(byModerator.body.canEdit).toBe(true);
    expect((await patch(item.id, kind.edit('By the admin'), cast.admin)).status).toBe(200);
    const now = await get(item.id, cast.member);
    expect(JSON.stringify(now.body)).toContain('By the admin');
  });

  it('refuses an edit of a public item by a signed-in user from elsewhere with 403', async () => {
    const item = await kind.create(cast.moderator, slug, { status: 'published', scope: 'public' });
    expect((await get(item.id, cast.outsider)).status).toBe(200);
    const response = await patch(item.id, kind.edit('Hijacked'), cast.outsider);
    expect(response.status).toBe(403);
    expect(JSON.stringify((await get(item.id, cast.admin)).body)).not.toContain('Hijacked');
  });

  it('lets only moderators and admins make an item public (403 for members, nothing written)', async () => {
    const before = await libraryCounts(t);
    const refused = await t.http.post(kind.path, kind.input(slug, { scope: 'public' }), {
      token: cast.member.token,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('forbidden');
    expect(await libraryCounts(t)).toEqual(before);

    const mine = await kind.create(cast.member, slug, { status: 'published' });
    const widened = await patch(mine.id, { scope: 'public' }, cast.member);
    expect(widened.status).toBe(403);
    // The whole edit is refused, not just the scope.
    const mixed = await patch(
      mine.id,
      { ...kind.edit('Also changed'), scope: 'public' },
      cast.member,
    );
    expect(mixed.status).toBe(403);
    const unchanged = await get(mine.id, cast.member);
    expect(unchanged.body.scope).toBe('network');
    expect(JSON.stringify(unchanged.body)).not.toContain('Also changed');

    const byModerator = await patch(mine.id, { scope: 'public' }, cast.moderator);
    expect(byModerator.status).toBe(200);
    expect(byModerator.body.scope).toBe('public');
    const byAdmin = await t.http.post(kind.path, kind.input(slug, { scope: 'public' }), {
      token: cast.admin.token,
    });
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body.scope).toBe('public');
  });

  it('hides a draft from other members (404, absent from lists and search) but shows it to moderators and admins', async () => {
    const word = uniqueWord();
    const draft = await kind.create(cast.member, slug, kind.words(word));
    for (const user of [cast.other, cast.outsider]) {
      const response = await get(draft.id, user);
      expect(response.status).toBe(404);
      expect(response.text).not.toContain(word);
      expect(await list(user)).not.toContain(draft.id);
      expect(await list(user, '&status=draft')).not.toContain(draft.id);
      expect(await list(user, `&q=${word}`)).toEqual([]);
      const search = await t.http.get(`/api/search?q=${word}`, { token: user.token });
      expect(search.body.hits).toEqual([]);
      const discussions = await t.http.get(`${kind.path}/${draft.id}/discussions`, {
        token: user.token,
      });
      expect(discussions.status).toBe(404);
    }
    for (const user of [cast.member, cast.moderator, cast.admin]) {
      const response = await get(draft.id, user);
      expect(response.status).toBe(200);
      expect(response.body.canEdit).toBe(true);
      expect(await list(user, '&status=draft')).toContain(draft.id);
      expect(await list(user, `&q=${word}`)).toEqual([draft.id]);
    }
    // Another member cannot publish it either: it does not exist for them.
    expect((await patch(draft.id, { status: 'published' }, cast.other)).status).toBe(404);
    expect((await patch(draft.id, { status: 'published' }, cast.moderator)).status).toBe(200);
    expect((await get(draft.id, cast.other)).status).toBe(200);
  });

  it('hides a published network item from outsiders (404 like a missing id, absent from lists and search by its exact words)', async () => {
    const word = uniqueWord();
    const item = await kind.create(cast.member, slug, { ...kind.words(word), status: 'published' });
    const response = await get(item.id, cast.outsider);
    const missing = await get('00000000-0000-4000-8000-000000000000', cast.outsider);
    expect(response.status).toBe(404);
    expect(response.body).toEqual(missing.body);
    expect(await list(cast.outsider)).not.toContain(item.id);
    expect(await list(cast.outsider, `&q=${word}`)).toEqual([]);
    expect(await list(cast.outsider, `&network=${slug}`)).not.toContain(item.id);
    const search = await t.http.get(`/api/search?q=${word}`, { token: cast.outsider.token });
    expect(search.status).toBe(200);
    expect(search.body.hits).toEqual([]);
    expect(search.text).not.toContain(item.id);
    // Members of the network see it everywhere.
    expect((await get(item.id, cast.other)).status).toBe(200);
    expect(await list(cast.other, `&q=${word}`)).toEqual([item.id]);
    const found = await t.http.get(`/api/search?q=${word}`, { token: cast.other.token });
    expect(found.body.hits.map((h: any) => h.id)).toEqual([item.id]);
  });

  it('shows a published public item to any signed-in user, read-only', async () => {
    const word = uniqueWord();
    const item = await kind.create(cast.admin, slug, {
      ...kind.words(word),
      status: 'published',
      scope: 'public',
    });
    const stranger = await makeUser(t.http);
    const response = await get(item.id, stranger);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ scope: 'public', status: 'published', canEdit: false });
    expect(await list(stranger, `&q=${word}`)).toEqual([item.id]);
    const search = await t.http.get(`/api/search?q=${word}`, { token: stranger.token });
    expect(search.body.hits.map((h: any) => h.id)).toEqual([item.id]);
  });

  it('hides a public item again once it goes back to draft', async () => {
    const item = await kind.create(cast.admin, slug, { status: 'published', scope: 'public' });
    expect((await get(item.id, cast.outsider)).status).toBe(200);
    expect((await patch(item.id, { status: 'draft' }, cast.admin)).status).toBe(200);
    expect((await get(item.id, cast.outsider)).status).toBe(404);
    expect((await get(item.id, cast.other)).status).toBe(404);
    expect((await get(item.id, cast.moderator)).status).toBe(200);
  });

  it('takes away edit rights from an author who leaves the network', async () => {
    const leaver = await makeUser(t.http);
    await addMember(t.http, cast.admin, slug, leaver);
    const item = await kind.create(leaver, slug, { status: 'published' });
    const left = await t.http.post(`/api/networks/${slug}/leave`, undefined, {
      token: leaver.token,
    });
    expect(left.status).toBeLessThan(300);
    expect((await get(item.id, leaver)).status).toBe(404);
    expect((await patch(item.id, kind.edit('After leaving'), leaver)).status).toBe(404);
    expect((await get(item.id, cast.admin)).status).toBe(200);
  });
});

it('shows an outsider filtering by a private network only its public items', async () => {
  const hidden = await createSummary(t.http, cast.admin, slug, { status: 'published' });
  const open = await createSummary(t.http, cast.admin, slug, {
    status: 'published',
    scope: 'public',
  });
  const filtered = await t.http.get(`/api/research-summaries?limit=100&network=${slug}`, {
    token: cast.outsider.token,
  });
  expect(filtered.status).toBe(200);
  expect(ids(filtered.body)).toContain(open.id);
  expect(filtered.text).not.toContain(hidden.id);
  expect(filtered.body.items.every((item: any) => item.scope === 'public')).toBe(true);
});
