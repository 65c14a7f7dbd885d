import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { atLeast, type ChannelView, type ThreadView } from '@tandem/domain';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { queryKeys } from '../api/query-client';
import { usePagedQuery } from '../api/use-paged-query';
import { AuthorLine, ChathamBadge } from '../discussions/author';
import { TopicBadges } from '../discussions/topics';
import { useFormatDateTime } from '../layout/format';
import { LoadMoreButton } from '../layout/load-more-button';
import { ErrorState, PageLoader } from '../layout/page-states';
import { useNetwork } from '../networks/networks-api';
import { SlowModeControl, SlowModeNotice } from '../moderation/slow-mode';
import { SuspensionNotice } from '../moderation/suspensions';
import { ConnectionBanner } from '../realtime/connection-banner';
import { useRealtime } from '../realtime/realtime-context';
import { useChannelRoom } from '../realtime/use-channel-room';
import { listThreads, useChannel } from './channels-api';
import { NewThreadForm } from './new-thread-form';

const REFRESH_DELAY_MS = 1000;

/** `/channels/:channelId`: a channel's threads, newest activity first. */
export function ChannelPage() {
  const { channelId = '' } = useParams();
  const { t } = useTranslation();
  const channel = useChannel(channelId);

  if (channel.isPending) return <PageLoader />;
  if (channel.isError) {
    return (
      <Stack>
        <Anchor component={Link} to="/networks">
          ← {t('network.back')}
        </Anchor>
        <ErrorState error={channel.error} onRetry={() => void channel.refetch()} />
      </Stack>
    );
  }
  return <ChannelScreen channel={channel.data} />;
}

function ChannelScreen({ channel }: { channel: ChannelView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const network = useNetwork(channel.networkSlug);
  const canModerate = atLeast(network.data?.myRole ?? null, 'moderator');
  const { socket } = useRealtime();
  const [formOpened, form] = useDisclosure(false);
  const { query, items } = usePagedQuery(queryKeys.threads(channel.id), (client, cursor) =>
    listThreads(client, channel.id, cursor),
  );
  useChannelRoom(channel.id);

  // New threads and new activity reorder the list: fetch it again, at most about once a second
  // however busy the channel is.
  useEffect(() => {
    if (!socket) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = (thread: ThreadView) => {
      if (thread.channelId !== channel.id || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void queryClient.invalidateQueries({ queryKey: queryKeys.threads(channel.id) });
      }, REFRESH_DELAY_MS);
    };
    socket.on('thread:new', refresh);
    socket.on('thread:updated', refresh);
    return () => {
      clearTimeout(timer);
      socket.off('thread:new', refresh);
      socket.off('thread:updated', refresh);
    };
  }, [socket, queryClient, channel.id]);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/networks/${channel.networkSlug}`} size="sm">
        ← {t('channel.back')}
      </Anchor>
      <Stack gap="xs">
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {channel.name}
        </Title>
        <Group gap="xs">
          {channel.visibility === 'private' && (
            <Badge variant="light" color="gray" tt="none">
              {t('channels.private')}
            </Badge>
          )}
          {channel.archived && (
            <Badge variant="light" color="orange" tt="none">
              {t('channels.archived')}
            </Badge>
          )}
          <TopicBadges topics={channel.topics} />
        </Group>
        {channel.description && (
          <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            {channel.description}
          </Text>
        )}
      </Stack>

      <ConnectionBanner />
      <SuspensionNotice slug={channel.networkSlug} />
      {canModerate ? (
        <SlowModeControl key={channel.slowModeSeconds} channel={channel} />
      ) : (
        <SlowModeNotice seconds={channel.slowModeSeconds} />
      )}

      {channel.archived ? (
        <Text c="dimmed">{t('channel.archivedNotice')}</Text>
      ) : formOpened ? (
        <NewThreadForm channelId={channel.id} onCancel={form.close} />
      ) : (
        <Button onClick={form.open} style={{ alignSelf: 'flex-start' }}>
          {t('channel.newThread')}
        </Button>
      )}

      <Stack gap="sm" component="section" aria-labelledby="threads-title">
        <Title order={2} size="h3" id="threads-title">
          {t('channel.threadsTitle')}
        </Title>
        {query.isPending ? (
          <PageLoader />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : items.length === 0 ? (
          <Text c="dimmed">{t('channel.noThreads')}</Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((thread) => (
              <ThreadItem key={thread.id} thread={thread} />
            ))}
          </Stack>
        )}
        <LoadMoreButton
          query={query}
          label={t('networks.loadMore')}
          style={{ alignSelf: 'center' }}
        />
      </Stack>
    </Stack>
  );
}

function ThreadItem({ thread }: { thread: ThreadView }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
          <Anchor
            component={Link}
            to={`/threads/${thread.id}`}
            fw={600}
            style={{ overflowWrap: 'anywhere', minWidth: 0, flex: '1 1 12rem' }}
          >
            {thread.title}
          </Anchor>
          {thread.unreadCount > 0 && (
            <Badge color="red" variant="filled" tt="none">
              {t('channel.unread', { count: thread.unreadCount })}
            </Badge>
          )}
        </Group>
        <Group gap="xs" wrap="wrap">
          {thread.attribution === 'chatham' && <ChathamBadge />}
          {thread.locked && (
            <Badge color="orange" variant="light" tt="none">
              {t('thread.locked')}
            </Badge>
          )}
          <TopicBadges topics={thread.topics} />
        </Group>
        <Group gap={6} wrap="wrap">
          <AuthorLine author={thread.author} isMine={thread.isMine} />
          <Text size="xs" c="dimmed">
            · {t('channel.messages', { count: thread.messageCount })} ·{' '}
            {t('channel.lastActivity', { date: formatDateTime(thread.lastActivityAt) })}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
