import type { MailLocale } from '../mail-locales';
import { en } from './en';
import { fr } from './fr';
import { it } from './it';
import { de } from './de';
import { cs } from './cs';
import { sv } from './sv';
import { hr } from './hr';
import { es } from './es';
import { nl } from './nl';
import { pl } from './pl';
import { el } from './el';
import { pt } from './pt';
import { ro } from './ro';
import { uk } from './uk';
import { ar } from './ar';
import type { MailMessages } from './mail-messages';

export { fillIn, type MailMessages } from './mail-messages';

/** Every locale's catalogue; the type makes a missing locale a compile error. */
export const MAIL_MESSAGES: Record<MailLocale, MailMessages> = {
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
