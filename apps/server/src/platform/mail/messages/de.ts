import { accountDe } from './account-mail/de';
import type { MailMessages } from './mail-messages';

export const de: MailMessages = {
  layout: {
    tagline: 'Tandem — Praxisaustausch für Integrationsprogramme',
    transactionalNote: 'Sie erhalten diese E-Mail aufgrund einer Aktion in Ihrem Tandem-Konto.',
    notificationNote:
      'Sie erhalten diese E-Mail aufgrund Ihrer Benachrichtigungseinstellungen in Tandem.',
    unsubscribe: 'Abbestellen',
  },
  testMail: {
    subject: 'Testnachricht von Tandem',
    preview: 'Der E-Mail-Versand Ihres Tandem-Servers funktioniert.',
    greeting: 'Hallo {name},',
    body: 'dies ist eine Testnachricht von Tandem. Wenn Sie sie lesen können, funktioniert der E-Mail-Versand Ihres Servers.',
    action: 'Tandem öffnen',
  },
  account: accountDe,
};
