import { Text } from '@mantine/core';
import type { EntryResources } from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import { FactsPanel } from '../library/facts-panel';
import { formatEur, formatNumber } from '../library/format';

/** What the practice takes to run: the first thing an entry shows, like a case study. */
export function EntryResourcesBox({ resources }: { resources: EntryResources }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const notStated = t('curation.notStated');
  const facts = [
    {
      label: t('curation.resources.budget'),
      value: resources.budgetEur === null ? notStated : formatEur(resources.budgetEur, language),
    },
    {
      label: t('curation.resources.staff'),
      value: resources.staffFte === null ? notStated : formatNumber(resources.staffFte, language),
    },
    {
      label: t('curation.resources.volunteers'),
      value:
        resources.volunteers === null ? notStated : formatNumber(resources.volunteers, language),
    },
    {
      label: t('curation.resources.duration'),
      value:
        resources.durationMonths === null
          ? notStated
          : t('library.months', { count: resources.durationMonths }),
    },
  ];
  return (
    <FactsPanel
      titleId="entry-resources-title"
      title={t('curation.resources.title')}
      testId="entry-resources"
      facts={facts}
    >
      {resources.note && (
        <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
          <strong>{t('curation.resources.note')}:</strong> {resources.note}
        </Text>
      )}
    </FactsPanel>
  );
}
