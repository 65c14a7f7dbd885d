import { Badge, Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OrganisationView } from '@tandem/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { OrganisationSummary } from './organisation-summary';
import { searchOrganisations } from './organisations-api';

const MIN_QUERY_LENGTH = 2;

export function OrganisationSearch({
  currentId,
  choosingId,
  onChoose,
}: {
  currentId: string | null;
  choosingId: string | null;
  onChoose: (organisation: OrganisationView) => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [input, setInput] = useState('');
  const [query] = useDebouncedValue(input.trim(), 250);
  const enabled = query.length >= MIN_QUERY_LENGTH;

  const results = useQuery({
    queryKey: queryKeys.organisations(query),
    queryFn: () => searchOrganisations(api, query),
    enabled,
    placeholderData: keepPreviousData,
  });

  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        <Title order={2} size="h4">
          {t('organisation.searchTitle')}
        </Title>
        <TextInput
          type="search"
          label={t('organisation.search')}
          description={t('organisation.searchHint')}
          value={input}
          onChange={(event) => setInput(event.currentTarget.value)}
          rightSection={results.isFetching ? <Loader size="xs" /> : null}
        />
        <ApiErrorAlert error={results.error} />
        {enabled && results.data && (
          <Stack gap="xs" aria-live="polite">
            {results.data.items.length === 0 ? (
              <Text size="sm">{t('organisation.noResults', { query })}</Text>
            ) : (
              results.data.items.map((organisation) => (
                <Group key={organisation.id} justify="space-between" wrap="wrap" gap="xs" py={4}>
                  <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
                    <OrganisationSummary organisation={organisation} />
                    <Badge variant="light" tt="none" w="fit-content">
                      {organisation.label}
                    </Badge>
                  </Stack>
                  <Button
                    size="xs"
                    variant={organisation.id === currentId ? 'light' : 'filled'}
                    disabled={organisation.id === currentId}
                    loading={choosingId === organisation.id}
                    onClick={() => onChoose(organisation)}
                    aria-label={t('organisation.chooseNamed', { name: organisation.name })}
                  >
                    {t('organisation.choose')}
                  </Button>
                </Group>
              ))
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
