import {
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  atLeast,
  ENTRY_STATUSES,
  EXPORT_FORMATS,
  PHASES,
  TOPICS,
  type ExportFormat,
  type NetworkRole,
} from '@tandem/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiClient } from '../api/api-context';
import { ApiError } from '../api/api-error';
import { usePagedQuery } from '../api/use-paged-query';
import { TopicBadges } from '../discussions/topics';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFormatDate } from '../layout/format';
import { LoadMoreButton } from '../layout/load-more-button';
import { ErrorState, PageLoader } from '../layout/page-states';
import {
  downloadGuide,
  entryKeys,
  getEntrySettings,
  listEntries,
  type EntryFilters,
  setPublicEntriesAllowed,
} from './entry-api';
import { EntryStatusBadge } from './entry-badges';
import { useEntryEvents } from './use-entry-events';

/** The network's best-practice entries: filters, the printable guide, the public setting. */
export function EntriesSection({ slug, myRole }: { slug: string; myRole: NetworkRole | null }) {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const formatDate = useFormatDate();
  const guideLanguage =
    ['en', 'fr', 'it', 'de'].find((code) => i18n.language.startsWith(code)) ?? 'en';
  const [status, setStatus] = useState<string | null>(null);
  const [topic, setTopic] = useState<string | null>(null);
  const [phase, setPhase] = useState<string | null>(null);
  const [words, setWords] = useState('');
  const [q] = useDebouncedValue(words.trim(), 300);
  const editor = atLeast(myRole, 'moderator');
  useEntryEvents();

  const filters: EntryFilters = {
    status: status ?? undefined,
    topic: topic ?? undefined,
    phase: phase ?? undefined,
    q: q || undefined,
  };
  const { query, items } = usePagedQuery(entryKeys.list(slug, filters), (client, cursor) =>
    listEntries(client, slug, filters, cursor),
  );
  const statuses = editor ? ENTRY_STATUSES : (['published', 'archived'] as const);

  const guide = useMutation({
    mutationFn: (format: ExportFormat) => downloadGuide(api, slug, format, guideLanguage),
  });

  // A network that answers 404 here is reported by the network page itself: say nothing twice.
  if (query.isError && query.error instanceof ApiError && query.error.status === 404) return null;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="entries-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="entries-title">
          {t('curation.entriesTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('curation.entriesIntro')}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2, sm: 4 }} spacing="xs">
          <TextInput
            type="search"
            label={t('curation.filter.words')}
            value={words}
            onChange={(event) => setWords(event.currentTarget.value)}
          />
          <Select
            label={t('curation.filter.status')}
            placeholder={t('curation.filter.current')}
            data={statuses.map((value) => ({ value, label: t(`curation.status.${value}`) }))}
            value={status}
            onChange={setStatus}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('curation.filter.topic')}
            data={TOPICS.map((value) => ({ value, label: t(`topics.${value}`) }))}
            value={topic}
            onChange={setTopic}
            clearable
            searchable
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('curation.filter.phase')}
            data={PHASES.map((value) => ({ value, label: t(`phase.${value}`) }))}
            value={phase}
            onChange={setPhase}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>

        {query.isPending ? (
          <PageLoader />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {editor ? t('curation.entriesEmptyEditor') : t('curation.entriesEmpty')}
          </Text>
        ) : (
          <Stack
            component="ul"
            gap="sm"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            data-testid="entries"
          >
            {items.map((entry) => (
              <li key={entry.id}>
                <Group gap={6} wrap="wrap">
                  <Anchor
                    component={Link}
                    to={`/entries/${entry.id}`}
                    fw={600}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {entry.title}
                  </Anchor>
                  <EntryStatusBadge status={entry.status} />
                </Group>
                {entry.summary && (
                  <Text size="sm" lineClamp={2}>
                    {entry.summary}
                  </Text>
                )}
                <Group gap={6} wrap="wrap">
                  <TopicBadges topics={entry.topics} />
                  <Text size="xs" c="dimmed">
                    {entry.publishedAt
                      ? t('curation.publishedOn', {
                          version: entry.currentVersion ?? 1,
                          date: formatDate(entry.publishedAt),
                        })
                      : t('curation.notPublished')}
                  </Text>
                </Group>
              </li>
            ))}
          </Stack>
        )}
        <LoadMoreButton query={query} label={t('library.loadMore')} size="xs" />

        <Group gap="xs" wrap="wrap" align="center">
          <Text size="sm">{t('curation.guide')}:</Text>
          {EXPORT_FORMATS.map((format) => (
            <Button
              key={format}
              size="xs"
              variant="default"
              loading={guide.isPending && guide.variables === format}
              onClick={() => guide.mutate(format)}
            >
              {t(`curation.download.${format}`)}
            </Button>
          ))}
        </Group>
        <ApiErrorAlert error={guide.error} />
        {myRole && <PublicEntriesSetting slug={slug} />}
      </Stack>
    </Paper>
  );
}

/** Admins decide whether entries may be public; others see the current rule. */
function PublicEntriesSetting({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: entryKeys.settings(slug),
    queryFn: () => getEntrySettings(api, slug),
  });
  const change = useMutation({
    mutationFn: (allowPublicEntries: boolean) =>
      setPublicEntriesAllowed(api, slug, allowPublicEntries),
    onSuccess: async (updated) => {
      queryClient.setQueryData(entryKeys.settings(slug), updated);
      notifications.show({ color: 'green', message: t('curation.settingSaved') });
      await queryClient.invalidateQueries({ queryKey: entryKeys.all });
    },
  });
  if (!settings.data) return null;
  if (!settings.data.canChange) {
    return (
      <Text size="xs" c="dimmed">
        {settings.data.allowPublicEntries
          ? t('curation.publicAllowed')
          : t('curation.publicNotAllowed')}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Switch
        label={t('curation.allowPublic')}
        description={t('curation.allowPublicHint')}
        checked={settings.data.allowPublicEntries}
        disabled={change.isPending}
        onChange={(event) => change.mutate(event.currentTarget.checked)}
      />
      <ApiErrorAlert error={change.error} />
    </Stack>
  );
}
