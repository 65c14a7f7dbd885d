import { accountEl } from './account-mail/el';
import type { MailMessages } from './mail-messages';

export const el: MailMessages = {
  layout: {
    tagline: 'Tandem — ανταλλαγή πρακτικών για προγράμματα ένταξης',
    transactionalNote:
      'Λαμβάνετε αυτό το μήνυμα λόγω μιας ενέργειας στον λογαριασμό σας στο Tandem.',
    notificationNote: 'Λαμβάνετε αυτό το μήνυμα λόγω των ρυθμίσεων ειδοποιήσεών σας στο Tandem.',
    unsubscribe: 'Απεγγραφή',
  },
  testMail: {
    subject: 'Δοκιμαστικό μήνυμα από το Tandem',
    preview: 'Η αποστολή email από τον διακομιστή σας Tandem λειτουργεί.',
    greeting: 'Γεια σας, {name},',
    body: 'Αυτό είναι ένα δοκιμαστικό μήνυμα από το Tandem. Αν μπορείτε να το διαβάσετε, η αποστολή email από τον διακομιστή σας λειτουργεί.',
    action: 'Άνοιγμα του Tandem',
  },
  account: accountEl,
};
