import { accountHr } from './account-mail/hr';
import type { MailMessages } from './mail-messages';

export const hr: MailMessages = {
  layout: {
    tagline: 'Tandem — razmjena prakse za programe integracije',
    transactionalNote: 'Ovu poruku primate zbog radnje na vašem Tandem računu.',
    notificationNote: 'Ovu poruku primate zbog svojih postavki obavijesti na Tandemu.',
    unsubscribe: 'Odjavi se',
  },
  testMail: {
    subject: 'Probna poruka s Tandema',
    preview: 'Slanje e-pošte s vašeg Tandem poslužitelja radi.',
    greeting: 'Pozdrav, {name},',
    body: 'ovo je probna poruka s Tandema. Ako je možete pročitati, slanje e-pošte s vašeg poslužitelja radi.',
    action: 'Otvori Tandem',
  },
  account: accountHr,
};
