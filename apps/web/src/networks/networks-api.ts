import { useQuery } from '@tanstack/react-query';
import type {
  InvitationCreated,
  InvitationView,
  MemberView,
  NetworkRole,
  NetworkView,
  NetworkVisibility,
  Page,
} from '@tandem/domain';
import type { ApiClient } from '../api/api-client';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';

/** The API address of a network; its sub-resources hang below it. */
export const networkApiPath = (slug: string) => `/networks/${encodeURIComponent(slug)}`;

export interface NewNetwork {
  name: string;
  slug: string;
  description: string;
  visibility: NetworkVisibility;
}

export interface NewInvitation {
  email: string;
  role: NetworkRole;
}

export const getNetwork = (api: ApiClient, slug: string) =>
  api.get<NetworkView>(networkApiPath(slug));

/** The networks the caller can see, a page at a time. */
export const listNetworks = (
  api: ApiClient,
  { cursor, limit }: { cursor?: string; limit?: number } = {},
) => api.get<Page<NetworkView>>('/networks', { query: { limit, cursor } });

export const createNetwork = (api: ApiClient, body: NewNetwork) =>
  api.post<NetworkView>('/networks', body);

export const joinNetwork = (api: ApiClient, slug: string) =>
  api.post<NetworkView>(`${networkApiPath(slug)}/join`);

export const leaveNetwork = (api: ApiClient, slug: string) =>
  api.post<void>(`${networkApiPath(slug)}/leave`);

const memberPath = (slug: string, userId: string) =>
  `${networkApiPath(slug)}/members/${encodeURIComponent(userId)}`;

export const listMembers = (api: ApiClient, slug: string, cursor?: string) =>
  api.get<Page<MemberView>>(`${networkApiPath(slug)}/members`, { query: { cursor } });

export const changeMemberRole = (api: ApiClient, slug: string, userId: string, role: NetworkRole) =>
  api.patch<MemberView>(memberPath(slug, userId), { role });

export const removeMember = (api: ApiClient, slug: string, userId: string) =>
  api.delete(memberPath(slug, userId));

export const listInvitations = (api: ApiClient, slug: string, cursor?: string) =>
  api.get<Page<InvitationView>>(`${networkApiPath(slug)}/invitations`, { query: { cursor } });

export const createInvitation = (api: ApiClient, slug: string, body: NewInvitation) =>
  api.post<InvitationCreated>(`${networkApiPath(slug)}/invitations`, body);

export const revokeInvitation = (api: ApiClient, slug: string, invitationId: string) =>
  api.delete(`${networkApiPath(slug)}/invitations/${encodeURIComponent(invitationId)}`);

/** One network by its slug, shared by every screen that shows its name or checks the role. */
export function useNetwork(slug: string | undefined) {
  const api = useApiClient();
  return useQuery({
    queryKey: queryKeys.network(slug ?? ''),
    queryFn: () => getNetwork(api, slug ?? ''),
    enabled: slug !== undefined,
  });
}
