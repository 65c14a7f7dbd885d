import { accountEs } from './account-mail/es';
import type { MailMessages } from './mail-messages';

export const es: MailMessages = {
  layout: {
    tagline: 'Tandem — intercambio de prácticas para programas de integración',
    transactionalNote: 'Recibes este correo por una acción en tu cuenta de Tandem.',
    notificationNote: 'Recibes este correo por tu configuración de notificaciones en Tandem.',
    unsubscribe: 'Cancelar la suscripción',
  },
  testMail: {
    subject: 'Mensaje de prueba de Tandem',
    preview: 'El envío de correo desde tu servidor de Tandem funciona.',
    greeting: 'Hola, {name}:',
    body: 'Este es un mensaje de prueba de Tandem. Si puedes leerlo, el envío de correo desde tu servidor funciona.',
    action: 'Abrir Tandem',
  },
  account: accountEs,
};
