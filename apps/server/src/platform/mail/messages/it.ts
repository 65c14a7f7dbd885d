import { accountIt } from './account-mail/it';
import type { MailMessages } from './mail-messages';

export const it: MailMessages = {
  layout: {
    tagline: 'Tandem — scambio di pratiche per i programmi di integrazione',
    transactionalNote: 'Ricevi questa email a seguito di un’azione sul tuo account Tandem.',
    notificationNote: 'Ricevi questa email in base alle tue impostazioni di notifica su Tandem.',
    unsubscribe: 'Annulla l’iscrizione',
  },
  testMail: {
    subject: 'Messaggio di prova da Tandem',
    preview: 'L’invio di email dal tuo server Tandem funziona.',
    greeting: 'Ciao {name},',
    body: 'questo è un messaggio di prova da Tandem. Se riesci a leggerlo, l’invio di email dal tuo server funziona.',
    action: 'Apri Tandem',
  },
  account: accountIt,
};
