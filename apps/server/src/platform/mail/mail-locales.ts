import { textDirection, UI_LOCALES, uiLocale, type UiLocale } from '@tandem/domain';

/**
 * The UI locales (DESIGN.md "Languages"); every mail is written in one of them. Arabic is
 * written right to left.
 */
export const MAIL_LOCALES = UI_LOCALES;
export type MailLocale = UiLocale;

/**
 * The locale a mail is written in: the account's own, its language when it carries a region
 * (`pt-BR` → `pt`), and English for anything else, so an odd value never stops a mail.
 */
export const mailLocale = (requested: string | null | undefined): MailLocale => uiLocale(requested);

export { textDirection };
