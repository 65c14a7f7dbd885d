import type { AccountMailMessages } from './account-mail-messages';

export const accountEs: AccountMailMessages = {
  roles: { member: 'miembro', moderator: 'moderador/a', admin: 'administrador/a' },
  invitation: {
    subject: '{inviter} te invita a unirte a {network} en Tandem',
    preview: 'Únete a {network} para intercambiar prácticas con sus miembros.',
    greeting: 'Hola:',
    body: '{inviter} te invita a unirte a {network} en Tandem como {role}.',
    about:
      'Tandem es el lugar donde quienes gestionan programas de integración intercambian prácticas, investigaciones y estudios de caso dentro de sus propias redes.',
    action: 'Aceptar la invitación',
    expiry: 'La invitación es para {email} y es válida hasta el {date}.',
    ignore: 'Si no la esperabas, puedes ignorar este correo.',
  },
  verifyEmail: {
    subject: 'Confirma tu dirección de correo para Tandem',
    preview: 'Un clic para confirmar tu dirección.',
    greeting: 'Hola, {name}:',
    bodySignUp: '¡Te damos la bienvenida a Tandem! Confirma que {email} es tu dirección de correo.',
    bodyChange:
      'Has pedido usar {email} en tu cuenta de Tandem. Confírmala y sustituirá a tu dirección actual.',
    action: 'Confirmar mi dirección',
    expiry: 'El enlace funciona una sola vez, durante 48 horas.',
    ignore: 'Si no lo has pedido tú, ignora este correo: no cambiará nada.',
  },
  passwordReset: {
    subject: 'Restablece tu contraseña de Tandem',
    preview: 'Elige una contraseña nueva para tu cuenta de Tandem.',
    greeting: 'Hola, {name}:',
    body: 'Alguien, esperamos que tú, ha pedido restablecer la contraseña de la cuenta de Tandem de {email}.',
    action: 'Elegir una contraseña nueva',
    expiry:
      'El enlace funciona una sola vez, durante 60 minutos. Con una contraseña nueva se cierran tus sesiones en todos los dispositivos.',
    ignore: 'Si no lo has pedido tú, ignora este correo: tu contraseña no cambia.',
  },
  passwordChanged: {
    subject: 'Se ha cambiado tu contraseña de Tandem',
    preview: 'Un aviso sobre la seguridad de tu cuenta.',
    greeting: 'Hola, {name}:',
    body: 'La contraseña de tu cuenta de Tandem se cambió el {date}. Se han cerrado tus otras sesiones.',
    warning: 'Si no has sido tú, restablece tu contraseña de inmediato.',
    action: 'Restablecer mi contraseña',
  },
  emailChanged: {
    subject: 'Se ha cambiado tu dirección de correo en Tandem',
    preview: 'Tu cuenta usa ahora otra dirección.',
    greeting: 'Hola, {name}:',
    body: 'Tu cuenta de Tandem usa ahora {email}. Los correos de Tandem ya no llegarán a esta dirección.',
    warning:
      'Si no has hecho tú este cambio, contacta con un administrador de tu red: puede que alguien tenga acceso a tu cuenta.',
  },
};
