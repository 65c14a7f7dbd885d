import { SegmentedControl, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import {
  listCaseStudies,
  listResearchSummaries,
  publishedQuery,
  type LibraryKind,
} from './library-api';

/** A published summary or case study offered by a picker. */
export interface LibraryCandidate {
  type: LibraryKind;
  id: string;
  title: string;
  /** A summary's key finding, a case study's place. */
  detail: string;
}

/**
 * What a picker that links to the library searches: the kind of item and the words (debounced),
 * and the published items that match, once the picker is open. `cacheKey` keeps each picker's
 * results apart.
 */
export function useLibrarySearch(cacheKey: string, enabled: boolean) {
  const api = useApiClient();
  const [kind, setKind] = useState<LibraryKind>('research');
  const [words, setWords] = useState('');
  const [q] = useDebouncedValue(words.trim(), 300);
  const candidates = useQuery({
    queryKey: [cacheKey, kind, q],
    enabled,
    queryFn: async (): Promise<LibraryCandidate[]> => {
      const query = publishedQuery(q);
      if (kind === 'research') {
        const page = await listResearchSummaries(api, query);
        return page.items.map((item) => ({
          type: kind,
          id: item.id,
          title: item.title,
          detail: item.keyFinding,
        }));
      }
      const page = await listCaseStudies(api, query);
      return page.items.map((item) => ({
        type: kind,
        id: item.id,
        title: item.programmeName,
        detail: [item.city, item.country].filter(Boolean).join(', '),
      }));
    },
  });
  return { kind, setKind, words, setWords, candidates };
}

/** The picker's kind toggle and search field. */
export function LibrarySearchFields({
  search,
  onKindChange,
}: {
  search: ReturnType<typeof useLibrarySearch>;
  /** Called after the kind changed (a picker may drop its choice). */
  onKindChange?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SegmentedControl
        aria-label={t('links.kind')}
        value={search.kind}
        onChange={(value) => {
          search.setKind(value === 'case_study' ? 'case_study' : 'research');
          onKindChange?.();
        }}
        data={[
          { value: 'research', label: t('links.research') },
          { value: 'case_study', label: t('links.caseStudy') },
        ]}
        fullWidth
      />
      <TextInput
        type="search"
        label={t('links.search')}
        value={search.words}
        onChange={(event) => search.setWords(event.currentTarget.value)}
        data-autofocus
      />
    </>
  );
}
