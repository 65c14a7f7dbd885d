import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationView } from '@tandem/domain';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { authorName } from '../discussions/author';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFormatDateTime } from '../layout/format';
import { useRealtime } from '../realtime/realtime-context';
import { notificationPath } from './notification-links';
import { QuoteConsentPrompt } from '../settings/quote-consent';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationsPage,
} from './notifications-api';

function withNotification(
  page: NotificationsPage | undefined,
  notification: NotificationView,
): NotificationsPage | undefined {
  if (!page || page.items.some((item) => item.id === notification.id)) return page;
  return {
    ...page,
    items: [notification, ...page.items],
    unreadCount: page.unreadCount + (notification.readAt ? 0 : 1),
  };
}

function withRead(
  page: NotificationsPage | undefined,
  read: NotificationView,
): NotificationsPage | undefined {
  if (!page) return page;
  const before = page.items.find((item) => item.id === read.id);
  const wasUnread = before ? before.readAt === null : false;
  return {
    ...page,
    items: page.items.map((item) => (item.id === read.id ? read : item)),
    unreadCount: Math.max(0, page.unreadCount - (wasUnread && read.readAt ? 1 : 0)),
  };
}

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <path
        d="M6 16V11a6 6 0 1 1 12 0v5l2 2H4l2-2Zm4 4a2 2 0 0 0 4 0"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** Notifications, live: a count on the bell, the list in a popover, each linking to its subject. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const { socket } = useRealtime();
  const formatDateTime = useFormatDateTime();
  const [opened, popover] = useDisclosure(false);
  const titleId = useId();

  const list = useQuery({
    queryKey: queryKeys.notifications,
    queryFn: () => listNotifications(api),
  });

  useEffect(() => {
    if (!socket) return undefined;
    const onNotification = (notification: NotificationView) => {
      if (queryClient.getQueryData(queryKeys.notifications) === undefined) {
        // The list is still loading: it will be fetched again with this one in it.
        void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
        return;
      }
      queryClient.setQueryData<NotificationsPage>(queryKeys.notifications, (page) =>
        withNotification(page, notification),
      );
    };
    // Whatever arrived while the connection was down (the first connection finds the list
    // freshly loaded).
    let connectedBefore = socket.connected;
    const onConnect = () => {
      if (connectedBefore)
        void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
      connectedBefore = true;
    };
    socket.on('notification', onNotification);
    socket.on('connect', onConnect);
    return () => {
      socket.off('notification', onNotification);
      socket.off('connect', onConnect);
    };
  }, [socket, queryClient]);

  const markRead = useMutation({
    mutationFn: (id: string) => markNotificationRead(api, id),
    onSuccess: (read) =>
      queryClient.setQueryData<NotificationsPage>(queryKeys.notifications, (page) =>
        withRead(page, read),
      ),
  });
  const markAll = useMutation({
    mutationFn: () => markAllNotificationsRead(api),
    onSuccess: () => {
      const now = new Date().toISOString();
      queryClient.setQueryData<NotificationsPage>(queryKeys.notifications, (page) =>
        page
          ? {
              ...page,
              unreadCount: 0,
              items: page.items.map((item) => (item.readAt ? item : { ...item, readAt: now })),
            }
          : page,
      );
    },
  });

  const unread = list.data?.unreadCount ?? 0;
  const items = list.data?.items ?? [];

  return (
    <Popover
      opened={opened}
      onChange={(next) => (next ? popover.open() : popover.close())}
      position="bottom-end"
      shadow="md"
      withArrow
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          size={16}
          color="red"
          disabled={unread === 0}
          offset={4}
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={popover.toggle}
            aria-label={
              unread > 0
                ? t('notifications.openWithCount', { count: unread })
                : t('notifications.open')
            }
            aria-expanded={opened}
            data-testid="notification-bell"
          >
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown
        p="xs"
        role="dialog"
        aria-labelledby={titleId}
        // Not through Mantine's width prop, which would rewrite the CSS function as rem.
        style={{ width: 'min(22rem, calc(100vw - 1rem))' }}
      >
        <Stack gap="xs">
          <Group justify="space-between" gap="xs">
            <Text fw={600} id={titleId}>
              {t('notifications.title')}
            </Text>
            {unread > 0 && (
              <Button
                size="compact-xs"
                variant="subtle"
                loading={markAll.isPending}
                onClick={() => markAll.mutate()}
              >
                {t('notifications.markAllRead')}
              </Button>
            )}
          </Group>
          <ApiErrorAlert error={list.error ?? markAll.error ?? markRead.error} />
          {list.isSuccess && items.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('notifications.empty')}
            </Text>
          )}
          {items.length > 0 && (
            <ScrollArea.Autosize mah={360} type="auto">
              <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {items.map((item) => (
                  <li key={item.id}>
                    <Stack
                      gap={2}
                      p={6}
                      style={{
                        borderRadius: 'var(--mantine-radius-sm)',
                        background: item.readAt ? undefined : 'var(--mantine-color-indigo-0)',
                      }}
                    >
                      <Anchor
                        component={Link}
                        to={
                          // The quoted author may not be able to open a draft entry: their
                          // requests are listed (and answered) on the settings page.
                          item.kind === 'quote_consent_requested'
                            ? '/settings#quote-consents'
                            : notificationPath(item.subject)
                        }
                        size="sm"
                        onClick={() => {
                          if (!item.readAt) markRead.mutate(item.id);
                          popover.close();
                        }}
                        style={{ overflowWrap: 'anywhere' }}
                      >
                        {t(`notifications.kind.${item.kind}`, {
                          actor: item.actor ? authorName(item.actor, i18n.language) : '',
                          title: item.subject.title,
                        })}
                      </Anchor>
                      {item.excerpt && (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {item.excerpt}
                        </Text>
                      )}
                      {item.kind === 'quote_consent_requested' && item.messageId && (
                        <QuoteConsentPrompt entryId={item.subject.id} messageId={item.messageId} />
                      )}
                      <Group gap="xs" justify="space-between">
                        <Text size="xs" c="dimmed">
                          {formatDateTime(item.createdAt)}
                        </Text>
                        {item.readAt ? null : (
                          <Group gap={4}>
                            <Badge size="xs" color="indigo" variant="light" tt="none">
                              {t('notifications.unread')}
                            </Badge>
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              onClick={() => markRead.mutate(item.id)}
                              aria-label={t('notifications.markReadFor', {
                                title: item.subject.title,
                              })}
                            >
                              {t('notifications.markRead')}
                            </Button>
                          </Group>
                        )}
                      </Group>
                    </Stack>
                  </li>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
