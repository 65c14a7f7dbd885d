import type { Level, NetworkRole, NetworkVisibility, Sector } from '@tandem/domain';

/**
 * Illustrative demo content modelled on the field research in shared/seeds: city-to-city
 * mentoring, an NGO practice network and a small private circle. Every organisation and person
 * here is fictional; the names say so where a reader might wonder.
 */
export interface DemoOrganisation {
  key: string;
  name: string;
  sector: Sector;
  level: Level;
  country: string;
  city: string | null;
}

export interface DemoUser {
  email: string;
  displayName: string;
  organisation: string;
}

export interface DemoNetwork {
  slug: string;
  name: string;
  description: string;
  visibility: NetworkVisibility;
  members: { email: string; role: NetworkRole }[];
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    key: 'ghent',
    name: 'Integration Office, City of Ghent (demo)',
    sector: 'government',
    level: 'local',
    country: 'BE',
    city: 'Ghent',
  },
  {
    key: 'turin',
    name: 'Welcome Services, City of Turin (demo)',
    sector: 'government',
    level: 'local',
    country: 'IT',
    city: 'Turin',
  },
  {
    key: 'tampere',
    name: 'Immigrant Services, City of Tampere (demo)',
    sector: 'government',
    level: 'local',
    country: 'FI',
    city: 'Tampere',
  },
  {
    key: 'lower-saxony',
    name: 'Lower Saxony Integration Directorate (demo)',
    sector: 'government',
    level: 'regional',
    country: 'DE',
    city: 'Hanover',
  },
  {
    key: 'ministry',
    name: 'National Integration Agency (demo)',
    sector: 'government',
    level: 'national',
    country: 'SE',
    city: 'Stockholm',
  },
  {
    key: 'refugee-council',
    name: 'Refugee Support Council (demo)',
    sector: 'ngo',
    level: 'national',
    country: 'DK',
    city: 'Copenhagen',
  },
  {
    key: 'welcome-ngo',
    name: 'Neighbours Welcome Association (demo)',
    sector: 'ngo',
    level: 'local',
    country: 'FR',
    city: 'Lyon',
  },
  {
    key: 'migrant-voices',
    name: 'Migrant Voices Collective (demo)',
    sector: 'migrant_led',
    level: 'local',
    country: 'DE',
    city: 'Leipzig',
  },
  {
    key: 'institute',
    name: 'Institute for Integration Research (demo)',
    sector: 'research',
    level: 'national',
    country: 'AT',
    city: 'Vienna',
  },
  {
    key: 'foundation',
    name: 'Open Doors Foundation (demo)',
    sector: 'foundation',
    level: 'eu',
    country: 'BE',
    city: 'Brussels',
  },
  {
    key: 'network-eu',
    name: 'European NGO Integration Platform (demo)',
    sector: 'international',
    level: 'eu',
    country: 'BE',
    city: 'Brussels',
  },
];

export const DEMO_USERS: DemoUser[] = [
  { email: 'demo@tandem.example', displayName: 'Dana Demo', organisation: 'ghent' },
  { email: 'lucia@tandem.example', displayName: 'Lucia Bianchi', organisation: 'turin' },
  { email: 'mikko@tandem.example', displayName: 'Mikko Laine', organisation: 'tampere' },
  { email: 'katrin@tandem.example', displayName: 'Katrin Vogel', organisation: 'lower-saxony' },
  { email: 'erik@tandem.example', displayName: 'Erik Lund', organisation: 'ministry' },
  { email: 'sofie@tandem.example', displayName: 'Sofie Holm', organisation: 'refugee-council' },
  { email: 'amine@tandem.example', displayName: 'Amine Benali', organisation: 'welcome-ngo' },
  { email: 'rahel@tandem.example', displayName: 'Rahel Tesfaye', organisation: 'migrant-voices' },
  { email: 'jonas@tandem.example', displayName: 'Jonas Weber', organisation: 'institute' },
  { email: 'claire@tandem.example', displayName: 'Claire Dubois', organisation: 'foundation' },
  { email: 'ana@tandem.example', displayName: 'Ana Marques', organisation: 'network-eu' },
];

export const DEMO_NETWORKS: DemoNetwork[] = [
  {
    slug: 'city-mentoring-exchange',
    name: 'City Mentoring Exchange',
    description:
      'City-to-city mentoring on reception and long-term integration. Experienced cities pair with cities building their first programmes; peer visits, shared evaluation templates and honest notes on what it cost.',
    visibility: 'invite',
    members: [
      { email: 'demo@tandem.example', role: 'admin' },
      { email: 'lucia@tandem.example', role: 'moderator' },
      { email: 'mikko@tandem.example', role: 'member' },
      { email: 'katrin@tandem.example', role: 'member' },
      { email: 'jonas@tandem.example', role: 'member' },
    ],
  },
  {
    slug: 'ngo-practice-network',
    name: 'NGO Integration Practice Network',
    description:
      'Civil society organisations comparing what works: volunteers, mental health and psychosocial support, housing, and two-way integration with receiving communities. Open to practitioners.',
    visibility: 'open',
    members: [
      { email: 'ana@tandem.example', role: 'admin' },
      { email: 'sofie@tandem.example', role: 'moderator' },
      { email: 'amine@tandem.example', role: 'member' },
      { email: 'rahel@tandem.example', role: 'member' },
      { email: 'claire@tandem.example', role: 'member' },
      { email: 'demo@tandem.example', role: 'member' },
    ],
  },
  {
    slug: 'reception-directors-circle',
    name: "Reception Directors' Circle",
    description:
      'A small private circle of senior officials discussing funding pressure and the political climate under the Chatham House rule.',
    visibility: 'private',
    members: [
      { email: 'erik@tandem.example', role: 'admin' },
      { email: 'katrin@tandem.example', role: 'member' },
      { email: 'demo@tandem.example', role: 'member' },
    ],
  },
];
