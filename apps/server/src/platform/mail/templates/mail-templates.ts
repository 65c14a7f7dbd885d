import {
  emailChangedMail,
  passwordChangedMail,
  type EmailChangedMailData,
  type PasswordChangedMailData,
} from './account-mail/account-notice-mails';
import { invitationMail, type InvitationMailData } from './account-mail/invitation-mail';
import { passwordResetMail, type PasswordResetMailData } from './account-mail/password-reset-mail';
import { verifyEmailMail, type VerifyEmailMailData } from './account-mail/verify-email-mail';
import type { MailTemplate } from './mail-template';
import { testMail, type TestMailData } from './test-mail';

/**
 * Every mail template by name, with the data it needs. A feature adds a template by adding
 * its name and data type here, its component beside this file and its texts to every
 * catalogue in ../messages (docs/mail-and-jobs.md).
 */
export interface MailTemplateMap {
  'test-mail': TestMailData;
  invitation: InvitationMailData;
  'verify-email': VerifyEmailMailData;
  'password-reset': PasswordResetMailData;
  'password-changed': PasswordChangedMailData;
  'email-changed': EmailChangedMailData;
}

export type MailTemplateName = keyof MailTemplateMap;

export const MAIL_TEMPLATES: { [K in MailTemplateName]: MailTemplate<MailTemplateMap[K]> } = {
  'test-mail': testMail,
  invitation: invitationMail,
  'verify-email': verifyEmailMail,
  'password-reset': passwordResetMail,
  'password-changed': passwordChangedMail,
  'email-changed': emailChangedMail,
};

export function isMailTemplateName(name: string): name is MailTemplateName {
  return Object.prototype.hasOwnProperty.call(MAIL_TEMPLATES, name);
}
