import { Text } from '@react-email/components';
import { fillIn } from '../../messages';
import type { MailContext, MailTemplate } from '../mail-template';
import { ActionLink, note, paragraph } from './account-mail-parts';

export interface PasswordResetMailData {
  name: string;
  email: string;
  /** PUBLIC_URL/reset-password?token=… */
  resetUrl: string;
}

export const passwordResetMail: MailTemplate<PasswordResetMailData> = {
  subject: ({ t }) => t.account.passwordReset.subject,
  preview: ({ t }) => t.account.passwordReset.preview,
  Content: ({ t, data }: MailContext<PasswordResetMailData>) => {
    const texts = t.account.passwordReset;
    return (
      <>
        <Text style={paragraph}>{fillIn(texts.greeting, { name: data.name })}</Text>
        <Text style={paragraph}>{fillIn(texts.body, { email: data.email })}</Text>
        <ActionLink href={data.resetUrl} label={texts.action} />
        <Text style={note}>{texts.expiry}</Text>
        <Text style={note}>{texts.ignore}</Text>
      </>
    );
  },
};
