import type {
  AccountExport,
  ChangeEmailBody,
  ChangePasswordBody,
  EmailChangeRequested,
  SessionView,
  UpdateProfileBody,
  UserView,
} from '@tandem/domain';
import type { ApiClient } from '../api/api-client';

/** Everything the server holds about the caller, as one document. */
export const exportMyData = (api: ApiClient) => api.get<AccountExport>('/me/data');

/** Deletes the caller's account; the password confirms it is really them. */
export const deleteMyAccount = (api: ApiClient, body: { password: string }) =>
  api.request<void>('DELETE', '/me', { body });

/** Changes the name, the language (the app's and the mail's) or the reading languages. */
export const updateProfile = (api: ApiClient, body: UpdateProfileBody) =>
  api.patch<UserView>('/me', body);

/** Changes the password; every other session ends. */
export const changePassword = (api: ApiClient, body: ChangePasswordBody) =>
  api.post<void>('/me/password', body);

/** Mails a link to the new address, which replaces the current one once it is opened. */
export const changeEmail = (api: ApiClient, body: ChangeEmailBody) =>
  api.post<EmailChangeRequested>('/me/email', body);

/** Sends the verification link again (to the address waiting, or the unconfirmed own one). */
export const resendVerification = (api: ApiClient) =>
  api.post<EmailChangeRequested>('/me/email/resend');

export const listSessions = (api: ApiClient) => api.get<SessionView[]>('/me/sessions');

export const endSession = (api: ApiClient, id: string) =>
  api.delete(`/me/sessions/${encodeURIComponent(id)}`);
