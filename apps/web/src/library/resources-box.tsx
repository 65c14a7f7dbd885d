import { Badge, Group, Text } from '@mantine/core';
import type { CaseStudyView } from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import { FactsPanel } from './facts-panel';
import { formatEur, formatNumber } from './format';

/** What a programme takes to run: the first thing a case study page shows. */
export function ResourcesBox({
  resources,
  fundingSources,
}: Pick<CaseStudyView, 'resources' | 'fundingSources'>) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const facts = [
    { label: t('library.annualBudget'), value: formatEur(resources.annualBudgetEur, language) },
    { label: t('library.staffFte'), value: formatNumber(resources.staffFte, language) },
    { label: t('library.volunteers'), value: formatNumber(resources.volunteers, language) },
    {
      label: t('library.duration'),
      value: t('library.months', { count: resources.durationMonths }),
    },
  ];
  return (
    <FactsPanel
      titleId="resources-title"
      title={t('library.resources')}
      testId="resources-box"
      facts={facts}
    >
      <Group gap={6} wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('library.fundingSources')}:
        </Text>
        {fundingSources.length === 0 ? (
          <Text size="sm">{t('library.noFunding')}</Text>
        ) : (
          fundingSources.map((source) => (
            <Badge key={source} variant="light" tt="none">
              {t(`funding.${source}`)}
            </Badge>
          ))
        )}
      </Group>
    </FactsPanel>
  );
}
