import type { AccountMailMessages } from './account-mail-messages';

export const accountEn: AccountMailMessages = {
  roles: { member: 'a member', moderator: 'a moderator', admin: 'an admin' },
  invitation: {
    subject: '{inviter} invites you to {network} on Tandem',
    preview: 'Join {network} to exchange practice with its members.',
    greeting: 'Hello,',
    body: '{inviter} invites you to join {network} on Tandem as {role}.',
    about:
      'Tandem is where people who run integration programmes exchange practice, research and case studies within their own networks.',
    action: 'Accept the invitation',
    expiry: 'The invitation is for {email} and works until {date}.',
    ignore: 'If you were not expecting it, you can ignore this mail.',
  },
  verifyEmail: {
    subject: 'Confirm your email address for Tandem',
    preview: 'One click to confirm your address.',
    greeting: 'Hello {name},',
    bodySignUp: 'Welcome to Tandem! Please confirm that {email} is your email address.',
    bodyChange:
      'You asked to use {email} for your Tandem account. Confirm it, and it will replace your current address.',
    action: 'Confirm my address',
    expiry: 'The link works once, for 48 hours.',
    ignore: 'If you did not ask for this, you can ignore this mail: nothing changes.',
  },
  passwordReset: {
    subject: 'Reset your Tandem password',
    preview: 'Choose a new password for your Tandem account.',
    greeting: 'Hello {name},',
    body: 'Someone, hopefully you, asked to reset the password of the Tandem account for {email}.',
    action: 'Choose a new password',
    expiry: 'The link works once, for 60 minutes. A new password signs you out on every device.',
    ignore: 'If you did not ask for this, ignore this mail: your password stays as it is.',
  },
  passwordChanged: {
    subject: 'Your Tandem password was changed',
    preview: 'A notice about your account’s security.',
    greeting: 'Hello {name},',
    body: 'The password of your Tandem account was changed on {date}. Your other sessions have been signed out.',
    warning: 'If this was not you, reset your password at once.',
    action: 'Reset my password',
  },
  emailChanged: {
    subject: 'Your Tandem email address was changed',
    preview: 'Your account now uses another address.',
    greeting: 'Hello {name},',
    body: 'Your Tandem account now uses {email}. Mail from Tandem will no longer come to this address.',
    warning:
      'If you did not make this change, contact an admin of your network: someone may have access to your account.',
  },
};
