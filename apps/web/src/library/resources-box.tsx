import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { CaseStudyView } from '@tandem/domain';
import { useTranslation } from 'react-i18next';
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
    <Paper
      component="section"
      withBorder
      p="md"
      radius="md"
      bg="var(--mantine-color-indigo-0)"
      aria-labelledby="resources-title"
      data-testid="resources-box"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="resources-title">
          {t('library.resources')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0}>
          {facts.map((fact) => (
            <div key={fact.label}>
              <Text component="dt" size="xs" c="dimmed">
                {fact.label}
              </Text>
              <Text component="dd" fw={700} size="lg" m={0}>
                {fact.value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
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
      </Stack>
    </Paper>
  );
}
