import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The highlighted panel of figures that leads a case study or an entry ("what it takes to
 * run"): a titled section holding a definition list of label and value, then anything else.
 */
export function FactsPanel({
  titleId,
  title,
  testId,
  facts,
  children,
}: {
  titleId: string;
  title: string;
  testId: string;
  facts: { label: string; value: string }[];
  children?: ReactNode;
}) {
  return (
    <Paper
      component="section"
      withBorder
      p="md"
      radius="md"
      bg="var(--mantine-color-indigo-0)"
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {title}
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
        {children}
      </Stack>
    </Paper>
  );
}
