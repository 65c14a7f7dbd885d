import { useQuery } from '@tanstack/react-query';
import type { MessageView, ThreadLinkView, ThreadView } from '@tandem/domain';
import type { ApiClient } from '../api/api-client';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';

const threadPath = (id: string) => `/threads/${encodeURIComponent(id)}`;
const messagePath = (id: string) => `/messages/${encodeURIComponent(id)}`;

/** `GET /threads/:id/messages`: messages after a seq, in seq order. */
export interface MessagesPage {
  items: MessageView[];
  /** True when more messages follow the last one returned. */
  hasMore: boolean;
}

export interface NewThreadLink {
  targetType: 'research' | 'case_study';
  targetId: string;
  note: string;
}

export const getThread = (api: ApiClient, id: string) => api.get<ThreadView>(threadPath(id));

export const setThreadLocked = (api: ApiClient, id: string, locked: boolean) =>
  api.post<ThreadView>(`${threadPath(id)}/${locked ? 'lock' : 'unlock'}`);

/** Over HTTP, for when the socket is down; the socket's `read` does the same. */
export const markThreadRead = (api: ApiClient, id: string, seq: number) =>
  api.post(`${threadPath(id)}/read`, { seq });

/** At most `limit` messages with a seq above `afterSeq`. */
export const listMessages = (
  api: ApiClient,
  threadId: string,
  { afterSeq, limit }: { afterSeq: number; limit: number },
) => api.get<MessagesPage>(`${threadPath(threadId)}/messages`, { query: { afterSeq, limit } });

/** Over HTTP, for when the socket is down: just as idempotent with the same clientId. */
export const sendMessage = (
  api: ApiClient,
  threadId: string,
  body: { body: string; clientId: string },
) => api.post<MessageView>(`${threadPath(threadId)}/messages`, body);

export const editMessage = (api: ApiClient, id: string, body: string) =>
  api.patch<MessageView>(messagePath(id), { body });

export const deleteMessage = (api: ApiClient, id: string) =>
  api.delete<MessageView>(messagePath(id));

export const listThreadLinks = (api: ApiClient, threadId: string) =>
  api.get<ThreadLinkView[]>(`${threadPath(threadId)}/links`);

/** Answers with every link of the thread, the new one included. */
export const addThreadLink = (api: ApiClient, threadId: string, body: NewThreadLink) =>
  api.post<ThreadLinkView[]>(`${threadPath(threadId)}/links`, body);

export const removeThreadLink = (api: ApiClient, threadId: string, linkId: string) =>
  api.delete(`${threadPath(threadId)}/links/${encodeURIComponent(linkId)}`);

/** One thread by id, shared by the thread page and a pairing's conversation. */
export function useThread(id: string) {
  const api = useApiClient();
  return useQuery({ queryKey: queryKeys.thread(id), queryFn: () => getThread(api, id) });
}
