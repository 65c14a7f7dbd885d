import { useQuery } from '@tanstack/react-query';
import type {
  Attribution,
  ChannelView,
  ChannelVisibility,
  Page,
  ThreadView,
  Topic,
} from '@tandem/domain';
import type { ApiClient } from '../api/api-client';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';

const channelPath = (id: string) => `/channels/${encodeURIComponent(id)}`;
const networkChannelsPath = (slug: string) => `/networks/${encodeURIComponent(slug)}/channels`;

export interface NewChannel {
  slug: string;
  name: string;
  description: string;
  topics: Topic[];
  visibility: ChannelVisibility;
}

export interface NewThread {
  title: string;
  body: string;
  attribution: Attribution;
  topics: Topic[];
  /** Chosen once per thread being written: resending after a lost answer returns the same thread. */
  clientId: string;
}

export const getChannel = (api: ApiClient, id: string) => api.get<ChannelView>(channelPath(id));

/** The network's channels the caller can read, with their unread counts. */
export const listChannels = (api: ApiClient, slug: string) =>
  api.get<ChannelView[]>(networkChannelsPath(slug));

export const createChannel = (api: ApiClient, slug: string, body: NewChannel) =>
  api.post<ChannelView>(networkChannelsPath(slug), body);

export const listThreads = (api: ApiClient, channelId: string, cursor?: string) =>
  api.get<Page<ThreadView>>(`${channelPath(channelId)}/threads`, { query: { cursor } });

export const createThread = (api: ApiClient, channelId: string, body: NewThread) =>
  api.post<ThreadView>(`${channelPath(channelId)}/threads`, body);

/** One channel by id, shared by the channel and thread screens. */
export function useChannel(id: string) {
  const api = useApiClient();
  return useQuery({ queryKey: queryKeys.channel(id), queryFn: () => getChannel(api, id) });
}
