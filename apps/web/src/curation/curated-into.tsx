import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ThreadView } from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CurateButton } from './curate-button';
import { EntryStatusBadge } from './entry-badges';

/**
 * On a thread: the best-practice entries curated from it, and for its moderators the button to
 * curate it (threads of private channels cannot be). Nothing when there is neither.
 */
export function CuratedInto({ thread, canCurate }: { thread: ThreadView; canCurate: boolean }) {
  const { t } = useTranslation();
  const entries = thread.curatedInto ?? [];
  if (entries.length === 0 && !canCurate) return null;
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="curated-into-title">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} size="h5" id="curated-into-title">
            {t('curation.curatedInto')}
          </Title>
          {canCurate && <CurateButton thread={thread} />}
        </Group>
        {entries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('curation.curatedIntoEmpty')}
          </Text>
        ) : (
          <Stack component="ul" gap={4} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {entries.map((entry) => (
              <Group
                component="li"
                key={entry.entryId}
                gap={6}
                wrap="wrap"
                data-testid="curated-into"
              >
                <Anchor
                  component={Link}
                  to={`/entries/${entry.entryId}`}
                  fw={600}
                  size="sm"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {entry.title}
                </Anchor>
                <EntryStatusBadge status={entry.status} />
                {entry.currentVersion !== null && (
                  <Text size="xs" c="dimmed">
                    {t('curation.versionShort', { version: entry.currentVersion })}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
