import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InvitationView } from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { usePagedQuery } from '../api/use-paged-query';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFormatDate } from '../layout/format';
import { LoadMoreButton } from '../layout/load-more-button';
import { ErrorState, PageLoader } from '../layout/page-states';
import { listInvitations, revokeInvitation } from './networks-api';

export function InvitationsSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const formatDate = useFormatDate();
  const { query, items } = usePagedQuery(queryKeys.invitations(slug), (client, cursor) =>
    listInvitations(client, slug, cursor),
  );

  const revoke = useMutation({
    mutationFn: (invitation: InvitationView) => revokeInvitation(api, slug, invitation.id),
    onSuccess: async (_nothing, invitation) => {
      notifications.show({
        color: 'green',
        message: t('invite.revoked', { email: invitation.email }),
      });
      await queryClient.invalidateQueries({ queryKey: queryKeys.invitations(slug) });
    },
  });

  const now = Date.now();

  return (
    <Stack gap="sm" component="section" aria-labelledby="invitations-title">
      <Title order={2} size="h3" id="invitations-title">
        {t('invite.pendingTitle')}
      </Title>
      <ApiErrorAlert error={revoke.error} />
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('invite.pendingEmpty')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((invitation) => {
            const expired = Date.parse(invitation.expiresAt) <= now;
            const pending = !invitation.acceptedAt && !expired;
            return (
              <Paper component="li" key={invitation.id} withBorder p="sm" radius="md">
                <Group justify="space-between" wrap="wrap" gap="sm">
                  <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {invitation.email}
                    </Text>
                    <Group gap="xs">
                      <Badge variant="light" tt="none">
                        {t(`role.${invitation.role}`)}
                      </Badge>
                      {invitation.acceptedAt ? (
                        <Badge color="green" variant="light" tt="none">
                          {t('invite.accepted')}
                        </Badge>
                      ) : expired ? (
                        <Badge color="gray" variant="light" tt="none">
                          {t('invite.expired')}
                        </Badge>
                      ) : (
                        <Text size="xs" c="dimmed">
                          {t('invite.expires', { date: formatDate(invitation.expiresAt) })}
                        </Text>
                      )}
                    </Group>
                  </Stack>
                  {pending && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={revoke.isPending && revoke.variables?.id === invitation.id}
                      onClick={() => revoke.mutate(invitation)}
                      aria-label={t('invite.revokeFor', { email: invitation.email })}
                    >
                      {t('invite.revoke')}
                    </Button>
                  )}
                </Group>
              </Paper>
            );
          })}
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
