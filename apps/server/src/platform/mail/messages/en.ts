import { accountEn } from './account-mail/en';
import type { MailMessages } from './mail-messages';

export const en: MailMessages = {
  layout: {
    tagline: 'Tandem — practice exchange for integration programmes',
    transactionalNote: 'You are receiving this email because of an action on your Tandem account.',
    notificationNote:
      'You are receiving this email because of your notification settings on Tandem.',
    unsubscribe: 'Unsubscribe',
  },
  testMail: {
    subject: 'Tandem test message',
    preview: 'Mail delivery from your Tandem server works.',
    greeting: 'Hello {name},',
    body: 'This is a test message from Tandem. If you can read it, mail delivery from your server works.',
    action: 'Open Tandem',
  },
  account: accountEn,
};
