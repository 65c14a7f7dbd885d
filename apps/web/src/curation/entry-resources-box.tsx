import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { EntryResources } from '@tandem/domain';
import { useTranslation } from 'react-i18next';
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
    <Paper
      component="section"
      withBorder
      p="md"
      radius="md"
      bg="var(--mantine-color-indigo-0)"
      aria-labelledby="entry-resources-title"
      data-testid="entry-resources"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="entry-resources-title">
          {t('curation.resources.title')}
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
        {resources.note && (
          <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            <strong>{t('curation.resources.note')}:</strong> {resources.note}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
