import { de } from './locales/de';
import { en } from './locales/en';
import { fr } from './locales/fr';
import { it as italian } from './locales/it';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string'
        ? [[`${prefix}${key}`, value]]
        : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const english = flatten(en);

describe.each([
  ['fr', fr],
  ['it', italian],
  ['de', de],
])('the %s catalogue', (_language, catalogue) => {
  const translated = flatten(catalogue);

  it('has every English key and no other', () => {
    expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
  });

  it('fills every message and keeps its placeholders', () => {
    const keys = Object.keys(english);
    expect(keys.filter((key) => !translated[key]?.trim())).toEqual([]);
    expect(
      keys.filter(
        (key) => placeholders(translated[key] ?? '').join() !== placeholders(english[key]).join(),
      ),
    ).toEqual([]);
  });

  it('is a translation, not a copy of the English', () => {
    const same = Object.keys(english).filter((key) => translated[key] === english[key]);
    // Proper names and a few international words (Tandem, NGO, Email...) may stay as they are.
    expect(same.length).toBeLessThan(Object.keys(english).length * 0.1);
  });
});
