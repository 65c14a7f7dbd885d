import { accountSv } from './account-mail/sv';
import type { MailMessages } from './mail-messages';

export const sv: MailMessages = {
  layout: {
    tagline: 'Tandem — erfarenhetsutbyte för integrationsprogram',
    transactionalNote: 'Du får det här mejlet på grund av en åtgärd på ditt Tandem-konto.',
    notificationNote: 'Du får det här mejlet på grund av dina aviseringsinställningar i Tandem.',
    unsubscribe: 'Avsluta prenumerationen',
  },
  testMail: {
    subject: 'Testmeddelande från Tandem',
    preview: 'E-postutskicket från din Tandem-server fungerar.',
    greeting: 'Hej {name}!',
    body: 'Det här är ett testmeddelande från Tandem. Om du kan läsa det fungerar e-postutskicket från din server.',
    action: 'Öppna Tandem',
  },
  account: accountSv,
};
