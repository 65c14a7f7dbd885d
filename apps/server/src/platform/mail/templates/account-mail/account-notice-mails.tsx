import { Text } from '@react-email/components';
import { fillIn } from '../../messages';
import type { MailContext, MailTemplate } from '../mail-template';
import { ActionLink, formatMailDate, note, paragraph } from './account-mail-parts';

export interface PasswordChangedMailData {
  name: string;
  /** ISO time of the change */
  changedAt: string;
  /** PUBLIC_URL/forgot-password */
  resetUrl: string;
}

/** After a password change or reset: tells the owner, who may not have been the one. */
export const passwordChangedMail: MailTemplate<PasswordChangedMailData> = {
  subject: ({ t }) => t.account.passwordChanged.subject,
  preview: ({ t }) => t.account.passwordChanged.preview,
  Content: ({ t, data, locale }: MailContext<PasswordChangedMailData>) => {
    const texts = t.account.passwordChanged;
    return (
      <>
        <Text style={paragraph}>{fillIn(texts.greeting, { name: data.name })}</Text>
        <Text style={paragraph}>
          {fillIn(texts.body, { date: formatMailDate(data.changedAt, locale, true) })}
        </Text>
        <Text style={note}>{texts.warning}</Text>
        <ActionLink href={data.resetUrl} label={texts.action} />
      </>
    );
  },
};

export interface EmailChangedMailData {
  name: string;
  /** The new address; this mail goes to the old one. */
  newEmail: string;
}

/** To the old address once a new one is verified. */
export const emailChangedMail: MailTemplate<EmailChangedMailData> = {
  subject: ({ t }) => t.account.emailChanged.subject,
  preview: ({ t }) => t.account.emailChanged.preview,
  Content: ({ t, data }: MailContext<EmailChangedMailData>) => {
    const texts = t.account.emailChanged;
    return (
      <>
        <Text style={paragraph}>{fillIn(texts.greeting, { name: data.name })}</Text>
        <Text style={paragraph}>{fillIn(texts.body, { email: data.newEmail })}</Text>
        <Text style={note}>{texts.warning}</Text>
      </>
    );
  },
};
