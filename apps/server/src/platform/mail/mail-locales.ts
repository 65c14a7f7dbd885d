/**
 * The UI locales (DESIGN.md "Languages"); every mail is written in one of them. Arabic is
 * written right to left.
 */
export const MAIL_LOCALES = [
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

export type MailLocale = (typeof MAIL_LOCALES)[number];

const RIGHT_TO_LEFT: readonly MailLocale[] = ['ar'];

/**
 * The locale a mail is written in: the account's own, its language when it carries a region
 * (`pt-BR` → `pt`), and English for anything else, so an odd value never stops a mail.
 */
export function mailLocale(requested: string | null | undefined): MailLocale {
  const language = (requested ?? '').toLowerCase().split(/[-_]/)[0];
  return (MAIL_LOCALES as readonly string[]).includes(language) ? (language as MailLocale) : 'en';
}

export function textDirection(locale: MailLocale): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.includes(locale) ? 'rtl' : 'ltr';
}
