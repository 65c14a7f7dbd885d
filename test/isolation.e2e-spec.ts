import { startTestApp, TestApp } from './support/app';
import { addMember, makeNetwork, makeUser, TestUser } from './support/factories';

/**
 * An outsider must not be able to learn that a private network exists: every route answers
 * exactly as it does for a slug that was never created.
 */
let t: TestApp;
let admin: TestUser;
let member: TestUser;
let outsider: TestUser;
let slug: string;
let invitationId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await makeUser(t.http);
  member = await makeUser(t.http);
  outsider = await makeUser(t.http);
  slug = (await makeNetwork(t.http, admin, { visibility: 'private', name: 'Hidden Circle Zebra' }))
    .slug;
  await addMember(t.http, admin, slug, member);
  const invitation = await t.http.post(
    `/api/networks/${slug}/invitations`,
    { email: 'later@example.org', role: 'member' },
    { token: admin.token },
  );
  invitationId = invitation.body.invitation.id;
});
afterAll(async () => {
  await t.close();
});

const routes = (s: string): [string, string, unknown?][] => [
  ['GET', `/api/networks/${s}`],
  ['GET', `/api/networks/${s}/members`],
  ['GET', `/api/networks/${s}/invitations`],
  ['POST', `/api/networks/${s}/join`],
  ['POST', `/api/networks/${s}/leave`],
  ['POST', `/api/networks/${s}/invitations`, { email: 'x@example.org', role: 'member' }],
  ['PATCH', `/api/networks/${s}/members/MEMBER`, { role: 'admin' }],
  ['DELETE', `/api/networks/${s}/members/MEMBER`],
  ['DELETE', `/api/networks/${s}/invitations/INVITATION`],
];

it.each(routes('SLUG').map(([method, path, body]) => [method, path, body]))(
  'an outsider gets the same 404 from %s %s as for a network that does not exist',
  async (method, path, body) => {
    const fill = (p: string, s: string) =>
      p.replace('SLUG', s).replace('MEMBER', member.user.id).replace('INVITATION', invitationId);
    const real = await t.http.request(method, fill(path, slug), body, {
      token: outsider.token,
    });
    const missing = await t.http.request(method, fill(path, 'never-created-network'), body, {
      token: outsider.token,
    });
    expect(real.status).toBe(404);
    expect(real.body).toEqual(missing.body);
    expect(real.text).not.toContain('Hidden Circle Zebra');
  },
);

it('never lists the private network to an outsider, even searched by its exact name', async () => {
  const response = await t.http.get('/api/networks?q=Hidden%20Circle%20Zebra', {
    token: outsider.token,
  });
  expect(response.status).toBe(200);
  expect(response.body.items).toEqual([]);
  const all = await t.http.get('/api/networks?limit=100', { token: outsider.token });
  expect(all.text).not.toContain(slug);
});

it('shows the private network to its members', async () => {
  const response = await t.http.get('/api/networks?q=Hidden%20Circle%20Zebra', {
    token: member.token,
  });
  expect(response.body.items.map((n: any) => n.slug)).toEqual([slug]);
  expect((await t.http.get(`/api/networks/${slug}/members`, { token: member.token })).status).toBe(
    200,
  );
});

it('changed nothing for all those outsider attempts', async () => {
  const members = await t.http.get(`/api/networks/${slug}/members`, { token: admin.token });
  expect(members.body.items.map((m: any) => [m.userId, m.role])).toEqual([
    [admin.user.id, 'admin'],
    [member.user.id, 'member'],
  ]);
  const invitations = await t.http.get(`/api/networks/${slug}/invitations`, { token: admin.token });
  expect(invitations.body.items.map((i: any) => i.email)).toEqual(['later@example.org']);
});
