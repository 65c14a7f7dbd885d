import { Badge, Group, Text } from '@mantine/core';
import type { CaseStudyView } from '@tandem/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FactsPanel } from './facts-panel';
import { formatEur, formatNumber } from './format';

/** The four figures of what a programme takes to run; null where its author has not said. */
export interface ResourceFigures {
  budgetEur: number | null;
  staffFte: number | null;
  volunteers: number | null;
  durationMonths: number | null;
}

/**
 * What a programme takes to run, the first thing a case study or an entry shows: the figures
 * formatted for the UI language under their labels, then `children` (funding, a note).
 */
export function ResourcesPanel({
  figures,
  labels,
  notStated = '',
  titleId,
  title,
  testId,
  children,
}: {
  figures: ResourceFigures;
  labels: Record<keyof ResourceFigures, string>;
  /** How a figure reads when it is not stated (a case study states all four). */
  notStated?: string;
  titleId: string;
  title: string;
  testId: string;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const stated = (value: number | null, format: (value: number) => string) =>
    value === null ? notStated : format(value);
  const facts = [
    { label: labels.budgetEur, value: stated(figures.budgetEur, (v) => formatEur(v, language)) },
    { label: labels.staffFte, value: stated(figures.staffFte, (v) => formatNumber(v, language)) },
    {
      label: labels.volunteers,
      value: stated(figures.volunteers, (v) => formatNumber(v, language)),
    },
    {
      label: labels.durationMonths,
      value: stated(figures.durationMonths, (count) => t('library.months', { count })),
    },
  ];
  return (
    <FactsPanel titleId={titleId} title={title} testId={testId} facts={facts}>
      {children}
    </FactsPanel>
  );
}

/** What a programme takes to run: the first thing a case study page shows. */
export function ResourcesBox({
  resources,
  fundingSources,
}: Pick<CaseStudyView, 'resources' | 'fundingSources'>) {
  const { t } = useTranslation();
  return (
    <ResourcesPanel
      figures={{ ...resources, budgetEur: resources.annualBudgetEur }}
      labels={{
        budgetEur: t('library.annualBudget'),
        staffFte: t('library.staffFte'),
        volunteers: t('library.volunteers'),
        durationMonths: t('library.duration'),
      }}
      titleId="resources-title"
      title={t('library.resources')}
      testId="resources-box"
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
    </ResourcesPanel>
  );
}
