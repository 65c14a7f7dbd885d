import type { AccountMailMessages } from './account-mail-messages';

export const accountPt: AccountMailMessages = {
  roles: { member: 'membro', moderator: 'moderador(a)', admin: 'administrador(a)' },
  invitation: {
    subject: '{inviter} convida-o a juntar-se a {network} no Tandem',
    preview: 'Junte-se a {network} para trocar práticas com os seus membros.',
    greeting: 'Olá,',
    body: '{inviter} convida-o a juntar-se a {network} no Tandem como {role}.',
    about:
      'O Tandem é o espaço onde quem gere programas de integração partilha práticas, investigação e estudos de caso dentro das suas próprias redes.',
    action: 'Aceitar o convite',
    expiry: 'O convite é para {email} e é válido até {date}.',
    ignore: 'Se não estava à espera dele, pode ignorar este e-mail.',
  },
  verifyEmail: {
    subject: 'Confirme o seu endereço de e-mail no Tandem',
    preview: 'Um clique para confirmar o seu endereço.',
    greeting: 'Olá, {name},',
    bodySignUp: 'Bem-vindo ao Tandem! Confirme que {email} é o seu endereço de e-mail.',
    bodyChange:
      'Pediu para usar {email} na sua conta Tandem. Confirme-o e ele substituirá o seu endereço atual.',
    action: 'Confirmar o meu endereço',
    expiry: 'A ligação funciona uma única vez, durante 48 horas.',
    ignore: 'Se não foi você que pediu, ignore este e-mail: nada muda.',
  },
  passwordReset: {
    subject: 'Redefina a sua palavra-passe do Tandem',
    preview: 'Escolha uma nova palavra-passe para a sua conta Tandem.',
    greeting: 'Olá, {name},',
    body: 'Alguém, esperamos que você, pediu para redefinir a palavra-passe da conta Tandem de {email}.',
    action: 'Escolher uma nova palavra-passe',
    expiry:
      'A ligação funciona uma única vez, durante 60 minutos. Uma nova palavra-passe termina a sessão em todos os dispositivos.',
    ignore: 'Se não foi você que pediu, ignore este e-mail: a sua palavra-passe continua igual.',
  },
  passwordChanged: {
    subject: 'A sua palavra-passe do Tandem foi alterada',
    preview: 'Um aviso sobre a segurança da sua conta.',
    greeting: 'Olá, {name},',
    body: 'A palavra-passe da sua conta Tandem foi alterada em {date}. As suas outras sessões foram terminadas.',
    warning: 'Se não foi você, redefina a sua palavra-passe imediatamente.',
    action: 'Redefinir a palavra-passe',
  },
  emailChanged: {
    subject: 'O seu endereço de e-mail no Tandem foi alterado',
    preview: 'A sua conta usa agora outro endereço.',
    greeting: 'Olá, {name},',
    body: 'A sua conta Tandem usa agora {email}. Os e-mails do Tandem deixarão de chegar a este endereço.',
    warning:
      'Se não fez esta alteração, contacte um administrador da sua rede: alguém pode ter acesso à sua conta.',
  },
};
