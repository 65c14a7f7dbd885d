import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { useFormatDate } from '../layout/format';
import { ErrorState, PageLoader } from '../layout/page-states';
import { listDiscussedIn } from './library-api';

/** The threads the reader may open that cite this item (a summary, case study or entry). */
export function DiscussedIn({
  kind,
  id,
}: {
  kind: 'research' | 'case_study' | 'entry';
  id: string;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const formatDate = useFormatDate();
  const discussions = useQuery({
    queryKey: queryKeys.discussedIn(kind, id),
    queryFn: () => listDiscussedIn(api, kind, id),
  });
  return (
    <Paper
      component="section"
      withBorder
      p="md"
      radius="md"
      aria-labelledby="discussed-in-title"
      data-print="hide"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="discussed-in-title">
          {t('library.discussedIn')}
        </Title>
        {discussions.isPending ? (
          <PageLoader />
        ) : discussions.isError ? (
          <ErrorState error={discussions.error} onRetry={() => void discussions.refetch()} />
        ) : discussions.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('library.discussedInEmpty')}
          </Text>
        ) : (
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {discussions.data.map((item) => (
              <li key={item.threadId}>
                <Anchor component={Link} to={`/threads/${item.threadId}`} fw={600}>
                  {item.threadTitle}
                </Anchor>
                {item.note && (
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {item.note}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {t('library.linkedOn', { date: formatDate(item.linkedAt) })}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
