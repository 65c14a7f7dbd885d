import {
  Anchor,
  Badge,
  Button,
  Chip,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { SearchHit, SearchType } from '@tandem/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { authorName } from '../discussions/author';
import { ErrorState, PageLoader } from '../layout/page-states';
import { useFormatDate } from '../layout/format';
import { HighlightedSnippet } from './highlight';
import { search } from './search-api';

/** The kinds of result offered as filters. */
export const SEARCHABLE: SearchType[] = ['thread', 'message', 'research', 'case_study', 'entry'];

const isSearchable = (value: string): value is SearchType =>
  (SEARCHABLE as string[]).includes(value);

/** Where a hit leads. */
export function hitPath(hit: SearchHit): string {
  switch (hit.type) {
    case 'research':
      return `/library/research/${hit.id}`;
    case 'case_study':
      return `/library/case-studies/${hit.id}`;
    case 'thread':
      return `/threads/${hit.threadId ?? hit.id}`;
    case 'entry':
      return `/entries/${hit.id}`;
    case 'message':
      return hit.threadId ? `/threads/${hit.threadId}` : '/';
  }
}

/** `/search?q=&types=`: search across discussions and the library. */
export function SearchPage() {
  const { t } = useTranslation();
  const api = useApiClient();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const types = (params.get('types') ?? '').split(',').filter(isSearchable);
  const typesKey = types.join(',');
  const [draft, setDraft] = useState(q);

  const results = useQuery({
    queryKey: queryKeys.search(q, typesKey),
    queryFn: () => search(api, q, types.length > 0 ? types : SEARCHABLE),
    enabled: q.length > 0,
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    const value = draft.trim();
    if (value) next.set('q', value);
    else next.delete('q');
    setParams(next);
  };

  const setTypes = (next: string[]) => {
    const updated = new URLSearchParams(params);
    const chosen = SEARCHABLE.filter((type) => next.includes(type));
    if (chosen.length > 0 && chosen.length < SEARCHABLE.length) {
      updated.set('types', chosen.join(','));
    } else {
      updated.delete('types');
    }
    setParams(updated, { replace: true });
  };

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('search.title')}
      </Title>
      <form onSubmit={submit} role="search" aria-label={t('search.label')}>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            type="search"
            label={t('search.label')}
            value={draft}
            maxLength={200}
            onChange={(event) => setDraft(event.currentTarget.value)}
            style={{ flex: 1, minWidth: 0 }}
          />
          <Button type="submit">{t('search.submit')}</Button>
        </Group>
      </form>
      <Chip.Group multiple value={types} onChange={setTypes}>
        <Group gap="xs" role="group" aria-label={t('search.types')}>
          {SEARCHABLE.map((type) => (
            <Chip key={type} value={type} size="sm">
              {t(`search.${type}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>

      {!q ? (
        <Text c="dimmed">{t('search.prompt')}</Text>
      ) : results.isPending ? (
        <PageLoader />
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <section aria-labelledby="search-results-title">
          <Title order={2} size="h4" id="search-results-title" mb="sm">
            {t('search.results', { query: q })}
          </Title>
          {results.data.hits.length === 0 ? (
            <Text>{t('search.empty', { query: q })}</Text>
          ) : (
            <Stack
              component="ul"
              gap="sm"
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
              data-testid="search-results"
            >
              {results.data.hits.map((hit) => (
                <SearchHitItem key={`${hit.type}:${hit.id}`} hit={hit} />
              ))}
            </Stack>
          )}
        </section>
      )}
    </Stack>
  );
}

function SearchHitItem({ hit }: { hit: SearchHit }) {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <Paper component="li" withBorder p="md" radius="md" data-testid="search-hit">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" tt="none">
            {t(`search.${hit.type}`)}
          </Badge>
          <Anchor component={Link} to={hitPath(hit)} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {hit.title}
          </Anchor>
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="snippet">
          <HighlightedSnippet snippet={hit.snippet} />
        </Text>
        <Text size="xs" c="dimmed">
          {[
            hit.author ? t('search.by', { author: authorName(hit.author, i18n.language) }) : null,
            formatDate(hit.createdAt),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
    </Paper>
  );
}
