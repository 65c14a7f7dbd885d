import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { atLeast, type NetworkRole } from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { TopicBadges } from '../discussions/topics';
import { ErrorState, PageLoader } from '../layout/page-states';
import { listChannels } from './channels-api';
import { CreateChannelForm } from './create-channel-form';

/** The network's channels the caller can read, with what they have not read yet. */
export function ChannelsSection({ slug, myRole }: { slug: string; myRole: NetworkRole }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [formOpened, form] = useDisclosure(false);
  const canCreate = atLeast(myRole, 'moderator');
  const channels = useQuery({
    queryKey: queryKeys.channels(slug),
    queryFn: () => listChannels(api, slug),
  });

  return (
    <Stack gap="sm" component="section" aria-labelledby="channels-title">
      <Group justify="space-between" gap="xs">
        <Title order={2} size="h3" id="channels-title">
          {t('channels.title')}
        </Title>
        {canCreate && !formOpened && (
          <Button size="xs" variant="light" onClick={form.open}>
            {t('channels.create')}
          </Button>
        )}
      </Group>
      {canCreate && formOpened && <CreateChannelForm slug={slug} onDone={form.close} />}
      {channels.isPending ? (
        <PageLoader />
      ) : channels.isError ? (
        <ErrorState error={channels.error} onRetry={() => void channels.refetch()} />
      ) : channels.data.length === 0 ? (
        <Text c="dimmed" size="sm">
          {canCreate ? t('channels.emptyModerator') : t('channels.empty')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {channels.data.map((channel) => (
            <Paper component="li" key={channel.id} withBorder p="sm" radius="md">
              <Stack gap={4}>
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Anchor
                    component={Link}
                    to={`/channels/${channel.id}`}
                    fw={600}
                    style={{ overflowWrap: 'anywhere', minWidth: 0 }}
                  >
                    {channel.name}
                  </Anchor>
                  <Group gap={6}>
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
                    {channel.unreadCount > 0 && (
                      <Badge color="red" variant="filled" tt="none" data-testid="unread-badge">
                        {t('channels.unread', { count: channel.unreadCount })}
                      </Badge>
                    )}
                  </Group>
                </Group>
                {channel.description && (
                  <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {channel.description}
                  </Text>
                )}
                <Group gap="xs" wrap="wrap">
                  <Text size="xs" c="dimmed">
                    {t('channels.threads', { count: channel.threadCount })}
                  </Text>
                  <TopicBadges topics={channel.topics} />
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
