import type { AccountExport } from '@tandem/domain';
import type { ApiClient } from '../api/api-client';

/** Everything the server holds about the caller, as one document. */
export const exportMyData = (api: ApiClient) => api.get<AccountExport>('/me/data');

/** Deletes the caller's account; the password confirms it is really them. */
export const deleteMyAccount = (api: ApiClient, body: { password: string }) =>
  api.request<void>('DELETE', '/me', { body });
