import { accountPt } from './account-mail/pt';
import type { MailMessages } from './mail-messages';

export const pt: MailMessages = {
  layout: {
    tagline: 'Tandem — intercâmbio de práticas para programas de integração',
    transactionalNote: 'Recebe este e-mail devido a uma ação na sua conta Tandem.',
    notificationNote: 'Recebe este e-mail devido às suas definições de notificação no Tandem.',
    unsubscribe: 'Cancelar subscrição',
  },
  testMail: {
    subject: 'Mensagem de teste do Tandem',
    preview: 'O envio de e-mail a partir do seu servidor Tandem funciona.',
    greeting: 'Olá, {name},',
    body: 'Esta é uma mensagem de teste do Tandem. Se a consegue ler, o envio de e-mail a partir do seu servidor funciona.',
    action: 'Abrir o Tandem',
  },
  account: accountPt,
};
