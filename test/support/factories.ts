import type { AuthResponse, NetworkView, OrganisationView } from '@tandem/domain';
import { randomBytes } from 'node:crypto';
import type { Http } from './http';

export interface TestUser extends AuthResponse {
  token: string;
  email: string;
  password: string;
}

const unique = (): string => randomBytes(4).toString('hex');

/** Registers through the real API, like a person would. */
export async function makeUser(
  http: Http,
  overrides: Partial<{ email: string; password: string; displayName: string }> = {},
): Promise<TestUser> {
  const email = overrides.email ?? `user-${unique()}@example.org`;
  const password = overrides.password ?? 'correct horse battery';
  const response = await http.post<AuthResponse>('/api/auth/register', {
    email,
    password,
    displayName: overrides.displayName ?? `User ${unique()}`,
  });
  if (response.status !== 201)
    throw new Error(`makeUser failed: ${response.status} ${response.text}`);
  return { ...response.body, token: response.body.accessToken, email, password };
}

export async function makeOrganisation(
  http: Http,
  user: TestUser,
  overrides: Partial<{
    name: string;
    sector: string;
    level: string;
    country: string;
    city: string;
  }> = {},
): Promise<OrganisationView> {
  const response = await http.post<OrganisationView>(
    '/api/organisations',
    {
      name: `Org ${unique()}`,
      sector: 'ngo',
      level: 'national',
      country: 'IT',
      city: 'Turin',
      ...overrides,
    },
    { token: user.token },
  );
  if (response.status !== 201)
    throw new Error(`makeOrganisation failed: ${response.status} ${response.text}`);
  return response.body;
}

export async function makeNetwork(
  http: Http,
  admin: TestUser,
  overrides: Partial<{ slug: string; name: string; description: string; visibility: string }> = {},
): Promise<NetworkView> {
  const id = unique();
  const response = await http.post<NetworkView>(
    '/api/networks',
    {
      slug: `net-${id}`,
      name: `Network ${id}`,
      description: 'A test network',
      visibility: 'open',
      ...overrides,
    },
    { token: admin.token },
  );
  if (response.status !== 201)
    throw new Error(`makeNetwork failed: ${response.status} ${response.text}`);
  return response.body;
}

/** Invites `invitee` into the network and accepts as them; returns nothing but the membership. */
export async function addMember(
  http: Http,
  admin: TestUser,
  slug: string,
  invitee: TestUser,
  role = 'member',
): Promise<void> {
  const invitation = await http.post(
    `/api/networks/${slug}/invitations`,
    { email: invitee.email, role },
    { token: admin.token },
  );
  if (invitation.status !== 201)
    throw new Error(`invite failed: ${invitation.status} ${invitation.text}`);
  const accepted = await http.post(`/api/invitations/${invitation.body.token}/accept`, undefined, {
    token: invitee.token,
  });
  if (accepted.status !== 200)
    throw new Error(`accept failed: ${accepted.status} ${accepted.text}`);
}
