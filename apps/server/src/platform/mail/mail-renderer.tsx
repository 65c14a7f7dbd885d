import { toPlainText } from '@react-email/render';
import { renderToStaticMarkup } from 'react-dom/server';
import type { MailLocale } from './mail-locales';
import { MAIL_MESSAGES } from './messages';
import { MailLayout } from './templates/mail-layout';
import type { MailContext, MailLinks, MailTemplate } from './templates/mail-template';
import {
  MAIL_TEMPLATES,
  type MailTemplateMap,
  type MailTemplateName,
} from './templates/mail-templates';

// What React Email's own render() puts first; old Outlook versions lay out by it.
const XHTML_DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

export interface RenderedMail {
  subject: string;
  html: string;
  /** The same mail as plain text, links written out, for the text/plain part. */
  text: string;
}

/**
 * Renders one mail in the recipient's locale. Pure: the same arguments give the same mail,
 * which is what lets a retry send exactly what the first attempt would have.
 */
export function renderMail<K extends MailTemplateName>(
  name: K,
  locale: MailLocale,
  data: MailTemplateMap[K],
  links: MailLinks,
): RenderedMail {
  const template = MAIL_TEMPLATES[name] as MailTemplate<MailTemplateMap[K]>;
  const context: MailContext<MailTemplateMap[K]> = {
    data,
    locale,
    t: MAIL_MESSAGES[locale],
    links,
  };
  const { Content } = template;
  const element = (
    <MailLayout locale={locale} t={context.t} links={links} preview={template.preview(context)}>
      <Content {...context} />
    </MailLayout>
  );
  // React's static renderer (the one React recommends for mail) rather than React Email's
  // render(): that one loads react-dom/server by a dynamic import(), which jest's CommonJS
  // runtime cannot run. The text part uses React Email's own conversion (links written out,
  // the preview line left out).
  const html = XHTML_DOCTYPE + renderToStaticMarkup(element);
  return { subject: template.subject(context), html, text: toPlainText(html) };
}
