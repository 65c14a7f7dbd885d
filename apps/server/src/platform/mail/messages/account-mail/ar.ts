import type { AccountMailMessages } from './account-mail-messages';

export const accountAr: AccountMailMessages = {
  roles: { member: 'عضو', moderator: 'مشرف', admin: 'مدير' },
  invitation: {
    subject: '{inviter} يدعوك إلى الانضمام إلى {network} على Tandem',
    preview: 'انضم إلى {network} لتبادل الممارسات مع أعضائها.',
    greeting: 'مرحبًا،',
    body: 'يدعوك {inviter} إلى الانضمام إلى {network} على Tandem بصفة: {role}.',
    about:
      'Tandem مساحة يتبادل فيها العاملون في برامج الإدماج الممارسات والأبحاث ودراسات الحالة داخل شبكاتهم.',
    action: 'قبول الدعوة',
    expiry: 'الدعوة موجّهة إلى {email} وهي صالحة حتى {date}.',
    ignore: 'إذا لم تكن تتوقعها، يمكنك تجاهل هذه الرسالة.',
  },
  verifyEmail: {
    subject: 'أكّد عنوان بريدك الإلكتروني على Tandem',
    preview: 'نقرة واحدة لتأكيد عنوانك.',
    greeting: 'مرحبًا {name}،',
    bodySignUp: 'أهلًا بك في Tandem! يُرجى تأكيد أن {email} هو عنوان بريدك الإلكتروني.',
    bodyChange: 'طلبت استخدام {email} لحسابك على Tandem. أكّده وسيحلّ محلّ عنوانك الحالي.',
    action: 'تأكيد عنواني',
    expiry: 'يعمل الرابط مرة واحدة خلال 48 ساعة.',
    ignore: 'إذا لم تطلب ذلك، فتجاهل هذه الرسالة: لن يتغير شيء.',
  },
  passwordReset: {
    subject: 'إعادة تعيين كلمة مرور Tandem',
    preview: 'اختر كلمة مرور جديدة لحسابك على Tandem.',
    greeting: 'مرحبًا {name}،',
    body: 'طلب أحدهم، ونأمل أن تكون أنت، إعادة تعيين كلمة مرور حساب Tandem المرتبط بـ {email}.',
    action: 'اختيار كلمة مرور جديدة',
    expiry: 'يعمل الرابط مرة واحدة خلال 60 دقيقة. كلمة المرور الجديدة تُخرجك من جميع أجهزتك.',
    ignore: 'إذا لم تطلب ذلك، فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.',
  },
  passwordChanged: {
    subject: 'تم تغيير كلمة مرورك على Tandem',
    preview: 'تنبيه بشأن أمان حسابك.',
    greeting: 'مرحبًا {name}،',
    body: 'تم تغيير كلمة مرور حسابك على Tandem في {date}. وأُنهيت جلساتك الأخرى.',
    warning: 'إذا لم تكن أنت من فعل ذلك، فأعد تعيين كلمة مرورك فورًا.',
    action: 'إعادة تعيين كلمة المرور',
  },
  emailChanged: {
    subject: 'تم تغيير عنوان بريدك الإلكتروني على Tandem',
    preview: 'يستخدم حسابك الآن عنوانًا آخر.',
    greeting: 'مرحبًا {name}،',
    body: 'يستخدم حسابك على Tandem الآن {email}. لن تصل رسائل Tandem إلى هذا العنوان بعد الآن.',
    warning:
      'إذا لم تُجرِ هذا التغيير بنفسك، فتواصل مع أحد مديري شبكتك: ربما يملك شخص آخر وصولًا إلى حسابك.',
  },
};
