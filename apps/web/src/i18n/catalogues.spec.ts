import { CATALOGUES, LANGUAGES, LANGUAGE_NAMES, createI18n, isRightToLeft } from './i18n';
import { en } from './locales/en';

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

/** `library.months_few` → family `library.months`, category `few`. */
const PLURAL_KEY = /^(.+)_(zero|one|two|few|many|other)$/;

/** The plural families of a flat catalogue: family → the categories it has a form for. */
function pluralFamilies(messages: Record<string, string>): Map<string, string[]> {
  const families = new Map<string, string[]>();
  for (const key of Object.keys(messages)) {
    const match = PLURAL_KEY.exec(key);
    if (!match) continue;
    families.set(match[1], [...(families.get(match[1]) ?? []), match[2]].sort());
  }
  return families;
}

// A family is what English has an `_other` form for; any other `x_few` is just an unknown key.
const englishFamilies = new Set(
  [...pluralFamilies(english)].filter(([, forms]) => forms.includes('other')).map(([f]) => f),
);
const familyOf = (key: string) => {
  const match = PLURAL_KEY.exec(key);
  return match && englishFamilies.has(match[1]) ? { family: match[1], category: match[2] } : null;
};
const categories = (language: string): string[] =>
  [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();

/**
 * Whether a plural category stands for one whole number only in this language (Arabic `zero`,
 * `one` and `two`, English `one`), so its form may say the number in words instead of `{{count}}`.
 * Croatian or Ukrainian `one` also covers 21, 31..., and French `one` covers 0: they must keep it.
 */
function namesOneNumber(language: string, category: string): boolean {
  const rules = new Intl.PluralRules(language);
  let numbers = 0;
  for (let n = 0; n <= 1000; n++) if (rules.select(n) === category) numbers++;
  return numbers === 1;
}

describe('the English catalogue', () => {
  it('gives every plural family exactly the English forms, _one and _other', () => {
    expect(englishFamilies.size).toBeGreaterThan(0);
    const families = pluralFamilies(english);
    for (const family of englishFamilies) {
      expect([family, families.get(family)]).toEqual([family, ['one', 'other']]);
    }
    // A lone `x_one` (or `x_few`) without `x_other` is a family missing its other form.
    expect([...families.keys()].filter((family) => !englishFamilies.has(family))).toEqual([]);
    expect(categories('en')).toEqual(['one', 'other']);
  });
});

const translations = LANGUAGES.filter((language) => language !== 'en');

describe.each(translations)('the %s catalogue', (language) => {
  const translated = flatten(CATALOGUES[language]);

  it('has every English key and no other', () => {
    const nonPlural = (keys: string[]) => keys.filter((key) => !familyOf(key)).sort();
    expect(nonPlural(Object.keys(translated))).toEqual(nonPlural(Object.keys(english)));
    expect(
      [...pluralFamilies(translated).keys()].filter((f) => englishFamilies.has(f)).sort(),
    ).toEqual([...englishFamilies].sort());
  });

  it('gives every plural family exactly the forms the language uses', () => {
    const needed = categories(language);
    const families = pluralFamilies(translated);
    const wrong = [...englishFamilies]
      .map((family) => {
        const present = families.get(family) ?? [];
        const missing = needed.filter((category) => !present.includes(category));
        const unused = present.filter((category) => !needed.includes(category));
        return { family, missing, unused };
      })
      .filter(({ missing, unused }) => missing.length > 0 || unused.length > 0);
    expect(wrong).toEqual([]);
  });

  it('fills every message and keeps its placeholders', () => {
    expect(Object.keys(translated).filter((key) => !translated[key].trim())).toEqual([]);
    const changed = Object.keys(translated).filter((key) => {
      const plural = familyOf(key);
      const source = plural ? english[`${plural.family}_other`] : english[key];
      if (source === undefined) return false; // an unknown key, reported above
      const expected = placeholders(source);
      const actual = placeholders(translated[key]);
      if (actual.join() === expected.join()) return false;
      // "شهران" (two months) may say its number in words where the form names one number only.
      const withoutCount = expected.filter((name) => name !== 'count');
      return !(
        plural &&
        namesOneNumber(language, plural.category) &&
        actual.join() === withoutCount.join()
      );
    });
    expect(changed).toEqual([]);
  });

  it('is a translation, not a copy of the English', () => {
    const same = Object.keys(english).filter((key) => translated[key] === english[key]);
    // Proper names and a few international words (Tandem, NGO, Email...) may stay as they are.
    expect(same.length).toBeLessThan(Object.keys(english).length * 0.1);
  });

  it('is what i18next shows for a count, in every plural form', () => {
    const t = createI18n(language).getFixedT(language);
    const rules = new Intl.PluralRules(language);
    for (const family of englishFamilies) {
      for (const count of [0, 1, 2, 3, 5, 11, 12, 21, 22, 25, 101, 111, 1000000]) {
        const form = translated[`${family}_${rules.select(count)}`];
        const expected = form.replaceAll('{{count}}', String(count));
        expect([family, count, t(family as 'library.months', { count })]).toEqual([
          family,
          count,
          expected,
        ]);
      }
    }
  });
});

describe('the language list', () => {
  it('ships the fifteen languages, each named in itself', () => {
    expect(LANGUAGES).toEqual([
      'en',
      'fr',
      'it',
      'de',
      'cs',
      'sv',
      'hr',
      'es',
      'nl',
      'pl',
      'el',
      'pt',
      'ro',
      'uk',
      'ar',
    ]);
    expect(Object.keys(CATALOGUES).sort()).toEqual([...LANGUAGES].sort());
    expect(LANGUAGE_NAMES).toMatchObject({
      cs: 'Čeština',
      sv: 'Svenska',
      hr: 'Hrvatski',
      es: 'Español',
      nl: 'Nederlands',
      pl: 'Polski',
      el: 'Ελληνικά',
      pt: 'Português',
      ro: 'Română',
      uk: 'Українська',
      ar: 'العربية',
    });
  });

  it('writes Arabic right to left and the others left to right', () => {
    expect(LANGUAGES.filter((language) => isRightToLeft(language))).toEqual(['ar']);
    expect(isRightToLeft('ar-EG')).toBe(true);
    expect(isRightToLeft('en-GB')).toBe(false);
  });

  it('sets the page language and direction at start and on every change', async () => {
    const i18n = createI18n('ar');
    expect(document.documentElement).toHaveAttribute('lang', 'ar');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    await i18n.changeLanguage('uk');
    expect(document.documentElement).toHaveAttribute('lang', 'uk');
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
    await i18n.changeLanguage('ar');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    createI18n('de');
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
  });
});
