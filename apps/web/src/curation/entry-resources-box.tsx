import { Text } from '@mantine/core';
import type { EntryResources } from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import { ResourcesPanel } from '../library/resources-box';

/** What the practice takes to run: the first thing an entry shows, like a case study. */
export function EntryResourcesBox({ resources }: { resources: EntryResources }) {
  const { t } = useTranslation();
  return (
    <ResourcesPanel
      figures={resources}
      labels={{
        budgetEur: t('curation.resources.budget'),
        staffFte: t('curation.resources.staff'),
        volunteers: t('curation.resources.volunteers'),
        durationMonths: t('curation.resources.duration'),
      }}
      notStated={t('curation.notStated')}
      titleId="entry-resources-title"
      title={t('curation.resources.title')}
      testId="entry-resources"
    >
      {resources.note && (
        <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
          <strong>{t('curation.resources.note')}:</strong> {resources.note}
        </Text>
      )}
    </ResourcesPanel>
  );
}
