import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NetworkView } from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { usePagedQuery } from '../api/use-paged-query';
import { useAuth } from '../auth/auth-context';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { LoadMoreButton } from '../layout/load-more-button';
import { ErrorState, PageLoader } from '../layout/page-states';
import { RoleBadge, VisibilityBadge } from './network-badges';
import { joinNetwork, listNetworks } from './networks-api';

export function NetworksPage() {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const { user } = useAuth();
  const { query, items } = usePagedQuery(queryKeys.networks, (client, cursor) =>
    listNetworks(client, { cursor }),
  );

  const join = useMutation({
    mutationFn: (network: NetworkView) => joinNetwork(api, network.slug),
    onSuccess: async (joined) => {
      notifications.show({ color: 'green', message: t('networks.joined', { name: joined.name }) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.networks });
    },
  });

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          {t('networks.title')}
        </Title>
        <Button component={Link} to="/networks/new">
          {t('networks.create')}
        </Button>
      </Group>

      {user && !user.organisation && (
        <Alert color="blue" variant="light" title={t('organisation.missingTitle')} role="note">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('organisation.missingBody')}</Text>
            <Button component={Link} to="/organisation" size="xs" variant="light">
              {t('organisation.missingAction')}
            </Button>
          </Stack>
        </Alert>
      )}

      <ApiErrorAlert error={join.error} />

      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Text>{t('networks.empty')}</Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((network) => (
            <Paper component="li" key={network.id} withBorder p="md" radius="md">
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
                <Stack gap={6} style={{ minWidth: 0, flex: '1 1 16rem' }}>
                  <Group gap="xs" wrap="wrap">
                    <Title order={2} size="h4">
                      <Anchor component={Link} to={`/networks/${network.slug}`}>
                        {network.name}
                      </Anchor>
                    </Title>
                    {network.visibility !== 'open' && (
                      <VisibilityBadge visibility={network.visibility} />
                    )}
                  </Group>
                  {network.description && (
                    <Text size="sm" lineClamp={2}>
                      {network.description}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {t('networks.members', { count: network.memberCount })}
                  </Text>
                </Stack>
                {network.myRole ? (
                  <RoleBadge role={network.myRole} />
                ) : network.visibility === 'open' ? (
                  <Button
                    size="xs"
                    onClick={() => join.mutate(network)}
                    loading={join.isPending && join.variables?.id === network.id}
                    aria-label={t('networks.joinNamed', { name: network.name })}
                  >
                    {t('networks.join')}
                  </Button>
                ) : null}
              </Group>
            </Paper>
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
