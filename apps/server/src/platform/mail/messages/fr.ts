import { accountFr } from './account-mail/fr';
import type { MailMessages } from './mail-messages';

export const fr: MailMessages = {
  layout: {
    tagline: 'Tandem — échange de pratiques pour les programmes d’intégration',
    transactionalNote: 'Vous recevez ce courriel à la suite d’une action sur votre compte Tandem.',
    notificationNote:
      'Vous recevez ce courriel en raison de vos paramètres de notification sur Tandem.',
    unsubscribe: 'Se désabonner',
  },
  testMail: {
    subject: 'Message de test de Tandem',
    preview: 'L’envoi de courriels depuis votre serveur Tandem fonctionne.',
    greeting: 'Bonjour {name},',
    body: 'Ceci est un message de test de Tandem. Si vous pouvez le lire, l’envoi de courriels depuis votre serveur fonctionne.',
    action: 'Ouvrir Tandem',
  },
  account: accountFr,
};
