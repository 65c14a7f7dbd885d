import type { UserView } from '@tandem/domain';
import type { ApiClient } from '../api/api-client';

export interface SignUpInput {
  email: string;
  password: string;
  displayName: string;
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
