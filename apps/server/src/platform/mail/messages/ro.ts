import { accountRo } from './account-mail/ro';
import type { MailMessages } from './mail-messages';

export const ro: MailMessages = {
  layout: {
    tagline: 'Tandem — schimb de practici pentru programele de integrare',
    transactionalNote: 'Primiți acest e-mail în urma unei acțiuni în contul dumneavoastră Tandem.',
    notificationNote:
      'Primiți acest e-mail conform setărilor dumneavoastră de notificare din Tandem.',
    unsubscribe: 'Dezabonare',
  },
  testMail: {
    subject: 'Mesaj de test de la Tandem',
    preview: 'Trimiterea de e-mailuri de pe serverul dumneavoastră Tandem funcționează.',
    greeting: 'Bună ziua, {name},',
    body: 'Acesta este un mesaj de test de la Tandem. Dacă îl puteți citi, trimiterea de e-mailuri de pe serverul dumneavoastră funcționează.',
    action: 'Deschideți Tandem',
  },
  account: accountRo,
};
