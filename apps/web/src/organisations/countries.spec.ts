import { COUNTRY_CODES, countryName, countryOptions } from './countries';

describe('countries', () => {
  it('lists unique two-letter codes', () => {
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRY_CODES.length);
    expect(COUNTRY_CODES.every((code) => /^[A-Z]{2}$/.test(code))).toBe(true);
    expect(COUNTRY_CODES).toEqual(expect.arrayContaining(['BE', 'DE', 'FR', 'IT', 'UA', 'SY']));
  });

  it('names and sorts countries in the UI language', () => {
    const french = countryOptions('fr');
    expect(french.find((option) => option.value === 'DE')?.label).toBe('Allemagne');
    const labels = french.map((option) => option.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator('fr').compare));
    expect(countryName('IT', 'de')).toBe('Italien');
  });
});
