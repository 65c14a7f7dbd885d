import type {
  AuditAction,
  AuditEntryView,
  FlagReason,
  FlagsClosedView,
  FlagView,
  MessageView,
  ModerationQueueItem,
  MySuspensionView,
  Page,
  SlowModeView,
  SuspensionView,
} from '@tandem/domain';
import type { ApiClient } from '../api/api-client';

const networkPath = (slug: string) => `/networks/${encodeURIComponent(slug)}`;
const messagePath = (id: string) => `/messages/${encodeURIComponent(id)}`;
const memberPath = (slug: string, userId: string) =>
  `${networkPath(slug)}/members/${encodeURIComponent(userId)}`;

/** What a moderator does to a reported message: hide or unhide it, or close its reports. */
export type QueueAction = 'hide' | 'unhide' | 'resolve' | 'dismiss';

export const listModerationQueue = (api: ApiClient, slug: string, cursor?: string) =>
  api.get<Page<ModerationQueueItem>>(`${networkPath(slug)}/moderation/queue`, {
    query: { cursor },
  });

export const listAuditLog = (
  api: ApiClient,
  slug: string,
  action: AuditAction | null,
  cursor?: string,
) =>
  api.get<Page<AuditEntryView>>(`${networkPath(slug)}/audit-log`, {
    query: { action: action ?? undefined, cursor },
  });

export const setMessageHidden = (api: ApiClient, messageId: string, hidden: boolean) =>
  api.post<MessageView>(`${messagePath(messageId)}/${hidden ? 'hide' : 'unhide'}`);

/** Resolving or dismissing closes every open report on the message. */
export const closeFlags = (api: ApiClient, messageId: string, how: 'resolve' | 'dismiss') =>
  api.post<FlagsClosedView>(`${messagePath(messageId)}/flags/${how}`);

export const reportMessage = (
  api: ApiClient,
  messageId: string,
  body: { reason: FlagReason; note?: string },
) => api.post<FlagView>(`${messagePath(messageId)}/flags`, body);

export const setSlowMode = (api: ApiClient, channelId: string, seconds: number) =>
  api.post<SlowModeView>(`/channels/${encodeURIComponent(channelId)}/slow-mode`, { seconds });

/** Suspensions in force in the network (the first hundred), for its moderators. */
export const listSuspensions = (api: ApiClient, slug: string) =>
  api.get<Page<SuspensionView>>(`${networkPath(slug)}/suspensions`, { query: { limit: 100 } });

export const getMySuspension = (api: ApiClient, slug: string) =>
  api.get<MySuspensionView>(`${networkPath(slug)}/suspensions/mine`);

export const suspendMember = (
  api: ApiClient,
  slug: string,
  userId: string,
  body: { days: number; reason: string },
) => api.post<SuspensionView>(`${memberPath(slug, userId)}/suspend`, body);

export const liftSuspension = (api: ApiClient, slug: string, userId: string) =>
  api.post<void>(`${memberPath(slug, userId)}/unsuspend`);
