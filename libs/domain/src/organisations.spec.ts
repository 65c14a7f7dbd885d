import { LEVELS, SECTORS, type Level, type Sector } from './organisations';
import { attributionLabel } from './organisation-labels';

/** The expected label for every sector × level pair, written out so a rename is caught here. */
const EXPECTED: Record<Level, Record<Sector, string>> = {
  local: {
    government: 'Local government',
    ngo: 'Local NGO',
    migrant_led: 'Local migrant-led organisation',
    research: 'Local research institute',
    foundation: 'Local foundation',
    international: 'Local international organisation',
  },
  regional: {
    government: 'Regional government',
    ngo: 'Regional NGO',
    migrant_led: 'Regional migrant-led organisation',
    research: 'Regional research institute',
    foundation: 'Regional foundation',
    international: 'Regional international organisation',
  },
  national: {
    government: 'National government',
    ngo: 'National NGO',
    migrant_led: 'National migrant-led organisation',
    research: 'National research institute',
    foundation: 'National foundation',
    international: 'National international organisation',
  },
  eu: {
    government: 'EU-level government',
    ngo: 'EU-level NGO',
    migrant_led: 'EU-level migrant-led organisation',
    research: 'EU-level research institute',
    foundation: 'EU-level foundation',
    international: 'EU-level international organisation',
  },
};

const COMBINATIONS: [Sector, Level][] = SECTORS.flatMap((sector) =>
  LEVELS.map((level): [Sector, Level] => [sector, level]),
);

describe('SECTORS and LEVELS', () => {
  it('lists the six sectors in a fixed order', () => {
    expect(SECTORS).toEqual([
      'government',
      'ngo',
      'migrant_led',
      'research',
      'foundation',
      'international',
    ]);
  });

  it('lists the four levels in a fixed order', () => {
    expect(LEVELS).toEqual(['local', 'regional', 'national', 'eu']);
  });

  it('has no duplicate values', () => {
    expect(new Set(SECTORS).size).toBe(SECTORS.length);
    expect(new Set(LEVELS).size).toBe(LEVELS.length);
  });

  it('the expected table covers exactly every sector and level', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...LEVELS].sort());
    for (const level of LEVELS) {
      expect(Object.keys(EXPECTED[level]).sort()).toEqual([...SECTORS].sort());
    }
    expect(COMBINATIONS).toHaveLength(SECTORS.length * LEVELS.length);
  });
});

describe('attributionLabel', () => {
  it.each(COMBINATIONS)('labels a %s organisation at %s level', (sector, level) => {
    expect(attributionLabel({ sector, level })).toBe(EXPECTED[level][sector]);
  });

  it.each([
    ['government', 'local', 'Local government'],
    ['ngo', 'national', 'National NGO'],
    ['migrant_led', 'regional', 'Regional migrant-led organisation'],
    ['international', 'eu', 'EU-level international organisation'],
  ] as [Sector, Level, string][])('%s + %s → "%s"', (sector, level, label) => {
    expect(attributionLabel({ sector, level })).toBe(label);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
  ])('labels %s (no organisation) as "Independent practitioner"', (_name, organisation) => {
    expect(attributionLabel(organisation)).toBe('Independent practitioner');
  });

  it.each(COMBINATIONS)(
    'never renders "undefined", "null" or stray whitespace for %s/%s',
    (sector, level) => {
      const label = attributionLabel({ sector, level });
      expect(label).not.toMatch(/undefined|null/i);
      expect(label).toBe(label.trim());
      expect(label).not.toMatch(/\s{2,}/);
      expect(label.length).toBeGreaterThan(0);
    },
  );

  it.each(COMBINATIONS)(
    'starts with a capital letter and has no underscores (%s/%s)',
    (sector, level) => {
      const label = attributionLabel({ sector, level });
      expect(label[0]).toBe(label[0].toUpperCase());
      expect(label).not.toContain('_');
    },
  );

  it('gives every sector × level combination a distinct label', () => {
    const labels = COMBINATIONS.map(([sector, level]) => attributionLabel({ sector, level }));
    expect(new Set(labels).size).toBe(SECTORS.length * LEVELS.length);
    expect(labels).not.toContain('Independent practitioner');
  });

  it('distinguishes every sector at a fixed level and every level for a fixed sector', () => {
    for (const level of LEVELS) {
      const labels = SECTORS.map((sector) => attributionLabel({ sector, level }));
      expect(new Set(labels).size).toBe(SECTORS.length);
    }
    for (const sector of SECTORS) {
      const labels = LEVELS.map((level) => attributionLabel({ sector, level }));
      expect(new Set(labels).size).toBe(LEVELS.length);
    }
  });

  it('reveals only sector and level, ignoring any other organisation fields', () => {
    const organisation = {
      sector: 'ngo' as const,
      level: 'local' as const,
      name: 'Welcome Café Utrecht',
      city: 'Utrecht',
      country: 'NL',
    };
    const label = attributionLabel(organisation);
    expect(label).toBe('Local NGO');
    expect(label).not.toContain('Utrecht');
    expect(label).not.toContain('Welcome');
  });
});
