import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A pairing's list of work items (its goals, its sessions): a titled section, a line when the
 * list is empty, the items, then whatever adds to the list. The list is labelled by the title.
 */
export function WorkItemsSection<Item extends { id: string }>({
  titleId,
  title,
  empty,
  items,
  ordered,
  itemTestId,
  renderItem,
  children,
}: {
  titleId: string;
  title: string;
  empty: string;
  items: readonly Item[];
  /** Goals are numbered (an `ol`); sessions are not. */
  ordered: boolean;
  itemTestId?: string;
  renderItem: (item: Item) => ReactNode;
  children?: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={titleId}>
          {title}
        </Title>
        {items.length === 0 && <Text c="dimmed">{empty}</Text>}
        <Stack
          component={ordered ? 'ol' : 'ul'}
          gap="sm"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-labelledby={titleId}
        >
          {items.map((item) => (
            <li key={item.id} data-testid={itemTestId}>
              {renderItem(item)}
            </li>
          ))}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

/** An item's first line as read: its name, its state, and any further facts beside them. */
export function WorkItemHeading({
  name,
  state,
  children,
}: {
  name: string;
  state: string;
  children?: ReactNode;
}) {
  return (
    <Group gap="xs" wrap="wrap">
      <Text fw={500}>{name}</Text>
      <Badge variant="light" tt="none">
        {state}
      </Badge>
      {children}
    </Group>
  );
}
