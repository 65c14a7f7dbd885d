import { Client } from 'pg';
import { startTestApp, TestApp } from './support/app';
import { addMember, makeNetwork, makeOrganisation, makeUser, TestUser } from './support/factories';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function sql<T = any>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: t.db.url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('creating networks', () => {
  it('makes the creator its admin', async () => {
    const admin = await makeUser(t.http);
    const response = await t.http.post(
      '/api/networks',
      {
        slug: 'city-exchange',
        name: 'City Exchange',
        description: 'Peer mentoring',
        visibility: 'invite',
      },
      { token: admin.token },
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      slug: 'city-exchange',
      visibility: 'invite',
      memberCount: 1,
      myRole: 'admin',
    });
  });

  it('refuses a taken slug with 409', async () => {
    const admin = await makeUser(t.http);
    const network = await makeNetwork(t.http, admin);
    const response = await t.http.post(
      '/api/networks',
      { slug: network.slug, name: 'Other', visibility: 'open' },
      { token: admin.token },
    );
    expect(response.status).toBe(409);
  });

  it.each([
    ['a slug with spaces', { slug: 'bad slug' }, 'slug'],
    ['a slug starting with a hyphen', { slug: '-abc' }, 'slug'],
    ['a slug that is too short', { slug: 'ab' }, 'slug'],
    ['an unknown visibility', { visibility: 'secret' }, 'visibility'],
    ['a description that is too long', { description: 'd'.repeat(2001) }, 'description'],
    ['a name given as an array', { name: ['x'] }, 'name'],
  ])('refuses %s with 400, writing nothing', async (_case, patch, field) => {
    const admin = await makeUser(t.http);
    const before = await sql('SELECT count(*)::int AS n FROM networks');
    const response = await t.http.post(
      '/api/networks',
      { slug: 'valid-slug-x', name: 'Valid', visibility: 'open', ...patch },
      { token: admin.token },
    );
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field })]),
    );
    expect(await sql('SELECT count(*)::int AS n FROM networks')).toEqual(before);
  });
});

describe('listing and reading networks', () => {
  it('lists my networks and open or invite-only ones, never a private network I am not in', async () => {
    const owner = await makeUser(t.http);
    const viewer = await makeUser(t.http);
    const tag = `list${Date.now()}`;
    const open = await makeNetwork(t.http, owner, { name: `${tag} open`, visibility: 'open' });
    const invite = await makeNetwork(t.http, owner, {
      name: `${tag} invite`,
      visibility: 'invite',
    });
    await makeNetwork(t.http, owner, { name: `${tag} private`, visibility: 'private' });
    const mine = await makeNetwork(t.http, viewer, {
      name: `${tag} mine private`,
      visibility: 'private',
    });

    const response = await t.http.get(`/api/networks?q=${tag}`, { token: viewer.token });
    expect(response.status).toBe(200);
    const bySlug = Object.fromEntries(response.body.items.map((n: any) => [n.slug, n]));
    expect(Object.keys(bySlug).sort()).toEqual([open.slug, invite.slug, mine.slug].sort());
    expect(bySlug[open.slug]).toMatchObject({ myRole: null, memberCount: 1 });
    expect(bySlug[mine.slug]).toMatchObject({ myRole: 'admin' });
  });

  it('pages through networks with a cursor', async () => {
    const owner = await makeUser(t.http);
    const tag = `paged${Date.now()}`;
    for (const n of [1, 2, 3]) await makeNetwork(t.http, owner, { name: `${tag} ${n}` });
    const first = await t.http.get(`/api/networks?q=${tag}&limit=2`, { token: owner.token });
    const second = await t.http.get(
      `/api/networks?q=${tag}&limit=2&cursor=${first.body.nextCursor}`,
      { token: owner.token },
    );
    expect([...first.body.items, ...second.body.items].map((n: any) => n.name)).toEqual([
      `${tag} 1`,
      `${tag} 2`,
      `${tag} 3`,
    ]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('shows an open network to a non-member with no role', async () => {
    const owner = await makeUser(t.http);
    const visitor = await makeUser(t.http);
    const network = await makeNetwork(t.http, owner, { visibility: 'open' });
    const response = await t.http.get(`/api/networks/${network.slug}`, { token: visitor.token });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ slug: network.slug, myRole: null });
  });
});

describe('joining and leaving', () => {
  it('lets anyone join an open network, once', async () => {
    const owner = await makeUser(t.http);
    const joiner = await makeUser(t.http);
    const network = await makeNetwork(t.http, owner, { visibility: 'open' });
    const joined = await t.http.post(`/api/networks/${network.slug}/join`, undefined, {
      token: joiner.token,
    });
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ myRole: 'member', memberCount: 2 });
    const again = await t.http.post(`/api/networks/${network.slug}/join`, undefined, {
      token: joiner.token,
    });
    expect(again.status).toBe(409);
  });

  it('refuses to let anyone join an invite-only network without an invitation (403)', async () => {
    const owner = await makeUser(t.http);
    const joiner = await makeUser(t.http);
    const network = await makeNetwork(t.http, owner, { visibility: 'invite' });
    const response = await t.http.post(`/api/networks/${network.slug}/join`, undefined, {
      token: joiner.token,
    });
    expect(response.status).toBe(403);
    expect(response.body.message).toMatch(/invitation/);
  });

  it('lets a member leave, after which a private network is hidden from them', async () => {
    const owner = await makeUser(t.http);
    const member = await makeUser(t.http);
    const network = await makeNetwork(t.http, owner, { visibility: 'private' });
    await addMember(t.http, owner, network.slug, member);
    expect(
      (await t.http.get(`/api/networks/${network.slug}`, { token: member.token })).status,
    ).toBe(200);
    expect(
      (await t.http.post(`/api/networks/${network.slug}/leave`, undefined, { token: member.token }))
        .status,
    ).toBe(204);
    expect(
      (await t.http.get(`/api/networks/${network.slug}`, { token: member.token })).status,
    ).toBe(404);
  });

  it('does not let the last admin leave', async () => {
    const owner = await makeUser(t.http);
    const network = await makeNetwork(t.http, owner);
    const response = await t.http.post(`/api/networks/${network.slug}/leave`, undefined, {
      token: owner.token,
    });
    expect(response.status).toBe(409);
    expect(response.body.message).toMatch(/last admin/);
  });
});

