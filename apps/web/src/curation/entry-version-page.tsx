import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiClient } from '../api/api-context';
import { TopicBadges } from '../discussions/topics';
import { useFormatDate } from '../layout/format';
import { ErrorState, PageLoader } from '../layout/page-states';
import classes from '../library/print.module.css';
import { entryKeys, getEntryVersion, useEntry } from './entry-api';
import { EntryBody, ExportButtons, Part } from './entry-page';
import { EntryResourcesBox } from './entry-resources-box';

/** `/entries/:id/versions/:version`: one published version, as it was published. */
export function EntryVersionPage() {
  const { id = '', version: param = '' } = useParams();
  const version = Number(param);
  const { t } = useTranslation();
  const api = useApiClient();
  const formatDate = useFormatDate();
  const entry = useEntry(id);
  const shown = useQuery({
    queryKey: entryKeys.version(id, version),
    queryFn: () => getEntryVersion(api, id, version),
    enabled: Number.isSafeInteger(version) && version > 0,
  });

  if (entry.isPending || shown.isPending) return <PageLoader />;
  if (entry.isError) return <ErrorState error={entry.error} />;
  if (shown.isError) return <ErrorState error={shown.error} />;
  const { content } = shown.data;
  const isCurrent = entry.data.currentVersion === version;
  return (
    <Stack gap="md" className={classes.page} component="article" aria-labelledby="version-title">
      <Anchor component={Link} to={`/entries/${id}`} size="sm" data-print="hide">
        ← {t('curation.backToEntry')}
      </Anchor>
      <Stack gap={6}>
        <Title order={1} size="h2" id="version-title" style={{ overflowWrap: 'anywhere' }}>
          {content.title}
        </Title>
        <Text size="sm" c="dimmed">
          {t('curation.publishedOn', { version, date: formatDate(shown.data.publishedAt) })}
          {shown.data.publishedBy ? ` · ${shown.data.publishedBy.displayName}` : ''}
        </Text>
        <TopicBadges topics={content.topics} />
      </Stack>
      {!isCurrent && (
        <Alert color="blue" variant="light" data-print="hide">
          {t('curation.olderVersion', { current: entry.data.currentVersion ?? version })}
        </Alert>
      )}
      {shown.data.note && (
        <Text size="sm">
          <strong>{t('curation.versionNote')}:</strong> {shown.data.note}
        </Text>
      )}
      <EntryResourcesBox resources={content.resources} />
      <ExportButtons entry={entry.data} version={version} />
      <EntryBody content={content} />
      {content.links.length > 0 && (
        <Part id="version-sources" title={t('curation.sources')}>
          <Stack component="ul" gap={4} style={{ paddingLeft: 16, margin: 0 }}>
            {content.links.map((link) => (
              <Text component="li" size="sm" key={`${link.type}:${link.id}`}>
                {link.title}
              </Text>
            ))}
          </Stack>
        </Part>
      )}
    </Stack>
  );
}
