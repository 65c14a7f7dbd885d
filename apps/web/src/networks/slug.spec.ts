import { isValidSlug, suggestSlug } from './slug';

describe('suggestSlug', () => {
  it.each([
    ["Réseau d'accueil Lyon", 'reseau-d-accueil-lyon'],
    ['  Welcoming Cities — EU  ', 'welcoming-cities-eu'],
    ['Städte & Gemeinden 2026', 'stadte-gemeinden-2026'],
    ['!!!', ''],
  ])('turns %p into %p', (name, slug) => {
    expect(suggestSlug(name)).toBe(slug);
  });

  it('keeps long names within 50 characters and never ends on a hyphen', () => {
    const slug = suggestSlug(`${'a'.repeat(49)} b`);
    expect(slug).toBe('a'.repeat(49));
    expect(
      isValidSlug(suggestSlug('Integration practitioners network of the Rhine-Ruhr area')),
    ).toBe(true);
  });

  it('accepts what the domain rule accepts', () => {
    expect(isValidSlug('ok-slug-1')).toBe(true);
    expect(isValidSlug('-bad')).toBe(false);
    expect(isValidSlug('ab')).toBe(false);
  });
});
