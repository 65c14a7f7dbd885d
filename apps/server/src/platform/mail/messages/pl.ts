import { accountPl } from './account-mail/pl';
import type { MailMessages } from './mail-messages';

export const pl: MailMessages = {
  layout: {
    tagline: 'Tandem — wymiana praktyk dla programów integracyjnych',
    transactionalNote: 'Otrzymujesz tę wiadomość w związku z działaniem na Twoim koncie Tandem.',
    notificationNote:
      'Otrzymujesz tę wiadomość zgodnie z Twoimi ustawieniami powiadomień w Tandem.',
    unsubscribe: 'Wypisz się',
  },
  testMail: {
    subject: 'Wiadomość testowa z Tandem',
    preview: 'Wysyłka e-maili z Twojego serwera Tandem działa.',
    greeting: 'Witaj, {name}!',
    body: 'To jest wiadomość testowa z Tandem. Jeśli możesz ją przeczytać, wysyłka e-maili z Twojego serwera działa.',
    action: 'Otwórz Tandem',
  },
  account: accountPl,
};
