/**
 * The interface languages Tandem ships (DESIGN.md "Languages"): the one list behind the web
 * app's catalogues, the mail templates, the vocabulary and an account's `locale`.
 */
export const UI_LOCALES = [
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
] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/** Each language named in itself, as a language switcher should. */
export const LOCALE_NAMES: Record<UiLocale, string> = {
  en: 'English',
  fr: 'Français',
  it: 'Italiano',
  de: 'Deutsch',
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
};

/** Languages written right to left (of those Tandem ships, Arabic). */
const RIGHT_TO_LEFT: ReadonlySet<string> = new Set<UiLocale>(['ar']);

export function isUiLocale(value: unknown): value is UiLocale {
  return typeof value === 'string' && (UI_LOCALES as readonly string[]).includes(value);
}

/**
 * The shipped locale for a requested one: itself, its language when it carries a region
 * (`pt-BR` → `pt`), and English for anything else, so an odd value never stops a page or a mail.
 */
export function uiLocale(requested: string | null | undefined): UiLocale {
  const language = (requested ?? '').toLowerCase().split(/[-_]/)[0];
  return isUiLocale(language) ? language : 'en';
}

/** Whether a language, given as a code or a tag such as `ar-EG`, is written right to left. */
export function isRightToLeft(language: string): boolean {
  return RIGHT_TO_LEFT.has(language.toLowerCase().split(/[-_]/)[0]);
}

export function textDirection(language: string): 'ltr' | 'rtl' {
  return isRightToLeft(language) ? 'rtl' : 'ltr';
}
