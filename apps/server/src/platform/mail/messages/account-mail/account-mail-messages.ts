/**
 * The texts of the account mails (invitation, address verification, password reset, and the
 * notices after a password or address change), one file per locale beside this one. Placeholders
 * in braces are filled by `fillIn`; `{date}` is formatted for the locale by the template.
 */
export interface AccountMailMessages {
  roles: { member: string; moderator: string; admin: string };
  invitation: {
    /** {inviter} {network} */
    subject: string;
    /** {network} */
    preview: string;
    greeting: string;
    /** {inviter} {network} {role} */
    body: string;
    about: string;
    action: string;
    /** {email} {date} */
    expiry: string;
    ignore: string;
  };
  verifyEmail: {
    subject: string;
    preview: string;
    /** {name} */
    greeting: string;
    /** {email}: confirming the address given at sign-up */
    bodySignUp: string;
    /** {email}: confirming a new address for an existing account */
    bodyChange: string;
    action: string;
    expiry: string;
    ignore: string;
  };
  passwordReset: {
    subject: string;
    preview: string;
    /** {name} */
    greeting: string;
    /** {email} */
    body: string;
    action: string;
    expiry: string;
    ignore: string;
  };
  passwordChanged: {
    subject: string;
    preview: string;
    /** {name} */
    greeting: string;
    /** {date} */
    body: string;
    warning: string;
    action: string;
  };
  emailChanged: {
    subject: string;
    preview: string;
    /** {name} */
    greeting: string;
    /** {email}: the new address */
    body: string;
    warning: string;
  };
}
