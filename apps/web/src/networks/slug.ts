import { NETWORK_SLUG_PATTERN } from '@tandem/domain';

const SLUG_MAX_LENGTH = 50;

/**
 * A slug suggested from a network's name: accents dropped ("Réseau d'accueil" → "reseau-d-accueil"),
 * anything else that is not a letter or digit turned into single hyphens, at most 50 characters.
 */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, '');
}

export function isValidSlug(slug: string): boolean {
  return NETWORK_SLUG_PATTERN.test(slug);
}
