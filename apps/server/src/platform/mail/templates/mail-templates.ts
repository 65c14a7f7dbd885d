import type { MailTemplate } from './mail-template';
import { testMail, type TestMailData } from './test-mail';

/**
 * Every mail template by name, with the data it needs. A feature adds a template by adding
 * its name and data type here, its component beside this file and its texts to every
 * catalogue in ../messages (docs/mail-and-jobs.md).
 */
export interface MailTemplateMap {
  'test-mail': TestMailData;
}

export type MailTemplateName = keyof MailTemplateMap;

export const MAIL_TEMPLATES: { [K in MailTemplateName]: MailTemplate<MailTemplateMap[K]> } = {
  'test-mail': testMail,
};

export function isMailTemplateName(name: string): name is MailTemplateName {
  return Object.prototype.hasOwnProperty.call(MAIL_TEMPLATES, name);
}
