import type { AccountMailMessages } from './account-mail-messages';

export const accountFr: AccountMailMessages = {
  roles: {
    member: 'membre',
    moderator: 'modérateur ou modératrice',
    admin: 'administrateur ou administratrice',
  },
  invitation: {
    subject: '{inviter} vous invite à rejoindre {network} sur Tandem',
    preview: 'Rejoignez {network} pour échanger des pratiques avec ses membres.',
    greeting: 'Bonjour,',
    body: '{inviter} vous invite à rejoindre {network} sur Tandem en tant que {role}.',
    about:
      'Tandem permet aux personnes qui mènent des programmes d’intégration d’échanger pratiques, recherches et études de cas au sein de leurs propres réseaux.',
    action: 'Accepter l’invitation',
    expiry: 'L’invitation est destinée à {email} et reste valable jusqu’au {date}.',
    ignore: 'Si vous ne l’attendiez pas, vous pouvez ignorer ce courriel.',
  },
  verifyEmail: {
    subject: 'Confirmez votre adresse électronique pour Tandem',
    preview: 'Un clic pour confirmer votre adresse.',
    greeting: 'Bonjour {name},',
    bodySignUp: 'Bienvenue sur Tandem ! Merci de confirmer que {email} est bien votre adresse.',
    bodyChange:
      'Vous avez demandé à utiliser {email} pour votre compte Tandem. Confirmez-la et elle remplacera votre adresse actuelle.',
    action: 'Confirmer mon adresse',
    expiry: 'Le lien fonctionne une seule fois, pendant 48 heures.',
    ignore:
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce courriel : rien ne changera.',
  },
  passwordReset: {
    subject: 'Réinitialisez votre mot de passe Tandem',
    preview: 'Choisissez un nouveau mot de passe pour votre compte Tandem.',
    greeting: 'Bonjour {name},',
    body: 'Quelqu’un, sans doute vous, a demandé à réinitialiser le mot de passe du compte Tandem associé à {email}.',
    action: 'Choisir un nouveau mot de passe',
    expiry:
      'Le lien fonctionne une seule fois, pendant 60 minutes. Un nouveau mot de passe vous déconnecte de tous vos appareils.',
    ignore: 'Si vous n’avez rien demandé, ignorez ce courriel : votre mot de passe reste inchangé.',
  },
  passwordChanged: {
    subject: 'Votre mot de passe Tandem a été modifié',
    preview: 'Un avis concernant la sécurité de votre compte.',
    greeting: 'Bonjour {name},',
    body: 'Le mot de passe de votre compte Tandem a été modifié le {date}. Vos autres sessions ont été fermées.',
    warning: 'Si ce n’était pas vous, réinitialisez immédiatement votre mot de passe.',
    action: 'Réinitialiser mon mot de passe',
  },
  emailChanged: {
    subject: 'Votre adresse électronique Tandem a été modifiée',
    preview: 'Votre compte utilise désormais une autre adresse.',
    greeting: 'Bonjour {name},',
    body: 'Votre compte Tandem utilise désormais {email}. Les courriels de Tandem ne seront plus envoyés à cette adresse.',
    warning:
      'Si vous n’êtes pas à l’origine de ce changement, contactez un administrateur de votre réseau : quelqu’un a peut-être accès à votre compte.',
  },
};
