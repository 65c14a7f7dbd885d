import type { ReactElement } from 'react';
import type { MailLocale } from '../mail-locales';
import type { MailMessages } from '../messages';

/** Absolute links every mail may need; features put their own (with tokens) in the data. */
export interface MailLinks {
  /** PUBLIC_URL, without a trailing slash. */
  home: string;
  /** Set for non-transactional mail only. */
  unsubscribe: string | null;
}

/** What a template is given: its data, the recipient's locale and that locale's texts. */
export interface MailContext<D> {
  data: D;
  locale: MailLocale;
  t: MailMessages;
  links: MailLinks;
}

/**
 * One kind of mail. The layout (mail-layout.tsx) supplies the frame, the direction, the
 * footer and the unsubscribe link; a template supplies the subject, the preview line and the
 * content. Every text comes from the catalogues in messages/, never from the template.
 */
export interface MailTemplate<D> {
  subject(context: MailContext<D>): string;
  /** The line mail clients show beside the subject. */
  preview(context: MailContext<D>): string;
  /** A component (a property, so it can be rendered as `<Content />`). */
  Content: (context: MailContext<D>) => ReactElement;
}