describe('members and roles', () => {
  let admin: TestUser;
  let member: TestUser;
  let slug: string;

  beforeAll(async () => {
    admin = await makeUser(t.http);
    member = await makeUser(t.http);
    const organisation = await makeOrganisation(t.http, member, {
      sector: 'government',
      level: 'local',
    });
    await t.http.put(
      '/api/me/organisation',
      { organisationId: organisation.id },
      { token: member.token },
    );
    slug = (await makeNetwork(t.http, admin, { visibility: 'invite' })).slug;
    await addMember(t.http, admin, slug, member);
  });

  it('lists members with names and organisations but no email addresses', async () => {
    const response = await t.http.get(`/api/networks/${slug}/members`, { token: member.token });
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(2);
    expect(response.body.items[1]).toMatchObject({
      userId: member.user.id,
      role: 'member',
      organisation: { label: 'Local government' },
    });
    expect(response.text).not.toContain(member.email);
    expect(response.text).not.toContain(admin.email);
  });

  it('pages through members and invitations one at a time without repeating or skipping anyone', async () => {
    const owner = await makeUser(t.http);
    const network = await makeNetwork(t.http, owner);
    const others = [await makeUser(t.http), await makeUser(t.http), await makeUser(t.http)];
    for (const other of others) await addMember(t.http, owner, network.slug, other);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=1&cursor=${cursor}` : '?limit=1';
      const page = await t.http.get(`/api/networks/${network.slug}/members${query}`, {
        token: owner.token,
      });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((m: any) => m.userId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([owner.user.id, ...others.map((o) => o.user.id)]);

    for (const n of [1, 2, 3]) {
      await t.http.post(
        `/api/networks/${network.slug}/invitations`,
        { email: `paged-${n}@example.org`, role: 'member' },
        { token: owner.token },
      );
    }
    const emails: string[] = [];
    cursor = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await t.http.get(`/api/networks/${network.slug}/invitations${query}`, {
        token: owner.token,
      });
      emails.push(...page.body.items.map((i: any) => i.email));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(emails).toEqual(['paged-3@example.org', 'paged-2@example.org', 'paged-1@example.org']);
  });

  it('tells a visitor of a visible network to join before seeing members (403)', async () => {
    const visitor = await makeUser(t.http);
    const response = await t.http.get(`/api/networks/${slug}/members`, { token: visitor.token });
    expect(response.status).toBe(403);
  });

  it('lets only admins change roles', async () => {
    const denied = await t.http.patch(
      `/api/networks/${slug}/members/${admin.user.id}`,
      { role: 'member' },
      { token: member.token },
    );
    expect(denied.status).toBe(403);
    const promoted = await t.http.patch(
      `/api/networks/${slug}/members/${member.user.id}`,
      { role: 'moderator' },
      { token: admin.token },
    );
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ userId: member.user.id, role: 'moderator' });
  });

  it('refuses an unknown role with 400 and a non-member target with 404', async () => {
    const badRole = await t.http.patch(
      `/api/networks/${slug}/members/${member.user.id}`,
      { role: 'owner' },
      { token: admin.token },
    );
    expect(badRole.status).toBe(400);
    const stranger = await makeUser(t.http);
    const notMember = await t.http.patch(
      `/api/networks/${slug}/members/${stranger.user.id}`,
      { role: 'member' },
      { token: admin.token },
    );
    expect(notMember.status).toBe(404);
  });

  it('never lets the last admin be demoted, but allows it once there is another', async () => {
    const owner = await makeUser(t.http);
    const second = await makeUser(t.http);
    const network = await makeNetwork(t.http, owner);
    await addMember(t.http, owner, network.slug, second);
    const lastAdmin = await t.http.patch(
      `/api/networks/${network.slug}/members/${owner.user.id}`,
      { role: 'member' },
      { token: owner.token },
    );
    expect(lastAdmin.status).toBe(409);
    await t.http.patch(
      `/api/networks/${network.slug}/members/${second.user.id}`,
      { role: 'admin' },
      { token: owner.token },
    );
    const now = await t.http.patch(
      `/api/networks/${network.slug}/members/${owner.user.id}`,
      { role: 'member' },
      { token: owner.token },
    );
    expect(now.status).toBe(200);
    const roles = await sql(
      `SELECT role FROM network_memberships m JOIN networks n ON n.id = m.network_id WHERE n.slug = $1 ORDER BY role`,
      [network.slug],
    );
    expect(roles.map((r) => r.role)).toEqual(['admin', 'member']);
  });

  it('keeps one admin when two admins demote each other at the same time', async () => {
    const a = await makeUser(t.http);
    const b = await makeUser(t.http);
    const network = await makeNetwork(t.http, a);
    await addMember(t.http, a, network.slug, b, 'admin');
    const results = await Promise.all([
      t.http.patch(
        `/api/networks/${network.slug}/members/${b.user.id}`,
        { role: 'member' },
        { token: a.token },
      ),
      t.http.patch(
        `/api/networks/${network.slug}/members/${a.user.id}`,
        { role: 'member' },
        { token: b.token },
      ),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 403]);
    const admins = await sql(
      `SELECT count(*)::int AS n FROM network_memberships m JOIN networks n ON n.id = m.network_id WHERE n.slug = $1 AND role = 'admin'`,
      [network.slug],
    );
    expect(admins[0].n).toBe(1);
  });

  it('lets admins remove members and refuses members removing others', async () => {
    const owner = await makeUser(t.http);
    const x = await makeUser(t.http);
    const y = await makeUser(t.http);
    const network = await makeNetwork(t.http, owner);
    await addMember(t.http, owner, network.slug, x);
    await addMember(t.http, owner, network.slug, y);
    expect(
      (
        await t.http.delete(`/api/networks/${network.slug}/members/${y.user.id}`, {
          token: x.token,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.http.delete(`/api/networks/${network.slug}/members/${y.user.id}`, {
          token: owner.token,
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await t.http.delete(`/api/networks/${network.slug}/members/${owner.user.id}`, {
          token: owner.token,
        })
      ).status,
    ).toBe(409);
    const members = await t.http.get(`/api/networks/${network.slug}/members`, {
      token: owner.token,
    });
    expect(members.body.items.map((m: any) => m.userId).sort()).toEqual(
      [owner.user.id, x.user.id].sort(),
    );
  });
});

describe('invitations', () => {
  let admin: TestUser;
  let slug: string;

  beforeAll(async () => {
    admin = await makeUser(t.http);
    slug = (await makeNetwork(t.http, admin, { visibility: 'private', name: 'Directors Circle' }))
      .slug;
  });

  it('invites by email; the invitee previews and accepts once, with the invited role', async () => {
    const invitee = await makeUser(t.http);
    const created = await t.http.post(
      `/api/networks/${slug}/invitations`,
      { email: invitee.email.toUpperCase(), role: 'moderator' },
      { token: admin.token },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      token: expect.any(String),
      acceptPath: `/invitations/${created.body.token}`,
    });
    expect(created.body.invitation).toMatchObject({
      email: invitee.email,
      role: 'moderator',
      acceptedAt: null,
    });

    const preview = await t.http.get(`/api/invitations/${created.body.token}`, {
      token: invitee.token,
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      network: { slug, name: 'Directors Circle' },
      role: 'moderator',
      invitedBy: admin.user.displayName,
    });

    const accepted = await t.http.post(`/api/invitations/${created.body.token}/accept`, undefined, {
      token: invitee.token,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ slug, myRole: 'moderator', memberCount: 2 });

    const again = await t.http.post(`/api/invitations/${created.body.token}/accept`, undefined, {
      token: invitee.token,
    });
    expect(again.status).toBe(409);
  });

  it('stores only a hash of the token', async () => {
    const created = await t.http.post(
      `/api/networks/${slug}/invitations`,
      { email: 'hash-check@example.org', role: 'member' },
      { token: admin.token },
    );
    const rows = await sql('SELECT token_hash FROM invitations WHERE id = $1', [
      created.body.invitation.id,
    ]);
    expect(rows[0].token_hash).not.toContain(created.body.token);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses an invitation accepted by someone with another email (403), and leaves it usable', async () => {
    const intended = await makeUser(t.http);
    const other = await makeUser(t.http);
    const created = await t.http.post(
      `/api/networks/${slug}/invitations`,
      { email: intended.email, role: 'member' },
      { token: admin.token },
    );
    const wrong = await t.http.post(`/api/invitations/${created.body.token}/accept`, undefined, {
      token: other.token,
    });
    expect(wrong.status).toBe(403);
    expect(wrong.text).not.toContain('Directors Circle');
    const right = await t.http.post(`/api/invitations/${created.body.token}/accept`, undefined, {
      token: intended.token,
    });
    expect(right.status).toBe(200);
  });

  it('refuses an expired invitation with 409', async () => {
    const invitee = await makeUser(t.http);
    const created = await t.http.post(
      `/api/networks/${slug}/invitations`,
      { email: invitee.email, role: 'member' },
      { token: admin.token },
    );
    await sql(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      created.body.invitation.id,
    ]);
    const response = await t.http.post(`/api/invitations/${created.body.token}/accept`, undefined, {
      token: invitee.token,
    });
    expect(response.status).toBe(409);
    expect(response.body.message).toMatch(/expired/);
  });

  it('lists pending invitations and revokes one, after which its token is unknown', async () => {
    const invitee = await makeUser(t.http);
    const created = await t.http.post(
      `/api/networks/${slug}/invitations`,
      { email: invitee.email, role: 'member' },
      { token: admin.token },
    );
    const pending = await t.http.get(`/api/networks/${slug}/invitations`, { token: admin.token });
    expect(pending.body.items.map((i: any) => i.id)).toContain(created.body.invitation.id);
    const revoked = await t.http.delete(
      `/api/networks/${slug}/invitations/${created.body.invitation.id}`,
      { token: admin.token },
    );
    expect(revoked.status).toBe(204);
    const accept = await t.http.post(`/api/invitations/${created.body.token}/accept`, undefined, {
      token: invitee.token,
    });
    expect(accept.status).toBe(404);
  });

  it('replaces a pending invitation when the same address is invited again', async () => {
    const invitee = await makeUser(t.http);
    const first = await t.http.post(
      `/api/networks/${slug}/invitations`,
      { email: invitee.email, role: 'member' },
      { token: admin.token },
    );
    const second = await t.http.post(
      `/api/networks/${slug}/invitations`,
      { email: invitee.email, role: 'member' },
      { token: admin.token },
    );
    expect(
      (
        await t.http.post(`/api/invitations/${first.body.token}/accept`, undefined, {
          token: invitee.token,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.http.post(`/api/invitations/${second.body.token}/accept`, undefined, {
          token: invitee.token,
        })
      ).status,
    ).toBe(200);
  });

  it('refuses to invite someone who is already a member (409)', async () => {
    const response = await t.http.post(
      `/api/networks/${slug}/invitations`,
      { email: admin.email, role: 'member' },
      { token: admin.token },
    );
    expect(response.status).toBe(409);
  });

  it('lets moderators invite members but not admins; members cannot invite', async () => {
    const moderator = await makeUser(t.http);
    const member = await makeUser(t.http);
    await addMember(t.http, admin, slug, moderator, 'moderator');
    await addMember(t.http, admin, slug, member);
    const asModerator = await t.http.post(
      `/api/networks/${slug}/invitations`,
      { email: 'new@example.org', role: 'member' },
      { token: moderator.token },
    );
    expect(asModerator.status).toBe(201);
    const promote = await t.http.post(
      `/api/networks/${slug}/invitations`,
      { email: 'boss@example.org', role: 'admin' },
      { token: moderator.token },
    );
    expect(promote.status).toBe(403);
    const asMember = await t.http.post(
      `/api/networks/${slug}/invitations`,
      { email: 'other@example.org', role: 'member' },
      { token: member.token },
    );
    expect(asMember.status).toBe(403);
    expect(
      (await t.http.get(`/api/networks/${slug}/invitations`, { token: member.token })).status,
    ).toBe(403);
  });

  it('refuses a malformed invitation with 400 naming the fields', async () => {
    const response = await t.http.post(
      `/api/networks/${slug}/invitations`,
      { email: 'nope', role: 'owner' },
      { token: admin.token },
    );
    expect(response.status).toBe(400);
    expect(response.body.details.map((d: any) => d.field).sort()).toEqual(['email', 'role']);
  });
});
