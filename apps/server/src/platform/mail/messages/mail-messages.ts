import type { AccountMailMessages } from './account-mail/account-mail-messages';

/**
 * The texts of every mail, one catalogue per locale (messages/<locale>.ts). A new template
 * adds its section here, and TypeScript then refuses any catalogue that lacks it. `{name}`
 * marks a value filled in by `fillIn`; the values are escaped by React when rendered.
 */
export interface MailMessages {
  layout: {
    /** Under the Tandem name in every mail. */
    tagline: string;
    /** Why a transactional mail (invitation, password reset) came. */
    transactionalNote: string;
    /** Why a notification or digest came; followed by the unsubscribe link. */
    notificationNote: string;
    unsubscribe: string;
  };
  testMail: {
    subject: string;
    /** Shown by mail clients beside the subject. */
    preview: string;
    /** {name} */
    greeting: string;
    body: string;
    action: string;
  };
  /** Invitations, address verification, password reset and account notices. */
  account: AccountMailMessages;
}

/** Replaces each `{key}` with its value; an unknown key is left as written. */
export function fillIn(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
