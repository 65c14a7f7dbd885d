import { accountAr } from './account-mail/ar';
import type { MailMessages } from './mail-messages';

export const ar: MailMessages = {
  layout: {
    tagline: 'Tandem — تبادل الممارسات لبرامج الإدماج',
    transactionalNote: 'تصلك هذه الرسالة بسبب إجراء تمّ على حسابك في Tandem.',
    notificationNote: 'تصلك هذه الرسالة وفقًا لإعدادات الإشعارات في حسابك على Tandem.',
    unsubscribe: 'إلغاء الاشتراك',
  },
  testMail: {
    subject: 'رسالة تجريبية من Tandem',
    preview: 'إرسال البريد الإلكتروني من خادم Tandem الخاص بك يعمل.',
    greeting: 'مرحبًا {name}،',
    body: 'هذه رسالة تجريبية من Tandem. إذا كان بإمكانك قراءتها، فإن إرسال البريد الإلكتروني من خادمك يعمل.',
    action: 'افتح Tandem',
  },
  account: accountAr,
};
