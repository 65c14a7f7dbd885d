import { accountCs } from './account-mail/cs';
import type { MailMessages } from './mail-messages';

export const cs: MailMessages = {
  layout: {
    tagline: 'Tandem — výměna zkušeností pro integrační programy',
    transactionalNote: 'Tento e-mail dostáváte kvůli akci na vašem účtu Tandem.',
    notificationNote: 'Tento e-mail dostáváte na základě svého nastavení oznámení v Tandemu.',
    unsubscribe: 'Odhlásit odběr',
  },
  testMail: {
    subject: 'Testovací zpráva z Tandemu',
    preview: 'Odesílání e-mailů z vašeho serveru Tandem funguje.',
    greeting: 'Dobrý den, {name},',
    body: 'Toto je testovací zpráva z Tandemu. Pokud ji můžete přečíst, odesílání e-mailů z vašeho serveru funguje.',
    action: 'Otevřít Tandem',
  },
  account: accountCs,
};
