import { accountNl } from './account-mail/nl';
import type { MailMessages } from './mail-messages';

export const nl: MailMessages = {
  layout: {
    tagline: 'Tandem — praktijkuitwisseling voor integratieprogramma’s',
    transactionalNote: 'Je ontvangt deze e-mail vanwege een actie in je Tandem-account.',
    notificationNote: 'Je ontvangt deze e-mail vanwege je meldingsinstellingen in Tandem.',
    unsubscribe: 'Afmelden',
  },
  testMail: {
    subject: 'Testbericht van Tandem',
    preview: 'Het versturen van e-mail vanaf je Tandem-server werkt.',
    greeting: 'Hallo {name},',
    body: 'Dit is een testbericht van Tandem. Als je het kunt lezen, werkt het versturen van e-mail vanaf je server.',
    action: 'Tandem openen',
  },
  account: accountNl,
};
