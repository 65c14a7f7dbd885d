import type { NotificationView, Page } from '@tandem/domain';
import type { ApiClient } from '../api/api-client';

/** The latest notifications, with how many of all of them are unread. */
export type NotificationsPage = Page<NotificationView> & { unreadCount: number };

export const listNotifications = (api: ApiClient) => api.get<NotificationsPage>('/notifications');

export const markNotificationRead = (api: ApiClient, id: string) =>
  api.post<NotificationView>(`/notifications/${encodeURIComponent(id)}/read`);

export const markAllNotificationsRead = (api: ApiClient) =>
  api.post<{ updated: number }>('/notifications/read-all');
