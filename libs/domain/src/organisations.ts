export const SECTORS = [
  'government',
  'ngo',
  'migrant_led',
  'research',
  'foundation',
  'international',
] as const;
export type Sector = (typeof SECTORS)[number];

export const LEVELS = ['local', 'regional', 'national', 'eu'] as const;
export type Level = (typeof LEVELS)[number];

/** `POST /api/organisations`. */
export interface CreateOrganisationBody {
  name: string;
  sector: Sector;
  level: Level;
  /** ISO 3166-1 alpha-2, any case. */
  country: string;
  city?: string;
}

/** `PUT /api/me/organisation`. */
export interface SetMyOrganisationBody {
  organisationId: string;
}
