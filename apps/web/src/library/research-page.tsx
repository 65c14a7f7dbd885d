import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { TopicBadges } from '../discussions/topics';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFormatDate } from '../layout/format';
import { ErrorState, PageLoader } from '../layout/page-states';
import { ItemBadges } from './badges';
import { DiscussedIn } from './discussed-in';
import { getResearchSummary, publishResearchSummary } from './library-api';
import classes from './print.module.css';

/** `/library/research/:id`: a research summary on one page, key finding first; prints on A4. */
export function ResearchPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const formatDate = useFormatDate();
  const summary = useQuery({
    queryKey: queryKeys.researchSummary(id),
    queryFn: () => getResearchSummary(api, id),
  });
  const publish = useMutation({
    mutationFn: () => publishResearchSummary(api, id),
    onSuccess: async (updated) => {
      queryClient.setQueryData(queryKeys.researchSummary(id), updated);
      notifications.show({ color: 'green', message: t('library.published') });
      await queryClient.invalidateQueries({ queryKey: ['library', 'research', 'list'] });
    },
  });

  if (summary.isPending) return <PageLoader />;
  if (summary.isError) {
    return (
      <Stack>
        <BackLink />
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      </Stack>
    );
  }
  const item = summary.data;

  return (
    <Stack gap="md" className={classes.page} component="article" aria-labelledby="summary-title">
      <BackLink />
      <Stack gap={6}>
        <Title order={1} size="h2" id="summary-title" style={{ overflowWrap: 'anywhere' }}>
          {item.title}
        </Title>
        <ItemBadges
          status={item.status}
          scope={item.scope}
          language={item.language}
          question={item.question}
          phase={item.phase}
        />
        <TopicBadges topics={item.topics} />
        <Text size="sm" c="dimmed">
          {[
            item.organisation?.name,
            item.publishedAt
              ? t('library.publishedOn', { date: formatDate(item.publishedAt) })
              : t('library.notPublished'),
            t('library.wordCount', { count: item.wordCount }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>

      <Group gap="xs" data-print="hide">
        <Button variant="default" size="xs" onClick={() => window.print()}>
          {t('library.print')}
        </Button>
        {item.canEdit && (
          <Button
            variant="default"
            size="xs"
            component={Link}
            to={`/library/research/${item.id}/edit`}
          >
            {t('library.edit')}
          </Button>
        )}
        {item.canEdit && item.status === 'draft' && (
          <Button size="xs" loading={publish.isPending} onClick={() => publish.mutate()}>
            {t('library.publish')}
          </Button>
        )}
      </Group>
      <ApiErrorAlert error={publish.error} />

      <Paper
        component="section"
        withBorder
        p="md"
        radius="md"
        bg="var(--mantine-color-yellow-0)"
        aria-labelledby="key-finding-title"
      >
        <Title order={2} size="h4" id="key-finding-title" mb={4}>
          {t('library.keyFinding')}
        </Title>
        <Text fw={600} style={{ whiteSpace: 'pre-line' }}>
          {item.keyFinding}
        </Text>
      </Paper>

      <section aria-labelledby="summary-text-title">
        <Title order={2} size="h4" id="summary-text-title" mb={4}>
          {t('library.summary')}
        </Title>
        <Text style={{ whiteSpace: 'pre-line' }}>{item.summary}</Text>
      </section>

      <section aria-labelledby="implications-title">
        <Title order={2} size="h4" id="implications-title" mb={4}>
          {t('library.implications')}
        </Title>
        <Text style={{ whiteSpace: 'pre-line' }}>{item.practiceImplications}</Text>
      </section>

      <section aria-labelledby="sources-title" className={classes.sources}>
        <Title order={2} size="h4" id="sources-title" mb={4}>
          {t('library.sources')}
        </Title>
        <Stack component="ol" gap={4} m={0} pl="lg">
          {item.sources.map((source) => (
            <li key={source.url}>
              <Anchor
                href={source.url}
                target="_blank"
                rel="noopener noreferrer"
                style={{ overflowWrap: 'anywhere' }}
              >
                {source.citation}
              </Anchor>
              <Text span size="xs" c="dimmed" data-print="hide">
                {' '}
                {t('library.opensInNewTab')}
              </Text>
            </li>
          ))}
        </Stack>
      </section>

      <DiscussedIn kind="research" id={item.id} />
    </Stack>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/library" size="sm" data-print="hide">
      ← {t('library.back')}
    </Anchor>
  );
}
