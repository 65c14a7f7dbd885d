import { Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { TopicBadges } from '../discussions/topics';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFormatDate } from '../layout/format';
import { ErrorState, PageLoader } from '../layout/page-states';
import { countryName } from '../organisations/countries';
import { ItemBadges } from './badges';
import { DiscussedIn } from './discussed-in';
import { getCaseStudy, publishCaseStudy } from './library-api';
import classes from './print.module.css';
import { ResourcesBox } from './resources-box';

/** `/library/case-studies/:id`: leads with what the programme takes to run. */
export function CaseStudyPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const formatDate = useFormatDate();
  const caseStudy = useQuery({
    queryKey: queryKeys.caseStudy(id),
    queryFn: () => getCaseStudy(api, id),
  });
  const publish = useMutation({
    mutationFn: () => publishCaseStudy(api, id),
    onSuccess: async (updated) => {
      queryClient.setQueryData(queryKeys.caseStudy(id), updated);
      notifications.show({ color: 'green', message: t('library.published') });
      await queryClient.invalidateQueries({ queryKey: ['library', 'case_study', 'list'] });
    },
  });

  if (caseStudy.isPending) return <PageLoader />;
  if (caseStudy.isError) {
    return (
      <Stack>
        <BackLink />
        <ErrorState error={caseStudy.error} onRetry={() => void caseStudy.refetch()} />
      </Stack>
    );
  }
  const item = caseStudy.data;
  const place = [item.city, countryName(item.country, i18n.language)].filter(Boolean).join(', ');

  return (
    <Stack gap="md" className={classes.page} component="article" aria-labelledby="case-study-title">
      <BackLink />
      <Stack gap={6}>
        <Title order={1} size="h2" id="case-study-title" style={{ overflowWrap: 'anywhere' }}>
          {item.programmeName}
        </Title>
        <Text c="dimmed">{[item.organisation?.name, place].filter(Boolean).join(' · ')}</Text>
        <ItemBadges status={item.status} scope={item.scope} language={item.language} />
        <TopicBadges topics={item.topics} />
        <Text size="sm" c="dimmed">
          {item.publishedAt
            ? t('library.publishedOn', { date: formatDate(item.publishedAt) })
            : t('library.notPublished')}
        </Text>
      </Stack>

      <ResourcesBox resources={item.resources} fundingSources={item.fundingSources} />

      <Group gap="xs" data-print="hide">
        <Button variant="default" size="xs" onClick={() => window.print()}>
          {t('library.print')}
        </Button>
        {item.canEdit && (
          <Button
            variant="default"
            size="xs"
            component={Link}
            to={`/library/case-studies/${item.id}/edit`}
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

      <Part id="cs-summary" title={t('library.summary')}>
        <Text style={{ whiteSpace: 'pre-line' }}>{item.summary}</Text>
      </Part>
      {item.targetGroups.length > 0 && (
        <Part id="cs-target-groups" title={t('library.targetGroups')}>
          <List>
            {item.targetGroups.map((group) => (
              <List.Item key={group}>{group}</List.Item>
            ))}
          </List>
        </Part>
      )}
      <Part id="cs-two-way" title={t('library.twoWay')}>
        <Text style={{ whiteSpace: 'pre-line' }}>{item.twoWay ?? t('library.twoWayNone')}</Text>
      </Part>
      {item.outcomes && (
        <Part id="cs-outcomes" title={t('library.outcomes')}>
          <Text style={{ whiteSpace: 'pre-line' }}>{item.outcomes}</Text>
        </Part>
      )}
      {item.evaluation && (
        <Part id="cs-evaluation" title={t('library.evaluation')}>
          <Text style={{ whiteSpace: 'pre-line' }}>{item.evaluation}</Text>
        </Part>
      )}
      {item.adaptation && (
        <Part id="cs-adaptation" title={t('library.adaptation')}>
          <Text style={{ whiteSpace: 'pre-line' }}>{item.adaptation}</Text>
        </Part>
      )}
      {item.contact && (
        <Part id="cs-contact" title={t('library.contact')}>
          <Text style={{ overflowWrap: 'anywhere' }}>{item.contact}</Text>
        </Part>
      )}

      <DiscussedIn kind="case_study" id={item.id} />
    </Stack>
  );
}

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb={4}>
        {title}
      </Title>
      {children}
    </section>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/library?type=case-studies" size="sm" data-print="hide">
      ← {t('library.back')}
    </Anchor>
  );
}
