import { Anchor, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { useApiClient } from '../api/api-context';
import { ApiError } from '../api/api-error';
import { ErrorState, PageLoader } from '../layout/page-states';
import { listNetworks } from '../networks/networks-api';

/**
 * `/moderation/:networkId`, where a "message reported" notification leads (notifications name
 * networks by id): finds the network among the reader's and opens its queue.
 */
export function ModerationRedirect() {
  const { networkId = '' } = useParams();
  const { t } = useTranslation();
  const api = useApiClient();
  const found = useQuery({
    queryKey: ['networks', 'by-id', networkId],
    queryFn: async () => {
      let cursor: string | undefined;
      for (let page = 0; page < 50; page++) {
        const list = await listNetworks(api, { limit: 100, cursor });
        const match = list.items.find((network) => network.id === networkId);
        if (match) return match;
        if (!list.nextCursor) break;
        cursor = list.nextCursor;
      }
      throw new ApiError(404, 'not_found', '');
    },
  });
  if (found.isPending) return <PageLoader />;
  if (found.isError) {
    return (
      <Stack>
        <Anchor component={Link} to="/networks">
          ← {t('network.back')}
        </Anchor>
        <ErrorState error={found.error} />
      </Stack>
    );
  }
  return <Navigate to={`/networks/${encodeURIComponent(found.data.slug)}/moderation`} replace />;
}
