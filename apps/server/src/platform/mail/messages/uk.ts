import { accountUk } from './account-mail/uk';
import type { MailMessages } from './mail-messages';

export const uk: MailMessages = {
  layout: {
    tagline: 'Tandem — обмін практиками для програм інтеграції',
    transactionalNote: 'Ви отримали цей лист через дію у вашому обліковому записі Tandem.',
    notificationNote: 'Ви отримали цей лист відповідно до ваших налаштувань сповіщень у Tandem.',
    unsubscribe: 'Відписатися',
  },
  testMail: {
    subject: 'Тестове повідомлення від Tandem',
    preview: 'Надсилання листів із вашого сервера Tandem працює.',
    greeting: 'Вітаємо, {name}!',
    body: 'Це тестове повідомлення від Tandem. Якщо ви можете його прочитати, надсилання листів із вашого сервера працює.',
    action: 'Відкрити Tandem',
  },
  account: accountUk,
};
