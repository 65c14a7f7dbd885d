import type {
  AuthResponse,
  MemberView,
  NetworkView,
  OrganisationView,
  UserView,
} from '@tandem/domain';
import type { Session } from '../auth/session-store';

const inOneHour = (): string => new Date(Date.now() + 3_600_000).toISOString();

export function makeOrganisation(overrides: Partial<OrganisationView> = {}): OrganisationView {
  return {
    id: '9b2c6f0e-0000-4000-8000-000000000001',
    name: 'City of Ghent',
    sector: 'government',
    level: 'local',
    country: 'BE',
    city: 'Ghent',
    label: 'Local government',
    ...overrides,
  };
}

export function makeUser(overrides: Partial<UserView> = {}): UserView {
  return {
    id: 'user-amira',
    email: 'amira@example.org',
    displayName: 'Amira Haddad',
    handle: 'amira-haddad',
    organisation: makeOrganisation(),
    createdAt: '2026-01-10T09:00:00.000Z',
    locale: 'en',
    readingLanguages: ['en'],
    emailVerified: true,
    pendingEmail: null,
    ...overrides,
  };
}

export function makeSession(overrides: Partial<Session> = {}): Session {
  return {
    accessToken: 'access-1',
    refreshToken: 'refresh-1-long-enough',
    accessTokenExpiresAt: inOneHour(),
    ...overrides,
  };
}

export function makeAuthResponse(
  user: UserView = makeUser(),
  overrides: Partial<Session> = {},
): AuthResponse {
  return { ...makeSession(overrides), user };
}

export function makeNetwork(overrides: Partial<NetworkView> = {}): NetworkView {
  return {
    id: 'network-1',
    slug: 'welcoming-cities',
    name: 'Welcoming Cities',
    description: 'City officials exchanging practice on reception.',
    visibility: 'private',
    memberCount: 2,
    myRole: 'admin',
    createdAt: '2026-01-12T09:00:00.000Z',
    ...overrides,
  };
}

export function makeMember(overrides: Partial<MemberView> = {}): MemberView {
  return {
    userId: 'user-amira',
    displayName: 'Amira Haddad',
    handle: 'amira-haddad',
    organisation: makeOrganisation(),
    role: 'admin',
    joinedAt: '2026-01-12T09:00:00.000Z',
    ...overrides,
  };
}
