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

const SECTOR_NOUN: Record<Sector, string> = {
  government: 'government',
  ngo: 'NGO',
  migrant_led: 'migrant-led organisation',
  research: 'research institute',
  foundation: 'foundation',
  international: 'international organisation',
};

const LEVEL_ADJECTIVE: Record<Level, string> = {
  local: 'Local',
  regional: 'Regional',
  national: 'National',
  eu: 'EU-level',
};

/**
 * The label a Chatham House thread shows instead of an author: the organisation's level and
 * sector ("Local government", "National NGO"). Someone without an organisation is shown as
 * "Independent practitioner", which reveals nothing more than the label would.
 */
export function attributionLabel(
  organisation: { sector: Sector; level: Level } | null | undefined,
): string {
  if (!organisation) return 'Independent practitioner';
  return `${LEVEL_ADJECTIVE[organisation.level]} ${SECTOR_NOUN[organisation.sector]}`;
}

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
