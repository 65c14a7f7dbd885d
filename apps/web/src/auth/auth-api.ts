import type { EmailVerified, PasswordResetConfirmBody, UiLocale, UserView } from '@tandem/domain';
import type { ApiClient } from '../api/api-client';

export interface SignUpInput {
  email: string;
  password: string;
  displayName: string;
  /** The language the page is shown in: the new account's, and its mail's. */
  locale?: UiLocale;
}

export const getMe = (api: ApiClient) => api.get<UserView>('/me');

/** Signs in and stores the new session in the client. */
export const signIn = (api: ApiClient, email: string, password: string) =>
  api.authenticate('/auth/login', { email, password });

/** Registers and stores the new session in the client. */
export const signUp = (api: ApiClient, input: SignUpInput) =>
  api.authenticate('/auth/register', { ...input });

/** Ends the session on the server (best effort) and forgets it here. */
export const signOut = (api: ApiClient) => api.signOut();

/** Asks for a reset link; the server answers the same whether or not the address has an account. */
export const requestPasswordReset = (api: ApiClient, email: string) =>
  api.post<void>('/auth/password-reset', { email }, { authenticated: false });

/** Sets a new password with the token from the mail; every session of the account ends. */
export const confirmPasswordReset = (api: ApiClient, body: PasswordResetConfirmBody) =>
  api.post<void>('/auth/password-reset/confirm', body, { authenticated: false });

/** Confirms an address with the token from the mail. */
export const verifyEmail = (api: ApiClient, token: string) =>
  api.post<EmailVerified>('/auth/verify-email', { token }, { authenticated: false });
