import { Text } from '@react-email/components';
import { fillIn } from '../../messages';
import type { MailContext, MailTemplate } from '../mail-template';
import { ActionLink, note, paragraph } from './account-mail-parts';

export interface VerifyEmailMailData {
  name: string;
  /** The address being verified (the mail goes to it). */
  email: string;
  /** Sign-up confirms the account's address; change confirms a new one. */
  reason: 'sign_up' | 'change';
  /** PUBLIC_URL/verify-email?token=… */
  verifyUrl: string;
}

export const verifyEmailMail: MailTemplate<VerifyEmailMailData> = {
  subject: ({ t }) => t.account.verifyEmail.subject,
  preview: ({ t }) => t.account.verifyEmail.preview,
  Content: ({ t, data }: MailContext<VerifyEmailMailData>) => {
    const texts = t.account.verifyEmail;
    return (
      <>
        <Text style={paragraph}>{fillIn(texts.greeting, { name: data.name })}</Text>
        <Text style={paragraph}>
          {fillIn(data.reason === 'change' ? texts.bodyChange : texts.bodySignUp, {
            email: data.email,
          })}
        </Text>
        <ActionLink href={data.verifyUrl} label={texts.action} />
        <Text style={note}>{texts.expiry}</Text>
        <Text style={note}>{texts.ignore}</Text>
      </>
    );
  },
};
