import type { Messages } from '../en';

/** What each language's account-screen file fills in: the same sections as the English. */
export type AccountSettingsMessages = Pick<
  Messages,
  'accountSettings' | 'passwordReset' | 'verifyEmail'
>;
