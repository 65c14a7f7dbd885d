import {
  isRightToLeft,
  LOCALE_NAMES,
  textDirection,
  UI_LOCALES,
  type UiLocale,
} from '@tandem/domain';
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ar } from './locales/ar';
import { cs } from './locales/cs';
import { de } from './locales/de';
import { el } from './locales/el';
import { en, type Messages } from './locales/en';
import { es } from './locales/es';
import { fr } from './locales/fr';
import { hr } from './locales/hr';
import { it } from './locales/it';
import { nl } from './locales/nl';
import { pl } from './locales/pl';
import { pt } from './locales/pt';
import { ro } from './locales/ro';
import { sv } from './locales/sv';
import { uk } from './locales/uk';

/** The interface languages, from the one list in the domain (libs/domain/src/locales.ts). */
export const LANGUAGES = UI_LOCALES;
export type Language = UiLocale;

/** Each language named in itself, as a language switcher should. */
export const LANGUAGE_NAMES: Record<Language, string> = LOCALE_NAMES;

/** Every catalogue, by language; English is also the fallback for a key a catalogue lacks. */
export const CATALOGUES: Record<Language, Messages> = {
  en,
  fr,
  it,
  de,
  cs,
  sv,
  hr,
  es,
  nl,
  pl,
  el,
  pt,
  ro,
  uk,
  ar,
};

/** Tells the browser (and Mantine, which follows the attribute) the page's language and direction. */
function applyToDocument(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = textDirection(language);
}

const STORAGE_KEY = 'tandem.language';

export { isRightToLeft };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The saved choice, else the browser's first supported preference, else English. */
export function detectLanguage(): Language {
  const saved = window.localStorage.getItem(STORAGE_KEY);
  if (isLanguage(saved)) return saved;
  for (const tag of window.navigator.languages ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/**
 * A ready i18next instance with every catalogue bundled (they are small, and a practitioner on a
 * slow connection should not wait for a second request to read the first screen).
 */
export function createI18n(language: Language = 'en'): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    resources: Object.fromEntries(
      LANGUAGES.map((code) => [code, { translation: CATALOGUES[code] }]),
    ),
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  instance.on('languageChanged', (next) => {
    applyToDocument(next);
    if (isLanguage(next)) window.localStorage.setItem(STORAGE_KEY, next);
  });
  applyToDocument(language);
  return instance;
}
