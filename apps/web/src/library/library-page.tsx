import {
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import {
  CONTENT_LANGUAGES,
  FUNDING_SOURCES,
  PHASES,
  RESEARCH_QUESTIONS,
  TOPICS,
  type CaseStudyView,
  type ResearchSummaryView,
} from '@tandem/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { TopicBadges } from '../discussions/topics';
import { LoadMoreButton } from '../layout/load-more-button';
import { ErrorState, PageLoader } from '../layout/page-states';
import { countryName, countryOptions } from '../organisations/countries';
import { ItemBadges } from './badges';
import { FeedSubscribe } from './feed-subscribe';
import { useFormatEur } from './format';
import { listLibrary, type LibraryKind } from './library-api';
import { useMyNetworks } from './use-networks';

/** Filters each list understands, in the order they appear in the URL. */
const COMMON_FILTERS = ['q', 'topic', 'language', 'network', 'sort'] as const;
const FILTERS: Record<LibraryKind, readonly string[]> = {
  research: [...COMMON_FILTERS, 'phase', 'question'],
  case_study: [...COMMON_FILTERS, 'country', 'fundingSource', 'maxBudgetEur'],
};

export const kindFromParam = (value: string | null): LibraryKind =>
  value === 'case-studies' ? 'case_study' : 'research';

/** `/library?type=research|case-studies&…filters`: the filtered view is its own address. */
export function LibraryPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const kind = kindFromParam(params.get('type'));

  const changeKind = (next: string | null) => {
    // The other list's filters do not apply: keep only the common ones.
    const kept = new URLSearchParams();
    for (const name of COMMON_FILTERS) {
      const value = params.get(name);
      if (value) kept.set(name, value);
    }
    if (next === 'case_study') kept.set('type', 'case-studies');
    setParams(kept);
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 18rem' }}>
          <Title order={1} size="h2">
            {t('library.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('library.intro')}
          </Text>
        </Stack>
        <Group gap="xs" wrap="wrap">
          <FeedSubscribe />
          <Button
            component={Link}
            to={kind === 'research' ? '/library/research/new' : '/library/case-studies/new'}
          >
            {kind === 'research' ? t('library.newSummary') : t('library.newCaseStudy')}
          </Button>
        </Group>
      </Group>

      <Tabs value={kind} onChange={changeKind} keepMounted={false}>
        <Tabs.List aria-label={t('library.tabs')}>
          <Tabs.Tab value="research">{t('library.research')}</Tabs.Tab>
          <Tabs.Tab value="case_study">{t('library.caseStudies')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="research" pt="md">
          <LibraryList kind="research" />
        </Tabs.Panel>
        <Tabs.Panel value="case_study" pt="md">
          <LibraryList kind="case_study" />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function LibraryList({ kind }: { kind: LibraryKind }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [params] = useSearchParams();
  const filters = useMemo(() => {
    const query: Record<string, string> = {};
    for (const name of FILTERS[kind]) {
      const value = params.get(name);
      if (value) query[name] = value;
    }
    return query;
  }, [params, kind]);
  const filterKey = new URLSearchParams(filters).toString();

  const query = useInfiniteQuery({
    queryKey: queryKeys.libraryList(kind, filterKey),
    queryFn: ({ pageParam }) =>
      listLibrary(api, kind, { ...filters, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <Filters kind={kind} />
      <section aria-labelledby={`${kind}-results`} aria-busy={query.isFetching}>
        <Title order={2} size="h4" id={`${kind}-results`} mb="sm">
          {t('library.results')}
        </Title>
        {query.isPending ? (
          <PageLoader />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : items.length === 0 ? (
          <Paper withBorder p="md" radius="md">
            <Text>
              {kind === 'research' ? t('library.emptyResearch') : t('library.emptyCaseStudies')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('library.emptyHint')}
            </Text>
          </Paper>
        ) : (
          <Stack
            component="ul"
            gap="sm"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            data-testid="library-results"
          >
            {items.map((item) =>
              kind === 'research' ? (
                <SummaryCard key={item.id} item={item as ResearchSummaryView} />
              ) : (
                <CaseStudyCard key={item.id} item={item as CaseStudyView} />
              ),
            )}
          </Stack>
        )}
        {query.hasNextPage && (
          <Group justify="center" mt="md">
            <LoadMoreButton query={query} label={t('library.loadMore')} />
          </Group>
        )}
      </section>
    </Stack>
  );
}

function Filters({ kind }: { kind: LibraryKind }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { networks } = useMyNetworks();
  const [words, setWords] = useState(params.get('q') ?? '');
  const [budget, setBudget] = useState<string | number>(params.get('maxBudgetEur') ?? '');

  const set = (name: string, value: string | null) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  };
  const setLater = useDebouncedCallback(set, 400);
  const sorted = (options: { value: string; label: string }[]) =>
    options.sort((a, b) => a.label.localeCompare(b.label, i18n.language));

  const select = (name: string, label: string, data: { value: string; label: string }[]) => (
    <Select
      label={label}
      data={data}
      value={params.get(name)}
      onChange={(value) => set(name, value)}
      clearable
      searchable
      comboboxProps={{ withinPortal: true }}
    />
  );

  const hasFilters = FILTERS[kind].some((name) => name !== 'sort' && params.get(name));

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${kind}-filters`}>
      <Title order={2} size="h4" id={`${kind}-filters`} mb="sm">
        {t('library.filters')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        <TextInput
          label={t('library.words')}
          type="search"
          value={words}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setWords(value);
            setLater('q', value.trim() || null);
          }}
        />
        {select(
          'topic',
          t('library.topic'),
          sorted(TOPICS.map((topic) => ({ value: topic, label: t(`topics.${topic}`) }))),
        )}
        {kind === 'research' &&
          select(
            'question',
            t('library.question'),
            RESEARCH_QUESTIONS.map((value) => ({ value, label: t(`question.${value}`) })),
          )}
        {kind === 'research' &&
          select(
            'phase',
            t('library.phase'),
            PHASES.map((value) => ({ value, label: t(`phase.${value}`) })),
          )}
        {kind === 'case_study' &&
          select('country', t('library.country'), countryOptions(i18n.language))}
        {kind === 'case_study' &&
          select(
            'fundingSource',
            t('library.fundingSource'),
            FUNDING_SOURCES.map((value) => ({ value, label: t(`funding.${value}`) })),
          )}
        {kind === 'case_study' && (
          <NumberInput
            label={t('library.maxBudget')}
            value={budget}
            min={0}
            step={1000}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=" "
            onChange={(value) => {
              setBudget(value);
              setLater('maxBudgetEur', value === '' ? null : String(value));
            }}
          />
        )}
        {select(
          'language',
          t('library.language'),
          CONTENT_LANGUAGES.map((value) => ({ value, label: t(`contentLanguage.${value}`) })),
        )}
        {select(
          'network',
          t('library.network'),
          networks.map((network) => ({ value: network.slug, label: network.name })),
        )}
        <Select
          label={t('library.sort')}
          data={[
            { value: 'newest', label: t('library.sortNewest') },
            { value: 'most_discussed', label: t('library.sortMostDiscussed') },
          ]}
          value={params.get('sort') ?? 'newest'}
          onChange={(value) => set('sort', value === 'newest' ? null : value)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
      {hasFilters && (
        <Button
          variant="subtle"
          size="xs"
          mt="sm"
          onClick={() => {
            setWords('');
            setBudget('');
            setParams(kind === 'case_study' ? { type: 'case-studies' } : {});
          }}
        >
          {t('library.clearFilters')}
        </Button>
      )}
    </Paper>
  );
}

function SummaryCard({ item }: { item: ResearchSummaryView }) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap={6}>
        <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
          <Anchor component={Link} to={`/library/research/${item.id}`}>
            {item.title}
          </Anchor>
        </Title>
        <ItemBadges
          status={item.status}
          scope={item.scope}
          language={item.language}
          question={item.question}
          phase={item.phase}
        />
        <Text size="sm" lineClamp={3}>
          {item.keyFinding}
        </Text>
        <Group gap="xs" wrap="wrap">
          <TopicBadges topics={item.topics} />
          <Text size="xs" c="dimmed">
            {t('library.discussions', { count: item.discussionCount })}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}

function CaseStudyCard({ item }: { item: CaseStudyView }) {
  const { t, i18n } = useTranslation();
  const formatEur = useFormatEur();
  const place = [item.city, countryName(item.country, i18n.language)].filter(Boolean).join(', ');
  return (
    <Paper component="li" withBorder p="md" radius="md" data-testid="case-study-card">
      <Stack gap={6}>
        <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
          <Anchor component={Link} to={`/library/case-studies/${item.id}`}>
            {item.programmeName}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed">
          {[item.organisation?.name, place].filter(Boolean).join(' · ')}
        </Text>
        <Group gap={6} wrap="wrap">
          <Badge variant="filled" tt="none">
            {t('library.perYear', { amount: formatEur(item.resources.annualBudgetEur) })}
          </Badge>
          {item.fundingSources.map((source) => (
            <Badge key={source} variant="light" tt="none">
              {t(`funding.${source}`)}
            </Badge>
          ))}
        </Group>
        <ItemBadges status={item.status} scope={item.scope} language={item.language} />
        <Text size="sm" lineClamp={2}>
          {item.summary}
        </Text>
        <Group gap="xs" wrap="wrap">
          <TopicBadges topics={item.topics} />
          <Text size="xs" c="dimmed">
            {t('library.discussions', { count: item.discussionCount })}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
