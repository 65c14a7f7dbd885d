import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  FLAG_REASONS,
  type FlagsClosedView,
  type MessageView,
  type ModerationQueueItem,
} from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiClient } from '../api/api-context';
import { usePagedQuery } from '../api/use-paged-query';
import { AuthorLine, authorName } from '../discussions/author';
import { MarkdownBody } from '../discussions/markdown';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFormatDateTime } from '../layout/format';
import { LoadMoreButton } from '../layout/load-more-button';
import { ErrorState, PageLoader } from '../layout/page-states';
import { useNetwork } from '../networks/networks-api';
import {
  closeFlags,
  listModerationQueue,
  setMessageHidden,
  type QueueAction,
} from './moderation-api';
import { moderationKeys } from './moderation-keys';

/** `/networks/:slug/moderation`: the reported messages of a network, for its moderators. */
export function ModerationQueuePage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const network = useNetwork(slug);
  const { query, items } = usePagedQuery(moderationKeys.queue(slug), (client, cursor) =>
    listModerationQueue(client, slug, cursor),
  );

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/networks/${encodeURIComponent(slug)}`} size="sm">
        ← {network.data ? network.data.name : t('moderation.back')}
      </Anchor>
      <Stack gap="xs">
        <Title order={1} size="h2">
          {t('moderation.queueTitle')}
        </Title>
        <Text c="dimmed">{t('moderation.queueIntro')}</Text>
      </Stack>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('moderation.queueEmpty')}</Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item) => (
            <QueueItem key={item.message.id} slug={slug} item={item} />
          ))}
        </Stack>
      )}
      <LoadMoreButton
        query={query}
        label={t('networks.loadMore')}
        style={{ alignSelf: 'center' }}
      />
    </Stack>
  );
}

function QueueItem({ slug, item }: { slug: string; item: ModerationQueueItem }) {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const formatDateTime = useFormatDateTime();
  const { message, context } = item;

  const act = useMutation({
    mutationFn: (action: QueueAction): Promise<MessageView | FlagsClosedView> =>
      action === 'hide' || action === 'unhide'
        ? setMessageHidden(api, message.id, action === 'hide')
        : closeFlags(api, message.id, action),
    onSuccess: async (_result, action) => {
      const done: Record<QueueAction, string> = {
        hide: t('moderation.hiddenDone'),
        unhide: t('moderation.unhiddenDone'),
        resolve: t('moderation.resolvedDone'),
        dismiss: t('moderation.dismissedDone'),
      };
      notifications.show({ color: 'green', message: done[action] });
      await queryClient.invalidateQueries({ queryKey: moderationKeys.queue(slug) });
    },
  });

  const reasons = FLAG_REASONS.filter((reason) => (item.reasons[reason] ?? 0) > 0);
  const notes = item.flags.filter((flag) => flag.note);

  return (
    <Paper component="li" withBorder p="md" radius="md" data-testid="queue-item">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
          <AuthorLine author={message.author} isMine={false} />
          <Text size="xs" c="dimmed">
            <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
          </Text>
        </Group>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {context ? (
            <>
              {t('moderation.inThread', {
                thread: context.threadTitle,
                channel: context.channelName,
              })}{' '}
              ·{' '}
              <Anchor component={Link} to={`/threads/${context.threadId}`} size="sm">
                {t('moderation.openThread')}
              </Anchor>
            </>
          ) : (
            t('moderation.privateContext')
          )}
        </Text>
        <Group gap="xs">
          {message.hidden && (
            <Badge color="orange" variant="light" tt="none">
              {t('moderation.hiddenBadge')}
            </Badge>
          )}
          {message.deleted && (
            <Badge color="gray" variant="light" tt="none">
              {t('moderation.deletedBadge')}
            </Badge>
          )}
        </Group>
        <Paper bg="gray.0" p="sm" radius="sm" data-testid="queue-message">
          <MarkdownBody>{message.body}</MarkdownBody>
        </Paper>
        <Group gap="xs" wrap="wrap">
          <Badge color="red" variant="filled" tt="none">
            {t('moderation.reports', { count: item.flagCount })}
          </Badge>
          {reasons.map((reason) => (
            <Badge key={reason} color="red" variant="light" tt="none">
              {t(`moderation.reasonShort.${reason}`)}: {item.reasons[reason]}
            </Badge>
          ))}
          <Text size="xs" c="dimmed">
            {t('moderation.lastReported', { date: formatDateTime(item.lastFlaggedAt) })}
          </Text>
        </Group>
        {notes.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('moderation.notesTitle')}
            </Text>
            <Stack gap={2} component="ul" style={{ margin: 0, paddingLeft: '1.2rem' }}>
              {notes.map((flag) => (
                <Text key={flag.id} component="li" size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {t(`moderation.reasonShort.${flag.reason}`)}: {flag.note}
                </Text>
              ))}
            </Stack>
          </Stack>
        )}
        <ApiErrorAlert error={act.error} />
        <Group
          gap="xs"
          wrap="wrap"
          role="group"
          aria-label={t('moderation.actionsFor', {
            author: authorName(message.author, i18n.language),
          })}
        >
          {message.hidden ? (
            <Button
              size="xs"
              variant="default"
              loading={act.isPending && act.variables === 'unhide'}
              onClick={() => act.mutate('unhide')}
            >
              {t('moderation.unhide')}
            </Button>
          ) : (
            <Button
              size="xs"
              color="orange"
              loading={act.isPending && act.variables === 'hide'}
              onClick={() => act.mutate('hide')}
            >
              {t('moderation.hide')}
            </Button>
          )}
          <Button
            size="xs"
            variant="default"
            title={t('moderation.resolveHint')}
            loading={act.isPending && act.variables === 'resolve'}
            onClick={() => act.mutate('resolve')}
          >
            {t('moderation.resolve')}
          </Button>
          <Button
            size="xs"
            variant="default"
            title={t('moderation.dismissHint')}
            loading={act.isPending && act.variables === 'dismiss'}
            onClick={() => act.mutate('dismiss')}
          >
            {t('moderation.dismiss')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
