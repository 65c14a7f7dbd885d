import type { InvitationPreview, NetworkView } from '@tandem/domain';
import type { ApiClient } from '../api/api-client';

const invitationPath = (token: string) => `/invitations/${encodeURIComponent(token)}`;

/** What the invitee sees before accepting: the network, the role, who invited them. */
export const getInvitationPreview = (api: ApiClient, token: string) =>
  api.get<InvitationPreview>(invitationPath(token));

export const acceptInvitation = (api: ApiClient, token: string) =>
  api.post<NetworkView>(`${invitationPath(token)}/accept`);
